// NGHTTP2Session: one nghttp2 session, sans-IO.
//
// Bytes in through `receive` (nghttp2_session_mem_recv), bytes out through `send(into:)` (the
// nghttp2_session_mem_send loop, each chunk copied at once: nghttp2 reuses the memory on its next
// call). No sockets, no event loop: the NIO channel handlers own one each and the tests drive two
// of them against each other.
//
// nghttp2 calls back while it runs; the callbacks are free, non-capturing thunks
// (NGHTTP2Callbacks) that recover the session from `user_data`. The session retains itself once
// for that pointer and releases it in `close()`, which is idempotent and deferred to the end of
// the nghttp2 call in progress if it comes from inside one. The thunks report to a delegate;
// delegates must not call `receive` or `send(into:)` from there, and a guard turns such a call
// into `HTTP2TransportError.reentrantCall` instead of corrupting nghttp2's state. Everything else
// (`submit*`, `enqueue`, `finishOutbound`, `consume`, `resetStream`) is allowed in callbacks.
//
// Outbound DATA waits in one `OutboundQueue` per stream, which the submitting stream holds and
// nghttp2's data provider reads during `send(into:)`, through the provider's source pointer (the
// session keeps the queue alive until the stream closes). An empty queue that is not finished defers the provider (NGHTTP2_ERR_DEFERRED)
// and `enqueue`/`finishOutbound` resume it. Trailers go out from inside the provider, with
// EOF | NO_END_STREAM on the last DATA, as nghttp2 requires. Inbound flow control is manual
// (`no_auto_window_update`): the owner calls `consume` once the application took the bytes.

internal import CNGHTTP2
internal import NIOCore
internal import RPCCore

/// What a session reports while it processes frames (called from inside nghttp2 callbacks).
protocol NGHTTP2SessionDelegate: AnyObject {
  /// A complete header block (HEADERS and its CONTINUATIONs) arrived on `streamID`.
  func session(
    _ session: NGHTTP2Session,
    didReceiveHeaders fields: [HeaderField],
    kind: NGHTTP2Session.HeadersKind,
    endStream: Bool,
    streamID: Int32
  )
  /// DATA payload arrived on `streamID`; the bytes are valid only during the call.
  func session(
    _ session: NGHTTP2Session,
    didReceiveData bytes: UnsafeRawBufferPointer,
    streamID: Int32
  )
  /// A DATA frame with END_STREAM arrived on `streamID`.
  func session(_ session: NGHTTP2Session, didReceiveEndStream streamID: Int32)
  /// `streamID` closed; `errorCode` is NO_ERROR (0) unless it was reset.
  func session(_ session: NGHTTP2Session, didCloseStream streamID: Int32, errorCode: UInt32)
  /// The peer sent GOAWAY.
  func session(_ session: NGHTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32)
  /// The peer acknowledged one of our PINGs.
  func session(_ session: NGHTTP2Session, didReceivePingAck opaqueData: UInt64)
}

/// An nghttp2 session, server or client, fed and drained by its owner.
final class NGHTTP2Session {
  /// Which end of the connection this session is.
  enum Role: Sendable {
    case server, client
  }

  /// What a received header block is.
  enum HeadersKind: Sendable, Equatable {
    /// A request head (server side).
    case request
    /// A response head (client side).
    case response
    /// Trailers, or any later header block.
    case trailers
  }

  /// Settings and limits of a session.
  struct Configuration: Sendable {
    /// SETTINGS_MAX_CONCURRENT_STREAMS advertised to the peer.
    var maxConcurrentStreams: UInt32 = 1000
    /// SETTINGS_INITIAL_WINDOW_SIZE: what the peer may send on a stream before we consume.
    var initialWindowSize: UInt32 = 1 << 20
    /// The connection-level receive window.
    var connectionWindowSize: UInt32 = 8 << 20
    /// SETTINGS_MAX_FRAME_SIZE.
    var maxFrameSize: UInt32 = 16_384
    /// SETTINGS_MAX_HEADER_LIST_SIZE, also enforced on received header blocks (RFC 9113 §6.5.2
    /// size: name + value + 32 per field); a larger block resets its stream.
    var maxHeaderListSize: UInt32 = 16_384
    /// RST_STREAM frames a client may send in a burst (server side)...
    var streamResetBurst: UInt64 = 1000
    /// ...and regains per second, before nghttp2 ends the connection.
    var streamResetRatePerSecond: UInt64 = 33
    /// CONTINUATION frames accepted after one HEADERS.
    var maxContinuations = 8
  }

  /// The abuse guards the loaded nghttp2 lacks (options it does not define): sessions run
  /// without them.
  static let missingGuards: [String] = {
    var option: OpaquePointer?
    guard nghttp2_option_new(&option) == 0 else { return [] }
    defer { nghttp2_option_del(option) }
    var missing: [String] = []
    if cnghttp2_option_set_stream_reset_rate_limit(option, 1000, 33) == 0 {
      missing.append("nghttp2_option_set_stream_reset_rate_limit")
    }
    if cnghttp2_option_set_max_continuations(option, 8) == 0 {
      missing.append("nghttp2_option_set_max_continuations")
    }
    return missing
  }()

  private let session: OpaquePointer
  private let maxHeaderListSize: Int
  /// Hears what the received frames held; held strongly until `close()`.
  var delegate: (any NGHTTP2SessionDelegate)?
  private var outbound: [Int32: OutboundQueue] = [:]
  // The header block being received. Touched only by the header callbacks, one at a time and
  // never around a call that could reach them again, so the per-header dynamic exclusivity check
  // (a thread-local lookup each) is left out.
  @exclusivity(unchecked) private var headerBlock: [HeaderField] = []
  @exclusivity(unchecked) private var headerBlockSize = 0
  private var isInsideNGHTTP2 = false
  private var closeRequested = false
  private(set) var isClosed = false

  /// A session whose first output is its SETTINGS (and, for a client, the connection preface),
  /// then a WINDOW_UPDATE raising the connection window. Set `delegate` before feeding it bytes.
  init(role: Role, configuration: Configuration) throws(HTTP2TransportError) {
    self.session = try Self.makeSession(role: role, configuration)
    self.maxHeaderListSize = Int(configuration.maxHeaderListSize)
    nghttp2_session_set_user_data(session, Unmanaged.passRetained(self).toOpaque())
  }

  deinit {
    assert(isClosed, "an NGHTTP2Session must be closed before it is released")
  }

  private static func makeSession(
    role: Role,
    _ configuration: Configuration
  ) throws(HTTP2TransportError) -> OpaquePointer {
    var option: OpaquePointer?
    try check(nghttp2_option_new(&option))
    defer { nghttp2_option_del(option) }
    nghttp2_option_set_no_auto_window_update(option, 1)
    nghttp2_option_set_no_closed_streams(option, 1)
    // Each is a no-op where the loaded library lacks it (see `missingGuards`).
    if role == .server {
      _ = cnghttp2_option_set_stream_reset_rate_limit(
        option,
        configuration.streamResetBurst,
        configuration.streamResetRatePerSecond
      )
    }
    _ = cnghttp2_option_set_max_continuations(option, configuration.maxContinuations)

    var pointer: OpaquePointer?
    let callbacks = NGHTTP2Callbacks.shared.pointer
    switch role {
    case .server: try check(nghttp2_session_server_new2(&pointer, callbacks, nil, option))
    case .client: try check(nghttp2_session_client_new2(&pointer, callbacks, nil, option))
    }
    guard let pointer else { throw HTTP2TransportError(.nghttp2, "no session was created") }

    var settings = [
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue),
        value: configuration.initialWindowSize
      ),
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_MAX_FRAME_SIZE.rawValue),
        value: configuration.maxFrameSize
      ),
      nghttp2_settings_entry(
        settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue),
        value: configuration.maxHeaderListSize
      ),
    ]
    switch role {
    case .server:
      settings.append(
        nghttp2_settings_entry(
          settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue),
          value: configuration.maxConcurrentStreams
        )
      )
    case .client:
      settings.append(
        nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_ENABLE_PUSH.rawValue), value: 0)
      )
    }
    do {
      try check(
        nghttp2_submit_settings(
          pointer,
          UInt8(NGHTTP2_FLAG_NONE.rawValue),
          settings,
          settings.count
        )
      )
      if configuration.connectionWindowSize > 65_535 {  // RFC 9113's initial connection window
        try check(
          nghttp2_session_set_local_window_size(
            pointer,
            UInt8(NGHTTP2_FLAG_NONE.rawValue),
            0,
            Int32(clamping: configuration.connectionWindowSize)
          )
        )
      }
    } catch {
      nghttp2_session_del(pointer)
      throw error
    }
    return pointer
  }

  // MARK: Bytes in and out

  /// Processes bytes received from the peer; the delegate hears of what they held.
  func receive(_ bytes: UnsafeRawBufferPointer) throws(HTTP2TransportError) {
    try enter()
    defer { leave() }
    guard let base = bytes.baseAddress else { return }
    let result = cnghttp2_session_mem_recv(
      session,
      base.assumingMemoryBound(to: UInt8.self),
      bytes.count
    )
    if result < 0 {
      throw Self.error(Int32(truncatingIfNeeded: result))
    }
  }

  /// Appends the frames nghttp2 has ready to `buffer`, stopping once `buffer` holds `limit`
  /// bytes or more (`wantsWrite` tells whether more remain).
  func send(into buffer: inout ByteBuffer, limit: Int = .max) throws(HTTP2TransportError) {
    try enter()
    defer { leave() }
    var data: UnsafePointer<UInt8>?
    while buffer.readableBytes < limit {
      let count = cnghttp2_session_mem_send(session, &data)
      if count < 0 {
        throw Self.error(Int32(truncatingIfNeeded: count))
      }
      guard count > 0, let data else { return }
      buffer.writeBytes(UnsafeRawBufferPointer(start: data, count: count))
    }
  }

  private func enter() throws(HTTP2TransportError) {
    guard !isInsideNGHTTP2 else {
      throw HTTP2TransportError(
        .reentrantCall,
        "nghttp2 was entered from inside one of its callbacks"
      )
    }
    guard !isClosed else { throw .connectionClosed }
    isInsideNGHTTP2 = true
  }

  private func leave() {
    isInsideNGHTTP2 = false
    if closeRequested {
      close()
    }
  }

  /// Whether the session still expects frames from the peer.
  var wantsRead: Bool { !isClosed && nghttp2_session_want_read(session) != 0 }
  /// Whether the session has frames to send.
  var wantsWrite: Bool { !isClosed && nghttp2_session_want_write(session) != 0 }
  /// Whether the connection is finished: nghttp2 neither expects nor has anything to send (after
  /// a GOAWAY either way, once the last stream closed).
  var isFinished: Bool { !wantsRead && !wantsWrite }
  /// The highest peer-initiated stream id processed, the last-stream-id of a graceful GOAWAY.
  var lastProcessedStreamID: Int32 {
    isClosed ? 0 : nghttp2_session_get_last_proc_stream_id(session)
  }

  /// Deletes the nghttp2 session and releases the session's reference to itself. Idempotent;
  /// from inside a callback it takes effect when the nghttp2 call returns.
  func close() {
    guard !isClosed else { return }
    guard !isInsideNGHTTP2 else {
      closeRequested = true
      return
    }
    isClosed = true
    delegate = nil
    for queue in outbound.values {
      queue.close()
    }
    outbound.removeAll()
    nghttp2_session_del(session)
    Unmanaged.passUnretained(self).release()
  }

  // MARK: Submissions

  /// Submits response HEADERS on `streamID`; unless they end the stream, returns the queue the
  /// body goes through (`enqueue`, `finishOutbound`).
  @discardableResult
  func submitResponse(
    streamID: Int32,
    headers: [HeaderField],
    endStream: Bool
  ) throws(HTTP2TransportError) -> OutboundQueue? {
    guard !isClosed else { throw .connectionClosed }
    let queue = endStream ? nil : OutboundQueue(streamID: streamID)
    let result = withNameValuePairs(headers) { pairs, count in
      cnghttp2_submit_response(
        session,
        streamID,
        pairs,
        count,
        queue.map { Unmanaged.passUnretained($0).toOpaque() },
        queue == nil ? nil : NGHTTP2Callbacks.readOutbound
      )
    }
    guard result == 0 else { throw Self.error(result) }
    if let queue {
      outbound[streamID] = queue
    }
    return queue
  }

  /// Submits request HEADERS on a new stream; returns the queue its body goes through (`enqueue`,
  /// `finishOutbound`), which names the stream.
  func submitRequest(headers: [HeaderField]) throws(HTTP2TransportError) -> OutboundQueue {
    guard !isClosed else { throw .connectionClosed }
    let queue = OutboundQueue(streamID: 0)  // nghttp2 assigns the id as it submits
    let streamID = withNameValuePairs(headers) { pairs, count in
      cnghttp2_submit_request(
        session,
        pairs,
        count,
        Unmanaged.passUnretained(queue).toOpaque(),
        NGHTTP2Callbacks.readOutbound
      )
    }
    guard streamID > 0 else { throw Self.error(streamID) }
    queue.streamID = streamID
    outbound[streamID] = queue
    return queue
  }

  /// Queues body bytes; false if the body is finished or the stream closed.
  @discardableResult
  func enqueue(_ bytes: [UInt8], on queue: OutboundQueue) -> Bool {
    guard queue.isOpen else { return false }
    queue.append(bytes)
    resumeIfDeferred(queue)
    return true
  }

  /// Ends the body after the queued bytes, with END_STREAM or with trailers; false if the body is
  /// already finished or the stream closed.
  @discardableResult
  func finishOutbound(_ queue: OutboundQueue, trailers: [HeaderField]?) -> Bool {
    guard queue.isOpen else { return false }
    queue.finish(trailers.map { .trailers($0) } ?? .endStream)
    resumeIfDeferred(queue)
    return true
  }

  private func resumeIfDeferred(_ queue: OutboundQueue) {
    guard queue.isDeferred, !isClosed else { return }
    queue.isDeferred = false
    nghttp2_session_resume_data(session, queue.streamID)
  }

  /// Resets `streamID` (RST_STREAM) with an HTTP/2 error code.
  func resetStream(streamID: Int32, errorCode: UInt32) {
    guard !isClosed else { return }
    outbound[streamID]?.close()
    nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), streamID, errorCode)
  }

  /// Gives `count` received bytes of `streamID` back to flow control (stream and connection
  /// windows; only the connection's once the stream closed).
  func consume(streamID: Int32, count: Int) {
    guard !isClosed, count > 0 else { return }
    nghttp2_session_consume(session, streamID, count)
  }

  /// Submits a GOAWAY; streams above `lastStreamID` are refused from now on.
  func submitGoAway(lastStreamID: Int32, errorCode: UInt32) {
    guard !isClosed else { return }
    nghttp2_submit_goaway(
      session,
      UInt8(NGHTTP2_FLAG_NONE.rawValue),
      lastStreamID,
      errorCode,
      nil,
      0
    )
  }

  /// Submits a GOAWAY with the last processed stream and ends the session once it is sent.
  func terminate(errorCode: UInt32) {
    guard !isClosed else { return }
    nghttp2_session_terminate_session(session, errorCode)
  }

  /// Submits a PING; the delegate hears of its ACK.
  func submitPing(opaqueData: UInt64) {
    guard !isClosed else { return }
    withUnsafeBytes(of: opaqueData.bigEndian) { bytes in
      _ = nghttp2_submit_ping(
        session,
        UInt8(NGHTTP2_FLAG_NONE.rawValue),
        bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
      )
    }
  }

  // MARK: Callbacks (NGHTTP2Callbacks calls these from inside nghttp2)

  func beginHeaders() {
    headerBlock = []
    headerBlock.reserveCapacity(12)
    headerBlockSize = 0
  }

  func receiveHeader(_ field: HeaderField, size: Int) -> Int32 {
    headerBlockSize += size + 32
    guard headerBlockSize <= maxHeaderListSize else {
      return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue
    }
    headerBlock.append(field)
    return 0
  }

  func receiveFrame(_ frame: UnsafePointer<nghttp2_frame>) {
    let header = frame.pointee.hd
    let endStream = header.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0
    switch UInt32(header.type) {
    case NGHTTP2_HEADERS.rawValue:
      let kind: HeadersKind
      switch frame.pointee.headers.cat {
      case NGHTTP2_HCAT_REQUEST: kind = .request
      case NGHTTP2_HCAT_RESPONSE: kind = .response
      default: kind = .trailers
      }
      let fields = headerBlock
      headerBlock = []
      delegate?.session(
        self,
        didReceiveHeaders: fields,
        kind: kind,
        endStream: endStream,
        streamID: header.stream_id
      )
    case NGHTTP2_DATA.rawValue where endStream:
      delegate?.session(self, didReceiveEndStream: header.stream_id)
    case NGHTTP2_GOAWAY.rawValue:
      let goAway = frame.pointee.goaway
      delegate?.session(self, didReceiveGoAway: goAway.last_stream_id, errorCode: goAway.error_code)
    case NGHTTP2_PING.rawValue where header.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0:
      let opaque = withUnsafeBytes(of: frame.pointee.ping.opaque_data) {
        UInt64(bigEndian: $0.loadUnaligned(as: UInt64.self))
      }
      delegate?.session(self, didReceivePingAck: opaque)
    default:
      break
    }
  }

  func receiveData(_ bytes: UnsafeRawBufferPointer, streamID: Int32) {
    delegate?.session(self, didReceiveData: bytes, streamID: streamID)
  }

  func closeStream(_ streamID: Int32, errorCode: UInt32) {
    outbound.removeValue(forKey: streamID)?.close()
    delegate?.session(self, didCloseStream: streamID, errorCode: errorCode)
  }

  /// The data provider: moves queued bytes into nghttp2's frame buffer.
  func readOutbound(
    _ queue: OutboundQueue,
    into buffer: UnsafeMutableRawBufferPointer,
    flags: UnsafeMutablePointer<UInt32>
  ) -> Int {
    let written = queue.read(into: buffer)
    guard queue.count == 0 else { return written }
    switch queue.end {
    case nil:
      guard written == 0 else { return written }
      queue.isDeferred = true
      return Int(NGHTTP2_ERR_DEFERRED.rawValue)
    case .endStream:
      flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
    case .trailers(let fields):
      flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue | NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
      let result = withNameValuePairs(fields) { pairs, count in
        nghttp2_submit_trailer(session, queue.streamID, pairs, count)
      }
      if result != 0 {
        return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
      }
    }
    return written
  }

  // MARK: Errors

  private static func check(_ result: Int32) throws(HTTP2TransportError) {
    if result != 0 {
      throw error(result)
    }
  }

  private static func error(_ code: Int32) -> HTTP2TransportError {
    HTTP2TransportError(.nghttp2, String(cString: nghttp2_strerror(code)) + " (\(code))")
  }
}
