import Testing

@testable import SwitchboardCore

@Suite("Routing under random interleavings")
struct RoutingRandomizedTests {
  /// 50 agents, up to 500 conversations, 20,000 random operations (starts, accepts, declines,
  /// transfers, reassignments, closes, customers leaving, presence changes, disconnects and
  /// reconnects, time passing with expiries, max waits and grace periods). After every step
  /// capacity, single holding and single offers hold; every 10 steps the full consistency of
  /// conversations, lines and states, and every 25 steps that routing left no match undone.
  @Test("capacity is never exceeded and no conversation is held twice", arguments: [UInt64(7), 2024])
  func invariantsHold(seed: UInt64) async throws {
    var random = SeededRandom(seed: seed)
    let f = RoutingFixture(
      options: RegistryOptions(disconnectGracePeriod: .seconds(10), subscriberBufferLimit: 1_000_000))
    let queueIDs = ["a", "b", "c"]
    try await f.queue("b", offerTimeout: .seconds(20))
    try await f.queue("a", offerTimeout: .seconds(20), maxWait: .seconds(90), overflow: "b")
    try await f.queue("c", mode: .broadcast, offerTimeout: .seconds(15))
    let agentIDs = (0..<50).map { "agent-\($0)" }
    for (index, agentID) in agentIDs.enumerated() {
      let queues = index % 5 == 0 ? queueIDs : [queueIDs[index % 3], queueIDs[(index + 1) % 3]]
      try await f.agent(agentID, queues: queues, capacity: UInt32(1 + index % 4))
    }
    try await f.agent("sup", queues: [], role: .supervisor)
    for queueID in queueIDs {
      var config = try #require(f.state { $0.queues[queueID]?.config })
      config.supervisorIDs = ["sup"]
      _ = try await f.registry.updateQueue(caller: RoutingFixture.admin, config, expectedVersion: 0)
    }
    var connected = Set<String>()
    for agentID in agentIDs where random.next() % 4 != 0 {
      try await f.connect(agentID)
      connected.insert(agentID)
    }
    var conversations: [String] = []
    var counts: [String: Int] = [:]

    for step in 0..<20_000 {
      // The registry's calls rarely suspend; yield now and then so that this long run shares
      // the two-thread pool with the tests running beside it instead of starving them.
      if step % 50 == 0 { await Task.yield() }
      let roll = Int(random.next() % 100)
      let action: String
      switch roll {
      case 0..<12 where conversations.count < 500:
        action = "start"
        let priority = Priority.allCases.randomElement(using: &random)
        conversations.append(try await f.start(queueIDs.randomElement(using: &random)!, priority: priority))
      case 0..<30:
        action = "accept"
        let pending = f.state { state in state.agents.values.flatMap(\.offers).sorted() }
        if let offerID = pending.randomElement(using: &random) {
          let agentID = f.state { $0.offers[offerID]!.agentID }
          _ = try await f.registry.accept(caller: .agent(agentID), offerID: offerID)
        }
      case 30..<38:
        action = "decline"
        let pending = f.state { state in state.agents.values.flatMap(\.offers).sorted() }
        if let offerID = pending.randomElement(using: &random) {
          let agentID = f.state { $0.offers[offerID]!.agentID }
          try await f.registry.decline(caller: .agent(agentID), offerID: offerID, reason: .busy, note: "")
        }
      case 38..<44:
        action = "transfer"
        if let id = conversations.randomElement(using: &random), f.conversationState(id) == .active,
          let owner = f.owner(id)
        {
          let target: TransferTarget =
            random.next() % 2 == 0
            ? .queue(queueIDs.randomElement(using: &random)!) : .agent(agentIDs.randomElement(using: &random)!)
          let code = await errorCode { () async throws(CoreError) in
            _ = try await f.registry.transfer(
              caller: .agent(owner), conversationID: id, to: target, reason: .expertise, note: "over to you")
          }
          #expect(code == nil || code == .failedPrecondition || code == .invalidArgument, "transfer \(id): \(String(describing: code))")
        }
      case 44..<47:
        action = "reassign"
        if let id = conversations.randomElement(using: &random) {
          let target: TransferTarget =
            random.next() % 2 == 0
            ? .queue(queueIDs.randomElement(using: &random)!) : .agent(agentIDs.randomElement(using: &random)!)
          let code = await errorCode { () async throws(CoreError) in
            _ = try await f.registry.reassign(
              caller: .supervisor("sup"), conversationID: id, to: target, note: "", force: false)
          }
          #expect(code == nil || code == .failedPrecondition || code == .invalidArgument, "reassign \(id): \(String(describing: code))")
        }
      case 47..<60:
        action = "close"
        if let id = conversations.randomElement(using: &random), let owner = f.owner(id) {
          _ = try await f.registry.closeConversation(
            caller: .agent(owner), conversationID: id, resolutionCategoryID: "moved-to-phone", notes: "")
        }
      case 60..<65:
        action = "leave"
        if let id = conversations.randomElement(using: &random) {
          _ = try await f.registry.leaveConversation(caller: RoutingFixture.bot, conversationID: id, reason: "")
        }
      case 65..<72:
        action = "presence"
        let agentID = agentIDs.randomElement(using: &random)!
        let presence = [Presence.available, .available, .away, .offline].randomElement(using: &random)
        _ = try await f.registry.setPresence(caller: .agent(agentID), presence, reason: "")
      case 72..<78:
        action = "connectivity"
        let agentID = agentIDs.randomElement(using: &random)!
        if connected.remove(agentID) != nil {
          await f.disconnect(agentID)
        } else {
          try await f.connect(agentID, becomeAvailable: random.next() % 2 == 0)
          connected.insert(agentID)
        }
      default:
        action = "advance"
        await f.advance(.seconds(Int64(1 + random.next() % 15)))
      }
      counts[action, default: 0] += 1
      let problems = f.state { $0.invariantViolations(full: step % 10 == 0) }
      #expect(problems.isEmpty, "step \(step) (\(action)): \(problems.prefix(5))")
      if !problems.isEmpty { return }
      if step % 25 == 0 {
        let missed = f.registry.read { state, now in state.missedMatches(now: now) }
        #expect(missed.isEmpty, "step \(step) (\(action)): routing left matches: \(missed.prefix(5))")
        if !missed.isEmpty { return }
      }
    }
    // Everything ended somewhere known, and the run exercised every operation.
    let states = f.state { state in conversations.map { state.conversations[$0]!.state } }
    #expect(states.count == 500)
    #expect(Set(states).isSubset(of: Set(ConversationState.allCases)))
    #expect(states.contains(.closed) && states.contains(.active))
    for action in ["start", "accept", "decline", "transfer", "reassign", "close", "leave", "presence", "connectivity", "advance"] {
      #expect(counts[action, default: 0] > 100, "\(action) ran \(counts[action, default: 0]) times")
    }
    let transfers = f.state { state in state.conversations.values.reduce(0) { $0 + $1.transfers.count } }
    let overflows = f.state { state in
      state.routing.values.reduce(0) { $0 + $1.decisions.count { $0.rule == .overflow } }
    }
    #expect(transfers > 100 && overflows > 0)
  }
}

/// Runs `body` and returns the `CoreError` code it threw, or `nil` if it succeeded.
func errorCode(_ body: () async throws(CoreError) -> Void) async -> CoreError.Code? {
  do {
    try await body()
    return nil
  } catch {
    return error.code
  }
}
