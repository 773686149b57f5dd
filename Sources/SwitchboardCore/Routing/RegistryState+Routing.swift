internal import OrderedCollections

/// The routing pass and routing decisions.
///
/// A change marks the queues it may have opened a match in as dirty (a conversation became
/// routable there; a member agent gained room, came back, connected or changed skills). At the
/// end of the change, `finishChange` runs one pass over the dirty queues: it walks their
/// routable conversations in serving order merged across the queues (priority, then original
/// arrival: "urgent first" across an agent's queues), and offers each to the best eligible
/// member, until no dirty queue has a member with room. A pass only adds offers, so it cannot
/// open new matches elsewhere; it touches only dirty queues, and inside them it stops as soon
/// as no member has room, so a change costs O(dirty queues × members + conversations offered
/// or skipped), not O(all conversations × all agents).
extension RegistryState {
  /// Runs at the end of every change, still under the lock: routing, queue positions, queue
  /// watchers.
  mutating func finishChange(now: WallTime, effects: inout Effects) {
    // While the store cannot write, routing waits (its offers and decisions are journaled);
    // the queues stay marked, and the pass runs once the store writes again.
    guard writeFault == nil, !dirtyQueues.isEmpty || !awaitingDecision.isEmpty else { return }
    routePass(now: now, effects: &effects)
    let touched = dirtyQueues
    dirtyQueues.removeAll()
    updateQueuePositions(in: touched, now: now, effects: &effects)
    queuesChanged(touched, now: now, effects: &effects)
  }

  /// Marks a queue for the routing pass, positions and watchers.
  mutating func touch(queue queueID: String) {
    dirtyQueues.insert(queueID)
  }

  /// Marks every queue of an agent: its room or availability changed.
  mutating func touch(agent agentID: String) {
    guard let agent = agents[agentID] else { return }
    dirtyQueues.formUnion(agent.profile.queueIDs)
  }

  /// The conversation waits for an agent again (or for the first time): the next pass tries to
  /// route it and records a decision with `trigger`.
  mutating func becameRoutable(_ conversationID: String, trigger: RoutingTrigger) {
    guard var facts = routing[conversationID], let record = conversations[conversationID] else { return }
    facts.trigger = trigger
    facts.needsDecision = true
    routing[conversationID] = facts
    awaitingDecision.insert(conversationID)
    touch(queue: record.queueID)
  }

  /// True if some member of the queue could take an offer now (available, connected, below
  /// capacity, with the queue's skills).
  func queueHasRoom(_ queueID: String) -> Bool {
    !roomyMembers(of: queueID).isEmpty
  }

  /// The members of a queue who could take an offer now.
  func roomyMembers(of queueID: String) -> [String] {
    guard let queue = queues[queueID] else { return [] }
    return members[queueID, default: []].filter { id in
      guard let agent = agents[id] else { return false }
      return agent.canTakeOffers && agent.hasSkills(queue.config.requiredSkills)
    }
  }

  private mutating func routePass(now: WallTime, effects: inout Effects) {
    // Per dirty queue: the members with room and a cursor into the waiting line.
    var cursors: [(queueID: String, index: Int, roomy: [String])] = dirtyQueues.sorted().compactMap {
      queueID in
      let roomy = roomyMembers(of: queueID)
      guard let queue = queues[queueID], !queue.line.isEmpty, !roomy.isEmpty else { return nil }
      return (queueID, 0, roomy)
    }
    while true {
      var best: (cursor: Int, key: WaitKey)?
      var cursor = 0
      while cursor < cursors.count {
        let keys = queues[cursors[cursor].queueID]?.line.keys ?? []
        var index = cursors[cursor].index
        while index < keys.count, !routable.contains(keys[index].conversationID) {
          index += 1
        }
        guard index < keys.count else {
          cursors.remove(at: cursor)
          continue
        }
        cursors[cursor].index = index
        if best == nil || keys[index] < best!.key { best = (cursor, keys[index]) }
        cursor += 1
      }
      guard let best else { break }
      cursors[best.cursor].index += 1
      let conversationID = best.key.conversationID
      // Cheap pre-check: skip a conversation every member with room declined or transferred
      // away, unless it still owes a decision.
      if let facts = routing[conversationID], !facts.needsDecision,
        !cursors[best.cursor].roomy.contains(where: { facts.mayBeOffered(to: $0, offers: offers) })
      {
        continue
      }
      let offered = route(conversationID, now: now, effects: &effects)
      // Only the agents just offered lost room.
      let full = offered.filter { agents[$0]?.canTakeOffers != true }
      if !full.isEmpty {
        cursors = cursors.compactMap { cursor in
          let roomy = cursor.roomy.filter { !full.contains($0) }
          return roomy.isEmpty ? nil : (cursor.queueID, cursor.index, roomy)
        }
      }
    }
    // Conversations that became routable in this change but found no agent get their
    // "none eligible" decision even when their queue had no room at all.
    for conversationID in awaitingDecision.sorted() {
      guard routable.contains(conversationID), routing[conversationID]?.needsDecision == true else { continue }
      route(conversationID, now: now, effects: &effects)
    }
    awaitingDecision.removeAll()
  }

  /// Offers a routable conversation to its queue's best eligible agent (or, in a broadcast
  /// queue, to every eligible agent) and records the decision. Returns the agents offered.
  @discardableResult
  private mutating func route(_ conversationID: String, now: WallTime, effects: inout Effects) -> [String] {
    guard routable.contains(conversationID), var facts = routing[conversationID],
      let record = conversations[conversationID], let queue = queues[record.queueID]
    else { return [] }
    var candidates = rankCandidates(for: facts, in: queue, now: now)
    let eligible = candidates.indices.filter { candidates[$0].outcome == .rankedLower }
    guard let first = eligible.first else {
      if facts.needsDecision {
        facts.needsDecision = false
        let trigger = facts.trigger
        facts.trigger = .capacityFreed
        routing[conversationID] = facts
        storeDecision(
          RoutingDecision(
            decidedAt: now, trigger: trigger, queueID: queue.config.queueID, rule: .noneEligible,
            explanation: "no member of queue \(queue.config.queueID) is available, connected, "
              + "below capacity, skilled and not skipped; the conversation keeps waiting",
            candidates: candidates, chosenAgentID: nil, offerIDs: []),
          for: conversationID, effects: &effects)
      }
      return []
    }
    let trigger = facts.trigger
    facts.needsDecision = false
    facts.trigger = .capacityFreed
    routing[conversationID] = facts
    var decision: RoutingDecision
    switch queue.config.offerMode {
    case .singleAgent:
      let chosen = candidates[first]
      candidates[first].outcome = .chosen
      let tie = eligible.count > 1 && candidates[eligible[1]].score == chosen.score
      let offerID = makeOffer(
        conversationID, to: chosen.agentID, mode: .singleAgent, direct: false, now: now,
        effects: &effects)
      decision = RoutingDecision(
        decidedAt: now, trigger: trigger, queueID: queue.config.queueID,
        rule: tie ? .longestIdle : .leastLoaded,
        explanation: tie
          ? "\(eligible.count) eligible agents; \(chosen.agentID) shares the lowest load relative "
            + "to capacity and was idle the longest"
          : "\(eligible.count) eligible agent(s); \(chosen.agentID) has the lowest load relative "
            + "to capacity",
        candidates: candidates, chosenAgentID: chosen.agentID, offerIDs: [offerID])
    case .broadcast:
      var offerIDs: [String] = []
      for index in eligible {
        candidates[index].outcome = .offered
        offerIDs.append(
          makeOffer(
            conversationID, to: candidates[index].agentID, mode: .broadcast, direct: false, now: now,
            effects: &effects))
      }
      decision = RoutingDecision(
        decidedAt: now, trigger: trigger, queueID: queue.config.queueID, rule: .broadcast,
        explanation: "broadcast to all \(eligible.count) eligible agent(s); the first to accept wins",
        candidates: candidates, chosenAgentID: nil, offerIDs: offerIDs)
    }
    storeDecision(decision, for: conversationID, effects: &effects)
    return decision.candidates.filter { $0.outcome == .chosen || $0.outcome == .offered }.map(\.agentID)
  }

  /// Every member of the conversation's queue with what routing makes of them, eligible ones
  /// first (outcome `.rankedLower` until one is chosen), best first: least loaded, then idle
  /// the longest, then agent id.
  func rankCandidates(for facts: ConversationRouting, in queue: QueueState, now: WallTime)
    -> [RoutingCandidate]
  {
    var eligible: [(candidate: RoutingCandidate, lastActivity: WallTime)] = []
    var skipped: [RoutingCandidate] = []
    for agentID in members[queue.config.queueID, default: []] {
      guard let agent = agents[agentID] else { continue }
      let outcome: CandidateOutcome? =
        if agent.presence != .available || !agent.connected {
          .notAvailable
        } else if !agent.hasSkills(queue.config.requiredSkills) {
          .missingSkill
        } else if facts.skipped.contains(agentID) || facts.offers.contains(where: { offers[$0]?.agentID == agentID }) {
          .previouslyDeclined
        } else if facts.transferringAgentID == agentID {
          .transferringAgent
        } else if agent.load >= agent.capacity {
          .atCapacity
        } else {
          nil
        }
      var candidate = RoutingCandidate(
        agentID: agentID, displayName: agent.profile.displayName,
        presence: agent.connected ? agent.presence : .offline,
        activeConversations: UInt32(agent.active.count), capacity: agent.profile.capacity,
        idleTime: agent.load == 0 ? now - agent.lastActivityAt : nil, score: 0,
        outcome: outcome ?? .rankedLower)
      if outcome == nil {
        candidate.score = 1 - agent.loadRatio
        eligible.append((candidate, agent.lastActivityAt))
      } else {
        skipped.append(candidate)
      }
    }
    eligible.sort { lhs, rhs in
      if lhs.candidate.score != rhs.candidate.score { return lhs.candidate.score > rhs.candidate.score }
      if lhs.lastActivity != rhs.lastActivity { return lhs.lastActivity < rhs.lastActivity }
      return lhs.candidate.agentID < rhs.candidate.agentID
    }
    return eligible.map(\.candidate) + skipped
  }

  /// Stores and journals a decision (keeping at most `maxDecisionsPerConversation`).
  mutating func storeDecision(_ decision: RoutingDecision, for conversationID: String, effects: inout Effects) {
    guard routing[conversationID] != nil else { return }
    routing[conversationID]!.decisions.append(decision)
    if routing[conversationID]!.decisions.count > options.maxDecisionsPerConversation {
      routing[conversationID]!.decisions.removeFirst()
    }
    effects.journal(.routingDecided(conversationID: conversationID, decision))
  }

  /// Updates `routable` after the conversation's waiting or offers changed.
  mutating func refreshRoutable(_ conversationID: String) {
    if routing[conversationID]?.routable == true {
      routable.insert(conversationID)
    } else {
      routable.remove(conversationID)
    }
  }
}
