internal import OrderedCollections

/// Rebuilding the registry's state from the store, at start and after a failed append.
extension RegistryState {
  /// The state `recovered` describes, as of `now`.
  ///
  /// - Configuration, presence, id counters, the arrival counter and the feed's tail come back
  ///   as stored; nobody is connected, so every agent who is not offline starts its disconnect
  ///   grace period now (and goes offline unless it reconnects in time).
  /// - Open and recently closed conversations are replayed from their events
  ///   (`ConversationRecord(replaying:)`). Active and wrap-up ones stay with their agent.
  ///   Waiting ones go back into their queue's line with their priority, original arrival
  ///   and the time they entered the queue (max wait keeps counting from there); offers
  ///   still pending are withdrawn (`agentUnavailable`), which `effects` journals.
  /// - Idempotency keys of conversation starts and of tickets, and client message ids, are
  ///   remembered again; the routing pass runs with the next change.
  /// - The registry is `durable`: closed transcripts come from the store, and closed
  ///   conversations leave memory after the recently-closed window.
  init(restoring recovered: RecoveredState, options: RegistryOptions, now: WallTime, effects: inout Effects) {
    self.init(options: options)
    durable = true
    armEvictionSweep(now: now, effects: &effects)
    ids = IDGenerator(counters: recovered.idCounters)
    arrivals = recovered.lastArrivalOrder
    restoreAdministration(recovered, now: now, effects: &effects)
    content.feed = ExternalEventLog(restoring: recovered.feed, lastPosition: recovered.lastFeedPosition)
    for conversation in recovered.recentlyClosed + recovered.openConversations {
      restoreConversation(conversation, now: now, effects: &effects)
    }
  }

  /// Queues, agents with their presence, categories and survey settings.
  private mutating func restoreAdministration(
    _ recovered: RecoveredState, now: WallTime, effects: inout Effects
  ) {
    if let stored = recovered.resolutionCategories {
      categories = Dictionary(stored.map { ($0.categoryID, $0) }, uniquingKeysWith: { _, last in last })
    }
    if let stored = recovered.surveySettings { surveySettings = stored }
    for config in recovered.queues {
      queues[config.queueID] = QueueState(config: config)
      for topic in config.topics { queueByTopic[topic] = config.queueID }
    }
    for profile in recovered.agents {
      agents[profile.agentID] = AgentState(profile: profile, now: now)
      for queueID in profile.queueIDs where queues[queueID] != nil {
        members[queueID, default: []].append(profile.agentID)
      }
    }
    for queueID in members.keys { members[queueID]?.sort() }
    for stored in recovered.presence {
      guard var agent = agents[stored.agentID] else { continue }
      agent.presence = stored.presence
      agent.presenceReason = stored.reason
      agent.presenceSince = stored.since
      if stored.presence != .offline {
        agent.disconnectGeneration += 1
        agent.disconnectedAt = now
        effects.arm(
          .disconnectGrace(agentID: stored.agentID, generation: agent.disconnectGeneration),
          at: now + options.disconnectGracePeriod)
      }
      agents[stored.agentID] = agent
    }
  }

  /// One conversation: its record, its offers, its routing facts, and its place with an agent
  /// or in a queue.
  private mutating func restoreConversation(
    _ recovered: RecoveredConversation, now: WallTime, effects: inout Effects
  ) {
    let conversationID = recovered.conversationID
    let record = ConversationRecord(replaying: recovered)
    conversations[conversationID] = record
    if let caller = recovered.startedBy, !recovered.request.idempotencyKey.isEmpty {
      let key = StartKey(role: caller.role, callerID: caller.id, idempotencyKey: recovered.request.idempotencyKey)
      startKeys[key] = StartedRecord(
        request: recovered.request, conversationID: conversationID,
        queueID: recovered.queueIDs.first ?? recovered.queueID)
    }
    for request in record.assistance {
      content.assistanceConversations[request.assistanceID] = conversationID
    }
    var facts = ConversationRouting(
      key: WaitKey(
        priority: recovered.priority, arrival: recovered.createdAt, arrivalOrder: recovered.arrivalOrder,
        conversationID: conversationID),
      enteredQueueAt: recovered.enteredQueueAt, trigger: .agentLost)
    facts.skipped = recovered.skippedAgentIDs
    facts.decisions = Array(recovered.decisions.suffix(options.maxDecisionsPerConversation))
    facts.lastTransfer = record.transfers.last
    facts.transferringAgentID = Self.ownerAtLastTransfer(recovered.events)
    for stored in recovered.offers {
      offers[stored.offer.offerID] = OfferState(
        offer: stored.offer, agentID: stored.agentID,
        status: Self.offerStatus(stored, withdrawnAt: now), direct: false)
      if stored.outcome == nil {
        effects.journal(.offerEnded(offerID: stored.offer.offerID, outcome: .withdrawn(.agentUnavailable), at: now))
      }
    }
    if record.state == .closed {
      routing[conversationID] = facts
    } else if let agentID = record.assignedAgent?.participantID, agents[agentID] != nil {
      routing[conversationID] = facts
      agents[agentID]?.active.append(conversationID)
    } else {
      returnToQueue(conversationID, facts: facts, effects: &effects)
    }
  }

  /// Puts a recovered waiting conversation back into its queue's line, with the max-wait timer
  /// of the queue entry it had.
  private mutating func returnToQueue(
    _ conversationID: String, facts: ConversationRouting, effects: inout Effects
  ) {
    guard var record = conversations[conversationID] else { return }
    var facts = facts
    facts.entry = 1
    facts.waiting = queues[record.queueID] != nil
    record.state = .queued
    conversations[conversationID] = record
    routing[conversationID] = facts
    guard let queue = queues[record.queueID] else { return }
    refreshRoutable(conversationID)
    queues[record.queueID]?.line.insert(facts.key)
    touch(queue: record.queueID)
    if let maxWait = queue.config.maxWait {
      effects.arm(.maxWait(conversationID: conversationID, entry: 1), at: facts.enteredQueueAt + maxWait)
    }
  }

  /// The agent who owned the conversation when it was last transferred or reassigned (queue
  /// routing does not offer it back to them, as `transferringAgentID` says); `nil` if it
  /// waited then or was never transferred.
  private static func ownerAtLastTransfer(_ events: [ConversationEvent]) -> String? {
    var owner: String?
    var atTransfer: String?
    for event in events {
      switch event.kind {
      case .assigned(let assigned): owner = assigned.agent.participantID
      case .transferred: atTransfer = owner
      case .participantLeft(let participant) where participant.role != .customer && participant.participantID == owner:
        owner = nil
      case .closed: owner = nil
      default: break
      }
    }
    return atTransfer
  }

  /// A stored offer's status; one still pending is withdrawn at `now`.
  private static func offerStatus(_ stored: StoredOffer, withdrawnAt now: WallTime) -> OfferStatus {
    let at = stored.endedAt ?? now
    switch stored.outcome {
    case nil: return .withdrawn(.agentUnavailable, at: now)
    case .accepted?: return .accepted(at: at)
    case .declined(let reason, let note)?: return .declined(reason, note: note, at: at)
    case .withdrawn(let reason)?: return .withdrawn(reason, at: at)
    }
  }
}
