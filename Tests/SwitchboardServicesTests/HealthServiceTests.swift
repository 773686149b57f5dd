internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardServices
internal import Testing

@Suite("HealthService")
struct HealthServiceTests {
  typealias Request = GRPCHealthV1.HealthCheckRequest
  typealias Response = GRPCHealthV1.HealthCheckResponse

  let registry = HealthStatusRegistry()
  let client: GRPCClient

  init() {
    let service = HealthService(registry: registry)
    client = .inProcess { service.register(into: &$0) }
  }

  func check(_ service: String) async throws -> Response.ServingStatus {
    let response: ClientResponse<Response> = try await client.unary(
      path: GRPCHealthV1.Health.check.path,
      request: Request.with { $0.service = service }
    )
    return response.message.status
  }

  /// Opens a Watch of `service` and runs `body` with the stream of its responses' statuses.
  func watch(
    _ service: String,
    _ body: @Sendable (ClientResponseStream<Response>) async throws -> Void
  ) async throws {
    try await client.serverStreaming(
      path: GRPCHealthV1.Health.watch.path,
      request: Request.with { $0.service = service },
      responses: body
    )
  }

  /// The status of the next Watch response.
  func next(
    _ iterator: inout ClientResponseStream<Response>.AsyncIterator
  ) async throws -> Response.ServingStatus? {
    try await iterator.next()?.status
  }

  @Test("Check answers the status of a service and of the server")
  func checkKnown() async throws {
    registry.setStatus(.serving, forService: "")
    registry.setStatus(.notServing, forService: "pkg.Service")
    #expect(try await check("") == .serving)
    #expect(try await check("pkg.Service") == .notServing)
  }

  @Test("Check of an unknown service is NOT_FOUND")
  func checkUnknown() async throws {
    registry.setStatus(.serving, forService: "")
    await #expect {
      try await check("no.such.Service")
    } throws: { error in
      (error as? RPCError)?.code == .notFound
    }
  }

  @Test("Watch sends the current status, then each change")
  func watchKnown() async throws {
    registry.setStatus(.serving, forService: "pkg.Service")
    let registry = self.registry
    try await watch("pkg.Service") { (responses: ClientResponseStream<Response>) async throws in
      var iterator = responses.makeAsyncIterator()
      #expect(try await next(&iterator) == .serving)
      registry.setStatus(.notServing, forService: "pkg.Service")
      #expect(try await next(&iterator) == .notServing)
      registry.setStatus(.serving, forService: "pkg.Service")
      #expect(try await next(&iterator) == .serving)
    }
  }

  @Test("Watch of an unknown service sends SERVICE_UNKNOWN, then the status once it is set")
  func watchUnknown() async throws {
    let registry = self.registry
    try await watch("pkg.Later") { (responses: ClientResponseStream<Response>) async throws in
      var iterator = responses.makeAsyncIterator()
      #expect(try await next(&iterator) == .serviceUnknown)
      registry.setStatus(.serving, forService: "pkg.Later")
      #expect(try await next(&iterator) == .serving)
    }
  }

  @Test("Watch does not repeat a status that did not change")
  func watchDeduplicates() async throws {
    registry.setStatus(.serving, forService: "pkg.Service")
    let registry = self.registry
    try await watch("pkg.Service") { (responses: ClientResponseStream<Response>) async throws in
      var iterator = responses.makeAsyncIterator()
      #expect(try await next(&iterator) == .serving)
      registry.setStatus(.serving, forService: "pkg.Service")
      registry.setStatus(.notServing, forService: "pkg.Other")
      registry.setStatus(.notServing, forService: "pkg.Service")
      #expect(try await next(&iterator) == .notServing)
    }
  }

  /// Expects the next Watch response to be the call's end with UNAVAILABLE.
  func expectUnavailable(
    _ iterator: inout ClientResponseStream<Response>.AsyncIterator
  ) async {
    do {
      let response = try await iterator.next()
      Issue.record("expected UNAVAILABLE, got \(String(describing: response))")
    } catch {
      #expect((error as? RPCError)?.code == .unavailable, "\(error)")
    }
  }

  @Test("markAllNotServing turns every status to NOT_SERVING, ends watches, and sticks")
  func markAllNotServing() async throws {
    registry.setStatus(.serving, forService: "")
    registry.setStatus(.serving, forService: "pkg.Service")
    registry.setStatus(.notServing, forService: "pkg.Down")
    let registry = self.registry
    try await watch("") { (responses: ClientResponseStream<Response>) async throws in
      var iterator = responses.makeAsyncIterator()
      #expect(try await next(&iterator) == .serving)
      registry.markAllNotServing()
      #expect(try await next(&iterator) == .notServing)
      await expectUnavailable(&iterator)
    }
    #expect(try await check("pkg.Service") == .notServing)
    #expect(try await check("pkg.Down") == .notServing)
    registry.setStatus(.serving, forService: "pkg.Service")
    registry.setStatus(.serving, forService: "pkg.New")
    #expect(registry.status(ofService: "pkg.Service") == .notServing)
    #expect(registry.status(ofService: "pkg.New") == nil)
  }

  @Test("a Watch that starts after markAllNotServing gets the last status, then UNAVAILABLE")
  func watchAfterShutdown() async throws {
    registry.setStatus(.serving, forService: "")
    registry.markAllNotServing()
    try await watch("") { (responses: ClientResponseStream<Response>) async throws in
      var iterator = responses.makeAsyncIterator()
      #expect(try await next(&iterator) == .notServing)
      await expectUnavailable(&iterator)
    }
  }

  @Test("a registry knows nothing until told")
  func emptyRegistry() {
    #expect(HealthStatusRegistry().status(ofService: "") == nil)
  }
}
