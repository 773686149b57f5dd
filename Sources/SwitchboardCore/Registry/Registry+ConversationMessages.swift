/// Messages, notes, whispers, typing indicators and read marks.
extension Registry {
  /// Sends a message into a conversation (Conversations.SendMessage and Agents.SendMessage).
  ///
  /// Customer side — roles: customer (scoped to the conversation), bot (the one that started
  /// it, relaying); allowed until the customer leaves or the conversation closes; the assigned
  /// agent is notified (`customerMessage`). Agent side — roles: agent (assigned), supervisor
  /// (joined); only while active. A retry with the same client message id returns the original
  /// result with `duplicate` and stores nothing. Errors: `invalidArgument` (empty or too long
  /// text, missing client message id), `notFound`, `permissionDenied`, `failedPrecondition`.
  public func sendMessage(
    caller: Caller,
    conversationID: String,
    clientMessageID: String,
    text: String
  ) async throws(CoreError) -> SentMessage {
    try await mutate { state, now, effects throws(CoreError) in
      try state.sendMessage(
        caller: caller,
        conversationID,
        clientMessageID,
        text,
        now: now,
        effects: &effects
      )
    }
  }

  /// Adds an internal note, visible to agents and supervisors only (Agents.AddNote); allowed in
  /// every state up to 24 hours after closing.
  ///
  /// Roles: agent (assigned now or earlier), supervisor (of a queue the conversation passed
  /// through). Idempotent by client message id. Errors: `invalidArgument`, `notFound`,
  /// `permissionDenied`, `failedPrecondition` (closed more than 24 hours ago).
  public func addNote(
    caller: Caller,
    conversationID: String,
    clientMessageID: String,
    text: String
  ) async throws(CoreError) -> SentMessage {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.staffConversation(
        conversationID,
        caller: caller,
        action: "add notes",
        live: false
      )
      let result = try record.addNote(
        author: state.participant(for: caller),
        clientMessageID: clientMessageID,
        text: text,
        at: now,
        limits: state.options.conversationLimits
      )
      state.conversations[conversationID] = record
      state.publish(result.events, now: now, effects: &effects)
      if record.state == .closed, !result.events.isEmpty { state.indexTranscript(record) }
      return result.sent
    }
  }

  /// Whispers to the assigned agent: visible to that agent and supervisors only
  /// (Supervision.Whisper); the agent is notified (`whisper`).
  ///
  /// Roles: supervisor (of the conversation's queue, or joined). Idempotent by client message
  /// id. Errors: `invalidArgument`, `notFound`, `permissionDenied`, `failedPrecondition` (no
  /// agent assigned, or closed).
  public func whisper(
    caller: Caller,
    conversationID: String,
    clientMessageID: String,
    text: String
  ) async throws(CoreError) -> SentMessage {
    try await mutate { state, now, effects throws(CoreError) in
      let access = try state.conversation(conversationID)
      guard caller.role == .supervisor,
        state.supervises(caller.id, queue: access.queueID)
          || access.joinedSupervisors.contains(where: { $0.participantID == caller.id })
      else {
        throw RegistryState.denied(caller, "whisper", access, owner: false)
      }
      var record = access
      let result = try record.addWhisper(
        author: state.participant(for: caller),
        clientMessageID: clientMessageID,
        text: text,
        at: now,
        limits: state.options.conversationLimits
      )
      state.conversations[conversationID] = record
      state.publish(result.events, now: now, effects: &effects)
      if !result.events.isEmpty {
        state.notify(
          result.sent.message.recipientAgentID,
          .whisper(result.sent.message),
          now: now,
          effects: &effects
        )
      }
      return result.sent
    }
  }

  /// Tells the other side that the caller is or stopped typing (Conversations.SetTyping and
  /// Agents.SetTyping). Ephemeral: delivered to the followers who may see it, never stored.
  ///
  /// Roles: the customer side (until the customer leaves); agent (assigned) and supervisor
  /// (joined) while active. Errors: `notFound`, `permissionDenied`, `failedPrecondition`.
  public func setTyping(
    caller: Caller,
    conversationID: String,
    typing: Bool
  ) async throws(CoreError) {
    try await mutate { state, now, effects throws(CoreError) in
      let record: ConversationRecord
      let participant: Participant
      if caller.role == .customer || caller.role == .bot {
        record = try state.customerSideConversation(conversationID, caller: caller)
        participant = record.customerParticipant
      } else {
        record = try state.ownedConversation(
          conversationID,
          caller: caller,
          action: "send typing indicators"
        )
        participant = state.participant(for: caller)
      }
      let event = try record.typing(participant, typing, at: now)
      state.publishEphemeral(event.kind, in: conversationID, now: now, effects: &effects)
    }
  }

  /// Marks the conversation read up to `throughSequence` (Conversations.MarkRead); returns the
  /// stored mark, which never moves backwards. A forward move is logged as a read receipt.
  ///
  /// Roles: the customer side; agent (assigned) and supervisor (joined). Errors:
  /// `invalidArgument` (beyond the latest sequence), `notFound`, `permissionDenied`.
  public func markRead(
    caller: Caller,
    conversationID: String,
    throughSequence: UInt64
  ) async throws(CoreError) -> UInt64 {
    try await mutate { state, now, effects throws(CoreError) in
      var record: ConversationRecord
      let participant: Participant
      if caller.role == .customer || caller.role == .bot {
        record = try state.customerSideConversation(conversationID, caller: caller)
        participant = record.customerParticipant
      } else {
        record = try state.ownedConversation(
          conversationID,
          caller: caller,
          action: "mark messages read"
        )
        participant = state.participant(for: caller)
      }
      let result = try record.markRead(participant, through: throughSequence, at: now)
      state.conversations[conversationID] = record
      state.publish(result.events, now: now, effects: &effects)
      return result.mark
    }
  }
}

extension RegistryState {
  /// `Registry.sendMessage` under the lock.
  mutating func sendMessage(
    caller: Caller,
    _ conversationID: String,
    _ clientMessageID: String,
    _ text: String,
    now: WallTime,
    effects: inout Effects
  ) throws(CoreError) -> SentMessage {
    let limits = options.conversationLimits
    if caller.role == .customer || caller.role == .bot {
      _ = try customerSideConversation(conversationID, caller: caller)
      let result = try changeConversation(conversationID) { record throws(CoreError) in
        try record.addCustomerMessage(
          clientMessageID: clientMessageID,
          text: text,
          at: now,
          limits: limits
        )
      }
      publish(result.events, now: now, effects: &effects)
      if !result.events.isEmpty, let agent = conversations[conversationID]?.assignedAgent {
        notify(
          agent.participantID,
          .customerMessage(result.sent.message),
          now: now,
          effects: &effects
        )
      }
      return result.sent
    }
    guard caller.isStaff else {
      throw CoreError(.permissionDenied, "\(caller.role) callers cannot send messages")
    }
    let answeredBefore =
      try ownedConversation(conversationID, caller: caller, action: "send messages")
      .clock.firstAgentResponseAt != nil
    let author = participant(for: caller)
    let result = try changeConversation(conversationID) { record throws(CoreError) in
      try record.addAgentMessage(
        author: author,
        clientMessageID: clientMessageID,
        text: text,
        at: now,
        limits: limits
      )
    }
    publish(result.events, now: now, effects: &effects)
    if !answeredBefore, let clock = conversations[conversationID]?.clock,
      let answered = clock.firstAgentResponseAt, let accepted = clock.firstAcceptedAt
    {
      noteFirstResponse(in: conversationID, after: answered - accepted, now: now)
    }
    return result.sent
  }
}
