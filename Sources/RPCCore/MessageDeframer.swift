/// One received gRPC message: its bytes (a slice of the buffer they arrived in, not a copy) and
/// whether the sender compressed it.
struct ReceivedMessage: Sendable {
  /// The message bytes, decompressed once `MessageDecoder` has seen them.
  var bytes: ArraySlice<UInt8>
  /// Whether the message arrived compressed (its flag byte was 1).
  var compressed: Bool
}

/// Splits a stream of DATA chunks into gRPC messages: 1 flag byte, a 4-byte big-endian length,
/// then that many bytes. A message may span chunks and a chunk may hold several messages.
///
/// The common case (a chunk that starts at a message boundary) is adopted without copying, and
/// messages are slices of it.
struct MessageDeframer {
  private var buffer: [UInt8] = []
  private var readIndex = 0
  /// The largest message length accepted, in bytes.
  let maxMessageSize: Int

  init(maxMessageSize: Int) {
    self.maxMessageSize = maxMessageSize
  }

  /// Whether no partial message is pending.
  var isEmpty: Bool { readIndex == buffer.count }

  /// Adds a chunk of DATA.
  mutating func append(_ chunk: [UInt8]) {
    if readIndex == buffer.count {
      buffer = chunk
    } else {
      if readIndex > 0 {
        buffer.removeSubrange(0 ..< readIndex)
      }
      buffer.append(contentsOf: chunk)
    }
    readIndex = 0
  }

  /// The next complete message, or nil until more bytes arrive. Throws `resourceExhausted` as
  /// soon as a length prefix announces a message over the limit, `internalError` for a flag byte
  /// other than 0 or 1.
  mutating func next() throws(RPCError) -> ReceivedMessage? {
    let available = buffer.count - readIndex
    guard available >= 5 else { return nil }
    let flag = buffer[readIndex]
    let length =
      Int(buffer[readIndex + 1]) << 24 | Int(buffer[readIndex + 2]) << 16
      | Int(buffer[readIndex + 3]) << 8 | Int(buffer[readIndex + 4])
    guard flag <= 1 else {
      throw RPCError(.internalError, "invalid message flag \(flag)")
    }
    guard length <= maxMessageSize else {
      throw RPCError(
        .resourceExhausted,
        "message of \(length) bytes is larger than the limit of \(maxMessageSize) bytes"
      )
    }
    guard available - 5 >= length else { return nil }
    let start = readIndex + 5
    readIndex = start + length
    return ReceivedMessage(bytes: buffer[start ..< readIndex], compressed: flag == 1)
  }
}
