internal import OrderedCollections

/// Making, answering, expiring and withdrawing offers.
extension RegistryState {
  /// The offer timeout of a queue (its own, or the registry default).
  func offerTimeout(of queueID: String) -> Duration {
    queues[queueID]?.config.offerTimeout ?? options.defaultOfferTimeout
  }

  /// Makes an offer of the conversation to an agent: counts against the agent's capacity until
  /// answered, notifies the agent's streams and arms the timeout. Returns the offer id.
  mutating func makeOffer(
    _ conversationID: String, to agentID: String, mode: OfferMode, direct: Bool, now: WallTime,
    effects: inout Effects
  ) -> String {
    guard var facts = routing[conversationID], var record = conversations[conversationID],
      var agent = agents[agentID]
    else { preconditionFailure("offer for unknown conversation \(conversationID) or agent \(agentID)") }
    let offerID = ids.next("o")
    let offer = Offer(
      offerID: offerID, conversationID: conversationID, queueID: direct ? "" : record.queueID,
      priority: record.priority, channel: record.channel, subject: record.subject,
      customerDisplayName: record.customer.displayName,
      botSummary: record.botContext?.summary ?? "",
      detectedIntent: record.botContext?.detectedIntent ?? "", mode: mode, offeredAt: now,
      expiresAt: now + offerTimeout(of: record.queueID), customerWaited: now - facts.key.arrival,
      transfer: facts.lastTransfer, botContext: record.botContext)
    offers[offerID] = OfferState(offer: offer, agentID: agentID, direct: direct)
    facts.offers.append(offerID)
    agent.offers.append(offerID)
    record.recordOffer()
    routing[conversationID] = facts
    refreshRoutable(conversationID)
    agents[agentID] = agent
    conversations[conversationID] = record
    touch(agent: agentID)
    effects.journal(.offerMade(agentID: agentID, offer))
    notify(agentID, .offer(offer), now: now, effects: &effects)
    effects.arm(.offerExpiry(offerID: offerID), at: offer.expiresAt)
    return offerID
  }

  /// Ends a pending offer (accepted, declined or withdrawn): it no longer counts against the
  /// agent's capacity. A withdrawal is notified to the agent. When the conversation's last
  /// offer ends it is `queued` again (the caller decides whether and how it is routed).
  mutating func endOffer(_ offerID: String, as status: OfferStatus, now: WallTime, effects: inout Effects) {
    guard var state = offers[offerID], state.status == .pending else { return }
    state.status = status
    offers[offerID] = state
    let conversationID = state.offer.conversationID
    agents[state.agentID]?.offers.remove(offerID)
    routing[conversationID]?.offers.remove(offerID)
    refreshRoutable(conversationID)
    if routing[conversationID]?.offers.isEmpty == true, conversations[conversationID]?.state == .offered {
      conversations[conversationID]?.state = .queued
    }
    touch(agent: state.agentID)
    effects.cancel(.offerExpiry(offerID: offerID))
    let outcome: OfferOutcome
    switch status {
    case .pending: preconditionFailure("an offer cannot end as pending")
    case .accepted: outcome = .accepted
    case .declined(let reason, let note, _): outcome = .declined(reason, note: note)
    case .withdrawn(let reason, _):
      outcome = .withdrawn(reason)
      notify(
        state.agentID,
        .offerWithdrawn(OfferWithdrawn(offerID: offerID, conversationID: conversationID, reason: reason)),
        now: now, effects: &effects)
    }
    effects.journal(.offerEnded(offerID: offerID, outcome: outcome, at: now))
  }

  /// Withdraws every pending offer of a conversation (it is not made routable).
  mutating func withdrawOffers(
    ofConversation conversationID: String, reason: OfferWithdrawnReason, now: WallTime,
    effects: inout Effects
  ) {
    for offerID in routing[conversationID]?.offers ?? [] {
      endOffer(offerID, as: .withdrawn(reason, at: now), now: now, effects: &effects)
    }
  }

  /// Withdraws every pending offer of an agent who stopped being available; their
  /// conversations go back to routing (trigger `agentLost`). Returns how many were withdrawn.
  @discardableResult
  mutating func withdrawOffers(
    ofAgent agentID: String, reason: OfferWithdrawnReason, now: WallTime, effects: inout Effects
  ) -> Int {
    let pending = agents[agentID]?.offers ?? []
    for offerID in pending {
      guard let conversationID = offers[offerID]?.offer.conversationID else { continue }
      endOffer(offerID, as: .withdrawn(reason, at: now), now: now, effects: &effects)
      if routable.contains(conversationID) {
        becameRoutable(conversationID, trigger: .agentLost)
      }
    }
    return pending.count
  }

  /// Finds a pending offer the caller may answer, or throws the precise reason why not.
  func answerableOffer(_ offerID: String, by caller: Caller, now: WallTime) throws(CoreError) -> OfferState {
    guard caller.isStaff else {
      throw CoreError(.permissionDenied, "only agents and supervisors answer offers; the caller is \(caller)")
    }
    guard let state = offers[offerID] else {
      throw CoreError(.notFound, "offer \(offerID) does not exist")
    }
    guard state.agentID == caller.id else {
      throw CoreError(.permissionDenied, "offer \(offerID) was made to another agent, not to \(caller.id)")
    }
    switch state.status {
    case .pending:
      guard now < state.offer.expiresAt else {
        throw CoreError(.failedPrecondition, "offer \(offerID) expired at \(state.offer.expiresAt)")
      }
      return state
    case .accepted(let time):
      throw CoreError(.failedPrecondition, "offer \(offerID) was already accepted at \(time)")
    case .declined(_, _, let time):
      throw CoreError(.failedPrecondition, "offer \(offerID) was declined at \(time)")
    case .withdrawn(let reason, let time):
      let why =
        switch reason {
        case .timedOut: "expired at \(state.offer.expiresAt)"
        case .acceptedElsewhere: "accepted by another agent at \(time)"
        case .customerLeft: "withdrawn at \(time): the customer left"
        case .reassigned: "withdrawn at \(time): a supervisor reassigned the conversation"
        case .agentUnavailable: "withdrawn at \(time): the agent became unavailable"
        case .overflow: "withdrawn at \(time): the conversation moved to an overflow queue"
        }
      throw CoreError(.failedPrecondition, "offer \(offerID) \(why)")
    }
  }

  /// The timer of an offer fired: if still pending and due, it expires. The agent is skipped
  /// for that conversation; after `missedOffersBeforeAway` expiries in a row the agent is set
  /// away; the conversation is routed again (a direct offer's conversation goes back to its
  /// queue).
  mutating func offerTimedOut(_ offerID: String, now: WallTime, effects: inout Effects) {
    guard let state = offers[offerID], state.status == .pending, state.offer.expiresAt <= now else { return }
    let conversationID = state.offer.conversationID
    endOffer(offerID, as: .withdrawn(.timedOut, at: now), now: now, effects: &effects)
    conversations[conversationID]?.recordOfferRefused()
    routing[conversationID]?.skipped.insert(state.agentID)
    if routable.contains(conversationID) {
      becameRoutable(conversationID, trigger: .offerTimedOut)
    }
    guard var agent = agents[state.agentID] else { return }
    agent.missedInARow += 1
    agents[state.agentID] = agent
    if agent.missedInARow >= options.missedOffersBeforeAway, agent.presence == .available {
      changePresence(
        of: state.agentID, to: .away,
        reason: "let \(agent.missedInARow) offers in a row expire", notifyAgent: true, now: now,
        effects: &effects)
    }
  }

  /// The agent takes the conversation: the offer is accepted, the conversation's other offers
  /// are withdrawn (`acceptedElsewhere`), it leaves the waiting line and becomes active with
  /// the agent; the `assigned` event is published.
  mutating func acceptOffer(_ offerID: String, now: WallTime, effects: inout Effects) {
    guard let state = offers[offerID], var agent = agents[state.agentID] else { return }
    let conversationID = state.offer.conversationID
    endOffer(offerID, as: .accepted(at: now), now: now, effects: &effects)
    withdrawOffers(ofConversation: conversationID, reason: .acceptedElsewhere, now: now, effects: &effects)
    leaveLine(conversationID, effects: &effects)
    agent = agents[state.agentID] ?? agent
    agent.active.append(conversationID)
    agent.missedInARow = 0
    agent.lastActivityAt = now
    agents[state.agentID] = agent
    touch(agent: state.agentID)
    guard var record = conversations[conversationID] else { return }
    let events = record.assign(
      to: agent.participant, queueID: state.offer.queueID, offeredAt: state.offer.offeredAt, at: now)
    conversations[conversationID] = record
    sample(record.queueID, now: now) { $0.accepted(at: now, timeToAccept: now - state.offer.offeredAt) }
    publish(events, now: now, effects: &effects)
  }

  /// The agent declines: skipped for this conversation, which is routed to the next candidate
  /// (a direct offer's conversation goes back to its queue).
  mutating func declineOffer(
    _ offerID: String, reason: DeclineReason, note: String, now: WallTime, effects: inout Effects
  ) {
    guard let state = offers[offerID] else { return }
    let conversationID = state.offer.conversationID
    endOffer(offerID, as: .declined(reason, note: note, at: now), now: now, effects: &effects)
    conversations[conversationID]?.recordOfferRefused()
    routing[conversationID]?.skipped.insert(state.agentID)
    agents[state.agentID]?.missedInARow = 0
    if routable.contains(conversationID) {
      becameRoutable(conversationID, trigger: .offerDeclined)
    }
  }
}
