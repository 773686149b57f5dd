internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardClient
internal import Synchronization
internal import Testing

/// Every call kind of `grpc.testing.TestService`, through the stubs, against the real server.
@Suite(.timeLimit(.minutes(1)))
struct CallKindTests {
  @Test func emptyCall() async throws {
    try await withLoopback { loopback in
      _ = try await loopback.tests.emptyCall()
    }
  }

  @Test func unaryCallWithLargePayloads() async throws {
    try await withLoopback { loopback in
      let response = try await loopback.tests.unaryCall(
        GRPCTesting.SimpleRequest(payloadSize: 271_828, responseSize: 314_159)
      )
      #expect(response.payloadSize == 314_159)
    }
  }

  @Test func streamingInputCallAddsUpThePayloads() async throws {
    try await withLoopback { loopback in
      let response = try await loopback.tests.streamingInputCall { writer in
        for size in [27_182, 8, 1_828, 45_904] {
          try await writer.write(GRPCTesting.StreamingInputCallRequest(payloadSize: size))
        }
      }
      #expect(response.aggregatedPayloadSize == 74_922)
    }
  }

  @Test func streamingOutputCallSendsTheSizesAskedFor() async throws {
    try await withLoopback { loopback in
      let sizes = try await loopback.tests.streamingOutputCall(
        GRPCTesting.StreamingOutputCallRequest(responseSizes: [31_415, 9, 2_653, 58_979])
      ) { responses in
        var sizes: [Int] = []
        for try await response in responses { sizes.append(response.payloadSize) }
        return sizes
      }
      #expect(sizes == [31_415, 9, 2_653, 58_979])
    }
  }

  @Test func fullDuplexCallPingPong() async throws {
    let requestSizes = [27_182, 8, 1_828, 45_904]
    let responseSizes = [31_415, 9, 2_653, 58_979]
    // The requests wait for the answer to each request before sending the next.
    let (answers, answered) = AsyncStream.makeStream(of: Void.self)
    let sent = Atomic<Int>(0)
    try await withLoopback { loopback in
      let received = try await loopback.tests.fullDuplexCall { writer in
        var answers = answers.makeAsyncIterator()
        for (requestSize, responseSize) in zip(requestSizes, responseSizes) {
          sent.add(1, ordering: .relaxed)
          try await writer.write(
            GRPCTesting.StreamingOutputCallRequest(
              responseSizes: [responseSize],
              payloadSize: requestSize
            )
          )
          guard await answers.next() != nil else { return }
        }
      } responses: { responses in
        var received: [(size: Int, requestsSent: Int)] = []
        for try await response in responses {
          received.append((response.payloadSize, sent.load(ordering: .relaxed)))
          answered.yield()
        }
        return received
      }
      #expect(received.map(\.size) == responseSizes)
      // Each response arrived while its request was the last one sent.
      #expect(received.map(\.requestsSent) == [1, 2, 3, 4])
    }
  }

  @Test func halfDuplexCallAnswersOnceTheRequestsEnd() async throws {
    let requestsEnded = Atomic<Bool>(false)
    try await withLoopback { loopback in
      let received = try await loopback.tests.halfDuplexCall { writer in
        for size in [31_415, 9, 2_653] {
          try await writer.write(GRPCTesting.StreamingOutputCallRequest(responseSizes: [size]))
        }
        requestsEnded.store(true, ordering: .relaxed)
      } responses: { responses in
        var received: [(size: Int, afterRequestsEnded: Bool)] = []
        for try await response in responses {
          received.append((response.payloadSize, requestsEnded.load(ordering: .relaxed)))
        }
        return received
      }
      #expect(received.map(\.size) == [31_415, 9, 2_653])
      #expect(received.map(\.afterRequestsEnded) == [true, true, true])
    }
  }

  @Test func unimplementedCallFailsWithUnimplemented() async throws {
    try await withLoopback { loopback in
      let error = await #expect(throws: RPCError.self) {
        try await loopback.tests.unimplementedCall()
      }
      #expect(error?.code == .unimplemented)
    }
  }

  @Test func aMethodTheServerDoesNotServeIsUnimplemented() async throws {
    try await withLoopback { loopback in
      let error = await #expect(throws: RPCError.self) {
        try await loopback.connection.agents.accept(AcceptRequest())
      }
      #expect(error?.code == .unimplemented)
    }
  }
}
