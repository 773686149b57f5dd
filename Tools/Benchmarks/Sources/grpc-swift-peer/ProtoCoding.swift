internal import GRPCCore
internal import ProtoWire

/// Serializes one of the project's hand-written messages for grpc-swift-2: the codec's own
/// `serializedBytes()`, copied into whatever byte container the transport asks for.
struct ProtoSerializer<Message: ProtoMessage>: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: Message) throws -> Bytes {
    Bytes(message.serializedBytes())
  }
}

/// Decodes one of the project's hand-written messages straight from the transport's bytes.
struct ProtoDeserializer<Message: ProtoMessage>: MessageDeserializer {
  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Message {
    try serializedMessageBytes.withUnsafeBytes { raw in try Message(serializedBytes: raw) }
  }
}
