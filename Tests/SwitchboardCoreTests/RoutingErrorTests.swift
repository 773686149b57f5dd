import Testing

@testable import SwitchboardCore

@Suite("Routing errors")
struct RoutingErrorTests {
  /// A billing queue with alice connected and one conversation offered to her.
  private func offered() async throws -> (RoutingFixture, conversation: String, offer: String) {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"])
    try await f.agent("bob", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    let offer = try #require(f.pendingOffer(for: id)).offerID
    return (f, id, offer)
  }

  @Test("accept: unknown offer, someone else's, declined, expired, withdrawn, accepted twice")
  func acceptErrors() async throws {
    let (f, id, offer) = try await offered()
    await expectCode(.notFound) { try await f.registry.accept(caller: .agent("alice"), offerID: "o-999") }
    await expectCode(.permissionDenied) { try await f.registry.accept(caller: .agent("bob"), offerID: offer) }
    _ = try await f.registry.accept(caller: .agent("alice"), offerID: offer)
    await expectCode(.failedPrecondition) { try await f.registry.accept(caller: .agent("alice"), offerID: offer) }
    // Declined.
    let second = try await f.start("billing")
    let declined = try #require(f.pendingOffer(for: second)).offerID
    try await f.registry.decline(caller: .agent("alice"), offerID: declined, reason: .busy, note: "")
    await expectCode(.failedPrecondition) { try await f.registry.accept(caller: .agent("alice"), offerID: declined) }
    await expectCode(.failedPrecondition) {
      try await f.registry.decline(caller: .agent("alice"), offerID: declined, reason: .busy, note: "")
    }
    // Withdrawn because the customer left.
    try await f.connect("bob")
    let third = try await f.start("billing")
    let (leftOffer, agent) = try #require(f.pendingOffer(for: third))
    _ = try await f.registry.leaveConversation(caller: RoutingFixture.bot, conversationID: third, reason: "")
    do {
      _ = try await f.registry.accept(caller: .agent(agent), offerID: leftOffer)
      Issue.record("accepted a withdrawn offer")
    } catch {
      #expect(error.code == .failedPrecondition)
      #expect(error.message.contains("the customer left"))
    }
    // Expired.
    let fourth = try await f.start("billing")
    let (expiring, owner) = try #require(f.pendingOffer(for: fourth))
    await f.advance(.seconds(30))
    do {
      _ = try await f.registry.accept(caller: .agent(owner), offerID: expiring)
      Issue.record("accepted an expired offer")
    } catch {
      #expect(error.code == .failedPrecondition && error.message.contains("expired at"))
    }
    _ = id
  }

  @Test("decline: note too long, unknown, someone else's")
  func declineErrors() async throws {
    let (f, _, offer) = try await offered()
    await expectCode(.invalidArgument) {
      try await f.registry.decline(caller: .agent("alice"), offerID: offer, reason: .other, note: String(repeating: "n", count: 4097))
    }
    await expectCode(.notFound) { try await f.registry.decline(caller: .agent("alice"), offerID: "nope", reason: nil, note: "") }
    await expectCode(.permissionDenied) { try await f.registry.decline(caller: .agent("bob"), offerID: offer, reason: nil, note: "") }
  }

  @Test("transfer: no target, to self, reserved reason, missing note, unknown targets, not available, not active")
  func transferErrors() async throws {
    let (f, id, offer) = try await offered()
    let transfer = { (target: TransferTarget?, reason: TransferReason?, note: String) async throws(CoreError) in
      _ = try await f.registry.transfer(caller: .agent("alice"), conversationID: id, to: target, reason: reason, note: note)
    }
    await expectCode(.permissionDenied) { try await transfer(.queue("billing"), nil, "n") }
    _ = try await f.registry.accept(caller: .agent("alice"), offerID: offer)
    await expectCode(.invalidArgument) { try await transfer(nil, nil, "n") }
    await expectCode(.invalidArgument) { try await transfer(.agent("alice"), nil, "n") }
    await expectCode(.invalidArgument) { try await transfer(.queue("billing"), .supervisorReassign, "n") }
    await expectCode(.invalidArgument) { try await transfer(.queue("billing"), nil, "  ") }
    await expectCode(.notFound) { try await transfer(.queue("nope"), nil, "n") }
    await expectCode(.notFound) { try await transfer(.agent("nobody"), nil, "n") }
    // bob exists but is offline.
    await expectCode(.failedPrecondition) { try await transfer(.agent("bob"), nil, "n") }
    await expectCode(.notFound) {
      _ = try await f.registry.transfer(caller: .agent("alice"), conversationID: "c-404", to: .queue("billing"), reason: nil, note: "n")
    }
    _ = try await f.registry.leaveConversation(caller: RoutingFixture.bot, conversationID: id, reason: "")
    await expectCode(.failedPrecondition) { try await transfer(.queue("billing"), nil, "n") }
  }

  @Test("reassign: no target, current owner, offline target, closed, foreign target queue")
  func reassignErrors() async throws {
    let f = RoutingFixture()
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.queue("secret")
    try await f.agent("alice", queues: ["billing"])
    try await f.agent("bob", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    try await f.acceptPending(id)
    let reassign = { (target: TransferTarget?, force: Bool) async throws(CoreError) in
      _ = try await f.registry.reassign(caller: .supervisor("sam"), conversationID: id, to: target, note: "", force: force)
    }
    await expectCode(.invalidArgument) { try await reassign(nil, false) }
    await expectCode(.invalidArgument) { try await reassign(.agent("alice"), false) }
    await expectCode(.failedPrecondition) { try await reassign(.agent("bob"), true) }
    await expectCode(.notFound) { try await reassign(.agent("nobody"), false) }
    await expectCode(.notFound) { try await reassign(.queue("nope"), false) }
    await expectCode(.permissionDenied) { try await reassign(.queue("secret"), false) }
    _ = try await f.registry.closeConversation(
      caller: .agent("alice"), conversationID: id, resolutionCategoryID: "moved-to-phone", notes: "")
    await expectCode(.failedPrecondition) { try await reassign(.queue("billing"), false) }
  }

  @Test("presence and notifications: missing presence, unknown agent, no profile, too many streams")
  func presenceErrors() async throws {
    let f = RoutingFixture(options: RegistryOptions(maxNotificationStreamsPerAgent: 2))
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"])
    await expectCode(.invalidArgument) { try await f.registry.setPresence(caller: .agent("alice"), nil, reason: "") }
    await expectCode(.invalidArgument) {
      try await f.registry.setPresence(caller: .agent("alice"), .away, reason: String(repeating: "r", count: 2000))
    }
    await expectCode(.notFound) { try await f.registry.setPresence(caller: RoutingFixture.admin, .away, reason: "", agentID: "nobody") }
    await expectCode(.notFound) { try await f.registry.setPresence(caller: .agent("ghost"), .away, reason: "") }
    await expectCode(.permissionDenied) { try await f.registry.notifications(caller: .agent("ghost"), becomeAvailable: true) }
    try await f.connect("alice")
    try await f.connect("alice")
    await expectCode(.resourceExhausted) { try await f.registry.notifications(caller: .agent("alice"), becomeAvailable: true) }
    await f.disconnect("alice")
    try await f.connect("alice")
  }

  @Test("start: no destination, unknown queue or topic, no display name, non-chat channel, reused key")
  func startErrors() async throws {
    let f = RoutingFixture()
    try await f.queue("billing", topics: ["refund"])
    let customer = CustomerInfo(displayName: "Ann")
    let start = { (request: NewConversation) async throws(CoreError) in
      _ = try await f.registry.startConversation(caller: RoutingFixture.bot, request)
    }
    await expectCode(.invalidArgument) { try await start(NewConversation(destination: .queue(""), customer: customer)) }
    await expectCode(.invalidArgument) { try await start(NewConversation(destination: .topic(""), customer: customer)) }
    await expectCode(.notFound) { try await start(NewConversation(destination: .queue("nope"), customer: customer)) }
    await expectCode(.notFound) { try await start(NewConversation(destination: .topic("nope"), customer: customer)) }
    await expectCode(.invalidArgument) {
      try await start(NewConversation(destination: .topic("refund"), customer: CustomerInfo(displayName: " ")))
    }
    await expectCode(.invalidArgument) {
      try await start(NewConversation(destination: .topic("refund"), channel: .phone, customer: customer))
    }
    await expectCode(.invalidArgument) {
      try await start(NewConversation(destination: .topic("refund"), customer: customer, subject: String(repeating: "s", count: 257)))
    }
    let request = NewConversation(destination: .topic("refund"), customer: customer, idempotencyKey: "k1")
    let first = try await f.registry.startConversation(caller: RoutingFixture.bot, request)
    let again = try await f.registry.startConversation(caller: RoutingFixture.bot, request)
    #expect(!first.duplicate && again.duplicate && again.conversationID == first.conversationID)
    #expect(again.queuePosition == 1)
    var changed = request
    changed.subject = "different"
    await expectCode(.alreadyExists) { try await start(changed) }
    // Another caller may use the same key.
    let other = try await f.registry.startConversation(caller: .bot("bot-2"), request)
    #expect(other.conversationID != first.conversationID)
  }

  @Test("supervision reads: unknown and unsupervised queues, bad page tokens")
  func supervisionErrors() async throws {
    let f = RoutingFixture()
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.queue("secret")
    let sam = Caller.supervisor("sam")
    await expectCode(.notFound) { try f.registry.listQueueFigures(caller: sam, queueIDs: ["nope"], pageSize: 0, pageToken: "") }
    await expectCode(.permissionDenied) { try f.registry.listQueueFigures(caller: sam, queueIDs: ["secret"], pageSize: 0, pageToken: "") }
    await expectCode(.invalidArgument) { try f.registry.listQueueFigures(caller: sam, queueIDs: [], pageSize: 101, pageToken: "") }
    await expectCode(.invalidArgument) { try f.registry.listQueueFigures(caller: sam, queueIDs: [], pageSize: 0, pageToken: "zz") }
    await expectCode(.notFound) { try await f.registry.watchQueues(caller: sam, queueIDs: ["nope"], minInterval: nil) }
    await expectCode(.notFound) {
      try f.registry.listAgentStatuses(caller: sam, queueID: "nope", presences: [], pageSize: 0, pageToken: "")
    }
    await expectCode(.notFound) { try f.registry.explainRouting(caller: sam, conversationID: "c-1") }
    let id = try await f.start("secret")
    await expectCode(.permissionDenied) { try f.registry.explainRouting(caller: sam, conversationID: id) }
    let page = try f.registry.listQueueFigures(caller: RoutingFixture.admin, queueIDs: [], pageSize: 1, pageToken: "")
    #expect(page.items.map(\.queueID) == ["billing"] && page.nextPageToken == "p1")
    let next = try f.registry.listQueueFigures(caller: RoutingFixture.admin, queueIDs: [], pageSize: 1, pageToken: page.nextPageToken)
    #expect(next.items.map(\.queueID) == ["secret"] && next.nextPageToken == "")
  }
}
