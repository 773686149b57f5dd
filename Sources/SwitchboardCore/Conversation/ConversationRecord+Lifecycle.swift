/// Offers, assignment, transfers, joining and leaving, closing and the survey.
extension ConversationRecord {
  /// Counts an offer made to an agent; the conversation is `offered` while any offer is pending
  /// (routing sets `state` back to `queued` when the last one goes).
  mutating func recordOffer() {
    clock.offerCount += 1
    if state == .queued { state = .offered }
  }

  /// Counts an offer that was declined or timed out.
  mutating func recordOfferRefused() {
    clock.declinedOfferCount += 1
  }

  /// An agent took the conversation, by accepting an offer made at `offeredAt` (`nil` for a
  /// forced hand-over) from `queueID` (empty for a direct hand-over). Logs `assigned`.
  mutating func assign(
    to agent: Participant,
    queueID: String,
    offeredAt: WallTime?,
    at time: WallTime
  ) -> [ConversationEvent] {
    state = .active
    setAssignedAgent(agent, at: time)
    if clock.firstAcceptedAt == nil {
      clock.firstAcceptedAt = time
      clock.timeToAccept = offeredAt.map { time - $0 }
    }
    return [append(.assigned(ConversationAssigned(agent: agent, queueID: queueID)), at: time)]
  }

  /// Records a transfer (or, with reason `.supervisorReassign`, a reassignment) by `sender`.
  ///
  /// The note is required for transfers and optional for reassignments. The owning agent and
  /// joined supervisors leave at once (`participantLeft` each), open assistance is cancelled,
  /// and the conversation is `queued` again for routing to pick up (to `target`'s agent or
  /// queue). Returns the record, the events and the cancelled assistance requests.
  mutating func transfer(
    by sender: Participant,
    to target: TransferTarget,
    reason: TransferReason,
    note: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> (
    record: TransferRecord, events: [ConversationEvent], cancelled: [AssistanceRequest]
  ) {
    if reason == .supervisorReassign {
      try TextRule.limit(note, "note", limits.handoverNote)
    } else {
      try TextRule.required(note, "note", limits.handoverNote)
    }
    try requireNotClosed("transfer it")
    let record = TransferRecord(
      transferID: "\(id)-x\(transfers.count + 1)",
      conversationID: id,
      transferredBy: sender,
      target: target,
      reason: reason,
      note: note,
      transferredAt: time
    )
    transfers.append(record)
    var events = [append(.transferred(record), at: time)]
    var leaving = joinedSupervisors
    if let agent = assignedAgent { leaving.insert(agent, at: 0) }
    for participant in leaving {
      events.append(append(.participantLeft(participant), at: time))
    }
    joinedSupervisors = []
    setAssignedAgent(nil, at: nil)
    state = .queued
    return (record, events, cancelOpenAssistance(at: time))
  }

  /// A supervisor joins visibly, optionally greeting the customer; only while active.
  mutating func join(
    _ supervisor: Participant,
    greeting: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> (joinSequence: UInt64, events: [ConversationEvent]) {
    try TextRule.limit(greeting, "greeting", limits.message)
    try requireActive("join")
    if joinedSupervisors.contains(where: { $0.participantID == supervisor.participantID }) {
      throw CoreError(
        .alreadyExists,
        "\(supervisor.participantID) has already joined conversation \(id)"
      )
    }
    setJoined(supervisor, true)
    let joined = append(.participantJoined(supervisor), at: time)
    var events = [joined]
    if !TextRule.isBlank(greeting) {
      events += try addAgentMessage(
        author: supervisor,
        clientMessageID: "join-\(joined.sequence)",
        text: greeting,
        at: time,
        limits: limits
      ).events
    }
    return (joined.sequence, events)
  }

  /// A joined supervisor leaves; the agent keeps the conversation.
  mutating func supervisorLeave(
    _ supervisor: Participant,
    at time: WallTime
  ) throws(CoreError)
    -> ConversationEvent
  {
    guard joinedSupervisors.contains(where: { $0.participantID == supervisor.participantID }) else {
      throw CoreError(
        .failedPrecondition,
        "\(supervisor.participantID) has not joined conversation \(id)"
      )
    }
    setJoined(supervisor, false)
    return append(.participantLeft(supervisor), at: time)
  }

  /// The customer leaves an active conversation: it moves to wrap-up for the agent to close.
  /// Leaving a conversation in wrap-up or closed changes nothing (leaving twice succeeds).
  /// Waiting conversations are closed as abandoned by routing (`closeAutomatically`).
  mutating func customerLeaveActive(at time: WallTime) -> [ConversationEvent] {
    guard state == .active, !customerLeft else { return [] }
    markCustomerLeft()
    state = .wrapUp
    return [append(.participantLeft(customerParticipant), at: time)]
  }

  /// Closes the conversation with `resolution`: nobody owns it any more (`ownerID` still
  /// names the last owner), joined supervisors are out and open assistance is cancelled.
  /// Returns the `closed` event and the cancelled assistance requests.
  mutating func close(
    with resolution: Resolution
  ) throws(CoreError) -> (
    events: [ConversationEvent], cancelled: [AssistanceRequest]
  ) {
    if state == .closed {
      throw CoreError(
        .failedPrecondition,
        "conversation \(id) is already closed (at \(self.resolution?.closedAt ?? resolution.closedAt))"
      )
    }
    let time = resolution.closedAt
    state = .closed
    self.resolution = resolution
    clock.closedAt = time
    joinedSupervisors = []
    setAssignedAgent(nil, at: nil)
    let cancelled = cancelOpenAssistance(at: time)
    return ([append(.closed(resolution), at: time)], cancelled)
  }

  /// Closes without an agent: abandoned (the customer left while waiting; logs the customer
  /// leaving first), max wait exceeded, or administrative. Closed by `Participant.system`.
  mutating func closeAutomatically(
    reason: CloseReason,
    at time: WallTime
  ) throws(CoreError) -> (
    events: [ConversationEvent], cancelled: [AssistanceRequest]
  ) {
    try requireNotClosed("close it")
    var events: [ConversationEvent] = []
    if reason == .abandoned && !customerLeft {
      markCustomerLeft()
      events.append(append(.participantLeft(customerParticipant), at: time))
    }
    if let agent = assignedAgent {
      events.append(append(.participantLeft(agent), at: time))
    }
    let closed = try close(with: Resolution(reason: reason, closedBy: .system, closedAt: time))
    return (events + closed.events, closed.cancelled)
  }

  /// Invites the customer to rate the closed conversation until `window` has passed.
  mutating func offerSurvey(
    prompt: String,
    window: Duration,
    at time: WallTime
  )
    -> ConversationEvent
  {
    let offer = SurveyOffer(surveyID: "\(id)-survey", prompt: prompt, expiresAt: time + window)
    surveyOffer = offer
    return append(.surveyOffered(offer), at: time)
  }

  /// Stores the customer's survey answer: once, within the window, rating 1...5.
  mutating func submitSurvey(
    surveyID: String,
    rating: Int,
    comment: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> SurveyResponse {
    guard (1 ... 5).contains(rating) else {
      throw CoreError(.invalidArgument, "rating \(rating) is outside 1...5")
    }
    try TextRule.limit(comment, "comment", limits.surveyComment)
    guard let offer = surveyOffer else {
      throw CoreError(.failedPrecondition, "no survey was offered for conversation \(id)")
    }
    guard offer.surveyID == surveyID else {
      throw CoreError(
        .notFound,
        "survey \"\(surveyID)\" does not exist for conversation \(id) (offered: \(offer.surveyID))"
      )
    }
    if let answered = surveyResponse {
      throw CoreError(
        .alreadyExists,
        "survey \(surveyID) was already answered at \(answered.submittedAt)"
      )
    }
    guard time < offer.expiresAt else {
      throw CoreError(
        .failedPrecondition,
        "survey \(surveyID) expired at \(offer.expiresAt); answers are no longer accepted"
      )
    }
    let response = SurveyResponse(
      surveyID: surveyID,
      conversationID: id,
      rating: rating,
      comment: comment,
      submittedAt: time
    )
    surveyResponse = response
    return response
  }
}
