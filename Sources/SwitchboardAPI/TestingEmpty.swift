// Swift types for Protos/grpc/testing/empty.proto.

public import ProtoWire

/// The messages and methods of `grpc.testing`, the standard gRPC interoperability test protocol.
public enum GRPCTesting {}

extension GRPCTesting {
  /// An empty message, to use as the argument or result of an RPC that needs none.
  public struct Empty: ProtoMessage {
    public static let protoMessageName = "grpc.testing.Empty"
    public var unknownFields = UnknownFields()
    public init() {}

    public func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.unknown(unknownFields)
    }

    public mutating func decodeField(
      _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      false
    }
  }

  /// Every message type of `grpc/testing/empty.proto`.
  public static let emptyMessageTypes: [any ProtoMessage.Type] = [Empty.self]
}
