// The client side of gRPC over any transport.
//
// Design: each call opens one stream on the `ClientTransport` with the request head (pseudo
// headers, content-type, te, encodings, timeout, metadata), then a `ClientCall` frames requests
// and reads the response: headers (or a trailers-only response), messages, trailers. Failures
// become `RPCError`s: non-OK status as sent; a non-200 HTTP status by gRPC's HTTP mapping;
// protocol violations as INTERNAL or UNKNOWN; transport failures as UNAVAILABLE; the caller's
// cancellation as CANCELLED, after resetting the stream. A timeout is an entry in the client's
// deadline scheduler (one sleeping task for all calls), which resets the stream when the
// deadline passes, so the call ends with DEADLINE_EXCEEDED even if the server never answers.

public import ProtoWire

/// Makes gRPC calls over a client transport.
public struct GRPCClient: Sendable {
  private let transport: any ClientTransport
  private let authority: String
  private let scheme: String
  private let configuration: RPCConfiguration
  /// The `grpc-accept-encoding` value sent with every call.
  private let acceptEncoding: String
  /// Enforces the deadlines of the client's calls.
  private let deadlines = DeadlineScheduler()

  /// A client for the server at `authority` (`host:port`), reached over `transport`; `scheme` is
  /// the `:scheme` sent, "http" for plaintext connections, "https" with TLS.
  public init(
    transport: any ClientTransport,
    authority: String,
    scheme: String = "http",
    configuration: RPCConfiguration = .init()
  ) {
    self.transport = transport
    self.authority = authority
    self.scheme = scheme
    self.configuration = configuration
    self.acceptEncoding = configuration.acceptEncodingHeader
  }

  /// Calls a unary method. Throws an `RPCError` for any status other than OK.
  public func unary<Request: ProtoMessage, Response: ProtoMessage>(
    path: String,
    request: Request,
    options: CallOptions = .init()
  ) async throws -> ClientResponse<Response> {
    try await withCall(path: path, options: options) { call in
      try await call.sendIgnoringFailure(request)
      return try await call.singleResponse(Response.self)
    }
  }

  /// Calls a client-streaming method: `requests` writes the requests (the request stream ends
  /// when it returns). Throws an `RPCError` for any status other than OK, or the error
  /// `requests` threw (after cancelling the call).
  public func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    path: String,
    options: CallOptions = .init(),
    requests: @Sendable (RequestWriter<Request>) async throws -> Void
  ) async throws -> ClientResponse<Response> {
    try await withCall(path: path, options: options) { call in
      try await call.produceRequests(requests)
      return try await call.singleResponse(Response.self)
    }
  }

  /// Calls a server-streaming method: `responses` reads the responses; its result is returned.
  /// Iterating the responses throws an `RPCError` for a status other than OK. If `responses`
  /// returns before the call has ended, the call is cancelled.
  public func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result>(
    path: String,
    request: Request,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<Response>) async throws -> Result
  ) async throws -> Result {
    try await withCall(path: path, options: options) { call in
      try await call.sendIgnoringFailure(request)
      return try await responses(ClientResponseStream(call: call))
    }
  }

  /// Calls a bidirectional-streaming method: `requests` writes the requests while `responses`
  /// reads the responses; the result of `responses` is returned. When `responses` returns, the
  /// call is cancelled if it has not ended, and so is `requests` if it still runs. An error
  /// thrown by `requests` cancels the call and is rethrown.
  public func bidirectional<Request: ProtoMessage, Response: ProtoMessage, Result>(
    path: String,
    options: CallOptions = .init(),
    requests: @Sendable (RequestWriter<Request>) async throws -> Void,
    responses: @Sendable (ClientResponseStream<Response>) async throws -> Result
  ) async throws -> Result {
    // The child task that runs `requests` ends before the task group does, so `requests` does
    // not outlive this call.
    try await withoutActuallyEscaping(requests) { requests in
      try await withCall(path: path, options: options) { call in
        try await bidirectional(call, requests: requests, responses: responses)
      }
    }
  }

  private func bidirectional<Request: ProtoMessage, Response: ProtoMessage, Result>(
    _ call: ClientCall,
    requests: @escaping @Sendable (RequestWriter<Request>) async throws -> Void,
    responses: @Sendable (ClientResponseStream<Response>) async throws -> Result
  ) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
      group.addTask {
        try await call.produceRequests(requests)
      }
      let result: Swift.Result<Result, any Error>
      do {
        result = .success(try await responses(ClientResponseStream(call: call)))
      } catch {
        result = .failure(error)
      }
      call.cancelUnlessFinished()
      group.cancelAll()
      // An error from the requests closure explains the call's end better than the reset
      // the responses side saw.
      try await group.waitForAll()
      return try result.get()
    }
  }

  /// Opens a stream for a call, runs `body` with it, and ends it on the caller's cancellation
  /// or the deadline.
  private func withCall<Result>(
    path: String,
    options: CallOptions,
    _ body: (ClientCall) async throws -> Result
  ) async throws -> Result {
    guard !Task.isCancelled else {
      throw RPCError(.cancelled, "the call was cancelled before it started")
    }
    let deadline = options.timeout.map { ContinuousClock.now + $0 }
    let stream: any ClientStream
    do {
      stream = try await transport.openStream(headers: requestHeaders(path: path, options: options))
    } catch let error as RPCError {
      throw error
    } catch {
      throw RPCError(.unavailable, "could not open a stream: \(error)", cause: error)
    }
    let call = ClientCall(
      stream: stream,
      configuration: configuration,
      requestCompression: options.compression
    )
    let timer = deadline.map { deadlines.schedule(at: $0) { call.expireDeadline() } }
    defer {
      if let timer { deadlines.cancel(timer) }
    }
    // Whatever way the call ends, a stream whose response has not ended is reset.
    defer { call.cancelUnlessFinished() }
    return try await withTaskCancellationHandler {
      try await body(call)
    } onCancel: {
      call.cancelUnlessFinished()
    }
  }

  /// The request HEADERS: pseudo-headers first, then gRPC's, then the metadata.
  private func requestHeaders(path: String, options: CallOptions) -> [HeaderField] {
    var fields: [HeaderField] = [
      HeaderField(":method", "POST"),
      HeaderField(":scheme", scheme),
      HeaderField(":path", path),
      HeaderField(":authority", authority),
      HeaderField("content-type", "application/grpc"),
      HeaderField("te", "trailers"),
      HeaderField("grpc-accept-encoding", acceptEncoding),
    ]
    if let compression = options.compression, compression != .identity {
      fields.append(HeaderField("grpc-encoding", compression.rawValue))
    }
    if let timeout = options.timeout {
      fields.append(HeaderField("grpc-timeout", GRPCTimeout.format(timeout)))
    }
    options.metadata.appendHeaders(to: &fields)
    return fields
  }
}

extension ClientCall {
  /// Sends the one request of a unary or server-streaming call and ends the request stream. A
  /// transport failure to send is not thrown: the response, read next, says why the call ended.
  /// A local failure (a message over the send limit) cancels the call and is thrown.
  func sendIgnoringFailure<Message: ProtoMessage>(_ message: Message) async throws(RPCError) {
    do {
      try await send(message, compressed: true, endStream: true)
    } catch {
      guard requestStreamFailed else {
        cancelUnlessFinished()
        throw error
      }
    }
  }

  /// Runs the `requests` closure of a streaming call, then ends the request stream. A transport
  /// failure to send is not thrown (the response says why); any other error, such as one the
  /// closure itself throws, cancels the call and is rethrown.
  func produceRequests<Message: ProtoMessage>(
    _ requests: @Sendable (RequestWriter<Message>) async throws -> Void
  ) async throws {
    do {
      try await requests(RequestWriter(call: self))
      try await endRequests()
    } catch {
      guard requestStreamFailed else {
        cancelUnlessFinished()
        throw error
      }
    }
  }
}
