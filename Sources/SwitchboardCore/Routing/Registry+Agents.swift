internal import OrderedCollections

/// The Agents service's routing operations: presence, the notifications stream, accept and
/// decline.
extension Registry {
  /// Sets an agent's presence (the caller's own, or with `agentID` another agent's). Going
  /// away or offline withdraws pending offers (re-routed); active conversations stay. Another
  /// agent's change is notified to them (`presenceChanged`).
  ///
  /// Roles: agent, supervisor (own); supervisor of one of the agent's queues, admin (other
  /// agents). Errors: `invalidArgument` (presence missing, reason over 1 KiB), `notFound`
  /// (agent unknown), `permissionDenied`.
  public func setPresence(caller: Caller, _ presence: Presence?, reason: String, agentID: String? = nil)
    async throws(CoreError) -> (status: AgentStatus, withdrawnOffers: Int)
  {
    try await mutate { state, now, effects throws(CoreError) in
      guard caller.isStaff || caller.role == .admin else {
        throw CoreError(.permissionDenied, "\(caller.role) callers cannot set presence")
      }
      let named = agentID.flatMap { $0.isEmpty ? nil : $0 }
      if named == nil && !caller.isStaff {
        throw CoreError(
          .permissionDenied, "\(caller.id) has no agent profile; an admin names the agent with agent_id")
      }
      let target = named ?? caller.id
      guard let agent = state.agents[target] else {
        throw CoreError(.notFound, "agent \(target) does not exist")
      }
      if target != caller.id || caller.role == .admin {
        let supervises =
          caller.role == .supervisor
          && agent.profile.queueIDs.contains { state.supervises(caller.id, queue: $0) }
        guard caller.role == .admin || supervises else {
          throw CoreError(
            .permissionDenied, "\(caller.id) may not set the presence of \(target): not their supervisor")
        }
      }
      guard let presence else { throw CoreError(.invalidArgument, "presence is required") }
      try TextRule.limit(reason, "reason", AdminRule.maxTextLength)
      let withdrawn = state.changePresence(
        of: target, to: presence, reason: reason, notifyAgent: target != caller.id, now: now,
        effects: &effects)
      return (state.status(of: state.agents[target]!), withdrawn)
    }
  }

  /// Opens the caller's notifications stream: first a snapshot (status, pending offers,
  /// active conversations, open assistance requests), then live notifications. While at least
  /// one stream is open the agent is connected and can get offers; `becomeAvailable` sets an
  /// offline agent available.
  ///
  /// Roles: agent, supervisor with a profile. Errors: `permissionDenied` (no profile),
  /// `resourceExhausted` (more than `maxNotificationStreamsPerAgent` streams).
  public func notifications(caller: Caller, becomeAvailable: Bool) async throws(CoreError)
    -> Subscription<Notification>
  {
    let agentID = caller.id
    let (stream, sink) = makeSubscription(of: Notification.self) { state, now, effects, id in
      state.disconnect(id, agentID: agentID, now: now, effects: &effects)
    }
    do {
      try await mutate(opensStream: true) { state, now, effects throws(CoreError) in
        guard caller.isStaff, let agent = state.agents[agentID] else {
          throw CoreError(.permissionDenied, "\(caller) has no agent profile; notifications are for agents")
        }
        let changesPresence = becomeAvailable && agent.presence == .offline
        if changesPresence { try state.requireWritable() }
        guard agent.streams.count < options.maxNotificationStreamsPerAgent else {
          throw CoreError(
            .resourceExhausted,
            "agent \(agentID) already has \(agent.streams.count) notification streams open (the limit)")
        }
        guard !sink.isTerminated else { return }
        state.connect(sink, agentID: agentID, effects: &effects)
        if changesPresence {
          state.changePresence(
            of: agentID, to: .available, reason: "", notifyAgent: false, now: now, effects: &effects)
        }
        effects.send(Notification(sentAt: now, kind: .snapshot(state.snapshot(of: agentID))), to: sink)
      }
    } catch {
      sink.finish(throwing: error)
      throw error
    }
    return stream
  }

  /// Accepts an offer: the conversation becomes the agent's (other offers of a broadcast are
  /// withdrawn) and everything needed to take over is returned; the customer sees `assigned`.
  ///
  /// Roles: agent, supervisor (offers made to them). Errors: `notFound` (offer unknown),
  /// `permissionDenied` (someone else's offer), `failedPrecondition` (expired, withdrawn,
  /// declined, accepted by another agent).
  public func accept(caller: Caller, offerID: String) async throws(CoreError) -> ConversationDetail {
    try await mutate { state, now, effects throws(CoreError) in
      let offer = try state.answerableOffer(offerID, by: caller, now: now)
      state.acceptOffer(offerID, now: now, effects: &effects)
      let record = try state.conversation(offer.offer.conversationID)
      return record.detail(for: caller.role == .supervisor ? .supervisor : .agent(caller.id))
    }
  }

  /// Declines an offer; the conversation goes to the next candidate and never back to the
  /// caller. Errors: `invalidArgument` (note too long), `notFound`, `permissionDenied`,
  /// `failedPrecondition` (no longer pending).
  public func decline(caller: Caller, offerID: String, reason: DeclineReason?, note: String)
    async throws(CoreError)
  {
    try await mutate { state, now, effects throws(CoreError) in
      _ = try state.answerableOffer(offerID, by: caller, now: now)
      try TextRule.limit(note, "note", options.conversationLimits.note)
      state.declineOffer(offerID, reason: reason ?? .other, note: note, now: now, effects: &effects)
    }
  }

  /// The live status of an agent (for the agent itself, its supervisors and admins).
  public func agentStatus(caller: Caller, agentID: String) throws(CoreError) -> AgentStatus {
    try read { state, _ throws(CoreError) in
      guard let agent = state.agents[agentID] else {
        throw CoreError(.notFound, "agent \(agentID) does not exist")
      }
      let allowed =
        caller.role == .admin || (caller.isStaff && caller.id == agentID)
        || (caller.role == .supervisor && agent.profile.queueIDs.contains { state.supervises(caller.id, queue: $0) })
      guard allowed else {
        throw CoreError(.permissionDenied, "\(caller) may not read the status of agent \(agentID)")
      }
      return state.status(of: agent)
    }
  }
}

extension RegistryState {
  /// What a new notifications stream starts with.
  func snapshot(of agentID: String) -> NotificationSnapshot {
    guard let agent = agents[agentID] else { preconditionFailure("snapshot of unknown agent \(agentID)") }
    let active = agent.active.compactMap { conversations[$0] }
    return NotificationSnapshot(
      status: status(of: agent), pendingOffers: agent.offers.compactMap { offers[$0]?.offer },
      activeConversations: active.map(\.summary),
      openAssistance: active.flatMap { $0.assistance.filter { $0.status == .open && $0.agentID == agentID } })
  }
}
