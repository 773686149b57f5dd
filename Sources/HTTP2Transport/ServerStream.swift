internal import NIOCore
internal import RPCCore

/// One request stream on the server, as its handler sees it: the request body to read and the
/// response to send.
///
/// Every call does its work on the connection's event loop. A handler task that runs there (the
/// default executor of handlers) reads queued bytes and submits response parts synchronously,
/// without a hop; from anywhere else a call hops to the loop. A call suspends only to wait: for
/// request bytes, or for the unsent DATA queue to drop to its bound.
///
/// `@unchecked Sendable`: every stored `var` is read and written only on `loop` (the public
/// entry points check `loop.inEventLoop` and hop when needed); the `let`s are Sendable or, for
/// `connection`, only used on `loop`.
final class ServerStream: ServerStreamInbound, ServerStreamOutbound, @unchecked Sendable {
  private enum ResponseState {
    case idle, open, ended
  }

  /// What a read can tell at once.
  private enum Read {
    case ready(Result<[UInt8]?, any Error>)
    case wait
  }

  let streamID: Int32
  let loop: any EventLoop
  private let connection: ServerConnectionHandler

  private var inbound = ChunkQueue()
  private var inboundEnded = false
  private var pendingRead: ParkedCall<[UInt8]?>?
  private var response = ResponseState.idle
  /// The response body's queue, once HEADERS without END_STREAM went out.
  private var body: OutboundQueue?
  private var pendingWrite: ParkedCall<Void>?
  /// Why every further operation fails: the stream was reset or the connection closed.
  private var failure: HTTP2TransportError?
  private var resetLocally = false
  private var isClosed = false
  private var handlerFinished = false
  /// The stream failed in a way that cancels its handler before the handler's task was adopted.
  private var cancelsHandler = false
  /// The handler's task, cancelled if the peer resets the stream or the connection goes.
  private var task: Task<Void, Never>?

  init(streamID: Int32, connection: ServerConnectionHandler, loop: any EventLoop) {
    self.streamID = streamID
    self.connection = connection
    self.loop = loop
  }

  // MARK: ServerStreamInbound

  func next() async throws -> [UInt8]? {
    if loop.inEventLoop, case .ready(let result) = takeInbound() {
      return try result.get()
    }
    return try await ParkedCall<[UInt8]?>.suspend(
      on: loop,
      park: { call in self.parkRead(call) },
      cancel: { call in self.cancelRead(call) }
    )
  }

  private func takeInbound() -> Read {
    if let failure {
      return .ready(.failure(failure))
    }
    if let bytes = inbound.popFirst() {
      connection.consume(streamID: streamID, count: bytes.count)
      return .ready(.success(bytes))
    }
    return inboundEnded ? .ready(.success(nil)) : .wait
  }

  private func parkRead(_ call: ParkedCall<[UInt8]?>) {
    if case .ready(let result) = takeInbound() {
      call.resume(result)
    } else if call.isCancelled {
      call.resume(.failure(CancellationError()))
    } else if pendingRead != nil {
      call.resume(.failure(HTTP2TransportError(.protocolViolation, "two concurrent reads")))
    } else {
      pendingRead = call
    }
  }

  private func cancelRead(_ call: ParkedCall<[UInt8]?>) {
    guard pendingRead === call else { return }
    pendingRead = nil
    call.resume(.failure(CancellationError()))
  }

  // MARK: ServerStreamOutbound

  func send(_ parts: [ResponsePart]) async throws {
    if loop.inEventLoop {
      try submit(parts)
      guard isOverBound else { return }
      try await ParkedCall<Void>.suspend(
        on: loop,
        park: { call in self.parkWrite(call) },
        cancel: { call in self.cancelWrite(call) }
      )
    } else {
      try await ParkedCall<Void>.suspend(
        on: loop,
        park: { call in
          do {
            try self.submit(parts)
          } catch {
            call.resume(.failure(error))
            return
          }
          self.parkWrite(call)
        },
        cancel: { call in self.cancelWrite(call) }
      )
    }
  }

  func reset(errorCode: UInt32) {
    if loop.inEventLoop {
      resetOnLoop(errorCode: errorCode)
    } else {
      loop.execute { self.resetOnLoop(errorCode: errorCode) }
    }
  }

  private var isOverBound: Bool {
    (body?.count ?? 0) > connection.outboundQueueLimit
  }

  private func submit(_ parts: [ResponsePart]) throws(HTTP2TransportError) {
    defer { connection.scheduleFlush() }
    for part in parts {
      if let failure {
        throw failure
      }
      switch (part, response) {
      case (.headers(let fields, let endStream), .idle):
        body = try connection.session.submitResponse(
          streamID: streamID,
          headers: fields,
          endStream: endStream
        )
        response = endStream ? .ended : .open
      case (.data(let bytes), .open):
        if let body {
          connection.session.enqueue(bytes, on: body)
        }
      case (.trailers(let fields), .open):
        if let body {
          connection.session.finishOutbound(body, trailers: fields)
        }
        response = .ended
      default:
        throw HTTP2TransportError(
          .protocolViolation,
          "response parts out of order: \(part) after \(response)"
        )
      }
    }
  }

  private func parkWrite(_ call: ParkedCall<Void>) {
    if let failure {
      call.resume(.failure(failure))
    } else if !isOverBound {
      call.resume(.success(()))
    } else if call.isCancelled {
      call.resume(.failure(CancellationError()))
    } else if pendingWrite != nil {
      call.resume(.failure(HTTP2TransportError(.protocolViolation, "two concurrent sends")))
    } else {
      pendingWrite = call
      connection.writerIsWaiting(self)
    }
  }

  private func cancelWrite(_ call: ParkedCall<Void>) {
    guard pendingWrite === call else { return }
    pendingWrite = nil
    call.resume(.failure(CancellationError()))
  }

  /// Resumes a waiting writer once nghttp2 took enough of the queue; true if none waits anymore.
  func resumeWriterIfBelowBound() -> Bool {
    guard let call = pendingWrite else { return true }
    guard !isOverBound else { return false }
    pendingWrite = nil
    call.resume(.success(()))
    return true
  }

  private func resetOnLoop(errorCode: UInt32) {
    guard failure == nil, !isClosed else { return }
    resetLocally = true
    connection.session.resetStream(streamID: streamID, errorCode: errorCode)
    fail(.streamReset(errorCode))
    connection.scheduleFlush()
  }

  // MARK: Events from the connection

  /// Keeps the handler's task, to cancel it, unless it already returned.
  func adopt(_ task: Task<Void, Never>) {
    guard !handlerFinished else { return }
    if cancelsHandler {
      task.cancel()
    }
    self.task = task
  }

  private func cancelHandler() {
    guard !handlerFinished else { return }
    cancelsHandler = true
    task?.cancel()
  }

  /// Request DATA arrived.
  func receive(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil, !handlerFinished else {
      connection.consume(streamID: streamID, count: bytes.count)
      return
    }
    if let call = pendingRead {
      pendingRead = nil
      connection.consume(streamID: streamID, count: bytes.count)
      call.resume(.success(Array(bytes)))
    } else {
      inbound.append(Array(bytes))
    }
  }

  /// The request ended (END_STREAM).
  func receiveEnd() {
    inboundEnded = true
    if let call = pendingRead, inbound.isEmpty, failure == nil {
      pendingRead = nil
      call.resume(.success(nil))
    }
  }

  /// nghttp2 closed the stream. Unless both sides ended cleanly, the handler's pending operations
  /// fail and, if the peer (not the handler) reset the stream, its task is cancelled.
  func closed(errorCode: UInt32) {
    isClosed = true
    let abnormal = response != .ended || errorCode != 0
    if abnormal || !inboundEnded {
      fail(.streamReset(errorCode))
    }
    if abnormal && !resetLocally {
      cancelHandler()
    }
  }

  /// The connection closed: everything pending fails and the handler is cancelled.
  func connectionClosed() {
    isClosed = true
    fail(.connectionClosed)
    cancelHandler()
  }

  /// The handler returned. A response it left unfinished is reset; unread request bytes go back
  /// to flow control.
  func handlerDidFinish() {
    guard loop.inEventLoop else {
      loop.execute { self.handlerDidFinish() }
      return
    }
    handlerFinished = true
    if failure == nil && response != .ended {
      resetOnLoop(errorCode: HTTP2ErrorCode.internalError)
    }
    discardInbound()
    task = nil
    connection.handlerDidFinish()
  }

  private func fail(_ error: HTTP2TransportError) {
    guard failure == nil else { return }
    failure = error
    discardInbound()
    if let call = pendingRead {
      pendingRead = nil
      call.resume(.failure(error))
    }
    if let call = pendingWrite {
      pendingWrite = nil
      call.resume(.failure(error))
    }
  }

  private func discardInbound() {
    connection.consume(streamID: streamID, count: inbound.removeAll())
  }
}
