internal import Logging
internal import NIOCore
internal import RPCCore

/// One server connection: owns its nghttp2 session, starts a handler task per stream, flushes
/// what the session produces, and runs the connection's timers (keepalive, idle) and shutdown.
///
/// Flushing: bytes received in one read cycle are all fed to nghttp2 before anything is written;
/// `channelReadComplete` then writes everything nghttp2 has, once. Output produced outside a read
/// (a handler's response, a WINDOW_UPDATE after a read, a timer) schedules one flush on the loop,
/// which many such events share.
final class ServerConnectionHandler: ChannelInboundHandler, NGHTTP2SessionDelegate {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// The user event that starts a graceful shutdown (`beginDraining`).
  struct Drain: Sendable {}

  private enum State {
    /// Created, before the channel is active.
    case idle
    /// Serving streams.
    case active
    /// GOAWAY sent: finishing the streams in flight, then closing.
    case draining
    /// Closing or closed.
    case closed
  }

  private static let keepaliveOpaqueData: UInt64 = 0x7377_622d_6b61_6c76

  let session: NGHTTP2Session
  /// Unsent response DATA per stream above which a writer waits.
  let outboundQueueLimit: Int
  private let streamHandler: any ServerStreamHandler
  private let executor: (any TaskExecutor)?
  private let keepalive: (interval: TimeAmount, timeout: TimeAmount)?
  private let idleTimeout: TimeAmount?
  private let logger: Logger
  /// Called once the connection closed and every handler task it started returned.
  private var onFinished: (() -> Void)?
  private var runningHandlers = 0

  private var state = State.idle
  private var context: ChannelHandlerContext?
  private var streams: [Int32: ServerStream] = [:]
  /// Streams opened during the current `receive`, whose handlers start once it returns.
  private var handlersToStart: [(ServerStream, ServerStreamHead)] = []
  private var waitingWriters: [Int32: ServerStream] = [:]
  private var output: SessionOutput?
  private var isReading = false
  private var isFlushScheduled = false
  private var peer = ""

  private var lastReadTime = NIODeadline.uptimeNanoseconds(0)
  private var keepaliveTimer: Scheduled<Void>?
  private var keepaliveTimeoutTimer: Scheduled<Void>?
  private var idleSince: NIODeadline?
  private var idleTimer: Scheduled<Void>?

  init(
    configuration: HTTP2Server.Configuration,
    streamHandler: any ServerStreamHandler,
    eventLoop: any EventLoop,
    onFinished: @escaping () -> Void
  ) throws(HTTP2TransportError) {
    self.session = try NGHTTP2Session(role: .server, configuration: configuration.session)
    self.outboundQueueLimit = configuration.outboundQueueLimit
    self.streamHandler = streamHandler
    switch configuration.handlerExecution {
    case .eventLoop: self.executor = EventLoopTaskExecutor(loop: eventLoop)
    case .globalExecutor: self.executor = nil
    }
    self.keepalive = configuration.keepalive.map {
      (interval: TimeAmount($0.interval), timeout: TimeAmount($0.timeout))
    }
    self.idleTimeout = configuration.idleTimeout.map { TimeAmount($0) }
    self.logger = configuration.logger
    self.onFinished = onFinished
  }

  // MARK: Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    session.delegate = self
    output = SessionOutput(allocator: context.channel.allocator)
    if context.channel.isActive {
      start(context: context)
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    tearDown()
    self.context = nil
  }

  func channelActive(context: ChannelHandlerContext) {
    start(context: context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    tearDown()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard state == .active || state == .draining else { return }
    let buffer = unwrapInboundIn(data)
    lastReadTime = context.eventLoop.now
    isReading = true
    do {
      try buffer.withUnsafeReadableBytes { bytes throws(HTTP2TransportError) in
        try session.receive(bytes)
      }
    } catch {
      connectionError(error)
    }
    startHandlers()
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    isReading = false
    flush()
    context.fireChannelReadComplete()
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    // Not `flush()`: NIO reports writability from inside the flush of a write in progress.
    if context.channel.isWritable {
      scheduleFlush()
    }
    context.fireChannelWritabilityChanged()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if event is Drain {
      beginDraining()
    } else {
      context.fireUserInboundEventTriggered(event)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    logger.debug("HTTP/2 connection error", metadata: ["peer": "\(peer)", "error": "\(error)"])
    close()
  }

  private func start(context: ChannelHandlerContext) {
    guard state == .idle else { return }
    state = .active
    if let address = context.channel.remoteAddress {
      peer = Self.describe(address)
    }
    let now = context.eventLoop.now
    lastReadTime = now
    idleSince = now
    scheduleKeepalive()
    scheduleIdleTimer()
    flush()
  }

  private static func describe(_ address: SocketAddress) -> String {
    guard let ip = address.ipAddress, let port = address.port else { return "\(address)" }
    if case .v6 = address {
      return "[\(ip)]:\(port)"
    }
    return "\(ip):\(port)"
  }

  // MARK: Flushing

  /// Writes what nghttp2 has to send (while the channel is writable), resumes writers whose queue
  /// drained, and closes the connection once nghttp2 is finished with it.
  private func flush() {
    guard let context, state != .idle, state != .closed else { return }
    do {
      try output?.write(session, to: context, as: wrapOutboundOut)
    } catch {
      connectionError(error)
      return
    }
    if !waitingWriters.isEmpty {
      waitingWriters = waitingWriters.filter { !$0.value.resumeWriterIfBelowBound() }
    }
    if session.isFinished {
      close()
    }
  }

  /// Flushes soon, unless a read cycle in progress will.
  func scheduleFlush() {
    guard !isReading, !isFlushScheduled, let context else { return }
    isFlushScheduled = true
    context.eventLoop.assumeIsolated().execute {
      self.isFlushScheduled = false
      self.flush()
    }
  }

  /// Gives received bytes back to flow control; WINDOW_UPDATE goes out with the next flush.
  func consume(streamID: Int32, count: Int) {
    guard count > 0 else { return }
    session.consume(streamID: streamID, count: count)
    scheduleFlush()
  }

  /// A handler task returned (`stream` reports it on the loop).
  func handlerDidFinish() {
    runningHandlers -= 1
    finishIfDone()
  }

  private func finishIfDone() {
    guard state == .closed, runningHandlers == 0, let onFinished else { return }
    self.onFinished = nil
    onFinished()
  }

  /// `stream`'s writer waits for its queue to drain.
  func writerIsWaiting(_ stream: ServerStream) {
    waitingWriters[stream.streamID] = stream
  }

  // MARK: Session events

  func session(
    _ session: NGHTTP2Session,
    didReceiveHeaders fields: [HeaderField],
    kind: NGHTTP2Session.HeadersKind,
    endStream: Bool,
    streamID: Int32
  ) {
    switch kind {
    case .request:
      openStream(streamID, fields, endStream: endStream)
    case .trailers, .response:
      if endStream {
        streams[streamID]?.receiveEnd()
      }
    }
  }

  func session(
    _ session: NGHTTP2Session,
    didReceiveData bytes: UnsafeRawBufferPointer,
    streamID: Int32
  ) {
    if let stream = streams[streamID] {
      stream.receive(bytes)
    } else {
      session.consume(streamID: streamID, count: bytes.count)
    }
  }

  func session(_ session: NGHTTP2Session, didReceiveEndStream streamID: Int32) {
    streams[streamID]?.receiveEnd()
  }

  func session(_ session: NGHTTP2Session, didCloseStream streamID: Int32, errorCode: UInt32) {
    guard let stream = streams.removeValue(forKey: streamID) else { return }
    waitingWriters[streamID] = nil
    stream.closed(errorCode: errorCode)
    if streams.isEmpty, let context {
      idleSince = context.eventLoop.now
      scheduleIdleTimer()
    }
  }

  func session(_ session: NGHTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32) {
    logger.debug(
      "peer sent GOAWAY",
      metadata: ["peer": "\(peer)", "lastStreamID": "\(lastStreamID)", "errorCode": "\(errorCode)"]
    )
  }

  func session(_ session: NGHTTP2Session, didReceivePingAck opaqueData: UInt64) {
    guard opaqueData == Self.keepaliveOpaqueData, let timer = keepaliveTimeoutTimer else { return }
    timer.cancel()
    keepaliveTimeoutTimer = nil
    scheduleKeepalive()
  }

  private func openStream(_ streamID: Int32, _ fields: [HeaderField], endStream: Bool) {
    guard let context, state == .active || state == .draining else { return }
    guard let head = Self.head(fields, peer: peer) else {
      session.resetStream(streamID: streamID, errorCode: HTTP2ErrorCode.protocolError)
      return
    }
    let stream = ServerStream(streamID: streamID, connection: self, loop: context.eventLoop)
    if endStream {
      stream.receiveEnd()
    }
    streams[streamID] = stream
    idleSince = nil
    runningHandlers += 1
    if executor == nil {
      stream.adopt(
        Task { [streamHandler] in
          await streamHandler.handle(head: head, inbound: stream, outbound: stream)
          stream.handlerDidFinish()
        }
      )
    } else {
      handlersToStart.append((stream, head))
    }
  }

  /// Starts the handlers of the streams the last `receive` opened, each in a task of its own
  /// whose executor is this loop. The task starts at once, on this thread, outside nghttp2: a
  /// unary handler whose request arrived whole reads it, responds and returns without ever
  /// being scheduled, and its response goes out with this read cycle's flush.
  private func startHandlers() {
    guard !handlersToStart.isEmpty else { return }
    for index in handlersToStart.indices {
      let (stream, head) = handlersToStart[index]
      stream.adopt(
        Task.immediate(executorPreference: executor) { [streamHandler] in
          await streamHandler.handle(head: head, inbound: stream, outbound: stream)
          stream.handlerDidFinish()
        }
      )
    }
    handlersToStart.removeAll(keepingCapacity: true)
  }

  private static func head(_ fields: [HeaderField], peer: String) -> ServerStreamHead? {
    var method: String?
    var path: String?
    var authority: String?
    var scheme: String?
    var headers: [HeaderField] = []
    headers.reserveCapacity(fields.count)
    for field in fields {
      guard field.name.utf8.first == UInt8(ascii: ":") else {
        headers.append(field)
        continue
      }
      switch field.name {
      case ":method": method = field.value
      case ":path": path = field.value
      case ":authority": authority = field.value
      case ":scheme": scheme = field.value
      default: break
      }
    }
    guard let method, let path else { return nil }
    return ServerStreamHead(
      method: method,
      path: path,
      authority: authority,
      scheme: scheme,
      headers: headers,
      peer: peer
    )
  }

  // MARK: Shutdown and errors

  /// Sends GOAWAY naming the last stream processed, refusing any later one; the connection closes
  /// once the streams in flight are done.
  func beginDraining() {
    guard state == .active else { return }
    state = .draining
    session.submitGoAway(
      lastStreamID: session.lastProcessedStreamID,
      errorCode: HTTP2ErrorCode.noError
    )
    flush()
  }

  /// nghttp2 rejected the peer's bytes or failed: GOAWAY if it can still be sent, then close.
  private func connectionError(_ error: HTTP2TransportError) {
    logger.debug("HTTP/2 connection error", metadata: ["peer": "\(peer)", "error": "\(error)"])
    guard let context, state != .closed else { return }
    session.terminate(errorCode: HTTP2ErrorCode.protocolError)
    try? output?.write(session, to: context, as: wrapOutboundOut)
    close()
  }

  private func close() {
    guard let context, state != .closed else { return }
    state = .closed
    context.close(promise: nil)
  }

  /// Fails every stream (cancelling its handler), stops the timers and frees the session; also
  /// for a handler that never made it into a pipeline. Idempotent.
  func tearDown() {
    state = .closed
    keepaliveTimer?.cancel()
    keepaliveTimeoutTimer?.cancel()
    idleTimer?.cancel()
    keepaliveTimer = nil
    keepaliveTimeoutTimer = nil
    idleTimer = nil
    let open = streams
    streams.removeAll()
    waitingWriters.removeAll()
    for stream in open.values {
      stream.connectionClosed()
    }
    session.close()
    finishIfDone()
  }

  // MARK: Timers

  private func scheduleKeepalive() {
    guard let keepalive, let context, keepaliveTimer == nil else { return }
    keepaliveTimer = context.eventLoop.assumeIsolated().scheduleTask(
      deadline: lastReadTime + keepalive.interval
    ) { self.keepaliveDue() }
  }

  private func keepaliveDue() {
    keepaliveTimer = nil
    guard let keepalive, let context, state == .active || state == .draining else { return }
    if context.eventLoop.now < lastReadTime + keepalive.interval {
      scheduleKeepalive()
      return
    }
    session.submitPing(opaqueData: Self.keepaliveOpaqueData)
    flush()
    keepaliveTimeoutTimer = context.eventLoop.assumeIsolated().scheduleTask(in: keepalive.timeout) {
      self.logger.debug("keepalive PING unanswered; closing", metadata: ["peer": "\(self.peer)"])
      self.keepaliveTimeoutTimer = nil
      self.close()
    }
  }

  private func scheduleIdleTimer() {
    guard let idleTimeout, let idleSince, let context, idleTimer == nil else { return }
    idleTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: idleSince + idleTimeout) {
      self.idleTimerDue()
    }
  }

  private func idleTimerDue() {
    idleTimer = nil
    guard let idleTimeout, let idleSince, let context, state == .active else { return }
    if context.eventLoop.now < idleSince + idleTimeout {
      scheduleIdleTimer()
      return
    }
    logger.debug("idle connection closed", metadata: ["peer": "\(peer)"])
    beginDraining()
  }
}
