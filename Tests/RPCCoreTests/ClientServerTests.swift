internal import RPCCore
internal import Testing

/// `GRPCClient` talking to `GRPCServerDispatcher` in-process: every call kind end to end.
@Suite("Client and server in-process")
struct ClientServerTests {
  let probe: Probe
  let transport: InProcessTransport
  let client: GRPCClient

  init() {
    probe = Probe()
    transport = InProcessTransport(GRPCServerDispatcher(router: TestService.router(probe)))
    client = GRPCClient(transport: transport, authority: "localhost:1234")
  }

  @Test("unary: the message and metadata both ways")
  func unary() async throws {
    var metadata: Metadata = ["echo-name": "ann"]
    metadata.add("echo-blob-bin", binary: [0, 0xFF, 7])
    let response: ClientResponse<EchoMessage> = try await client.unary(
      path: "/test.Echo/Unary",
      request: EchoMessage("hi", payload: [1]),
      options: CallOptions(metadata: metadata)
    )
    #expect(response.message == EchoMessage("hi", payload: [1]))
    #expect(response.initialMetadata[stringValue: "echo-name"] == "ann")
    #expect(response.initialMetadata[binaryValue: "echo-blob-bin"] == [0, 0xFF, 7])
    #expect(response.trailingMetadata[stringValue: "echo-name-t"] == "ann")
    #expect(response.trailingMetadata[binaryValue: "echo-blob-t-bin"] == [0, 0xFF, 7])
    #expect(response.initialMetadata[stringValue: "content-type"] == nil)
    #expect(response.trailingMetadata[stringValue: "grpc-status"] == nil)
    // A call that ended with its status leaves the stream alone.
    #expect(try #require(transport.streams.first).wasCancelled == false)
  }

  @Test("the request head")
  func requestHead() async throws {
    let _: ClientResponse<EchoMessage> = try await client.unary(
      path: "/test.Echo/Unary",
      request: EchoMessage(),
      options: CallOptions(timeout: .seconds(5), metadata: ["x-a": "b"], compression: .gzip)
    )
    let headers = try #require(transport.streams.first).requestHeaders
    #expect(
      Array(headers.prefix(4)) == [
        HeaderField(":method", "POST"), HeaderField(":scheme", "http"),
        HeaderField(":path", "/test.Echo/Unary"), HeaderField(":authority", "localhost:1234"),
      ]
    )
    #expect(headers.contains(HeaderField("content-type", "application/grpc")))
    #expect(headers.contains(HeaderField("te", "trailers")))
    #expect(headers.contains(HeaderField("grpc-accept-encoding", "identity,gzip,deflate")))
    #expect(headers.contains(HeaderField("grpc-encoding", "gzip")))
    #expect(headers.contains(HeaderField("grpc-timeout", "5000000u")))
    #expect(headers.last == HeaderField("x-a", "b"))
  }

  @Test("errors carry code, message and trailing metadata")
  func errorStatus() async throws {
    let message = "not found: \t\r\n ✓ 😈 100%"
    do {
      let _: ClientResponse<EchoMessage> = try await client.unary(
        path: "/test.Echo/Fail",
        request: EchoMessage(message)
      )
      Issue.record("expected an error")
    } catch let error as RPCError {
      #expect(error.code == .notFound)
      #expect(error.message == message)
      #expect(error.metadata[binaryValue: "x-error-bin"] == [1, 2])
      #expect(error.metadata[stringValue: "x-initial"] == "i")
    }
  }

  @Test("an unknown method is UNIMPLEMENTED")
  func unimplemented() async throws {
    do {
      let _: ClientResponse<EchoMessage> = try await client.unary(
        path: "/test.Echo/Missing",
        request: EchoMessage()
      )
      Issue.record("expected UNIMPLEMENTED")
    } catch let error as RPCError {
      #expect(error.code == .unimplemented)
    }
  }

  @Test("client streaming")
  func clientStreaming() async throws {
    let response: ClientResponse<EchoMessage> = try await client.clientStreaming(
      path: "/test.Echo/Collect"
    ) { (writer: RequestWriter<EchoMessage>) in
      for text in ["a", "b", "c"] { try await writer.write(EchoMessage(text)) }
    }
    #expect(response.message.text == "a,b,c")
    let empty: ClientResponse<EchoMessage> = try await client.clientStreaming(
      path: "/test.Echo/Collect"
    ) { (_: RequestWriter<EchoMessage>) in }
    #expect(empty.message == EchoMessage())
  }

  @Test("server streaming, with metadata and per-message compression")
  func serverStreaming() async throws {
    let texts = try await client.serverStreaming(
      path: "/test.Echo/Expand",
      request: EchoMessage("n", payload: [1, 0, 0, 1])
    ) { (responses: ClientResponseStream<EchoMessage>) in
      #expect(try await responses.initialMetadata()[stringValue: "x-stream"] == "yes")
      var result: [String] = []
      while let (message, compressed) = try await responses.nextWithFlags() {
        result.append("\(message.text)\(compressed ? "z" : "")")
      }
      #expect(responses.trailingMetadata[stringValue: "x-count"] == "4")
      return result
    }
    #expect(texts == ["n0z", "n1", "n2", "n3z"])
  }

  @Test("server streaming that fails after messages throws after delivering them")
  func serverStreamingFailure() async throws {
    let received = Probe()
    do {
      try await client.serverStreaming(
        path: "/test.Echo/Expand",
        request: EchoMessage("fail", payload: [0, 0])
      ) { (responses: ClientResponseStream<EchoMessage>) in
        for try await message in responses { received.record(message.text) }
      }
      Issue.record("expected an error")
    } catch let error as RPCError {
      #expect(error.code == .aborted)
      #expect(error.metadata[stringValue: "x-count"] == "2")
    }
    #expect(received.recorded == ["fail0", "fail1"])
  }

  @Test("bidirectional: interleaved writes and reads")
  func bidirectional() async throws {
    let requests = AsyncQueue<String>()
    let replies = try await client.bidirectional(
      path: "/test.Echo/Chat",
      requests: { (writer: RequestWriter<EchoMessage>) in
        while let text = try await requests.next() { try await writer.write(EchoMessage(text)) }
      },
      responses: { (responses: ClientResponseStream<EchoMessage>) in
        var replies: [String] = []
        var iterator = responses.makeAsyncIterator()
        for text in ["one", "two", "three"] {
          requests.push(text)
          replies.append(try #require(try await iterator.next()).text)
        }
        requests.finish()
        #expect(try await iterator.next() == nil)
        return replies
      }
    )
    #expect(replies == ["echo:one", "echo:two", "echo:three"])
  }

  @Test("bidirectional: a server error ends the responses with it")
  func bidirectionalServerError() async throws {
    do {
      try await client.bidirectional(
        path: "/test.Echo/Chat",
        requests: { (writer: RequestWriter<EchoMessage>) in
          try await writer.write(EchoMessage("a"))
          try await writer.write(EchoMessage("stop"))
        },
        responses: { (responses: ClientResponseStream<EchoMessage>) in
          for try await _ in responses {}
        }
      )
      Issue.record("expected an error")
    } catch let error as RPCError {
      #expect(error.code == .cancelled)
      #expect(error.message == "asked to stop")
    }
  }

  @Test("bidirectional: an error thrown by the requests closure cancels the call and is rethrown")
  func bidirectionalRequestsError() async throws {
    await #expect(throws: PlainError.self) {
      try await client.bidirectional(
        path: "/test.Echo/Chat",
        requests: { (writer: RequestWriter<EchoMessage>) in
          try await writer.write(EchoMessage("a"))
          throw PlainError()
        },
        responses: { (responses: ClientResponseStream<EchoMessage>) in
          for try await _ in responses {}
        }
      )
    }
    #expect(try #require(transport.streams.first).wasCancelled)
  }

  @Test("server streaming: returning early cancels the call")
  func earlyReturn() async throws {
    let first = try await client.serverStreaming(
      path: "/test.Echo/StreamThenHang",
      request: EchoMessage("first")
    ) { (responses: ClientResponseStream<EchoMessage>) in
      try await responses.first { _ in true }?.text
    }
    #expect(first == "first")
    let stream = try #require(transport.streams.first)
    #expect(stream.wasCancelled)
    await stream.serverFinished()
    #expect(probe.recorded.last == "cancelled")
  }

  @Test(
    "request compression both algorithms, response compression",
    arguments: [
      CompressionAlgorithm.gzip, .deflate,
    ]
  )
  func compression(algorithm: CompressionAlgorithm) async throws {
    let compressed: ClientResponse<EchoMessage> = try await client.unary(
      path: "/test.Echo/Flags",
      request: EchoMessage("", payload: [1, 2, 3]),
      options: CallOptions(compression: algorithm)
    )
    #expect(compressed.message == EchoMessage("compressed", payload: [1, 2, 3]))
    let collected: ClientResponse<EchoMessage> = try await client.clientStreaming(
      path: "/test.Echo/Collect",
      options: CallOptions(compression: algorithm)
    ) { (writer: RequestWriter<EchoMessage>) in
      try await writer.write(EchoMessage("x"))
      try await writer.write(EchoMessage("y"), compressed: false)
    }
    #expect(collected.message.payload == [1, 0])
    let response: ClientResponse<EchoMessage> = try await client.unary(
      path: "/test.Echo/Flags",
      request: EchoMessage("compress-response", payload: Array(repeating: 9, count: 1000))
    )
    #expect(response.message.payload.count == 1000)
    let last = try #require(transport.streams.last)
    #expect(RecordedResponse(last.outbound.parts).header("grpc-encoding") == "gzip")
  }

  @Test("identity compression sends no grpc-encoding")
  func identity() async throws {
    let response: ClientResponse<EchoMessage> = try await client.unary(
      path: "/test.Echo/Flags",
      request: EchoMessage(),
      options: CallOptions(compression: .identity)
    )
    #expect(response.message.text == "plain")
    let headers = try #require(transport.streams.first).requestHeaders
    #expect(!headers.contains { $0.name == "grpc-encoding" })
  }

  @Test("a timeout: DEADLINE_EXCEEDED, and the server handler is cancelled")
  func deadline() async throws {
    do {
      let _: ClientResponse<EchoMessage> = try await client.unary(
        path: "/test.Echo/Hang",
        request: EchoMessage(),
        options: CallOptions(timeout: .milliseconds(20))
      )
      Issue.record("expected DEADLINE_EXCEEDED")
    } catch let error as RPCError {
      #expect(error.code == .deadlineExceeded)
    }
    try await #require(transport.streams.first).serverFinished()
    #expect(probe.recorded == ["started", "cancelled"])
  }

  @Test("the client enforces its timeout even when the server ignores grpc-timeout")
  func localDeadline() async throws {
    let stripping = TimeoutStrippingTransport(base: transport)
    let client = GRPCClient(transport: stripping, authority: "a")
    do {
      let _: ClientResponse<EchoMessage> = try await client.unary(
        path: "/test.Echo/Hang",
        request: EchoMessage(),
        options: CallOptions(timeout: .milliseconds(20))
      )
      Issue.record("expected DEADLINE_EXCEEDED")
    } catch let error as RPCError {
      #expect(error.code == .deadlineExceeded)
    }
    let stream = try #require(transport.streams.first)
    #expect(!stream.requestHeaders.contains { $0.name == "grpc-timeout" })
    #expect(stream.wasCancelled)
    await stream.serverFinished()
    #expect(probe.recorded == ["started", "cancelled"])
  }

  @Test("the caller's cancellation: CANCELLED, the stream reset, the handler cancelled")
  func cancellation() async throws {
    let client = self.client
    let call = Task {
      let _: ClientResponse<EchoMessage> = try await client.unary(
        path: "/test.Echo/Hang",
        request: EchoMessage()
      )
    }
    #expect(try await probe.next() == "started")
    call.cancel()
    do {
      try await call.value
      Issue.record("expected CANCELLED")
    } catch let error as RPCError {
      #expect(error.code == .cancelled)
    }
    let stream = try #require(transport.streams.first)
    #expect(stream.wasCancelled)
    await stream.serverFinished()
    #expect(probe.recorded == ["started", "cancelled"])
  }

  @Test("a cancelled task does not start a call")
  func cancelledBeforeStart() async throws {
    let client = self.client
    let call = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      let _: ClientResponse<EchoMessage> = try await client.unary(
        path: "/test.Echo/Unary",
        request: EchoMessage()
      )
    }
    do {
      try await call.value
      Issue.record("expected CANCELLED")
    } catch let error as RPCError {
      #expect(error.code == .cancelled)
    }
    #expect(transport.streams.isEmpty)
  }

  @Test("limits: an oversized response or request is RESOURCE_EXHAUSTED")
  func limits() async throws {
    let small = GRPCClient(
      transport: transport,
      authority: "a",
      configuration: RPCConfiguration(maxReceiveMessageSize: 8, maxSendMessageSize: 64)
    )
    do {
      let _: ClientResponse<EchoMessage> = try await small.unary(
        path: "/test.Echo/Unary",
        request: EchoMessage("more than eight bytes")
      )
      Issue.record("expected RESOURCE_EXHAUSTED")
    } catch let error as RPCError {
      #expect(error.code == .resourceExhausted)
    }
    // The client gave up on a response still in progress: it resets the stream.
    #expect(try #require(transport.streams.first).wasCancelled)
    do {
      let _: ClientResponse<EchoMessage> = try await small.unary(
        path: "/test.Echo/Unary",
        request: EchoMessage(String(repeating: "x", count: 100))
      )
      Issue.record("expected RESOURCE_EXHAUSTED")
    } catch let error as RPCError {
      #expect(error.code == .resourceExhausted)
    }
  }

  @Test("many concurrent calls on one transport")
  func concurrentCalls() async throws {
    let client = self.client
    try await withThrowingTaskGroup(of: String.self) { group in
      for index in 0 ..< 50 {
        group.addTask {
          let response: ClientResponse<EchoMessage> = try await client.unary(
            path: "/test.Echo/Unary",
            request: EchoMessage("\(index)")
          )
          return response.message.text
        }
      }
      var texts: Set<String> = []
      for try await text in group { texts.insert(text) }
      #expect(texts.count == 50)
    }
  }
}

/// Passes streams through without their grpc-timeout, like a server that ignores it.
private struct TimeoutStrippingTransport: ClientTransport {
  let base: InProcessTransport

  func openStream(headers: [HeaderField]) async throws -> any ClientStream {
    try await base.openStream(headers: headers.filter { $0.name != "grpc-timeout" })
  }
}
