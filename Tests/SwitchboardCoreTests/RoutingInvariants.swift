@testable import SwitchboardCore

/// Deterministic random numbers (SplitMix64) for reproducible randomized tests.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension RegistryState {
  /// Every broken routing invariant, described; empty when all hold. Always checked, from the
  /// agents' side (cheap enough for every step of a long random run):
  /// - capacity is never exceeded (active + pending offers ≤ capacity);
  /// - no conversation is held by two agents;
  /// - no conversation has two pending offers to one agent, and every pending offer is
  ///   recorded consistently on the offer, the agent and the conversation.
  /// With `full`, also from the conversations' side: each is held exactly by its owner; waiting
  /// ones are in exactly their queue's line and others in none; the state matches (queued
  /// without offers, offered with offers, active or wrap-up with an owner); `routable` agrees.
  func invariantViolations(full: Bool = true) -> [String] {
    var problems: [String] = []
    var holders: [String: [String]] = [:]
    var offered = Set<[String]>()
    for (agentID, agent) in agents {
      if agent.load > agent.capacity {
        problems.append("agent \(agentID) holds \(agent.active.count) + \(agent.offers.count) offers > capacity \(agent.capacity)")
      }
      for conversationID in agent.active {
        if let other = holders[conversationID]?.first {
          problems.append("conversation \(conversationID) is held by \(other) and \(agentID)")
        }
        holders[conversationID, default: []].append(agentID)
      }
      for offerID in agent.offers {
        guard let offer = offers[offerID], offer.status == .pending, offer.agentID == agentID,
          routing[offer.offer.conversationID]?.offers.contains(offerID) == true
        else {
          problems.append("agent \(agentID) lists offer \(offerID), which is not pending for it")
          continue
        }
        if !offered.insert([offer.offer.conversationID, agentID]).inserted {
          problems.append("conversation \(offer.offer.conversationID) is offered twice to \(agentID)")
        }
        if agent.active.contains(offer.offer.conversationID) {
          problems.append("agent \(agentID) holds conversation \(offer.offer.conversationID) and an offer of it")
        }
      }
    }
    guard full else { return problems }
    var inLines: [String: String] = [:]
    for (queueID, queue) in queues {
      for key in queue.line.keys {
        if let other = inLines.updateValue(queueID, forKey: key.conversationID) {
          problems.append("conversation \(key.conversationID) waits in \(other) and \(queueID)")
        }
      }
    }
    for (conversationID, facts) in routing {
      guard let record = conversations[conversationID] else {
        problems.append("routing facts for unknown conversation \(conversationID)")
        continue
      }
      if routable.contains(conversationID) != facts.routable {
        problems.append("conversation \(conversationID) routable set \(routable.contains(conversationID)) != \(facts.routable)")
      }
      let held = holders[conversationID] ?? []
      let owner = record.assignedAgent?.participantID
      // A closed conversation keeps naming its last agent, who no longer holds it.
      if record.state == .closed {
        if !held.isEmpty { problems.append("closed conversation \(conversationID) is held by \(held)") }
      } else if held.first != owner {
        problems.append("conversation \(conversationID) owner \(owner ?? "-") but held by \(held)")
      }
      for offerID in facts.offers where offers[offerID]?.status != .pending {
        problems.append("conversation \(conversationID) lists offer \(offerID), which is not pending")
      }
      let waitsIn = inLines[conversationID]
      switch record.state {
      case .queued, .offered:
        if !facts.waiting || waitsIn != record.queueID {
          problems.append("waiting conversation \(conversationID) is in line \(waitsIn ?? "-"), queue \(record.queueID)")
        }
        if (record.state == .offered) == facts.offers.isEmpty {
          problems.append("conversation \(conversationID) is \(record.state) with \(facts.offers.count) offers")
        }
        if owner != nil { problems.append("waiting conversation \(conversationID) has owner \(owner!)") }
      case .active, .wrapUp:
        if owner == nil { problems.append("\(record.state) conversation \(conversationID) has no owner") }
        fallthrough
      case .closed:
        if facts.waiting || waitsIn != nil { problems.append("\(record.state) conversation \(conversationID) waits") }
        if !facts.offers.isEmpty { problems.append("\(record.state) conversation \(conversationID) has offers") }
      }
    }
    if routing.count != conversations.count {
      problems.append("\(conversations.count) conversations but \(routing.count) routing facts")
    }
    return problems
  }

  /// Conversations left waiting although a member of their queue could take them: routing
  /// must always run to completion.
  func missedMatches(now: WallTime) -> [String] {
    var missed: [String] = []
    for (queueID, queue) in queues where queueHasRoom(queueID) {
      for key in queue.line.keys {
        guard let facts = routing[key.conversationID], routable.contains(key.conversationID) else { continue }
        let eligible = rankCandidates(for: facts, in: queue, now: now).filter { $0.outcome == .rankedLower }
        if !eligible.isEmpty {
          missed.append("\(key.conversationID) in \(queueID) could go to \(eligible.map(\.agentID))")
        }
      }
    }
    return missed
  }
}
