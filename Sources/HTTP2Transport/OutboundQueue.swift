internal import RPCCore

/// The DATA of one stream that nghttp2 has not taken yet, and how the stream ends.
///
/// The stream that writes holds it, and so does its session, for as long as nghttp2 may call the
/// data provider, which reaches it through the provider's source pointer: no lookup per frame.
/// Only the session mutates it (`NGHTTP2Session.enqueue`, `finishOutbound`, the provider).
final class OutboundQueue {
  /// How the body ends once every queued byte is sent.
  enum End {
    /// END_STREAM on the last DATA frame.
    case endStream
    /// A trailers HEADERS frame with END_STREAM.
    case trailers([HeaderField])
  }

  /// The stream; set by the session once nghttp2 assigned it, for a request.
  var streamID: Int32
  private var chunks = ChunkQueue()
  /// Bytes of `chunks.first` already sent.
  private var headOffset = 0
  /// Unsent bytes; a writer waits while they are over the stream's bound.
  private(set) var count = 0
  /// How the body ends, once the writer said so.
  private(set) var end: End?
  /// The data provider returned NGHTTP2_ERR_DEFERRED and waits for `nghttp2_session_resume_data`.
  var isDeferred = false
  /// The stream was reset or closed: nothing more is queued.
  private(set) var isClosed = false

  init(streamID: Int32) {
    self.streamID = streamID
  }

  /// Whether more body may be queued.
  var isOpen: Bool { end == nil && !isClosed }

  func append(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    chunks.append(bytes)
    count += bytes.count
  }

  func finish(_ end: End) {
    self.end = end
  }

  /// Drops what is queued and refuses more.
  func close() {
    isClosed = true
    count -= chunks.removeAll() - headOffset
    headOffset = 0
  }

  /// Moves up to `buffer.count` bytes into `buffer`; returns how many.
  func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    var written = 0
    while written < buffer.count, let chunk = chunks.first {
      let take = min(chunk.count - headOffset, buffer.count - written)
      chunk.withUnsafeBytes { bytes in
        let source = UnsafeRawBufferPointer(rebasing: bytes[headOffset ..< (headOffset + take)])
        UnsafeMutableRawBufferPointer(rebasing: buffer[written...]).copyMemory(from: source)
      }
      written += take
      headOffset += take
      if headOffset == chunk.count {
        _ = chunks.popFirst()
        headOffset = 0
      }
    }
    count -= written
    return written
  }
}
