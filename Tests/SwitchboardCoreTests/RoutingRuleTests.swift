import Testing

@testable import SwitchboardCore

@Suite("Routing rules")
struct RoutingRuleTests {
  @Test("a new conversation goes to the least loaded eligible agent")
  func leastLoaded() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"], capacity: 4)
    try await f.agent("bob", queues: ["billing"], capacity: 2)
    try await f.connect("alice")
    try await f.connect("bob")
    let first = try await f.start("billing")
    // Both idle; equal load 0: the tie goes to the one idle longest (both since creation;
    // alice was created first).
    #expect(f.offeredTo(first) == "alice")
    try await f.acceptPending(first)
    // alice 1/4 = 0.25, bob 0/2 = 0: bob is less loaded.
    let second = try await f.start("billing")
    #expect(f.offeredTo(second) == "bob")
    let decision = try #require(f.state { $0.routing[second]?.decisions.last })
    #expect(decision.rule == .leastLoaded)
    #expect(decision.trigger == .newConversation)
    #expect(decision.chosenAgentID == "bob")
    #expect(decision.candidates.map(\.outcome) == [.chosen, .rankedLower])
    #expect(decision.offerIDs == f.pendingOffers(of: "bob"))
  }

  @Test("ties in load go to the agent idle the longest")
  func longestIdle() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"])
    try await f.agent("bob", queues: ["billing"])
    try await f.connect("alice")
    try await f.connect("bob")
    // alice takes and finishes a conversation later than bob was created: bob idles longer.
    let first = try await f.start("billing")
    try await f.acceptPending(first)
    await f.advance(.seconds(60))
    _ = try await f.registry.closeConversation(
      caller: .agent("alice"), conversationID: first, resolutionCategoryID: "moved-to-phone", notes: "")
    await f.advance(.seconds(5))
    let second = try await f.start("billing")
    #expect(f.offeredTo(second) == "bob")
    let decision = try #require(f.state { $0.routing[second]?.decisions.last })
    #expect(decision.rule == .longestIdle)
    let bob = try #require(decision.candidates.first)
    #expect(bob.idleTime == .seconds(65))
  }

  @Test("urgent conversations are offered before older normal ones, across an agent's queues")
  func urgentFirstAcrossQueues() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.queue("technical")
    try await f.agent("bob", queues: ["billing", "technical"], capacity: 1)
    let normal = try await f.start("billing", priority: .normal)
    await f.advance(.seconds(1))
    let low = try await f.start("billing", priority: .low)
    await f.advance(.seconds(1))
    let urgent = try await f.start("technical", priority: .urgent)
    await f.advance(.seconds(1))
    let high = try await f.start("billing", priority: .high)
    try await f.connect("bob")
    #expect(f.offeredTo(urgent) == "bob")
    // Capacity frees one at a time: high, then normal (older than low), then low.
    var order: [String] = []
    for _ in 0..<4 {
      let offered = try #require(f.pendingOffers(of: "bob").first)
      let conversation = f.state { $0.offers[offered]!.offer.conversationID }
      order.append(conversation)
      _ = try await f.registry.accept(caller: .agent("bob"), offerID: offered)
      _ = try await f.registry.closeConversation(
        caller: .agent("bob"), conversationID: conversation, resolutionCategoryID: "moved-to-email", notes: "")
    }
    #expect(order == [urgent, high, normal, low])
    let freed = try #require(f.state { $0.routing[high]?.decisions })
    #expect(freed.map(\.trigger) == [.newConversation, .capacityFreed])
    #expect(freed.map(\.rule) == [.noneEligible, .leastLoaded])
  }

  @Test("queue position follows priority then original arrival")
  func positions() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    let a = try await f.start("billing", priority: .normal)
    let b = try await f.start("billing", priority: .normal)
    let c = try await f.start("billing", priority: .urgent)
    let positions = f.registry.read { state, now in [a, b, c].map { state.queuePosition(of: $0, now: now)?.position } }
    #expect(positions == [2, 3, 1])
  }

  @Test("a decline re-offers to the next agent and never back to the decliner")
  func declineSkipsDecliner() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"])
    try await f.agent("bob", queues: ["billing"])
    try await f.connect("alice")
    try await f.connect("bob")
    let id = try await f.start("billing")
    let (offer, first) = try #require(f.pendingOffer(for: id))
    try await f.registry.decline(caller: .agent(first), offerID: offer, reason: .busy, note: "lunch")
    let second = try #require(f.offeredTo(id))
    #expect(second != first)
    let (offer2, _) = try #require(f.pendingOffer(for: id))
    try await f.registry.decline(caller: .agent(second), offerID: offer2, reason: nil, note: "")
    #expect(f.offeredTo(id) == nil)
    #expect(f.conversationState(id) == .queued)
    let decisions = try #require(f.state { $0.routing[id]?.decisions })
    #expect(decisions.map(\.trigger) == [.newConversation, .offerDeclined, .offerDeclined])
    #expect(decisions.last?.rule == .noneEligible)
    #expect(decisions.last?.candidates.map(\.outcome) == [.previouslyDeclined, .previouslyDeclined])
    #expect(f.state { $0.conversations[id]!.metrics(now: f.clock.now).declinedOfferCount } == 2)
    #expect(f.journal.records.contains(.offerEnded(offerID: offer, outcome: .declined(.busy, note: "lunch"), at: f.clock.now)))
  }

  @Test("an expired offer is withdrawn, the agent skipped, and the next agent offered")
  func expiry() async throws {
    let f = RoutingFixture()
    try await f.queue("billing", offerTimeout: .seconds(20))
    try await f.agent("alice", queues: ["billing"])
    try await f.agent("bob", queues: ["billing"])
    let alice = try await f.connect("alice")
    try await f.connect("bob")
    let id = try await f.start("billing")
    let (offer, agent) = try #require(f.pendingOffer(for: id))
    #expect(agent == "alice")
    await f.advance(.seconds(19))
    #expect(f.offeredTo(id) == "alice")
    await f.advance(.seconds(1))
    #expect(f.offeredTo(id) == "bob")
    await expectCode(.failedPrecondition) { try await f.registry.accept(caller: .agent("alice"), offerID: offer) }
    var iterator = alice.makeAsyncIterator()
    let items = try await take(3, from: &iterator)
    guard case .snapshot = items[0].kind, case .offer(let made) = items[1].kind,
      case .offerWithdrawn(let withdrawn) = items[2].kind
    else { Issue.record("unexpected notifications \(items)"); return }
    #expect(made.offerID == offer && made.expiresAt == made.offeredAt + .seconds(20))
    #expect(withdrawn == OfferWithdrawn(offerID: offer, conversationID: id, reason: .timedOut))
    #expect(f.state { $0.routing[id]!.decisions.map(\.trigger) } == [.newConversation, .offerTimedOut])
  }

  @Test("three expiries in a row set the agent away and tell them")
  func threeMissesSetAway() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"], capacity: 1)
    let alice = try await f.connect("alice")
    for round in 1...3 {
      let id = try await f.start("billing")
      #expect(f.offeredTo(id) == "alice")
      await f.advance(.seconds(30))
      #expect(f.state { $0.agents["alice"]!.missedInARow } == round)
    }
    #expect(f.state { $0.agents["alice"]!.presence } == .away)
    // Away: no new offers.
    let later = try await f.start("billing")
    #expect(f.offeredTo(later) == nil)
    var iterator = alice.makeAsyncIterator()
    let items = try await take(8, from: &iterator)
    guard case .presenceChanged(let status) = items[7].kind else {
      Issue.record("expected presenceChanged, got \(items[7])"); return
    }
    #expect(status.presence == .away)
    #expect(status.presenceReason == "let 3 offers in a row expire")
  }

  @Test("a decline or an accept resets the missed-offer count")
  func missesResetByAnswers() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"], capacity: 1)
    try await f.connect("alice")
    for _ in 0..<2 {
      _ = try await f.start("billing")
      await f.advance(.seconds(30))
    }
    let id = try await f.start("billing")
    let (offer, _) = try #require(f.pendingOffer(for: id))
    try await f.registry.decline(caller: .agent("alice"), offerID: offer, reason: .busy, note: "")
    #expect(f.state { $0.agents["alice"]!.missedInARow } == 0)
    _ = try await f.start("billing")
    await f.advance(.seconds(30))
    #expect(f.state { $0.agents["alice"]!.presence } == .available)
  }

  @Test("broadcast offers every eligible agent; the first accept wins, the rest are withdrawn")
  func broadcast() async throws {
    let f = RoutingFixture()
    try await f.queue("vip", mode: .broadcast)
    for name in ["alice", "bob", "carol"] {
      try await f.agent(name, queues: ["vip"])
    }
    try await f.connect("alice")
    try await f.connect("bob")
    let id = try await f.start("vip")
    let offers = f.state { Array($0.routing[id]!.offers) }
    #expect(offers.count == 2)
    #expect(f.conversationState(id) == .offered)
    let decision = try #require(f.state { $0.routing[id]?.decisions.last })
    #expect(decision.rule == .broadcast && decision.chosenAgentID == nil && decision.offerIDs == offers)
    #expect(decision.candidates.map(\.outcome) == [.offered, .offered, .notAvailable])
    let bobOffer = try #require(f.pendingOffers(of: "bob").first)
    let aliceOffer = try #require(f.pendingOffers(of: "alice").first)
    let detail = try await f.registry.accept(caller: .agent("bob"), offerID: bobOffer)
    #expect(detail.summary.assignedAgentID == "bob")
    #expect(f.pendingOffers(of: "alice").isEmpty)
    await expectCode(.failedPrecondition) { try await f.registry.accept(caller: .agent("alice"), offerID: aliceOffer) }
    #expect(f.state { $0.offers[aliceOffer]!.status } == .withdrawn(.acceptedElsewhere, at: f.clock.now))
  }

  @Test("required skills limit who is offered")
  func skills() async throws {
    let f = RoutingFixture()
    try await f.queue("german", skills: ["lang:de"])
    try await f.agent("alice", queues: ["german"])
    try await f.agent("bob", queues: ["german"], skills: ["lang:de"])
    try await f.connect("alice")
    try await f.connect("bob")
    let id = try await f.start("german")
    #expect(f.offeredTo(id) == "bob")
    let outcomes = f.state { $0.routing[id]!.decisions[0].candidates.map { "\($0.agentID):\($0.outcome)" } }
    #expect(outcomes == ["bob:chosen", "alice:missingSkill"])
  }

  @Test("pending offers count against capacity")
  func offersCountAgainstCapacity() async throws {
    let f = RoutingFixture()
    try await f.queue("billing")
    try await f.agent("alice", queues: ["billing"], capacity: 2)
    try await f.connect("alice")
    let ids = [try await f.start("billing"), try await f.start("billing"), try await f.start("billing")]
    #expect(f.pendingOffers(of: "alice").count == 2)
    #expect(f.offeredTo(ids[2]) == nil)
    let last = try #require(f.state { $0.routing[ids[2]]?.decisions.last })
    #expect(last.rule == .noneEligible && last.candidates.map(\.outcome) == [.atCapacity])
    try await f.acceptPending(ids[0])
    #expect(f.load("alice") == 2)
    #expect(f.offeredTo(ids[2]) == nil)
  }
}
