internal import ProtoWire

/// Frames outgoing messages (5-byte prefix, optional compression) and decompresses and decodes
/// incoming ones, for one call and one direction each.
///
/// The uncompressed path makes one allocation per message: the exactly sized frame.
struct MessageFramer {
  /// The largest message accepted for sending (after compression), in bytes.
  let maxMessageSize: Int
  /// The compressor for the call's negotiated algorithm, made on first use.
  private var compressor: Compressor?

  init(maxMessageSize: Int) {
    self.maxMessageSize = maxMessageSize
  }

  /// The framed bytes of `message`, compressed with `compression` if given (not identity).
  /// Throws `resourceExhausted` when the message is over the send limit.
  mutating func frame<Message: ProtoMessage>(
    _ message: Message,
    compression: CompressionAlgorithm?
  ) throws(RPCError) -> [UInt8] {
    let size = message.encodedSize()
    guard let compression, compression != .identity else {
      try checkSize(size)
      return [UInt8](unsafeUninitializedCapacity: 5 + size) { buffer, initialized in
        Self.writePrefix(compressed: false, length: size, into: buffer)
        let written = message.serialize(
          into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[5...])
        )
        assert(written == size)
        initialized = 5 + size
      }
    }
    let compressor: Compressor
    if let existing = self.compressor, existing.algorithm == compression {
      compressor = existing
    } else {
      compressor = Compressor(compression)
      self.compressor = compressor
    }
    let plain = message.serializedBytes()
    var frame: [UInt8] = [0, 0, 0, 0, 0]
    plain.withUnsafeBytes { compressor.compress($0, appendingTo: &frame) }
    let length = frame.count - 5
    try checkSize(length)
    frame.withUnsafeMutableBufferPointer {
      Self.writePrefix(compressed: true, length: length, into: $0)
    }
    return frame
  }

  private func checkSize(_ size: Int) throws(RPCError) {
    guard size <= maxMessageSize else {
      throw RPCError(
        .resourceExhausted,
        "message of \(size) bytes is larger than the send limit of \(maxMessageSize) bytes"
      )
    }
  }

  private static func writePrefix(
    compressed: Bool,
    length: Int,
    into buffer: UnsafeMutableBufferPointer<UInt8>
  ) {
    buffer[0] = compressed ? 1 : 0
    buffer[1] = UInt8(truncatingIfNeeded: length >> 24)
    buffer[2] = UInt8(truncatingIfNeeded: length >> 16)
    buffer[3] = UInt8(truncatingIfNeeded: length >> 8)
    buffer[4] = UInt8(truncatingIfNeeded: length)
  }
}

/// Turns received messages into values: decompresses per the flag and the call's
/// `grpc-encoding`, then decodes.
struct MessageDecoder {
  /// The call's `grpc-encoding` (nil or identity when the peer compresses nothing).
  let encoding: CompressionAlgorithm?
  /// The largest decompressed message accepted, in bytes.
  let maxMessageSize: Int
  private var decompressor: Decompressor?

  init(encoding: CompressionAlgorithm?, maxMessageSize: Int) {
    self.encoding = encoding == .identity ? nil : encoding
    self.maxMessageSize = maxMessageSize
  }

  /// `message` with its bytes decompressed. Throws `internalError` for a compressed message
  /// without an encoding, `resourceExhausted` when it inflates past the limit.
  mutating func decompress(_ message: ReceivedMessage) throws(RPCError) -> ReceivedMessage {
    guard message.compressed else { return message }
    guard let encoding else {
      throw RPCError(
        .internalError,
        "compressed message received without a grpc-encoding to decompress it"
      )
    }
    let decompressor: Decompressor
    if let existing = self.decompressor {
      decompressor = existing
    } else {
      decompressor = Decompressor(encoding)
      self.decompressor = decompressor
    }
    let limit = maxMessageSize
    let result: Result<[UInt8], RPCError> = message.bytes.withUnsafeBytes { raw in
      do throws(RPCError) {
        return .success(try decompressor.decompress(raw, limit: limit))
      } catch {
        return .failure(error)
      }
    }
    return ReceivedMessage(bytes: try result.get()[...], compressed: true)
  }

  /// Decompresses and decodes `message`. Throws `internalError` when the bytes are not a valid
  /// encoding of `Message`.
  mutating func decode<Message: ProtoMessage>(
    _ message: ReceivedMessage,
    as type: Message.Type = Message.self
  ) throws(RPCError) -> Message {
    let plain = try decompress(message)
    return try plain.decode(Message.self)
  }
}

extension ReceivedMessage {
  /// The message decoded as `Message` (the bytes must be decompressed already).
  func decode<Message: ProtoMessage>(_ type: Message.Type) throws(RPCError) -> Message {
    // No generic `Result`: in unspecialized code it would cost a metadata lookup per call.
    var message = Message()
    var failure: WireFormatError?
    bytes.withUnsafeBytes { raw in
      do throws(WireFormatError) {
        message = try Message(serializedBytes: raw)
      } catch {
        failure = error
      }
    }
    if let failure {
      throw RPCError(.internalError, "could not decode \(Message.protoMessageName): \(failure)")
    }
    return message
  }
}
