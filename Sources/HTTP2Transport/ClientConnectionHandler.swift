internal import NIOCore
internal import RPCCore

/// One client connection: owns its nghttp2 client session, opens streams, routes what arrives to
/// them and flushes what the session produces, like `ServerConnectionHandler` on the other side.
final class ClientConnectionHandler: ChannelInboundHandler, NGHTTP2SessionDelegate {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private enum State {
    case idle, active, goingAway, closed
  }

  let session: NGHTTP2Session
  /// Unsent request DATA per stream above which a writer waits.
  let outboundQueueLimit: Int
  /// Completed when the server sends GOAWAY or the connection closes.
  let goingAway: EventLoopPromise<Void>

  private var state = State.idle
  private var context: ChannelHandlerContext?
  private var output: SessionOutput?
  private var streams: [Int32: HTTP2ClientStream] = [:]
  private var waitingWriters: [Int32: HTTP2ClientStream] = [:]
  private var isReading = false
  private var isFlushScheduled = false

  init(
    configuration: HTTP2ClientConnection.Configuration,
    eventLoop: any EventLoop
  ) throws(HTTP2TransportError) {
    self.session = try NGHTTP2Session(role: .client, configuration: configuration.session)
    self.outboundQueueLimit = configuration.outboundQueueLimit
    self.goingAway = eventLoop.makePromise()
  }

  // MARK: Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    session.delegate = self
    output = SessionOutput(allocator: context.channel.allocator)
    if context.channel.isActive {
      start()
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    tearDown()
    self.context = nil
  }

  func channelActive(context: ChannelHandlerContext) {
    start()
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    tearDown()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard state == .active || state == .goingAway else { return }
    let buffer = unwrapInboundIn(data)
    isReading = true
    do {
      try buffer.withUnsafeReadableBytes { bytes throws(HTTP2TransportError) in
        try session.receive(bytes)
      }
    } catch {
      session.terminate(errorCode: HTTP2ErrorCode.protocolError)
      flush()
      close()
    }
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

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    close()
  }

  private func start() {
    guard state == .idle else { return }
    state = .active
    flush()
  }

  // MARK: Operations (on the loop)

  /// Sends request HEADERS on a new stream.
  func openStream(headers: [HeaderField]) throws(HTTP2TransportError) -> HTTP2ClientStream {
    switch state {
    case .active: break
    case .goingAway: throw .goingAway
    case .idle, .closed: throw .connectionClosed
    }
    guard let context else { throw .connectionClosed }
    let body = try session.submitRequest(headers: headers)
    let stream = HTTP2ClientStream(body: body, connection: self, loop: context.eventLoop)
    streams[body.streamID] = stream
    scheduleFlush()
    return stream
  }

  /// Sends GOAWAY and closes the connection.
  func closeGracefully() {
    guard state == .active || state == .goingAway else {
      close()
      return
    }
    session.submitGoAway(lastStreamID: 0, errorCode: HTTP2ErrorCode.noError)
    flush()
    close()
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

  /// Gives received bytes back to flow control.
  func consume(streamID: Int32, count: Int) {
    guard count > 0 else { return }
    session.consume(streamID: streamID, count: count)
    scheduleFlush()
  }

  /// `stream`'s writer waits for its queue to drain.
  func writerIsWaiting(_ stream: HTTP2ClientStream) {
    waitingWriters[stream.streamID] = stream
  }

  private func flush() {
    guard let context, state != .idle, state != .closed else { return }
    do {
      try output?.write(session, to: context, as: wrapOutboundOut)
    } catch {
      close()
      return
    }
    if !waitingWriters.isEmpty {
      waitingWriters = waitingWriters.filter { !$0.value.resumeWriterIfBelowBound() }
    }
    if session.isFinished {
      close()
    }
  }

  private func close() {
    guard let context, state != .closed else { return }
    state = .closed
    context.close(promise: nil)
  }

  /// Fails every stream and frees the session; also for a handler that never made it into a
  /// pipeline. Idempotent.
  func tearDown() {
    state = .closed
    goingAway.succeed()
    let open = streams
    streams.removeAll()
    waitingWriters.removeAll()
    for stream in open.values {
      stream.connectionClosed()
    }
    session.close()
  }

  // MARK: Session events

  func session(
    _ session: NGHTTP2Session,
    didReceiveHeaders fields: [HeaderField],
    kind: NGHTTP2Session.HeadersKind,
    endStream: Bool,
    streamID: Int32
  ) {
    streams[streamID]?.receiveHeaders(fields, endStream: endStream)
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
    waitingWriters[streamID] = nil
    streams.removeValue(forKey: streamID)?.closed(errorCode: errorCode)
  }

  func session(_ session: NGHTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32) {
    if state == .active {
      state = .goingAway
    }
    goingAway.succeed()
  }

  func session(_ session: NGHTTP2Session, didReceivePingAck opaqueData: UInt64) {}
}
