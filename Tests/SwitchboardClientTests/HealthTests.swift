internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardClient
internal import SwitchboardServices
internal import Testing

/// `grpc.health.v1.Health` through its stub.
@Suite(.timeLimit(.minutes(1)))
struct HealthTests {
  private static func request(_ service: String) -> GRPCHealthV1.HealthCheckRequest {
    var request = GRPCHealthV1.HealthCheckRequest()
    request.service = service
    return request
  }

  @Test func checkReportsTheStatusOfAKnownService() async throws {
    try await withLoopback { loopback in
      loopback.health.setStatus(.serving, forService: "")
      loopback.health.setStatus(.notServing, forService: GRPCTesting.TestService.serviceName)

      let server = try await loopback.connection.health.check(Self.request(""))
      let tests = try await loopback.connection.health.check(
        Self.request(GRPCTesting.TestService.serviceName)
      )

      #expect(server.status == .serving)
      #expect(tests.status == .notServing)
    }
  }

  @Test func checkOfAnUnknownServiceIsNotFound() async throws {
    try await withLoopback { loopback in
      let error = await #expect(throws: RPCError.self) {
        try await loopback.connection.health.check(Self.request("no.such.Service"))
      }
      #expect(error?.code == .notFound)
    }
  }

  @Test func watchReportsTheStatusThenItsChanges() async throws {
    try await withLoopback { loopback in
      loopback.health.setStatus(.serving, forService: "")
      let statuses = try await loopback.connection.health.watch(Self.request("")) { responses in
        var iterator = responses.makeAsyncIterator()
        let first = try await iterator.next()?.status
        loopback.health.setStatus(.notServing, forService: "")
        let second = try await iterator.next()?.status
        return [first, second]
      }
      #expect(statuses == [.serving, .notServing])
    }
  }
}
