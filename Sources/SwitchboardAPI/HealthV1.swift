// Swift types for Protos/grpc/health/v1/health.proto.

public import ProtoWire

/// The messages and methods of `grpc.health.v1`.
public enum GRPCHealthV1 {
  /// Asks for the serving status of one service.
  public struct HealthCheckRequest: ProtoMessage {
    public static let protoMessageName = "grpc.health.v1.HealthCheckRequest"
    /// The fully qualified service name; empty for the server as a whole.
    public var service: String = ""
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.string(service, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: service = try decoder.string(wireType)
      default: return false
      }
      return true
    }
  }

  /// The serving status of a service.
  public struct HealthCheckResponse: ProtoMessage {
    public static let protoMessageName = "grpc.health.v1.HealthCheckResponse"

    /// Whether the service can take calls.
    public enum ServingStatus: ProtoEnum {
      public static let protoEnumName = "grpc.health.v1.HealthCheckResponse.ServingStatus"
      /// The status is not known.
      case unknown
      /// The service takes calls.
      case serving
      /// The service does not take calls.
      case notServing
      /// Only in Watch: the server does not know the service.
      case serviceUnknown
      /// A value this version does not name.
      case unrecognized(Int32)

      public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unknown
        case 1: self = .serving
        case 2: self = .notServing
        case 3: self = .serviceUnknown
        default: self = .unrecognized(rawValue)
        }
      }

      public var rawValue: Int32 {
        switch self {
        case .unknown: 0
        case .serving: 1
        case .notServing: 2
        case .serviceUnknown: 3
        case .unrecognized(let value): value
        }
      }
    }

    /// The status.
    public var status: ServingStatus = .unknown
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.enum(status, 1)
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: status = try decoder.enum(wireType)
      default: return false
      }
      return true
    }
  }

  /// Every message type of this file.
  public static let messageTypes: [any ProtoMessage.Type] = [
    HealthCheckRequest.self, HealthCheckResponse.self,
  ]

  /// The methods of `grpc.health.v1.Health`.
  public enum Health {
    /// The service's fully qualified name.
    public static let serviceName = "grpc.health.v1.Health"
    /// `Check`: unary.
    public static let check = MethodDescriptor(
      service: serviceName, method: "Check", kind: .unary)
    /// `Watch`: server streaming.
    public static let watch = MethodDescriptor(
      service: serviceName, method: "Watch", kind: .serverStreaming)
    /// Every method of the service.
    public static let methods = [check, watch]
  }
}
