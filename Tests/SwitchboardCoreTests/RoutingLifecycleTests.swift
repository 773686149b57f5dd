import Testing

@testable import SwitchboardCore

@Suite("Routing state transitions")
struct RoutingLifecycleTests {
  @Test("max wait moves a conversation to the overflow queue with its original age")
  func overflow() async throws {
    let f = RoutingFixture()
    try await f.queue("tier2")
    try await f.queue("tier1", offerTimeout: .seconds(120), maxWait: .seconds(60), overflow: "tier2")
    try await f.agent("alice", queues: ["tier1"], capacity: 1)
    try await f.connect("alice")
    let older = try await f.start("tier2")
    await f.advance(.seconds(10))
    let id = try await f.start("tier1")
    let blocked = try await f.start("tier1")
    let offer = try #require(f.pendingOffer(for: id))
    // The first conversation is offered; the second waits. Offers are withdrawn on overflow.
    await f.advance(.seconds(60))
    #expect(f.state { $0.conversations[blocked]!.queueID } == "tier2")
    #expect(f.state { $0.conversations[id]!.queueID } == "tier2")
    #expect(f.state { $0.offers[offer.offerID]!.status } == .withdrawn(.overflow, at: f.clock.now))
    // Original age kept: the older tier2 conversation is still first, then id, then blocked.
    #expect(f.state { $0.queues["tier2"]!.line.keys.map(\.conversationID) } == [older, id, blocked])
    let decision = try #require(f.state { $0.routing[id]?.decisions.last(where: { $0.rule == .overflow }) })
    #expect(decision.trigger == .overflow && decision.queueID == "tier1")
    #expect(f.state { $0.conversations[id]!.queuesVisited } == ["tier1", "tier2"])
  }

  @Test("max wait without an overflow queue closes the conversation")
  func maxWaitCloses() async throws {
    let f = RoutingFixture()
    try await f.queue("tier1", maxWait: .seconds(60))
    let id = try await f.start("tier1")
    var events = try await f.registry.followConversation(
      caller: RoutingFixture.bot, conversationID: id, afterSequence: 0
    ).makeAsyncIterator()
    await f.advance(.seconds(59))
    #expect(f.conversationState(id) == .queued)
    await f.advance(.seconds(1))
    #expect(f.conversationState(id) == .closed)
    #expect(f.state { $0.conversations[id]!.resolution?.reason } == .maxWaitExceeded)
    #expect(f.state { $0.queues["tier1"]!.line.isEmpty })
    var kinds: [ConversationEvent.Kind] = []
    while let event = try await events.next() { kinds.append(event.kind) }
    guard case .closed(let resolution) = kinds.last else { Issue.record("\(kinds)"); return }
    #expect(resolution.reason == .maxWaitExceeded)
  }

  @Test("an accepted conversation no longer overflows")
  func acceptStopsMaxWait() async throws {
    let f = RoutingFixture()
    try await f.queue("tier1", maxWait: .seconds(60))
    try await f.agent("alice", queues: ["tier1"])
    try await f.connect("alice")
    let id = try await f.start("tier1")
    try await f.acceptPending(id)
    await f.advance(.seconds(120))
    #expect(f.conversationState(id) == .active)
  }

  @Test("a lost connection stops new offers at once; after the grace period offers move on")
  func disconnectGrace() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"])
    try await f.agent("bob", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    #expect(f.offeredTo(id) == "alice")
    await f.disconnect("alice")
    #expect(f.state { $0.agents["alice"]!.connected } == false)
    let second = try await f.start("billing")
    #expect(f.offeredTo(second) == nil)
    try await f.connect("bob")
    #expect(f.offeredTo(second) == "bob")
    await f.advance(.seconds(9))
    #expect(f.offeredTo(id) == "alice")
    await f.advance(.seconds(1))
    #expect(f.offeredTo(id) == "bob")
    #expect(f.state { $0.agents["alice"]!.presence } == .offline)
    #expect(f.state { $0.routing[id]!.decisions.last!.trigger } == .agentLost)
  }

  @Test("reconnecting within the grace period keeps offers and presence")
  func reconnectWithinGrace() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    await f.disconnect("alice")
    await f.advance(.seconds(5))
    let stream = try await f.connect("alice", becomeAvailable: false)
    await f.advance(.seconds(30))
    #expect(f.state { $0.agents["alice"]!.presence } == .available)
    var iterator = stream.makeAsyncIterator()
    let first = try await take(1, from: &iterator)
    guard case .snapshot(let snapshot) = first.first?.kind else { Issue.record("\(first)"); return }
    #expect(snapshot.pendingOffers.map(\.conversationID) == [id])
    #expect(snapshot.status.connected)
  }

  @Test("going away withdraws pending offers and re-routes them; active ones stay")
  func goingAway() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"], capacity: 2)
    try await f.agent("bob", queues: ["billing"], capacity: 2)
    try await f.connect("alice")
    let active = try await f.start("billing")
    try await f.acceptPending(active)
    let pending = try await f.start("billing")
    #expect(f.offeredTo(pending) == "alice")
    try await f.connect("bob")
    let result = try await f.registry.setPresence(caller: .agent("alice"), .away, reason: "lunch")
    #expect(result.withdrawnOffers == 1)
    #expect(result.status.presence == .away && result.status.presenceReason == "lunch")
    #expect(result.status.activeConversations == 1)
    #expect(f.offeredTo(pending) == "bob")
    #expect(f.owner(active) == "alice")
    _ = try await f.registry.setPresence(caller: .agent("alice"), .available, reason: "")
    let next = try await f.start("billing")
    #expect(f.offeredTo(next) == "alice")
  }

  @Test("a transfer to an agent is a direct offer; on decline it goes back to the queue, not the sender")
  func transferToAgent() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.queue("technical")
    try await f.agent("alice", queues: ["billing"])
    try await f.agent("carol", queues: ["technical"])
    try await f.agent("dave", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    try await f.acceptPending(id)
    try await f.connect("carol")
    let record = try await f.registry.transfer(
      caller: .agent("alice"), conversationID: id, to: .agent("carol"), reason: .expertise, note: "needs a technician")
    #expect(f.load("alice") == 0)
    #expect(f.owner(id) == nil)
    let (offerID, agent) = try #require(f.pendingOffer(for: id))
    #expect(agent == "carol")
    let offer = try #require(f.state { $0.offers[offerID]?.offer })
    #expect(offer.queueID == "" && offer.transfer == record && offer.transfer?.note == "needs a technician")
    let direct = try #require(f.state { $0.routing[id]?.decisions.last })
    #expect(direct.rule == .direct && direct.trigger == .transfer && direct.queueID == nil)
    try await f.registry.decline(caller: .agent("carol"), offerID: offerID, reason: .busy, note: "")
    // Back to billing; alice (the sender) is skipped even though she has room.
    #expect(f.offeredTo(id) == nil)
    #expect(f.state { $0.routing[id]!.decisions.last!.candidates.first { $0.agentID == "alice" }?.outcome } == .transferringAgent)
    try await f.connect("dave")
    #expect(f.offeredTo(id) == "dave")
    let detail = try await f.registry.accept(caller: .agent("dave"), offerID: f.pendingOffers(of: "dave")[0])
    #expect(detail.transfers.map(\.note) == ["needs a technician"])
  }

  @Test("a transfer to a queue keeps the conversation's original age")
  func transferToQueue() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.queue("technical")
    try await f.agent("alice", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    await f.advance(.seconds(20))
    let waiting = try await f.start("technical")
    try await f.acceptPending(id)
    _ = try await f.registry.transfer(
      caller: .agent("alice"), conversationID: id, to: .queue("technical"), reason: nil, note: "tech")
    #expect(f.state { $0.queues["technical"]!.line.keys.map(\.conversationID) } == [id, waiting])
    #expect(f.conversationState(id) == .queued)
    #expect(f.state { $0.conversations[id]!.transfers.last?.reason } == .other)
  }

  @Test("a supervisor reassigns from active, telling the previous agent, and from queued")
  func reassign() async throws {
    let f = RoutingFixture()
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.agent("alice", queues: ["billing"], capacity: 1)
    try await f.agent("bob", queues: ["billing"], capacity: 1)
    let alice = try await f.connect("alice")
    let id = try await f.start("billing")
    try await f.acceptPending(id)
    let queued = try await f.start("billing")
    try await f.connect("bob")
    #expect(f.offeredTo(queued) == "bob")
    // bob is at capacity (pending offer): without force the target is refused; with force the
    // conversation is handed over directly.
    await expectCode(.failedPrecondition) {
      try await f.registry.reassign(caller: .supervisor("sam"), conversationID: id, to: .agent("bob"), note: "", force: false)
    }
    let record = try await f.registry.reassign(
      caller: .supervisor("sam"), conversationID: id, to: .agent("bob"), note: "take over", force: true)
    #expect(record.reason == .supervisorReassign)
    #expect(f.owner(id) == "bob")
    #expect(f.load("alice") == 0)
    // alice has room again: the queued conversation's offer to bob stays; nothing else waits.
    var iterator = alice.makeAsyncIterator()
    let items = try await take(3, from: &iterator)
    guard case .reassignedAway(let away) = items[2].kind else { Issue.record("\(items)"); return }
    #expect(away == record)
    // Reassigning a waiting conversation withdraws its offers.
    let offered = try #require(f.pendingOffer(for: queued))
    _ = try await f.registry.reassign(
      caller: .supervisor("sam"), conversationID: queued, to: .agent("alice"), note: "", force: false)
    #expect(f.state { $0.offers[offered.offerID]!.status } == .withdrawn(.reassigned, at: f.clock.now))
    #expect(f.offeredTo(queued) == "alice")
  }

  @Test("a customer leaving while waiting abandons the conversation and withdraws offers")
  func abandon() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"])
    try await f.connect("alice")
    let id = try await f.start("billing")
    let offer = try #require(f.pendingOffer(for: id))
    let state = try await f.registry.leaveConversation(caller: RoutingFixture.bot, conversationID: id, reason: "")
    #expect(state == .closed)
    #expect(f.state { $0.conversations[id]!.resolution?.reason } == .abandoned)
    #expect(f.state { $0.offers[offer.offerID]!.status } == .withdrawn(.customerLeft, at: f.clock.now))
    #expect(f.load("alice") == 0)
    let figures = try #require(f.registry.read { state, now in state.figures(of: "billing", now: now) })
    #expect(figures.abandonedCount == 1 && figures.closedCount == 1 && figures.abandonmentRate == 1)
  }

  @Test("the customer's follow stream gets queue positions and estimates as they change")
  func queuePositionsPushed() async throws {
    let f = RoutingFixture()
    try await f.queue("billing", topics: ["invoice"])
    try await f.agent("alice", queues: ["billing"], capacity: 1)
    let first = try await f.start("billing")
    let second = try await f.registry.startConversation(
      caller: RoutingFixture.bot,
      NewConversation(destination: .topic("invoice"), customer: CustomerInfo(displayName: "Second")))
    // No agent online: no estimate.
    #expect(second.queueID == "billing" && second.queuePosition == 2 && second.estimatedWait == nil)
    var events = try await f.registry.followConversation(
      caller: RoutingFixture.bot, conversationID: second.conversationID, afterSequence: 0
    ).makeAsyncIterator()
    // The follower learns its place at once.
    let initial = try await take(1, from: &events).map(\.kind)
    #expect(initial == [.queuePosition(QueuePositionUpdate(queueID: "billing", position: 2, estimatedWait: nil))])
    // alice comes online: position 2 × 3 minutes default handle time / 1 agent online.
    try await f.connect("alice")
    try await f.acceptPending(first)
    let updates = try await take(2, from: &events).map(\.kind)
    #expect(
      updates == [
        .queuePosition(QueuePositionUpdate(queueID: "billing", position: 2, estimatedWait: .seconds(360))),
        .queuePosition(QueuePositionUpdate(queueID: "billing", position: 1, estimatedWait: .seconds(180))),
      ])
  }
}

@Suite("Notifications stream")
struct NotificationStreamTests {
  @Test("snapshot first, then offers, hand-overs and presence changes made by others")
  func stream() async throws {
    let f = RoutingFixture()
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.agent("alice", queues: ["billing"], capacity: 2)
    try await f.agent("bob", queues: ["billing"], capacity: 1)
    try await f.connect("alice")
    let active = try await f.start("billing")
    try await f.acceptPending(active)
    let pending = try await f.start("billing")
    let bob = try await f.connect("bob", becomeAvailable: false)
    #expect(f.offeredTo(pending) == "alice")
    // A supervisor sets bob away, then hands him alice's conversation by force.
    let away = try await f.registry.setPresence(caller: .supervisor("sam"), .away, reason: "coaching", agentID: "bob")
    #expect(away.status.presence == .away && away.withdrawnOffers == 0)
    let transfer = try await f.registry.reassign(
      caller: .supervisor("sam"), conversationID: active, to: .agent("bob"), note: "coach", force: true)
    var iterator = bob.makeAsyncIterator()
    let items = try await take(3, from: &iterator)
    guard case .snapshot(let snapshot) = items[0].kind, case .presenceChanged(let status) = items[1].kind,
      case .handedOver(let handed) = items[2].kind
    else { Issue.record("unexpected \(items)"); return }
    #expect(snapshot.status.presence == .offline && snapshot.pendingOffers.isEmpty && snapshot.activeConversations.isEmpty)
    #expect(status.presence == .away && status.presenceReason == "coaching")
    #expect(handed.transfer == transfer && handed.conversation.assignedAgentID == "bob")
    #expect(handed.conversation.state == .active)
    let explanation = try f.registry.explainRouting(caller: RoutingFixture.admin, conversationID: active)
    #expect(explanation.currentAgentID == "bob")
    #expect(explanation.decisions.map(\.rule) == [.leastLoaded, .direct])
    // Another agent's status: their supervisor may read it, a colleague may not.
    #expect(try f.registry.agentStatus(caller: .supervisor("sam"), agentID: "bob").activeConversations == 1)
    await expectCode(.permissionDenied) { try f.registry.agentStatus(caller: .agent("alice"), agentID: "bob") }
    await expectCode(.notFound) { try f.registry.agentStatus(caller: RoutingFixture.admin, agentID: "nobody") }
  }
}
