// The server side of gRPC over any transport.
//
// Design: a transport runs `GRPCServerDispatcher.handle` once per HTTP/2 stream, in a task of its
// own. The dispatcher checks the request head (method, content-type, path, encoding, timeout),
// then runs the call: interceptors, the request read, the handler, the response. Everything a
// call shares (response phase, metadata, deadline and transport flags) lives in its
// `ServerContext` behind one lock, whose transitions return the response parts to send, so
// whoever ends the call (handler, error, deadline timer) produces a well-formed response:
// HEADERS, DATA*, trailers, or a trailers-only HEADERS when nothing was sent yet.
//
// The unary path is the hot one: the request is read with a local deframer (a single DATA chunk
// is adopted without copying), the typed closure the router made decodes, calls the handler and
// frames the response into one exactly sized buffer, and headers, data and trailers leave in one
// `send`. A call with a deadline runs in a child task, cancelled when the dispatcher's deadline
// scheduler (one sleeping task for all calls, not a timer per call) says the deadline passed;
// the handler sees the cancellation and the call ends with DEADLINE_EXCEEDED.

/// The gRPC layer for a server transport: routes each stream to its handler and speaks the gRPC
/// protocol on it.
public struct GRPCServerDispatcher: ServerStreamHandler {
  private let methods: [String: ServerMethod]
  private let interceptors: [any ServerInterceptor]
  private let shared: ServerShared

  /// A dispatcher for the methods of `router`, running `interceptors` in order before each
  /// handler.
  public init(
    router: RPCRouter,
    interceptors: [any ServerInterceptor] = [],
    configuration: RPCConfiguration = .init()
  ) {
    self.methods = router.methods
    self.interceptors = interceptors
    self.shared = ServerShared(configuration: configuration)
  }

  /// Serves one stream to its end.
  public func handle(
    head: ServerStreamHead,
    inbound: some ServerStreamInbound,
    outbound: some ServerStreamOutbound
  ) async {
    guard head.method == "POST" else {
      try? await outbound.send([.headers([HeaderField(":status", "405")], endStream: true)])
      return
    }
    let request = RequestHeaders(head.headers)
    guard request.hasGRPCContentType else {
      try? await outbound.send([.headers([HeaderField(":status", "415")], endStream: true)])
      return
    }
    guard let method = methods[head.path] else {
      await reject(.unimplemented, "method not found: \(head.path)", outbound)
      return
    }
    let encoding: CompressionAlgorithm?
    if let name = request.encoding {
      guard let algorithm = shared.configuration.supportedAlgorithm(named: name) else {
        let message = "message compression \"\(name)\" is not supported; supported: "
        await reject(.unimplemented, message + shared.acceptEncoding, outbound)
        return
      }
      encoding = algorithm == .identity ? nil : algorithm
    } else {
      encoding = nil
    }
    var deadline: ContinuousClock.Instant?
    if let value = request.timeout {
      guard let timeout = GRPCTimeout.parse(value) else {
        await reject(.internalError, "malformed grpc-timeout \"\(value)\"", outbound)
        return
      }
      deadline = .now + timeout
    }
    let context = ServerContext(
      path: head.path,
      metadata: request.metadata,
      deadline: deadline,
      peer: head.peer,
      requestEncoding: request.encoding,
      acceptEncoding: request.acceptEncoding,
      shared: shared
    )

    if let deadline {
      await run(method, context, encoding, inbound, outbound, deadline: deadline)
    } else {
      await run(method, context, encoding, inbound, outbound)
    }
  }

  /// Runs a call with a deadline: the call in a child task (started at once, on this thread,
  /// and on the transport's executor), which is cancelled when the dispatcher's deadline
  /// scheduler says the deadline passed. The status then goes at once, unless a write is in
  /// flight, in which case the call sends it when its handler returns.
  private func run(
    _ method: ServerMethod,
    _ context: ServerContext,
    _ encoding: CompressionAlgorithm?,
    _ inbound: some ServerStreamInbound,
    _ outbound: some ServerStreamOutbound,
    deadline: ContinuousClock.Instant
  ) async {
    let race = CallRace()
    let timer = shared.deadlines.schedule(at: deadline) { race.resolve(.expired) }
    await withTaskGroup(of: Void.self) { group in
      group.addImmediateTask {
        await run(method, context, encoding, inbound, outbound)
        race.resolve(.completed)
      }
      switch await race.wait() {
      case .completed:
        shared.deadlines.cancel(timer)
      case .expired:
        let parts = context.expireDeadline()
        group.cancelAll()
        if let parts { try? await outbound.send(parts) }
      }
    }
  }

  /// Sends a trailers-only response with an error status.
  private func reject(
    _ code: Status.Code,
    _ message: String,
    _ outbound: some ServerStreamOutbound
  ) async {
    let fields = shared.trailersOnly(
      Status(code: code, message: message),
      initial: [:],
      trailing: [:]
    )
    try? await outbound.send([.headers(fields, endStream: true)])
  }

  /// Runs a call from its interceptors to its status.
  private func run(
    _ method: ServerMethod,
    _ context: ServerContext,
    _ encoding: CompressionAlgorithm?,
    _ inbound: some ServerStreamInbound,
    _ outbound: some ServerStreamOutbound
  ) async {
    let outcome: ServerContext.Outcome
    do {
      for interceptor in interceptors {
        try await interceptor.intercept(
          path: context.path,
          metadata: context.metadata,
          context: context
        )
      }
      switch method {
      case .unary(let body):
        let request = try await readSingleRequest(inbound, context, encoding)
        outcome = .response(try await body(request, context))
      case .clientStreaming(let body):
        let reader = ServerRequestReader(inbound: inbound, context: context, encoding: encoding)
        outcome = .response(try await body(reader, context))
      case .serverStreaming(let body):
        let request = try await readSingleRequest(inbound, context, encoding)
        try await body(request, ServerResponseSender(outbound: outbound, context: context), context)
        outcome = .status(.ok, [:])
      case .bidirectional(let body):
        let reader = ServerRequestReader(inbound: inbound, context: context, encoding: encoding)
        try await body(reader, ServerResponseSender(outbound: outbound, context: context), context)
        outcome = .status(.ok, [:])
      }
    } catch {
      outcome = ServerContext.outcome(for: error)
    }
    if let parts = context.finish(outcome, taskCancelled: Task.isCancelled) {
      try? await outbound.send(parts)
    }
  }

  /// Reads the one request message of a unary or server-streaming call, to the end of the
  /// request stream, and decompresses it. Another number of messages is a cardinality violation,
  /// which gRPC reports as UNIMPLEMENTED.
  private func readSingleRequest(
    _ inbound: some ServerStreamInbound,
    _ context: ServerContext,
    _ encoding: CompressionAlgorithm?
  ) async throws(RPCError) -> ReceivedMessage {
    let maxSize = shared.configuration.maxReceiveMessageSize
    var deframer = MessageDeframer(maxMessageSize: maxSize)
    var message: ReceivedMessage?
    while true {
      let chunk: [UInt8]?
      do {
        chunk = try await inbound.next()
      } catch {
        context.markTransportFailed()
        throw RPCError(.cancelled, "the request stream was reset", cause: error)
      }
      guard let chunk else { break }
      deframer.append(chunk)
      while let next = try deframer.next() {
        guard message == nil else {
          throw RPCError(
            .unimplemented,
            "more than one request message for a single-request method"
          )
        }
        message = next
      }
    }
    guard deframer.isEmpty else {
      throw RPCError(.internalError, "the request stream ended in the middle of a message")
    }
    guard let message else {
      throw RPCError(.unimplemented, "no request message for a single-request method")
    }
    var decoder = MessageDecoder(encoding: encoding, maxMessageSize: maxSize)
    return try decoder.decompress(message)
  }
}
