internal import NIOCore

/// Moves what a session has to send into its channel.
///
/// A class, confined to the connection's event loop: NIO may call back into the connection handler
/// from inside the channel flush this makes (a read, a writability change, a closing channel), and
/// the handler then asks for output again. Such a nested `write` only asks for another pass, which
/// the outer call makes, so the buffer is never entered twice.
final class SessionOutput {
  /// Bytes serialized per write before the channel's writability is checked again; the
  /// channel's write buffer water marks then bound what waits in memory.
  static let chunkSize = 64 * 1024
  /// The buffer's first capacity: room for the SETTINGS exchange and a small response. A
  /// connection that writes more grows the buffer as it needs and keeps it; an idle connection
  /// holds only this much instead of a mostly untouched `chunkSize` (3 KiB less resident memory
  /// per idle connection, BENCHMARKS.md).
  static let initialCapacity = 1024

  private var buffer: ByteBuffer
  private var isWriting = false
  private var isPassPending = false

  init(allocator: ByteBufferAllocator) {
    buffer = allocator.buffer(capacity: Self.initialCapacity)
  }

  /// The buffer's capacity: what the connection holds for its output between writes.
  var capacity: Int { buffer.capacity }

  /// Writes the session's frames in chunks while the channel is writable, flushing after each
  /// pass; what remains waits for the channel to become writable again.
  func write(
    _ session: NGHTTP2Session,
    to context: ChannelHandlerContext,
    as wrap: (ByteBuffer) -> NIOAny
  ) throws(HTTP2TransportError) {
    if isWriting {
      isPassPending = true
      return
    }
    isWriting = true
    defer { isWriting = false }
    repeat {
      isPassPending = false
      try writePass(session, to: context, as: wrap)
    } while isPassPending && context.channel.isActive
  }

  private func writePass(
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
