internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore
internal import SwitchboardServices
internal import Testing

/// How domain streams end: server draining, a revoked token, the client going away.
@Suite("Domain: stream lifecycle")
struct DomainStreamTests {
  /// The error `body` throws, as an `RPCError`.
  static func failure(_ body: () async throws -> Void) async -> RPCError? {
    do {
      try await body()
      return nil
    } catch {
      return error as? RPCError
    }
  }

  @Test("draining ends an open Follow with UNAVAILABLE, and refuses new streams at once")
  func draining() async throws {
    let harness = DomainHarness()
    try await harness.setUpBilling()
    let started = try await harness.startConversation()
    let follow = FollowRequest.with { $0.conversationID = started.conversationID }
    let error = await Self.failure {
      try await harness.stream(
        SwitchboardV1.Conversations.follow,
        follow,
        token: started.customerToken
      ) { (responses: ClientResponseStream<FollowResponse>) in
        var iterator = responses.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.event?.sequence == 1)
        harness.environment.drain.beginDraining()
        while try await iterator.next() != nil {}
      }
    }
    #expect(error?.code == .unavailable)
    #expect(error?.message == "server draining; reconnect")
    #expect(
      await harness.streamCode(
        SwitchboardV1.Conversations.follow,
        follow,
        token: started.customerToken,
        as: FollowResponse.self
      ) == .unavailable
    )
  }

  @Test("revoking the caller's tokens ends its open stream with UNAUTHENTICATED")
  func revocation() async throws {
    let harness = DomainHarness(credentialCheckInterval: .milliseconds(20))
    try await harness.setUpBilling()
    let error = await Self.failure {
      try await harness.stream(
        SwitchboardV1.Agents.notifications,
        NotificationsRequest(),
        token: try harness.token(.agent, "alice")
      ) { (responses: ClientResponseStream<NotificationsResponse>) in
        var iterator = responses.makeAsyncIterator()
        _ = try await iterator.next()
        try harness.authority.revokeAll(subject: "alice")
        while try await iterator.next() != nil {}
      }
    }
    #expect(error?.code == .unauthenticated)
  }

  @Test("a client that stops reading releases the core's subscription")
  func cancellation() async throws {
    let harness = DomainHarness()
    try await harness.setUpBilling()
    let root = Caller.admin("root")
    try await harness.stream(
      SwitchboardV1.Agents.notifications,
      NotificationsRequest(),
      token: try harness.token(.agent, "alice")
    ) { (responses: ClientResponseStream<NotificationsResponse>) in
      var iterator = responses.makeAsyncIterator()
      _ = try await iterator.next()
      #expect(try harness.registry.agentStatus(caller: root, agentID: "alice").connected)
    }
    // The cancellation reaches the handler asynchronously; wait for it, within bounds.
    var connected = true
    for _ in 0 ..< 500 where connected {
      try await Task.sleep(for: .milliseconds(10))
      await harness.registry.settle()
      connected = try harness.registry.agentStatus(caller: root, agentID: "alice").connected
    }
    #expect(!connected)
  }
}
