// Swift types for Protos/grpc/reflection/v1/reflection.proto.

public import ProtoWire

/// The messages and methods of `grpc.reflection.v1`, the standard gRPC server reflection protocol.
public enum GRPCReflectionV1 {
  /// The message sent by the client when calling `ServerReflectionInfo`.
  public struct ServerReflectionRequest: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.ServerReflectionRequest"

    /// What the client asks for; the server distinguishes requests by the member that is set.
    public enum MessageRequest: Sendable, Equatable {
      /// Find a proto file by the file name.
      case fileByFilename(String)
      /// Find the proto file that declares the given fully qualified symbol name
      /// (`<package>.<service>[.<method>]` or `<package>.<type>`).
      case fileContainingSymbol(String)
      /// Find the proto file which defines an extension extending the given message type with the
      /// given field number.
      case fileContainingExtension(ExtensionRequest)
      /// Find the field numbers of all known extensions of the given fully qualified message type
      /// (`<package>.<type>`). Best effort: the server may answer UNIMPLEMENTED or leave some out.
      case allExtensionNumbersOfType(String)
      /// List the full names of the registered services. The content is not checked.
      case listServices(String)
    }

    /// The host the request is for.
    public var host: String = ""
    /// What the client asks for.
    public var messageRequest: MessageRequest? = nil
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.string(host, 1)
      switch messageRequest {
      case .fileByFilename(let value)?: visitor.visit(value, as: ProtoString.self, field: 3)
      case .fileContainingSymbol(let value)?: visitor.visit(value, as: ProtoString.self, field: 4)
      case .fileContainingExtension(let value)?: visitor.visitMessage(value, field: 5)
      case .allExtensionNumbersOfType(let value)?:
        visitor.visit(value, as: ProtoString.self, field: 6)
      case .listServices(let value)?: visitor.visit(value, as: ProtoString.self, field: 7)
      case nil: break
      }
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: host = try decoder.string(wireType)
      case 3: messageRequest = .fileByFilename(try decoder.string(wireType))
      case 4: messageRequest = .fileContainingSymbol(try decoder.string(wireType))
      case 5:
        var value: ExtensionRequest
        if case .fileContainingExtension(let existing)? = messageRequest {
          value = existing
        } else {
          value = ExtensionRequest()
        }
        try decoder.message(&value, wireType)
        messageRequest = .fileContainingExtension(value)
      case 6: messageRequest = .allExtensionNumbersOfType(try decoder.string(wireType))
      case 7: messageRequest = .listServices(try decoder.string(wireType))
      default: return false
      }
      return true
    }
  }

  /// The type name and extension number sent by the client when requesting
  /// `fileContainingExtension`.
  public struct ExtensionRequest: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.ExtensionRequest"
    /// Fully qualified type name, `<package>.<type>`.
    public var containingType: String = ""
    /// The extension's field number.
    public var extensionNumber: Int32 = 0
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.string(containingType, 1)
      visitor.int32(extensionNumber, 2)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: containingType = try decoder.string(wireType)
      case 2: extensionNumber = try decoder.int32(wireType)
      default: return false
      }
      return true
    }
  }

  /// The message sent by the server to answer `ServerReflectionInfo`.
  public struct ServerReflectionResponse: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.ServerReflectionResponse"

    /// The answer, according to the member set in the request's `messageRequest`.
    public enum MessageResponse: Sendable, Equatable {
      /// Answers `fileByFilename`, `fileContainingSymbol` and `fileContainingExtension`, with
      /// transitive dependencies (files already sent earlier on the stream may be left out).
      case fileDescriptorResponse(FileDescriptorResponse)
      /// Answers `allExtensionNumbersOfType`.
      case allExtensionNumbersResponse(ExtensionNumberResponse)
      /// Answers `listServices`.
      case listServicesResponse(ListServiceResponse)
      /// Sent when an error occurs.
      case errorResponse(ErrorResponse)
    }

    /// The host the answer is valid for.
    public var validHost: String = ""
    /// The request this answers.
    public var originalRequest: ServerReflectionRequest? = nil
    /// The answer.
    public var messageResponse: MessageResponse? = nil
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.string(validHost, 1)
      visitor.message(originalRequest, 2)
      switch messageResponse {
      case .fileDescriptorResponse(let value)?: visitor.visitMessage(value, field: 4)
      case .allExtensionNumbersResponse(let value)?: visitor.visitMessage(value, field: 5)
      case .listServicesResponse(let value)?: visitor.visitMessage(value, field: 6)
      case .errorResponse(let value)?: visitor.visitMessage(value, field: 7)
      case nil: break
      }
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: validHost = try decoder.string(wireType)
      case 2: try decoder.message(&originalRequest, wireType)
      case 4:
        var value: FileDescriptorResponse
        if case .fileDescriptorResponse(let existing)? = messageResponse {
          value = existing
        } else {
          value = FileDescriptorResponse()
        }
        try decoder.message(&value, wireType)
        messageResponse = .fileDescriptorResponse(value)
      case 5:
        var value: ExtensionNumberResponse
        if case .allExtensionNumbersResponse(let existing)? = messageResponse {
          value = existing
        } else {
          value = ExtensionNumberResponse()
        }
        try decoder.message(&value, wireType)
        messageResponse = .allExtensionNumbersResponse(value)
      case 6:
        var value: ListServiceResponse
        if case .listServicesResponse(let existing)? = messageResponse {
          value = existing
        } else {
          value = ListServiceResponse()
        }
        try decoder.message(&value, wireType)
        messageResponse = .listServicesResponse(value)
      case 7:
        var value: ErrorResponse
        if case .errorResponse(let existing)? = messageResponse {
          value = existing
        } else {
          value = ErrorResponse()
        }
        try decoder.message(&value, wireType)
        messageResponse = .errorResponse(value)
      default: return false
      }
      return true
    }
  }

  /// Serialized `FileDescriptorProto` messages sent by the server answering a `fileByFilename`,
  /// `fileContainingSymbol` or `fileContainingExtension` request.
  public struct FileDescriptorResponse: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.FileDescriptorResponse"
    /// Serialized `FileDescriptorProto` messages, opaque bytes to avoid depending on
    /// `descriptor.proto`.
    public var fileDescriptorProto: [[UInt8]] = []
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.repeated(fileDescriptorProto, ProtoBytes.self, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.repeated(&fileDescriptorProto, ProtoBytes.self, wireType)
      default: return false
      }
      return true
    }
  }

  /// The extension numbers sent by the server answering an `allExtensionNumbersOfType` request.
  public struct ExtensionNumberResponse: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.ExtensionNumberResponse"
    /// Full name of the base type, including the package name: `<package>.<type>`.
    public var baseTypeName: String = ""
    /// The field numbers of the base type's extensions.
    public var extensionNumber: [Int32] = []
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.string(baseTypeName, 1)
      visitor.repeated(extensionNumber, ProtoInt32.self, 2)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: baseTypeName = try decoder.string(wireType)
      case 2: try decoder.repeated(&extensionNumber, ProtoInt32.self, wireType)
      default: return false
      }
      return true
    }
  }

  /// The services sent by the server answering a `listServices` request.
  public struct ListServiceResponse: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.ListServiceResponse"
    /// One entry per service, a message so that it can grow in the future.
    public var service: [ServiceResponse] = []
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.repeatedMessage(service, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.repeatedMessage(&service, wireType)
      default: return false
      }
      return true
    }
  }

  /// One service of a `ListServiceResponse`.
  public struct ServiceResponse: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.ServiceResponse"
    /// Full name of a registered service, including its package name: `<package>.<service>`.
    public var name: String = ""
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.string(name, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: name = try decoder.string(wireType)
      default: return false
      }
      return true
    }
  }

  /// The error code and message sent by the server when an error occurs.
  public struct ErrorResponse: ProtoMessage {
    public static let protoMessageName = "grpc.reflection.v1.ErrorResponse"
    /// A gRPC status code (`grpc::StatusCode`).
    public var errorCode: Int32 = 0
    /// A description of the error.
    public var errorMessage: String = ""
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.int32(errorCode, 1)
      visitor.string(errorMessage, 2)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: errorCode = try decoder.int32(wireType)
      case 2: errorMessage = try decoder.string(wireType)
      default: return false
      }
      return true
    }
  }

  /// Every message type of this file.
  public static let messageTypes: [any ProtoMessage.Type] = [
    ServerReflectionRequest.self, ExtensionRequest.self, ServerReflectionResponse.self,
    FileDescriptorResponse.self, ExtensionNumberResponse.self, ListServiceResponse.self,
    ServiceResponse.self, ErrorResponse.self,
  ]

  /// The methods of `grpc.reflection.v1.ServerReflection`.
  public enum ServerReflection {
    /// The service's fully qualified name.
    public static let serviceName = "grpc.reflection.v1.ServerReflection"
    /// `ServerReflectionInfo`: bidirectional streaming.
    public static let serverReflectionInfo = MethodDescriptor(
      service: serviceName, method: "ServerReflectionInfo", kind: .bidirectionalStreaming)
    /// Every method of the service.
    public static let methods = [serverReflectionInfo]
  }
}
