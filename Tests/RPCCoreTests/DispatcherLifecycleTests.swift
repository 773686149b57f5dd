internal import ProtoWire
internal import RPCCore
internal import Testing

/// Deadlines, cancellation, transport failures and interceptors.
@Suite("Dispatcher lifecycle")
struct DispatcherLifecycleTests {
  private func head(_ path: String, _ headers: [HeaderField] = grpcHeaders()) -> ServerStreamHead {
    ServerStreamHead(
      method: "POST",
      path: path,
      authority: nil,
      scheme: nil,
      headers: headers,
      peer: "p"
    )
  }

  @Test("the deadline cancels the handler; DEADLINE_EXCEEDED, trailers-only")
  func deadlineTrailersOnly() async throws {
    let probe = Probe()
    let dispatcher = GRPCServerDispatcher(router: TestService.router(probe))
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Hang",
      headers: grpcHeaders([HeaderField("grpc-timeout", "20m")]),
      chunks: [frame([])]
    )
    let response = RecordedResponse(outbound.parts)
    #expect(outbound.sends.count == 1)
    #expect(response.isTrailersOnly)
    #expect(response.grpcStatus == 4)
    #expect(probe.recorded == ["started", "cancelled"])
  }

  @Test("the deadline after a message: trailers with DEADLINE_EXCEEDED")
  func deadlineAfterMessage() async throws {
    let probe = Probe()
    let dispatcher = GRPCServerDispatcher(router: TestService.router(probe))
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/StreamThenHang",
      headers: grpcHeaders([HeaderField("grpc-timeout", "20000u")]),
      chunks: [frame(EchoMessage("one").serializedBytes())]
    )
    let response = RecordedResponse(outbound.parts)
    #expect(response.messages.count == 1)
    #expect(response.trailers?.first == HeaderField("grpc-status", "4"))
    #expect(probe.recorded == ["wrote", "cancelled"])
  }

  @Test("the deadline while the request has not arrived")
  func deadlineWaitingForRequest() async {
    let dispatcher = GRPCServerDispatcher(router: TestService.router())
    let queue = AsyncQueue<[UInt8]>()
    let outbound = RecordingOutbound()
    await dispatcher.handle(
      head: head("/test.Echo/Unary", grpcHeaders([HeaderField("grpc-timeout", "10m")])),
      inbound: QueueInbound(queue: queue),
      outbound: outbound
    )
    let response = RecordedResponse(outbound.parts)
    #expect(response.isTrailersOnly)
    #expect(response.grpcStatus == 4)
  }

  @Test("an expired deadline (0n) still ends the call cleanly")
  func zeroTimeout() async {
    let dispatcher = GRPCServerDispatcher(router: TestService.router())
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Hang",
      headers: grpcHeaders([HeaderField("grpc-timeout", "0n")]),
      chunks: [frame([])]
    )
    #expect(RecordedResponse(outbound.parts).grpcStatus == 4)
    #expect(outbound.sends.count == 1)
  }

  @Test("a call finishing before its deadline is unaffected")
  func deadlineNotReached() async throws {
    let dispatcher = GRPCServerDispatcher(router: TestService.router())
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Unary",
      headers: grpcHeaders([HeaderField("grpc-timeout", "99999999H")]),
      chunks: [frame(EchoMessage("quick").serializedBytes())]
    )
    #expect(RecordedResponse(outbound.parts).grpcStatus == 0)
    #expect(outbound.sends.count == 1)
  }

  @Test("a malformed grpc-timeout is INTERNAL", arguments: ["1", "1x", "123456789S", "-1S"])
  func malformedTimeout(value: String) async {
    let dispatcher = GRPCServerDispatcher(router: TestService.router())
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Unary",
      headers: grpcHeaders([HeaderField("grpc-timeout", value)]),
      chunks: [frame([])]
    )
    let response = RecordedResponse(outbound.parts)
    #expect(response.isTrailersOnly)
    #expect(response.grpcStatus == 13)
  }

  @Test(
    "transport cancellation stops the handler and sends nothing",
    arguments: [
      "/test.Echo/Hang", "/test.Echo/StreamThenHang",
    ]
  )
  func transportCancellation(path: String) async throws {
    let probe = Probe()
    let dispatcher = GRPCServerDispatcher(router: TestService.router(probe))
    let queue = AsyncQueue<[UInt8]>()
    queue.push(frame([]))
    queue.finish()
    let outbound = RecordingOutbound()
    let inbound = QueueInbound(queue: queue)
    let call = Task {
      await dispatcher.handle(head: head(path), inbound: inbound, outbound: outbound)
    }
    let first = try await probe.next()
    let sentBefore = outbound.sends.count
    call.cancel()
    await call.value
    #expect(["started", "wrote"].contains(first))
    #expect(probe.recorded.last == "cancelled")
    #expect(outbound.sends.count == sentBefore)
  }

  @Test("a reset stream: sends fail, the dispatcher returns quietly")
  func resetStream() async {
    let dispatcher = GRPCServerDispatcher(router: TestService.router())
    for path in ["/test.Echo/Unary", "/test.Echo/Expand", "/test.Echo/Nope"] {
      let queue = AsyncQueue<[UInt8]>()
      queue.push(frame(EchoMessage("", payload: [0, 0]).serializedBytes()))
      queue.finish()
      let outbound = RecordingOutbound()
      outbound.reset(errorCode: 8)
      await dispatcher.handle(
        head: head(path),
        inbound: QueueInbound(queue: queue),
        outbound: outbound
      )
      #expect(outbound.sends.isEmpty)
    }
  }

  @Test("a request stream reset while reading: nothing is sent")
  func inboundReset() async {
    let dispatcher = GRPCServerDispatcher(router: TestService.router())
    for path in ["/test.Echo/Unary", "/test.Echo/Collect", "/test.Echo/Chat"] {
      let queue = AsyncQueue<[UInt8]>()
      queue.finish(throwing: StreamResetError(errorCode: 8))
      let outbound = RecordingOutbound()
      await dispatcher.handle(
        head: head(path),
        inbound: QueueInbound(queue: queue),
        outbound: outbound
      )
      #expect(outbound.sends.isEmpty)
    }
  }

  struct RecordingInterceptor: ServerInterceptor {
    let name: String
    let probe: Probe
    var rejection: (any Error)?

    func intercept(path: String, metadata: Metadata, context: ServerContext) async throws {
      probe.record("\(name) \(path) \(metadata[stringValue: "x-token"] ?? "-")")
      if let rejection { throw rejection }
    }
  }

  private func router(_ probe: Probe) -> RPCRouter {
    var router = RPCRouter()
    router.unary("/i/Call") { (request: EchoMessage, context: ServerContext) in
      probe.record("handler")
      return request
    }
    return router
  }

  @Test("interceptors run in order before the handler")
  func interceptorOrder() async {
    let probe = Probe()
    let dispatcher = GRPCServerDispatcher(
      router: router(probe),
      interceptors: [
        RecordingInterceptor(name: "a", probe: probe),
        RecordingInterceptor(name: "b", probe: probe),
      ]
    )
    let outbound = await serve(
      dispatcher,
      path: "/i/Call",
      headers: grpcHeaders([HeaderField("x-token", "t")]),
      chunks: [frame([])]
    )
    #expect(RecordedResponse(outbound.parts).grpcStatus == 0)
    #expect(probe.recorded == ["a /i/Call t", "b /i/Call t", "handler"])
  }

  @Test("an interceptor rejects with its RPCError; later ones and the handler do not run")
  func interceptorRejection() async {
    let probe = Probe()
    let dispatcher = GRPCServerDispatcher(
      router: router(probe),
      interceptors: [
        RecordingInterceptor(name: "a", probe: probe),
        RecordingInterceptor(
          name: "b",
          probe: probe,
          rejection: RPCError(.unauthenticated, "no token", metadata: ["www-authenticate": "x"])
        ),
        RecordingInterceptor(name: "c", probe: probe),
      ]
    )
    let outbound = await serve(dispatcher, path: "/i/Call", chunks: [frame([])])
    let response = RecordedResponse(outbound.parts)
    #expect(response.isTrailersOnly)
    #expect(response.grpcStatus == 16)
    #expect(response.header("grpc-message") == "no token")
    #expect(response.header("www-authenticate") == "x")
    #expect(probe.recorded == ["a /i/Call -", "b /i/Call -"])
  }

  @Test("an interceptor's other error is UNKNOWN")
  func interceptorPlainError() async {
    let probe = Probe()
    let dispatcher = GRPCServerDispatcher(
      router: router(probe),
      interceptors: [RecordingInterceptor(name: "a", probe: probe, rejection: PlainError())]
    )
    let outbound = await serve(dispatcher, path: "/i/Call", chunks: [frame([])])
    #expect(RecordedResponse(outbound.parts).grpcStatus == 2)
    #expect(probe.recorded == ["a /i/Call -"])
  }

  @Test("interceptors do not run for unknown methods")
  func interceptorsUnknownMethod() async {
    let probe = Probe()
    let dispatcher = GRPCServerDispatcher(
      router: router(probe),
      interceptors: [RecordingInterceptor(name: "a", probe: probe)]
    )
    let outbound = await serve(dispatcher, path: "/i/Other", chunks: [frame([])])
    #expect(RecordedResponse(outbound.parts).grpcStatus == 12)
    #expect(probe.recorded.isEmpty)
  }

  @Test("a context built for tests records metadata")
  func testContext() {
    let context = ServerContext(path: "/a/b", metadata: ["k": "v"])
    context.setInitialMetadata(["i": "1"])
    context.addTrailingMetadata(["t": "1"])
    context.addTrailingMetadata(["t": "2"])
    #expect(context.initialMetadata[stringValue: "i"] == "1")
    #expect(context.trailingMetadata.values(for: "t") == [.string("1"), .string("2")])
    #expect(context.metadata[stringValue: "k"] == "v")
    #expect(context.peer == "in-process")
  }
}
