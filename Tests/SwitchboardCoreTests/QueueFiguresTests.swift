import Testing

@testable import SwitchboardCore

@Suite("Queue figures, watches and agent statuses")
struct QueueFiguresTests {
  @Test("figures count waiting, longest wait, availability, activity and the window's averages")
  func figures() async throws {
    let f = RoutingFixture()
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.agent("alice", queues: ["billing"], capacity: 1)
    try await f.agent("bob", queues: ["billing"], capacity: 1)
    try await f.connect("alice")
    let first = try await f.start("billing")
    await f.advance(.seconds(20))
    try await f.acceptPending(first)
    let second = try await f.start("billing")
    await f.advance(.seconds(40))
    let figures = try #require(
      try f.registry.listQueueFigures(caller: .supervisor("sam"), queueIDs: ["billing"], pageSize: 0, pageToken: "").items.first)
    #expect(figures.waiting == 1 && figures.longestWait == .seconds(40))
    #expect(figures.agentsAvailable == 0 && figures.agentsOnline == 1 && figures.activeConversations == 1)
    #expect(figures.averageTimeToAccept == .seconds(20) && figures.window == .seconds(3600))
    #expect(figures.abandonedCount == 0 && figures.abandonmentRate == 0)
    _ = second
    let statuses = try f.registry.listAgentStatuses(
      caller: .supervisor("sam"), queueID: nil, presences: [.available], pageSize: 0, pageToken: "")
    #expect(statuses.items.map(\.agentID) == ["alice"])
    #expect(statuses.items[0].activeConversations == 1 && statuses.items[0].connected)
    let everyone = try f.registry.listAgentStatuses(
      caller: RoutingFixture.admin, queueID: nil, presences: [], pageSize: 0, pageToken: "")
    #expect(everyone.items.map(\.agentID) == ["alice", "bob", "sam"])
    let explanation = try f.registry.explainRouting(caller: .supervisor("sam"), conversationID: first)
    #expect(explanation.currentAgentID == "alice" && explanation.decisions.count == 1)
  }

  @Test("a queue watch sends a snapshot, then changes at most once per interval, and assistance at once")
  func watch() async throws {
    let f = RoutingFixture()
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.queue("other", supervisors: ["sam"])
    try await f.agent("alice", queues: ["billing"], capacity: 1)
    let watch = try await f.registry.watchQueues(caller: .supervisor("sam"), queueIDs: ["billing"], minInterval: .seconds(5))
    var items = watch.makeAsyncIterator()
    let snapshot = try await take(1, from: &items)
    guard case .figures(let first) = snapshot.first?.kind else { Issue.record("\(snapshot)"); return }
    #expect(first.snapshot && first.queues.map(\.queueID) == ["billing"] && first.queues[0].waiting == 0)
    // Two changes within the interval are coalesced into one update when it ends.
    _ = try await f.start("billing")
    _ = try await f.start("billing")
    _ = try await f.start("other")
    await f.advance(.seconds(4))
    #expect(f.state { $0.queueWatchers.values.first!.flushArmed })
    await f.advance(.seconds(1))
    let update = try await take(1, from: &items)
    guard case .figures(let changed) = update.first?.kind else { Issue.record("\(update)"); return }
    #expect(!changed.snapshot && changed.queues.map(\.waiting) == [2])
    // After a quiet interval, a change is sent at once.
    await f.advance(.seconds(10))
    try await f.connect("alice")
    let immediate = try await take(1, from: &items)
    guard case .figures(let online) = immediate.first?.kind else { Issue.record("\(immediate)"); return }
    #expect(online.queues.first?.agentsOnline == 1)
    // Assistance requests of the watched queue arrive as they happen.
    let id = try #require(f.state { $0.agents["alice"]!.offers.first.map { $0 } })
    let conversation = f.state { $0.offers[id]!.offer.conversationID }
    _ = try await f.registry.accept(caller: .agent("alice"), offerID: id)
    _ = try await f.registry.requestAssistance(
      caller: .agent("alice"), conversationID: conversation, question: "refund limit?", urgency: nil)
    var sawAssistance = false
    for _ in 0..<3 where !sawAssistance {
      let next = try await take(1, from: &items)
      if case .assistance(let request) = next.first?.kind {
        sawAssistance = request.question == "refund limit?"
      }
    }
    #expect(sawAssistance)
    // A deleted queue is reported as removed.
    _ = try await f.registry.closeConversation(
      caller: .agent("alice"), conversationID: conversation, resolutionCategoryID: "moved-to-phone", notes: "")
    _ = try await f.registry.deleteQueue(caller: RoutingFixture.admin, queueID: "billing", drainTo: "other")
    await f.advance(.seconds(5))
    var removed: [String] = []
    while removed.isEmpty {
      let next = try await take(1, from: &items)
      if case .figures(let update) = next.first?.kind { removed = update.removedQueueIDs }
    }
    #expect(removed == ["billing"])
  }
}
