internal import NIOCore
internal import RPCCore

/// One request stream opened by an `HTTP2ClientConnection`.
///
/// `@unchecked Sendable`: every stored `var` is read and written only on `loop`; each method does
/// its work there, hopping when called from elsewhere.
final class HTTP2ClientStream: ClientStream, @unchecked Sendable {
  let streamID: Int32
  let loop: any EventLoop
  private let connection: ClientConnectionHandler
  /// The request body's queue.
  private let body: OutboundQueue

  private var parts = CircularBuffer<ClientResponsePart>(initialCapacity: 4)
  private var receivedHeaders = false
  private var inboundEnded = false
  private var pendingRead: ParkedCall<ClientResponsePart?>?
  private var outboundEnded = false
  private var pendingWrite: ParkedCall<Void>?
  private var failure: HTTP2TransportError?
  private var isClosed = false

  init(body: OutboundQueue, connection: ClientConnectionHandler, loop: any EventLoop) {
    self.streamID = body.streamID
    self.body = body
    self.connection = connection
    self.loop = loop
  }

  // MARK: ClientStream

  func send(_ bytes: [UInt8], endStream: Bool) async throws {
    try await ParkedCall<Void>.suspend(
      on: loop,
      park: { call in
        do {
          try self.submit(bytes, endStream: endStream)
        } catch {
          call.resume(.failure(error))
          return
        }
        self.parkWrite(call)
      },
      cancel: { call in self.cancelWrite(call) }
    )
  }

  func next() async throws -> ClientResponsePart? {
    try await ParkedCall<ClientResponsePart?>.suspend(
      on: loop,
      park: { call in self.parkRead(call) },
      cancel: { call in self.cancelRead(call) }
    )
  }

  func cancel() {
    loop.execute {
      guard self.failure == nil, !self.isClosed else { return }
      self.connection.session.resetStream(streamID: self.streamID, errorCode: HTTP2ErrorCode.cancel)
      self.fail(.streamReset(HTTP2ErrorCode.cancel))
      self.connection.scheduleFlush()
    }
  }

  // MARK: Writing

  private func submit(_ bytes: [UInt8], endStream: Bool) throws(HTTP2TransportError) {
    if let failure {
      throw failure
    }
    guard !outboundEnded else {
      throw HTTP2TransportError(.protocolViolation, "the request already ended")
    }
    guard !isClosed else { throw .streamReset(HTTP2ErrorCode.noError) }
    connection.session.enqueue(bytes, on: body)
    if endStream {
      outboundEnded = true
      connection.session.finishOutbound(body, trailers: nil)
    }
    connection.scheduleFlush()
  }

  private var isOverBound: Bool {
    body.count > connection.outboundQueueLimit
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

  // MARK: Reading

  private func take() -> Result<ClientResponsePart?, any Error>? {
    if let failure {
      return .failure(failure)
    }
    if let part = parts.popFirst() {
      if case .data(let bytes) = part {
        connection.consume(streamID: streamID, count: bytes.count)
      }
      return .success(part)
    }
    return inboundEnded ? .success(nil) : nil
  }

  private func parkRead(_ call: ParkedCall<ClientResponsePart?>) {
    if let result = take() {
      call.resume(result)
    } else if call.isCancelled {
      call.resume(.failure(CancellationError()))
    } else if pendingRead != nil {
      call.resume(.failure(HTTP2TransportError(.protocolViolation, "two concurrent reads")))
    } else {
      pendingRead = call
    }
  }

  private func cancelRead(_ call: ParkedCall<ClientResponsePart?>) {
    guard pendingRead === call else { return }
    pendingRead = nil
    call.resume(.failure(CancellationError()))
  }

  // MARK: Events from the connection

  /// A header block arrived: the response head first, trailers after.
  func receiveHeaders(_ fields: [HeaderField], endStream: Bool) {
    if receivedHeaders {
      deliver(.trailers(fields))
    } else {
      receivedHeaders = true
      deliver(.headers(fields, endStream: endStream))
    }
    if endStream {
      receiveEnd()
    }
  }

  /// Response DATA arrived.
  func receive(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil else {
      connection.consume(streamID: streamID, count: bytes.count)
      return
    }
    deliver(.data(Array(bytes)))
  }

  /// The response ended.
  func receiveEnd() {
    inboundEnded = true
    if parts.isEmpty, let call = pendingRead {
      pendingRead = nil
      call.resume(.success(nil))
    }
  }

  private func deliver(_ part: ClientResponsePart) {
    guard failure == nil else { return }
    if let call = pendingRead {
      pendingRead = nil
      if case .data(let bytes) = part {
        connection.consume(streamID: streamID, count: bytes.count)
      }
      call.resume(.success(part))
    } else {
      parts.append(part)
    }
  }

  /// nghttp2 closed the stream: unless the response ended cleanly, what is pending fails.
  func closed(errorCode: UInt32) {
    isClosed = true
    if errorCode != HTTP2ErrorCode.noError || !inboundEnded {
      fail(.streamReset(errorCode))
    } else if let call = pendingWrite {
      pendingWrite = nil
      call.resume(.failure(HTTP2TransportError.streamReset(errorCode)))
    }
  }

  /// The connection closed.
  func connectionClosed() {
    fail(.connectionClosed)
  }

  private func fail(_ error: HTTP2TransportError) {
    guard failure == nil else { return }
    failure = error
    var unread = 0
    while let part = parts.popFirst() {
      if case .data(let bytes) = part {
        unread += bytes.count
      }
    }
    connection.consume(streamID: streamID, count: unread)
    if let call = pendingRead {
      pendingRead = nil
      call.resume(.failure(error))
    }
    if let call = pendingWrite {
      pendingWrite = nil
      call.resume(.failure(error))
    }
  }
}
