/// Closing, the survey, the customer leaving and moving to phone or e-mail.
extension Registry {
  /// Closes an active or wrap-up conversation with a resolution category and notes
  /// (Agents.Close). The customer's stream gets `closed` (internals blanked) and, if surveys
  /// are enabled, a survey offer; every follow stream then ends. The agent's load drops and the
  /// CRM gets `conversationClosed` on the event feed.
  ///
  /// Roles: agent (assigned), supervisor (joined, or of the conversation's queue). Errors:
  /// `invalidArgument` (category missing; notes missing for a category that requires them;
  /// notes too long), `notFound` (conversation or category unknown), `failedPrecondition`
  /// (already closed, still waiting for an agent, category retired), `permissionDenied`.
  public func closeConversation(
    caller: Caller,
    conversationID: String,
    resolutionCategoryID: String,
    notes: String
  ) async throws(CoreError) -> ClosedConversation {
    try await mutate { state, now, effects throws(CoreError) in
      try state.closeConversation(
        caller: caller,
        conversationID,
        categoryID: resolutionCategoryID,
        notes: notes,
        now: now,
        effects: &effects
      )
    }
  }

  /// Stores the customer's answer to the survey offered after closing
  /// (Conversations.SubmitSurvey): once, within the survey window; the queue's CSAT counts it
  /// and the feed gets `surveySubmitted`.
  ///
  /// Roles: the customer side. Errors: `invalidArgument` (rating outside 1...5, comment too
  /// long), `notFound` (conversation or survey), `failedPrecondition` (no survey offered, window
  /// passed), `alreadyExists` (already answered), `permissionDenied`.
  public func submitSurvey(
    caller: Caller,
    conversationID: String,
    surveyID: String,
    rating: Int,
    comment: String
  ) async throws(CoreError) -> SurveyResponse {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.customerSideConversation(conversationID, caller: caller)
      let response = try record.submitSurvey(
        surveyID: surveyID,
        rating: rating,
        comment: comment,
        at: now,
        limits: state.options.conversationLimits
      )
      state.conversations[conversationID] = record
      effects.journal(.surveySubmitted(response))
      state.noteSurveyRating(in: conversationID, rating: rating, now: now)
      state.indexTranscript(record)
      let submitted = SurveySubmitted(
        survey: response,
        agentID: record.agentIDs.last ?? "",
        queueID: record.queueID
      )
      state.appendExternalEvent(
        .surveySubmitted(submitted),
        conversationID: conversationID,
        now: now,
        effects: &effects
      )
      return response
    }
  }

  /// The customer leaves (Conversations.Leave): a waiting conversation closes as abandoned
  /// (pending offers are withdrawn), an active one moves to wrap-up for the agent to close.
  /// Leaving again (wrap-up or closed) succeeds and changes nothing. A non-empty `reason` is
  /// shown to the agent as a system note. Returns the state after leaving.
  ///
  /// Roles: the customer side. Errors: `invalidArgument` (reason too long), `notFound`,
  /// `permissionDenied`.
  public func leaveConversation(
    caller: Caller,
    conversationID: String,
    reason: String
  ) async throws(CoreError) -> ConversationState {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.customerSideConversation(conversationID, caller: caller)
      try TextRule.limit(reason, "reason", state.options.conversationLimits.leaveReason)
      guard record.state != .wrapUp, record.state != .closed else { return record.state }
      var events: [ConversationEvent] = []
      if !TextRule.isBlank(reason) {
        events.append(record.addSystemNote("The customer left: \(reason)", at: now))
      }
      if record.state == .active {
        events += record.customerLeaveActive(at: now)
      }
      state.conversations[conversationID] = record
      state.publish(events, now: now, effects: &effects)
      if record.state.isWaiting {
        state.abandon(conversationID, now: now, effects: &effects)
      }
      return state.conversations[conversationID]?.state ?? record.state
    }
  }

  /// Moves the customer to phone or e-mail (Agents.MoveChannel): the customer gets a system
  /// message saying how they will be contacted, the conversation closes with the built-in
  /// category `moved-to-phone` or `moved-to-email` (no survey: the help continues elsewhere),
  /// and the feed gets `channelMoveRequested` (contact details; the conversation id is the
  /// transcript reference) and `conversationClosed`. Empty contact fields fall back to the
  /// customer's contact details.
  ///
  /// Roles: agent (assigned), supervisor (joined). Errors: `invalidArgument` (target not phone
  /// or e-mail; contact missing or malformed; note too long), `notFound`, `failedPrecondition`
  /// (closed), `permissionDenied`.
  public func moveChannel(
    caller: Caller,
    conversationID: String,
    to target: Channel,
    contact: ContactDetails,
    note: String
  ) async throws(CoreError) -> ChannelMove {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.ownedConversation(
        conversationID,
        caller: caller,
        action: "move the conversation to another channel"
      )
      let moved = try record.moveChannel(
        to: target,
        contact: contact,
        note: note,
        requestedBy: caller.id,
        at: now,
        limits: state.options.conversationLimits
      )
      let categoryID =
        target == .phone ? ResolutionCategory.movedToPhoneID : ResolutionCategory.movedToEmailID
      let resolution = Resolution(
        reason: .agentClosed,
        categoryID: categoryID,
        categoryLabel: state.categories[categoryID]?.label ?? categoryID,
        notes: note,
        closedBy: state.participant(for: caller),
        closedAt: now
      )
      effects.journal(.channelMoveRequested(moved.move))
      state.publish(moved.events, now: now, effects: &effects)
      state.appendExternalEvent(
        .channelMoveRequested(moved.move),
        conversationID: conversationID,
        now: now,
        effects: &effects
      )
      _ = try state.finishClose(&record, with: resolution, survey: false, effects: &effects)
      return moved.move
    }
  }
}

extension RegistryState {
  /// `Registry.closeConversation` under the lock.
  mutating func closeConversation(
    caller: Caller,
    _ conversationID: String,
    categoryID: String,
    notes: String,
    now: WallTime,
    effects: inout Effects
  ) throws(CoreError) -> ClosedConversation {
    var record = try conversation(conversationID)
    let owner = staffAccess(caller, to: record, live: true) == .owner
    guard owner || (caller.role == .supervisor && supervises(caller.id, queue: record.queueID))
    else {
      throw Self.denied(caller, "close the conversation", record, owner: true)
    }
    guard !TextRule.isBlank(categoryID) else {
      let active = categories.values.filter(\.active).map(\.categoryID)
      throw CoreError(
        .invalidArgument,
        "resolution_category_id is missing; choose one of: \(active.joined(separator: ", "))"
      )
    }
    guard let category = categories[categoryID] else {
      throw CoreError(.notFound, "resolution category \(categoryID) does not exist")
    }
    guard category.active else {
      throw CoreError(
        .failedPrecondition,
        "resolution category \(categoryID) is retired; choose an active one"
      )
    }
    try TextRule.limit(notes, "notes", options.conversationLimits.note)
    if category.requiresNotes && TextRule.isBlank(notes) {
      throw CoreError(.invalidArgument, "resolution category \(categoryID) requires notes")
    }
    switch record.state {
    case .active, .wrapUp: break
    case .closed: try record.requireNotClosed("close it again")
    case .queued, .offered:
      throw CoreError(
        .failedPrecondition,
        "conversation \(conversationID) is \(record.state); only an accepted conversation can be closed"
      )
    }
    let resolution = Resolution(
      reason: .agentClosed,
      categoryID: categoryID,
      categoryLabel: category.label,
      notes: notes,
      closedBy: participant(for: caller),
      closedAt: now
    )
    let surveyOffered = try finishClose(&record, with: resolution, survey: true, effects: &effects)
    return ClosedConversation(
      resolution: resolution,
      metrics: record.metrics(now: now),
      surveyOffered: surveyOffered
    )
  }
}
