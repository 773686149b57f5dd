// Swift types for Protos/grpc/testing/messages.proto.

public import ProtoWire

extension GRPCTesting {
  /// A nullable bool, standing in for `google.protobuf.BoolValue`.
  public struct BoolValue: ProtoMessage {
    public static let protoMessageName = "grpc.testing.BoolValue"
    /// The bool value.
    public var value: Bool = false
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.bool(value, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: value = try decoder.bool(wireType)
      default: return false
      }
      return true
    }
  }

  /// The type of payload that should be returned.
  public enum PayloadType: ProtoEnum {
    public static let protoEnumName = "grpc.testing.PayloadType"
    /// Compressable text format.
    case compressable
    /// A value this version does not name.
    case unrecognized(Int32)

    public init(rawValue: Int32) {
      switch rawValue {
      case 0: self = .compressable
      default: self = .unrecognized(rawValue)
      }
    }

    public var rawValue: Int32 {
      switch self {
      case .compressable: 0
      case .unrecognized(let value): value
      }
    }
  }

  /// A block of data, to simply increase gRPC message size.
  public struct Payload: ProtoMessage {
    public static let protoMessageName = "grpc.testing.Payload"
    /// The type of data in body.
    public var type: PayloadType = .compressable
    /// Primary contents of payload.
    public var body: [UInt8] = []
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.enum(type, 1)
      visitor.bytes(body, 2)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: type = try decoder.enum(wireType)
      case 2: body = try decoder.bytes(wireType)
      default: return false
      }
      return true
    }
  }

  /// A protobuf representation for grpc status. This is used by test clients to specify a status
  /// that the server should attempt to return.
  public struct EchoStatus: ProtoMessage {
    public static let protoMessageName = "grpc.testing.EchoStatus"
    /// The status code to return.
    public var code: Int32 = 0
    /// The status message to return.
    public var message: String = ""
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.int32(code, 1)
      visitor.string(message, 2)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: code = try decoder.int32(wireType)
      case 2: message = try decoder.string(wireType)
      default: return false
      }
      return true
    }
  }

  /// Unary request.
  public struct SimpleRequest: ProtoMessage {
    public static let protoMessageName = "grpc.testing.SimpleRequest"
    /// Desired payload type in the response from the server.
    public var responseType: PayloadType = .compressable
    /// Desired payload size in the response from the server.
    public var responseSize: Int32 = 0
    /// Optional input payload sent along with the request.
    public var payload: Payload? = nil
    /// Whether `SimpleResponse` should include username.
    public var fillUsername: Bool = false
    /// Whether `SimpleResponse` should include OAuth scope.
    public var fillOauthScope: Bool = false
    /// Whether to request the server to compress the response ("nullable" so that clients unable
    /// to verify the response's compression status can leave it out).
    public var responseCompressed: BoolValue? = nil
    /// Whether server should return a given status.
    public var responseStatus: EchoStatus? = nil
    /// Whether the server should expect this request to be compressed.
    public var expectCompressed: BoolValue? = nil
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.enum(responseType, 1)
      visitor.int32(responseSize, 2)
      visitor.message(payload, 3)
      visitor.bool(fillUsername, 4)
      visitor.bool(fillOauthScope, 5)
      visitor.message(responseCompressed, 6)
      visitor.message(responseStatus, 7)
      visitor.message(expectCompressed, 8)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: responseType = try decoder.enum(wireType)
      case 2: responseSize = try decoder.int32(wireType)
      case 3: try decoder.message(&payload, wireType)
      case 4: fillUsername = try decoder.bool(wireType)
      case 5: fillOauthScope = try decoder.bool(wireType)
      case 6: try decoder.message(&responseCompressed, wireType)
      case 7: try decoder.message(&responseStatus, wireType)
      case 8: try decoder.message(&expectCompressed, wireType)
      default: return false
      }
      return true
    }
  }

  /// Unary response, as configured by the request.
  public struct SimpleResponse: ProtoMessage {
    public static let protoMessageName = "grpc.testing.SimpleResponse"
    /// Payload to increase message size.
    public var payload: Payload? = nil
    /// The user the request came from, for verifying authentication was successful when the client
    /// expected it.
    public var username: String = ""
    /// OAuth scope.
    public var oauthScope: String = ""
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.message(payload, 1)
      visitor.string(username, 2)
      visitor.string(oauthScope, 3)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.message(&payload, wireType)
      case 2: username = try decoder.string(wireType)
      case 3: oauthScope = try decoder.string(wireType)
      default: return false
      }
      return true
    }
  }

  /// Client-streaming request.
  public struct StreamingInputCallRequest: ProtoMessage {
    public static let protoMessageName = "grpc.testing.StreamingInputCallRequest"
    /// Optional input payload sent along with the request.
    public var payload: Payload? = nil
    /// Whether the server should expect this request to be compressed ("nullable" so that servers
    /// unable to verify the request's compression status can ignore it).
    public var expectCompressed: BoolValue? = nil
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.message(payload, 1)
      visitor.message(expectCompressed, 2)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.message(&payload, wireType)
      case 2: try decoder.message(&expectCompressed, wireType)
      default: return false
      }
      return true
    }
  }

  /// Client-streaming response.
  public struct StreamingInputCallResponse: ProtoMessage {
    public static let protoMessageName = "grpc.testing.StreamingInputCallResponse"
    /// Aggregated size of payloads received from the client.
    public var aggregatedPayloadSize: Int32 = 0
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.int32(aggregatedPayloadSize, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: aggregatedPayloadSize = try decoder.int32(wireType)
      default: return false
      }
      return true
    }
  }

  /// Configuration for a particular response.
  public struct ResponseParameters: ProtoMessage {
    public static let protoMessageName = "grpc.testing.ResponseParameters"
    /// Desired payload sizes in responses from the server.
    public var size: Int32 = 0
    /// Desired interval between consecutive responses in the response stream in microseconds.
    public var intervalUs: Int32 = 0
    /// Whether to request the server to compress the response ("nullable" so that clients unable
    /// to verify the response's compression status can leave it out).
    public var compressed: BoolValue? = nil
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.int32(size, 1)
      visitor.int32(intervalUs, 2)
      visitor.message(compressed, 3)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: size = try decoder.int32(wireType)
      case 2: intervalUs = try decoder.int32(wireType)
      case 3: try decoder.message(&compressed, wireType)
      default: return false
      }
      return true
    }
  }

  /// Server-streaming request.
  public struct StreamingOutputCallRequest: ProtoMessage {
    public static let protoMessageName = "grpc.testing.StreamingOutputCallRequest"
    /// Desired payload type in the response from the server.
    public var responseType: PayloadType = .compressable
    /// Configuration for each expected response message.
    public var responseParameters: [ResponseParameters] = []
    /// Optional input payload sent along with the request.
    public var payload: Payload? = nil
    /// Whether server should return a given status.
    public var responseStatus: EchoStatus? = nil
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.enum(responseType, 1)
      visitor.repeatedMessage(responseParameters, 2)
      visitor.message(payload, 3)
      visitor.message(responseStatus, 7)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: responseType = try decoder.enum(wireType)
      case 2: try decoder.repeatedMessage(&responseParameters, wireType)
      case 3: try decoder.message(&payload, wireType)
      case 7: try decoder.message(&responseStatus, wireType)
      default: return false
      }
      return true
    }
  }

  /// Server-streaming response, as configured by the request and parameters.
  public struct StreamingOutputCallResponse: ProtoMessage {
    public static let protoMessageName = "grpc.testing.StreamingOutputCallResponse"
    /// Payload to increase response size.
    public var payload: Payload? = nil
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.message(payload, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.message(&payload, wireType)
      default: return false
      }
      return true
    }
  }

  /// For the reconnect interop test only: the client tells the server what reconnection
  /// parameters it used.
  public struct ReconnectParams: ProtoMessage {
    public static let protoMessageName = "grpc.testing.ReconnectParams"
    /// The maximum reconnect backoff the client used, in milliseconds.
    public var maxReconnectBackoffMs: Int32 = 0
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.int32(maxReconnectBackoffMs, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: maxReconnectBackoffMs = try decoder.int32(wireType)
      default: return false
      }
      return true
    }
  }

  /// For the reconnect interop test only: the server tells the client whether its reconnects are
  /// following the spec and the reconnect backoffs it saw.
  public struct ReconnectInfo: ProtoMessage {
    public static let protoMessageName = "grpc.testing.ReconnectInfo"
    /// Whether the client's reconnects followed the spec.
    public var passed: Bool = false
    /// The backoffs the server saw between reconnects, in milliseconds.
    public var backoffMs: [Int32] = []
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.bool(passed, 1)
      visitor.repeated(backoffMs, ProtoInt32.self, 2)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: passed = try decoder.bool(wireType)
      case 2: try decoder.repeated(&backoffMs, ProtoInt32.self, wireType)
      default: return false
      }
      return true
    }
  }

  /// Every message type of `grpc/testing/messages.proto`.
  public static let messagesMessageTypes: [any ProtoMessage.Type] = [
    BoolValue.self, Payload.self, EchoStatus.self, SimpleRequest.self, SimpleResponse.self,
    StreamingInputCallRequest.self, StreamingInputCallResponse.self, ResponseParameters.self,
    StreamingOutputCallRequest.self, StreamingOutputCallResponse.self, ReconnectParams.self,
    ReconnectInfo.self,
  ]
}
