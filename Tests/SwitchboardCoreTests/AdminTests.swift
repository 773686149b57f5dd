import Testing

@testable import SwitchboardCore

@Suite("Administration")
struct AdminTests {
  let admin = RoutingFixture.admin

  @Test("queues: create, update with versions, validation errors")
  func queues() async throws {
    let f = RoutingFixture()
    let r = f.registry
    let created = try await f.queue("billing", topics: ["refund"])
    #expect(created.version == 1 && created.updatedAt == f.clock.now)
    await expectCode(.alreadyExists) { try await r.createQueue(caller: admin, QueueConfig(queueID: "billing", name: "Other")) }
    await expectCode(.alreadyExists) { try await r.createQueue(caller: admin, QueueConfig(queueID: "b2", name: "Queue billing")) }
    await expectCode(.alreadyExists) {
      try await r.createQueue(caller: admin, QueueConfig(queueID: "b2", name: "B2", topics: ["refund"]))
    }
    for bad in ["", "Billing", "bil ling", String(repeating: "a", count: 65)] {
      await expectCode(.invalidArgument) { try await r.createQueue(caller: admin, QueueConfig(queueID: bad, name: "x")) }
    }
    await expectCode(.invalidArgument) { try await r.createQueue(caller: admin, QueueConfig(queueID: "q", name: "")) }
    await expectCode(.invalidArgument) {
      try await r.createQueue(caller: admin, QueueConfig(queueID: "q", name: "q", offerTimeout: .zero))
    }
    await expectCode(.invalidArgument) {
      try await r.createQueue(caller: admin, QueueConfig(queueID: "q", name: "q", maxWait: .seconds(-1)))
    }
    await expectCode(.invalidArgument) {
      try await r.createQueue(caller: admin, QueueConfig(queueID: "q", name: "q", overflowQueueID: "q"))
    }
    await expectCode(.notFound) { try await r.createQueue(caller: admin, QueueConfig(queueID: "q", name: "q", overflowQueueID: "nope")) }
    await expectCode(.notFound) { try await r.createQueue(caller: admin, QueueConfig(queueID: "q", name: "q", supervisorIDs: ["sam"])) }
    try await f.agent("alice", queues: [])
    await expectCode(.invalidArgument) {
      try await r.createQueue(caller: admin, QueueConfig(queueID: "q", name: "q", supervisorIDs: ["alice"]))
    }
    // Overflow cycle on update; version checks.
    var second = try await f.queue("second", overflow: "billing")
    var billing = created
    billing.overflowQueueID = "second"
    await expectCode(.invalidArgument) { try await r.updateQueue(caller: admin, billing, expectedVersion: 1) }
    billing.overflowQueueID = nil
    billing.topics = ["refund", "invoice"]
    await expectCode(.aborted) { try await r.updateQueue(caller: admin, billing, expectedVersion: 7) }
    let updated = try await r.updateQueue(caller: admin, billing, expectedVersion: 1)
    #expect(updated.version == 2)
    #expect(f.state { $0.queueByTopic["invoice"] } == "billing")
    second.topics = ["invoice"]
    await expectCode(.alreadyExists) { try await r.updateQueue(caller: admin, second, expectedVersion: 0) }
    await expectCode(.notFound) { try await r.updateQueue(caller: admin, QueueConfig(queueID: "nope", name: "n"), expectedVersion: 0) }
    let page = try r.listQueueConfigs(caller: .supervisor("x"), pageSize: 0, pageToken: "")
    #expect(page.items.map(\.queueID) == ["billing", "second"])
    #expect(f.journal.records.contains(.queueSaved(updated)))
  }

  @Test("queues: delete with drain, refusals")
  func deleteQueue() async throws {
    let f = RoutingFixture()
    let r = f.registry
    try await f.queue("old")
    try await f.queue("new")
    try await f.queue("feeder", maxWait: .seconds(5), overflow: "old")
    try await f.agent("alice", queues: ["old", "new"], capacity: 1)
    let waiting = try await f.start("old")
    await expectCode(.failedPrecondition) { try await r.deleteQueue(caller: admin, queueID: "old", drainTo: "new") }
    var feeder = try #require(f.state { $0.queues["feeder"]?.config })
    feeder.overflowQueueID = nil
    _ = try await r.updateQueue(caller: admin, feeder, expectedVersion: 0)
    await expectCode(.failedPrecondition) { try await r.deleteQueue(caller: admin, queueID: "old", drainTo: nil) }
    await expectCode(.notFound) { try await r.deleteQueue(caller: admin, queueID: "old", drainTo: "nope") }
    await expectCode(.invalidArgument) { try await r.deleteQueue(caller: admin, queueID: "old", drainTo: "old") }
    await expectCode(.notFound) { try await r.deleteQueue(caller: admin, queueID: "nope", drainTo: nil) }
    // An active conversation of the queue blocks deletion.
    try await f.connect("alice")
    try await f.acceptPending(waiting)
    let second = try await f.start("old")
    await expectCode(.failedPrecondition) { try await r.deleteQueue(caller: admin, queueID: "old", drainTo: "new") }
    _ = try await r.closeConversation(caller: .agent("alice"), conversationID: waiting, resolutionCategoryID: "moved-to-phone", notes: "")
    // `second` was offered to alice when she freed up; draining withdraws and re-routes it.
    #expect(f.offeredTo(second) == "alice")
    let drained = try await r.deleteQueue(caller: admin, queueID: "old", drainTo: "new")
    #expect(drained == 1)
    #expect(f.state { $0.conversations[second]!.queueID } == "new")
    #expect(f.offeredTo(second) == "alice")
    #expect(f.state { $0.agents["alice"]!.profile.queueIDs } == ["new"])
  }

  @Test("agents: upsert, validation, delete")
  func agents() async throws {
    let f = RoutingFixture()
    let r = f.registry
    try await f.queue("billing")
    let created = try await r.upsertAgent(caller: admin, AgentProfile(agentID: "alice", displayName: "Alice", queueIDs: ["billing"]))
    #expect(created.created)
    let replaced = try await r.upsertAgent(caller: admin, AgentProfile(agentID: "alice", displayName: "Alice B", capacity: 3))
    #expect(!replaced.created && replaced.agent.capacity == 3)
    #expect(f.state { $0.members["billing"] } == [])
    for bad in [
      AgentProfile(agentID: "", displayName: "x"), AgentProfile(agentID: "a b", displayName: "x"),
      AgentProfile(agentID: "a", displayName: ""), AgentProfile(agentID: "a", displayName: "x", capacity: 0),
      AgentProfile(agentID: "a", displayName: "x", role: .admin),
      AgentProfile(agentID: "a", displayName: "x", queueIDs: ["billing", "billing"]),
    ] {
      await expectCode(.invalidArgument) { try await r.upsertAgent(caller: admin, bad) }
    }
    await expectCode(.notFound) { try await r.upsertAgent(caller: admin, AgentProfile(agentID: "a", displayName: "x", queueIDs: ["nope"])) }
    await expectCode(.notFound) { try await r.deleteAgent(caller: admin, agentID: "nobody") }
    // An agent owning a conversation cannot be deleted; the agent's streams end when deleted.
    _ = try await r.upsertAgent(caller: admin, AgentProfile(agentID: "alice", displayName: "Alice", queueIDs: ["billing"]))
    let stream = try await f.connect("alice")
    let id = try await f.start("billing")
    try await f.acceptPending(id)
    await expectCode(.failedPrecondition) { try await r.deleteAgent(caller: admin, agentID: "alice") }
    _ = try await r.closeConversation(caller: .agent("alice"), conversationID: id, resolutionCategoryID: "moved-to-phone", notes: "")
    try await r.deleteAgent(caller: admin, agentID: "alice")
    var iterator = stream.makeAsyncIterator()
    do {
      while try await iterator.next() != nil {}
      Issue.record("the stream ended without an error")
    } catch {
      #expect(error.code == .permissionDenied)
    }
    #expect(r.agentProfile("alice") == nil)
    let listed = try r.listAgentProfiles(caller: admin, queueID: "billing", role: nil, pageSize: 0, pageToken: "")
    #expect(listed.items.isEmpty)
  }

  @Test("moving an agent out of a queue withdraws that queue's offers; demoting a supervisor removes them from queues")
  func agentChanges() async throws {
    let f = RoutingFixture()
    let r = f.registry
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.queue("other")
    try await f.agent("alice", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    let offer = try #require(f.pendingOffer(for: id)).offerID
    try await f.agent("alice", queues: ["other"])
    #expect(f.state { $0.offers[offer]!.status } == .withdrawn(.agentUnavailable, at: f.clock.now))
    try await f.agent("sam", queues: [])
    #expect(f.state { $0.queues["billing"]!.config.supervisorIDs }.isEmpty)
    // Lowering capacity below the load takes back the newest offers.
    try await f.agent("alice", queues: ["other"], capacity: 3)
    let other = [try await f.start("other"), try await f.start("other"), try await f.start("other")]
    #expect(f.pendingOffers(of: "alice").count == 3)
    try await f.agent("alice", queues: ["other"], capacity: 1)
    #expect(f.pendingOffers(of: "alice").count == 1 && f.offeredTo(other[0]) == "alice")
    #expect(f.conversationState(other[2]) == .queued)
    #expect(f.state { $0.queues["billing"]!.config.version } == 2)
    _ = r
  }

  @Test("resolution categories: replace, retire, built-ins stay, validation")
  func categories() async throws {
    let f = RoutingFixture()
    let r = f.registry
    let first = try await r.setResolutionCategories(
      caller: admin, [ResolutionCategory(categoryID: "resolved", label: "Resolved"), ResolutionCategory(categoryID: "dup", label: "Duplicate")])
    #expect(first.retiredCount == 0 && first.categories.count == 4)
    let second = try await r.setResolutionCategories(caller: admin, [ResolutionCategory(categoryID: "resolved", label: "Solved", sortOrder: 5)])
    #expect(second.retiredCount == 1)
    let active = try r.listResolutionCategories(caller: .agent("a"), includeRetired: false, pageSize: 0, pageToken: "")
    #expect(active.items.map(\.categoryID) == ["resolved", "moved-to-phone", "moved-to-email"])
    let all = try r.listResolutionCategories(caller: .agent("a"), includeRetired: true, pageSize: 2, pageToken: "")
    #expect(all.items.map(\.categoryID) == ["dup", "resolved"] && all.nextPageToken == "p2")
    #expect(all.items[0].active == false)
    await expectCode(.invalidArgument) { try await r.setResolutionCategories(caller: admin, []) }
    await expectCode(.invalidArgument) {
      try await r.setResolutionCategories(caller: admin, [ResolutionCategory(categoryID: "a", label: "A"), ResolutionCategory(categoryID: "a", label: "B")])
    }
    await expectCode(.invalidArgument) { try await r.setResolutionCategories(caller: admin, [ResolutionCategory(categoryID: "a", label: "")]) }
    await expectCode(.invalidArgument) { try await r.setResolutionCategories(caller: admin, [ResolutionCategory(categoryID: "", label: "A")]) }
  }

  @Test("survey settings: read, replace, validation")
  func surveys() async throws {
    let f = RoutingFixture()
    let r = f.registry
    #expect(try r.surveySettings(caller: .supervisor("s")) == .defaults)
    let off = SurveySettings(enabled: false, responseWindow: nil, prompt: "")
    #expect(try await r.setSurveySettings(caller: admin, off) == off)
    await expectCode(.invalidArgument) {
      try await r.setSurveySettings(caller: admin, SurveySettings(enabled: true, responseWindow: nil, prompt: "p"))
    }
    await expectCode(.invalidArgument) {
      try await r.setSurveySettings(caller: admin, SurveySettings(enabled: true, responseWindow: .zero, prompt: "p"))
    }
    await expectCode(.invalidArgument) {
      try await r.setSurveySettings(caller: admin, SurveySettings(enabled: true, responseWindow: .seconds(31 * 86_400), prompt: "p"))
    }
    await expectCode(.invalidArgument) {
      try await r.setSurveySettings(caller: admin, SurveySettings(enabled: false, responseWindow: nil, prompt: String(repeating: "p", count: 1025)))
    }
    #expect(try r.surveySettings(caller: admin) == off)
  }

  @Test("demo data loads the two queues, the agents and the supervisor")
  func demo() async throws {
    let f = RoutingFixture()
    try await f.registry.loadDemoData()
    let queues = try f.registry.listQueueConfigs(caller: admin, pageSize: 0, pageToken: "").items
    #expect(queues.map(\.queueID) == ["billing", "technical"])
    #expect(queues.allSatisfy { $0.supervisorIDs == ["sam"] })
    let agents = try f.registry.listAgentProfiles(caller: admin, queueID: nil, role: nil, pageSize: 0, pageToken: "").items
    #expect(agents.map(\.agentID) == ["alice", "bob", "carol", "sam"])
    let started = try await f.registry.startConversation(
      caller: RoutingFixture.bot, NewConversation(destination: .topic("refund"), customer: CustomerInfo(displayName: "D")))
    #expect(started.queueID == "billing")
    let categories = try f.registry.listResolutionCategories(caller: admin, includeRetired: false, pageSize: 0, pageToken: "")
    #expect(categories.items.count == 7)
  }
}
