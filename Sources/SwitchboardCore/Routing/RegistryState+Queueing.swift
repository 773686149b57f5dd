internal import OrderedCollections

/// Conversations entering and leaving waiting lines: start, re-queueing, max wait and
/// overflow, abandonment, and the release of an agent when a conversation leaves them.
extension RegistryState {
  /// Puts a conversation that waits nowhere into `queueID`'s line (keeping its priority and
  /// original arrival) and arms the queue's max wait. If `trigger` is given it is routed in
  /// this change's pass; otherwise the caller makes a direct offer.
  mutating func enterQueue(
    _ conversationID: String, queueID: String, trigger: RoutingTrigger?, now: WallTime,
    effects: inout Effects
  ) {
    guard var facts = routing[conversationID], var record = conversations[conversationID],
      let queue = queues[queueID], !facts.waiting
    else { return }
    record.enterQueue(queueID)
    if facts.offers.isEmpty { record.state = .queued }
    conversations[conversationID] = record
    facts.entry += 1
    facts.enteredQueueAt = now
    facts.waiting = true
    routing[conversationID] = facts
    refreshRoutable(conversationID)
    queues[queueID]?.line.insert(facts.key)
    touch(queue: queueID)
    if let maxWait = queue.config.maxWait {
      effects.arm(.maxWait(conversationID: conversationID, entry: facts.entry), at: now + maxWait)
    }
    if let trigger { becameRoutable(conversationID, trigger: trigger) }
  }

  /// Takes a conversation out of its queue's line (accepted, closed, transferred, moved).
  mutating func leaveLine(_ conversationID: String, effects: inout Effects) {
    guard var facts = routing[conversationID], facts.waiting,
      let queueID = conversations[conversationID]?.queueID
    else { return }
    facts.waiting = false
    routing[conversationID] = facts
    refreshRoutable(conversationID)
    pushedPositions[conversationID] = nil
    queues[queueID]?.line.remove(facts.key)
    touch(queue: queueID)
    effects.cancel(.maxWait(conversationID: conversationID, entry: facts.entry))
  }

  /// The max-wait timer of a queue entry fired: if the conversation still waits there, its
  /// offers are withdrawn (`overflow`) and it moves to the overflow queue with its original
  /// age, or, without an overflow queue, closes with `maxWaitExceeded`.
  mutating func maxWaitReached(_ conversationID: String, entry: UInt64, now: WallTime, effects: inout Effects) {
    guard let facts = routing[conversationID], facts.waiting, facts.entry == entry,
      let record = conversations[conversationID], let queue = queues[record.queueID]
    else { return }
    let waited = now - facts.enteredQueueAt
    withdrawOffers(ofConversation: conversationID, reason: .overflow, now: now, effects: &effects)
    leaveLine(conversationID, effects: &effects)
    if let overflowID = queue.config.overflowQueueID, queues[overflowID] != nil {
      storeDecision(
        RoutingDecision(
          decidedAt: now, trigger: .overflow, queueID: queue.config.queueID, rule: .overflow,
          explanation: "waited \(waited) in queue \(queue.config.queueID) (max wait "
            + "\(queue.config.maxWait ?? waited)); moved to overflow queue \(overflowID) with its original age",
          candidates: [], chosenAgentID: nil, offerIDs: []),
        for: conversationID, effects: &effects)
      effects.journal(.conversationQueued(conversationID: conversationID, queueID: overflowID, at: now))
      enterQueue(conversationID, queueID: overflowID, trigger: .overflow, now: now, effects: &effects)
    } else {
      closeUnassigned(conversationID, reason: .maxWaitExceeded, now: now, effects: &effects)
    }
  }

  /// The customer left while the conversation waited: offers are withdrawn (`customerLeft`),
  /// it leaves the line and closes as abandoned. Does nothing unless it is waiting.
  mutating func abandon(_ conversationID: String, now: WallTime, effects: inout Effects) {
    guard routing[conversationID]?.waiting == true else { return }
    withdrawOffers(ofConversation: conversationID, reason: .customerLeft, now: now, effects: &effects)
    leaveLine(conversationID, effects: &effects)
    closeUnassigned(conversationID, reason: .abandoned, now: now, effects: &effects)
  }

  /// Closes a conversation no agent holds (abandoned, max wait, administrative) and publishes
  /// the content events.
  mutating func closeUnassigned(
    _ conversationID: String, reason: CloseReason, now: WallTime, effects: inout Effects
  ) {
    guard var record = conversations[conversationID],
      let closed = try? record.closeAutomatically(reason: reason, at: now)
    else { return }
    conversations[conversationID] = record
    sample(record.queueID, now: now) { $0.closed(at: now, abandoned: reason == .abandoned, handleTime: nil) }
    publish(closed.events, now: now, effects: &effects)
    assistanceChanged(closed.cancelled, now: now, effects: &effects)
    recordClosedConversation(conversationID, now: now, effects: &effects)
  }

  /// The conversation is no longer the agent's (closed, transferred, reassigned): its load
  /// drops and the pass may give the agent the next conversation.
  mutating func release(_ conversationID: String, from agentID: String, now: WallTime) {
    guard var agent = agents[agentID], agent.active.remove(conversationID) != nil else { return }
    agent.lastActivityAt = now
    agents[agentID] = agent
    touch(agent: agentID)
  }

  /// An agent or supervisor closed an active or wrap-up conversation (close, move channel):
  /// the agent is released and the close counts in the queue's figures. Call after the
  /// record is closed.
  mutating func conversationClosed(_ conversationID: String, previousAgentID: String?, now: WallTime) {
    if let previousAgentID { release(conversationID, from: previousAgentID, now: now) }
    if let record = conversations[conversationID] {
      let handleTime = record.metrics(now: now).handleTime
      sample(record.queueID, now: now) { $0.closed(at: now, abandoned: false, handleTime: handleTime) }
    }
  }
}
