internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardClient
internal import Testing

/// A call's end by its deadline or its caller's cancellation: the client sees the right status,
/// the server's handler stops, and the connection goes on serving.
@Suite(.timeLimit(.minutes(1)))
struct DeadlineAndCancellationTests {
  /// One response at once, then one after a minute: a call that is in the middle of a stream
  /// for as long as any test lasts.
  private static let stalledStream = GRPCTesting.StreamingOutputCallRequest([
    GRPCTesting.ResponseParameters(size: 10),
    GRPCTesting.ResponseParameters(size: 10, intervalUs: 60_000_000),
  ])

  @Test func aStreamPastItsDeadlineEndsWithDeadlineExceeded() async throws {
    let pauses = ServerPauses()
    try await withLoopback(pauses: pauses) { loopback in
      let clock = ContinuousClock()
      let start = clock.now
      let error = await #expect(throws: RPCError.self) {
        try await loopback.tests.streamingOutputCall(
          Self.stalledStream,
          options: CallOptions(timeout: .milliseconds(100))
        ) { responses in
          for try await _ in responses {}
        }
      }
      #expect(error?.code == .deadlineExceeded)
      #expect(clock.now - start < .seconds(10))
      #expect(await pauses.nextCancelledPause() == .seconds(60))
      _ = try await loopback.tests.emptyCall()
    }
  }

  @Test func aCallWithinItsDeadlineSucceeds() async throws {
    try await withLoopback { loopback in
      let response = try await loopback.tests.unaryCall(
        GRPCTesting.SimpleRequest(responseSize: 10),
        options: CallOptions(timeout: .seconds(30))
      )
      #expect(response.payloadSize == 10)
    }
  }

  @Test func cancellingTheCallerEndsTheCallWithCancelledAndStopsTheHandler() async throws {
    let pauses = ServerPauses()
    try await withLoopback(pauses: pauses) { loopback in
      let (firstResponse, receivedFirst) = AsyncStream.makeStream(of: Void.self)
      let call = Task {
        try await loopback.tests.streamingOutputCall(Self.stalledStream) { responses in
          for try await _ in responses { receivedFirst.yield() }
        }
      }
      var responses = firstResponse.makeAsyncIterator()
      await responses.next()

      call.cancel()

      let error = await #expect(throws: RPCError.self) { try await call.value }
      #expect(error?.code == .cancelled)
      #expect(await pauses.nextCancelledPause() == .seconds(60))
      let response = try await loopback.tests.unaryCall(GRPCTesting.SimpleRequest(responseSize: 7))
      #expect(response.payloadSize == 7)
    }
  }

  @Test func leavingTheResponsesEarlyCancelsTheCall() async throws {
    let pauses = ServerPauses()
    try await withLoopback(pauses: pauses) { loopback in
      let first = try await loopback.tests.streamingOutputCall(Self.stalledStream) { responses in
        var iterator = responses.makeAsyncIterator()
        return try await iterator.next()?.payloadSize
      }
      #expect(first == 10)
      #expect(await pauses.nextCancelledPause() == .seconds(60))
      _ = try await loopback.tests.emptyCall()
    }
  }
}
