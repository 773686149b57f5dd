internal import NIOCore

/// Moves what a session has to send into its channel.
struct SessionOutput {
  /// Bytes serialized per write before the channel's writability is checked again; the
  /// channel's write buffer water marks then bound what waits in memory.
  static let chunkSize = 64 * 1024

  private var buffer: ByteBuffer

  init(allocator: ByteBufferAllocator) {
    buffer = allocator.buffer(capacity: Self.chunkSize)
  }

  /// Writes the session's frames in chunks while the channel is writable, then flushes once;
  /// what remains waits for the channel to become writable again.
  mutating func write(
    _ session: NGHTTP2Session,
    to context: ChannelHandlerContext,
    as wrap: (ByteBuffer) -> NIOAny
  ) throws(HTTP2TransportError) {
    var wrote = false
    defer {
      if wrote {
        context.flush()
      }
    }
    while context.channel.isWritable && session.wantsWrite {
      // `clear` reuses the storage once the channel released the previous chunk.
      buffer.clear()
      try session.send(into: &buffer, limit: Self.chunkSize)
      guard buffer.readableBytes > 0 else { return }
      context.write(wrap(buffer), promise: nil)
      wrote = true
    }
  }
}
