internal import OrderedCollections

/// Transfers (by the owning agent or a joined supervisor) and reassignments (by a supervisor
/// or admin).
extension Registry {
  /// Transfers an active conversation to an agent (who gets a direct offer; on decline or
  /// expiry it goes back to the conversation's queue, not to the sender) or to a queue (routed
  /// there with its original age). The sender leaves at once and its load drops; the note
  /// reaches the receiver with the offer and the conversation's transfer history.
  ///
  /// Roles: agent (assigned), supervisor (joined). Errors: `invalidArgument` (no target, target
  /// is the caller, reason `supervisorReassign`, note missing or too long), `notFound`
  /// (conversation, agent or queue), `failedPrecondition` (not active; target agent not
  /// available, not connected or at capacity), `permissionDenied`.
  public func transfer(
    caller: Caller, conversationID: String, to target: TransferTarget?, reason: TransferReason?,
    note: String
  ) async throws(CoreError) -> TransferRecord {
    try await mutate { state, now, effects throws(CoreError) in
      guard caller.isStaff else {
        throw CoreError(.permissionDenied, "\(caller.role) callers cannot transfer conversations")
      }
      let record = try state.ownedConversation(conversationID, caller: caller, action: "transfer it")
      guard let target else { throw CoreError(.invalidArgument, "a transfer needs a target agent or queue") }
      let reason = reason ?? .other
      guard reason != .supervisorReassign else {
        throw CoreError(.invalidArgument, "reason supervisorReassign is reserved for Reassign")
      }
      try TextRule.required(note, "note", options.conversationLimits.handoverNote)
      guard record.state == .active else {
        throw CoreError(
          .failedPrecondition, "conversation \(conversationID) is \(record.state); only active conversations can be transferred")
      }
      if case .agent(let agentID) = target {
        guard agentID != caller.id else {
          throw CoreError(.invalidArgument, "cannot transfer conversation \(conversationID) to yourself")
        }
        guard agentID != record.assignedAgent?.participantID else {
          throw CoreError(.invalidArgument, "agent \(agentID) already owns conversation \(conversationID)")
        }
      }
      try state.checkTarget(target, force: false)
      return state.handOff(
        conversationID, by: state.participant(for: caller), to: target, reason: reason, note: note,
        force: false, now: now, effects: &effects)
    }
  }

  /// Moves a queued, offered or active conversation to another agent or queue. Pending offers
  /// are withdrawn (`reassigned`); the previous agent gets `reassignedAway`. To an agent: a
  /// direct offer, or with `force` an immediate hand-over (`handedOver`) even if the agent is
  /// away or at capacity (never when offline).
  ///
  /// Roles: supervisor of the conversation's queue (and of a target queue), admin. Errors:
  /// `invalidArgument` (no target, target is the current owner, note too long), `notFound`,
  /// `failedPrecondition` (closed or in wrap-up; target agent offline, or without `force` not
  /// available or at capacity), `permissionDenied`.
  public func reassign(
    caller: Caller, conversationID: String, to target: TransferTarget?, note: String, force: Bool
  ) async throws(CoreError) -> TransferRecord {
    try await mutate { state, now, effects throws(CoreError) in
      let record = try state.supervisedConversation(
        conversationID, caller: caller, action: "reassign it", admin: true)
      guard let target else { throw CoreError(.invalidArgument, "a reassignment needs a target agent or queue") }
      try TextRule.limit(note, "note", options.conversationLimits.handoverNote)
      guard record.state != .closed && record.state != .wrapUp else {
        throw CoreError(
          .failedPrecondition,
          "conversation \(conversationID) is \(record.state); only queued, offered or active ones can be reassigned")
      }
      switch target {
      case .agent(let agentID):
        guard agentID != record.assignedAgent?.participantID else {
          throw CoreError(.invalidArgument, "agent \(agentID) already owns conversation \(conversationID)")
        }
      case .queue(let queueID):
        guard state.queues[queueID] != nil else {
          throw CoreError(.notFound, "queue \(queueID) does not exist")
        }
        guard caller.role == .admin || state.supervises(caller.id, queue: queueID) else {
          throw CoreError(
            .permissionDenied, "supervisor \(caller.id) does not supervise target queue \(queueID)")
        }
      }
      try state.checkTarget(target, force: force)
      return state.handOff(
        conversationID, by: state.participant(for: caller), to: target, reason: .supervisorReassign,
        note: note, force: force, now: now, effects: &effects)
    }
  }
}

extension RegistryState {
  /// Checks that a transfer target exists and, for an agent, can take the conversation: not
  /// offline; unless `force`, also available, connected and below capacity.
  func checkTarget(_ target: TransferTarget, force: Bool) throws(CoreError) {
    switch target {
    case .queue(let queueID):
      guard queues[queueID] != nil else { throw CoreError(.notFound, "queue \(queueID) does not exist") }
    case .agent(let agentID):
      guard let agent = agents[agentID] else {
        throw CoreError(.notFound, "agent \(agentID) does not exist")
      }
      guard agent.presence != .offline else {
        throw CoreError(.failedPrecondition, "agent \(agentID) is offline")
      }
      guard !force else { return }
      guard agent.presence == .available, agent.connected else {
        throw CoreError(
          .failedPrecondition,
          "agent \(agentID) is \(agent.connected ? "\(agent.presence)" : "not connected") and cannot take offers")
      }
      guard agent.load < agent.capacity else {
        throw CoreError(
          .failedPrecondition,
          "agent \(agentID) is at capacity (\(agent.load)/\(agent.capacity) including pending offers)")
      }
    }
  }

  /// Moves a (validated) conversation from its owner or queue to `target`: offers withdrawn,
  /// the transfer recorded and published (owner and joined supervisors leave), the previous
  /// owner released, then routed to the queue, offered directly to the agent, or with `force`
  /// handed to the agent at once. Returns the transfer record.
  mutating func handOff(
    _ conversationID: String, by sender: Participant, to target: TransferTarget,
    reason: TransferReason, note: String, force: Bool, now: WallTime, effects: inout Effects
  ) -> TransferRecord {
    let reassigning = reason == .supervisorReassign
    let trigger: RoutingTrigger = reassigning ? .reassign : .transfer
    let previousOwner = conversations[conversationID]?.assignedAgent?.participantID
    withdrawOffers(ofConversation: conversationID, reason: .reassigned, now: now, effects: &effects)
    leaveLine(conversationID, effects: &effects)
    guard var record = conversations[conversationID],
      let transfer = try? record.transfer(
        by: sender, to: target, reason: reason, note: note, at: now, limits: options.conversationLimits)
    else { preconditionFailure("hand-off of conversation \(conversationID) was not validated") }
    conversations[conversationID] = record
    publish(transfer.events, now: now, effects: &effects)
    assistanceChanged(transfer.cancelled, now: now, effects: &effects)
    if let previousOwner {
      release(conversationID, from: previousOwner, now: now)
      if reassigning {
        notify(previousOwner, .reassignedAway(transfer.record), now: now, effects: &effects)
      }
    }
    routing[conversationID]?.transferringAgentID = previousOwner
    routing[conversationID]?.lastTransfer = transfer.record
    switch target {
    case .queue(let queueID):
      effects.journal(.conversationQueued(conversationID: conversationID, queueID: queueID, at: now))
      enterQueue(conversationID, queueID: queueID, trigger: trigger, now: now, effects: &effects)
    case .agent(let agentID):
      guard let agent = agents[agentID], let queue = queues[record.queueID] else { break }
      let candidate = RoutingCandidate(
        agentID: agentID, displayName: agent.profile.displayName,
        presence: agent.connected ? agent.presence : .offline,
        activeConversations: UInt32(agent.active.count), capacity: agent.profile.capacity,
        idleTime: agent.load == 0 ? now - agent.lastActivityAt : nil, score: 0, outcome: .chosen)
      var offerIDs: [String] = []
      if force {
        handOver(conversationID, to: agentID, transfer: transfer.record, now: now, effects: &effects)
      } else {
        enterQueue(conversationID, queueID: queue.config.queueID, trigger: nil, now: now, effects: &effects)
        offerIDs.append(
          makeOffer(conversationID, to: agentID, mode: .singleAgent, direct: true, now: now, effects: &effects))
      }
      storeDecision(
        RoutingDecision(
          decidedAt: now, trigger: trigger, queueID: nil, rule: .direct,
          explanation: force
            ? "\(sender.participantID) handed the conversation to \(agentID) directly (forced)"
            : "\(sender.participantID) named \(agentID); on decline or expiry it goes back to queue \(queue.config.queueID)",
          candidates: [candidate], chosenAgentID: agentID, offerIDs: offerIDs),
        for: conversationID, effects: &effects)
    }
    return transfer.record
  }

  /// Gives a conversation to an agent without an offer (a forced reassignment).
  private mutating func handOver(
    _ conversationID: String, to agentID: String, transfer: TransferRecord, now: WallTime,
    effects: inout Effects
  ) {
    guard var agent = agents[agentID], var record = conversations[conversationID] else { return }
    let events = record.assign(to: agent.participant, queueID: "", offeredAt: nil, at: now)
    conversations[conversationID] = record
    agent.active.append(conversationID)
    agent.lastActivityAt = now
    agents[agentID] = agent
    touch(agent: agentID)
    publish(events, now: now, effects: &effects)
    notify(
      agentID, .handedOver(ConversationHandedOver(conversation: record.summary, transfer: transfer)),
      now: now, effects: &effects)
  }
}
