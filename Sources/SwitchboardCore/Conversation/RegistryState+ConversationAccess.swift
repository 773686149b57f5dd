/// Who may do what with a conversation: the permission rules of the conversation RPCs.
///
/// - The customer side is a customer token scoped to the conversation, or the bot that started
///   it. A customer scoped elsewhere is refused before the conversation is even looked up, so
///   customers cannot probe for ids.
/// - An agent may act on a conversation assigned to them now, and read (follow, transcript,
///   notes, tickets) one they handled earlier.
/// - A supervisor acts on conversations of the queues they supervise (the current queue for live
///   actions, any queue it passed through for reading) and on those they joined or handled
///   themselves.
/// - Admins read everything through the supervision, transcript and event RPCs.
extension RegistryState {
  /// The conversation, or `notFound`.
  func conversation(_ conversationID: String) throws(CoreError) -> ConversationRecord {
    guard let record = conversations[conversationID] else {
      throw CoreError(
        .notFound,
        durable
          ? "conversation \(conversationID) does not exist or closed more than a day ago "
            + "(closed conversations are read with Transcripts.GetTranscript)"
          : "conversation \(conversationID) does not exist")
    }
    return record
  }

  /// Applies `change` to the stored conversation in place. The record is moved out of the
  /// dictionary while `change` runs, so its event log is uniquely referenced and appending to it
  /// does not copy the whole log; it goes back whether `change` returns or throws (record
  /// methods validate before they modify). Callers must not hold another copy of the record
  /// across the call, or the copy-on-write happens anyway.
  mutating func changeConversation<Result>(
    _ conversationID: String,
    _ change: (inout ConversationRecord) throws(CoreError) -> Result
  ) throws(CoreError) -> Result {
    guard var record = conversations.removeValue(forKey: conversationID) else {
      throw CoreError(.notFound, "conversation \(conversationID) does not exist")
    }
    defer { conversations[conversationID] = record }
    return try change(&record)
  }

  /// The conversation for a customer-side caller (customer scoped to it, or its starting bot).
  func customerSideConversation(
    _ conversationID: String,
    caller: Caller
  ) throws(CoreError)
    -> ConversationRecord
  {
    switch caller.role {
    case .customer:
      guard caller.conversationScope == conversationID else {
        throw CoreError(
          .permissionDenied,
          caller.conversationScope.map { "this customer token is scoped to conversation \($0)" }
            ?? "an unscoped customer token may only start conversations"
        )
      }
      return try conversation(conversationID)
    case .bot:
      let record = try conversation(conversationID)
      guard record.startedByBotID == caller.id else {
        throw CoreError(
          .permissionDenied,
          "bot \(caller.id) did not start conversation \(conversationID)"
        )
      }
      return record
    default:
      throw CoreError(
        .permissionDenied,
        "\(caller.role) callers cannot use the customer side of a conversation"
      )
    }
  }

  /// True if `supervisorID` supervises `queueID`.
  func supervises(_ supervisorID: String, queue queueID: String) -> Bool {
    queues[queueID]?.config.supervisorIDs.contains(supervisorID) ?? false
  }

  /// Queue ids `caller` may see in supervision and transcript listings: every queue for admins,
  /// the supervised ones for supervisors, none otherwise.
  func visibleQueueIDs(of caller: Caller) -> Set<String> {
    switch caller.role {
    case .admin: Set(queues.keys)
    case .supervisor:
      Set(
        queues.values.filter { $0.config.supervisorIDs.contains(caller.id) }.map(\.config.queueID)
      )
    default: []
    }
  }

  /// The staff member as a conversation participant (display name from the profile).
  func participant(for caller: Caller) -> Participant {
    agents[caller.id]?.participant
      ?? Participant(participantID: caller.id, role: caller.role, displayName: caller.id)
  }

  /// The agent side's access to a conversation.
  enum StaffAccess {
    /// The assigned agent (or, once closed, the last one), or a joined supervisor: may write,
    /// as far as the conversation's state allows.
    case owner
    /// Read access and internal writes (notes, tickets) without owning it.
    case reader
  }

  /// How `caller` (agent or supervisor) relates to `record`, or `nil` for no access.
  /// `live` restricts supervisors to the conversation's current queue.
  func staffAccess(_ caller: Caller, to record: ConversationRecord, live: Bool) -> StaffAccess? {
    guard caller.isStaff else { return nil }
    if record.ownerID == caller.id
      || record.joinedSupervisors.contains(where: { $0.participantID == caller.id })
    {
      return .owner
    }
    if record.agentIDs.contains(caller.id) { return .reader }
    guard caller.role == .supervisor else { return nil }
    let queueIDs = live ? [record.queueID] : record.queuesVisited
    return queueIDs.contains { supervises(caller.id, queue: $0) } ? .reader : nil
  }

  /// The conversation if `caller` owns it (assigned agent or joined supervisor).
  func ownedConversation(
    _ conversationID: String,
    caller: Caller,
    action: String
  ) throws(CoreError)
    -> ConversationRecord
  {
    let record = try conversation(conversationID)
    guard staffAccess(caller, to: record, live: true) == .owner else {
      throw Self.denied(caller, action, record, owner: true)
    }
    return record
  }

  /// The conversation if `caller` handled it or supervises its current queue (for internal
  /// writes such as notes and tickets) — or, with `live == false`, any queue it passed through.
  func staffConversation(
    _ conversationID: String,
    caller: Caller,
    action: String,
    live: Bool
  ) throws(CoreError) -> ConversationRecord {
    let record = try conversation(conversationID)
    guard staffAccess(caller, to: record, live: live) != nil else {
      throw Self.denied(caller, action, record, owner: false)
    }
    return record
  }

  /// The conversation if `caller` is a supervisor of its current queue (or an admin when
  /// `admin` allows it).
  func supervisedConversation(
    _ conversationID: String,
    caller: Caller,
    action: String,
    admin: Bool
  ) throws(CoreError) -> ConversationRecord {
    let record = try conversation(conversationID)
    let allowed =
      (caller.role == .admin && admin)
      || (caller.role == .supervisor && supervises(caller.id, queue: record.queueID))
    guard allowed else { throw Self.denied(caller, action, record, owner: false) }
    return record
  }

  /// A `permissionDenied` naming the caller, the action and the conversation; `owner` says
  /// whether the action needed the conversation assigned (or joined).
  static func denied(
    _ caller: Caller,
    _ action: String,
    _ record: ConversationRecord,
    owner: Bool
  )
    -> CoreError
  {
    let reason =
      switch (caller.role, owner) {
      case (.agent, true): "it is not assigned to agent \(caller.id)"
      case (.agent, false): "agent \(caller.id) has not handled it"
      case (.supervisor, true): "supervisor \(caller.id) has not joined it"
      case (.supervisor, false):
        "supervisor \(caller.id) does not supervise queue \(record.queueID)"
      default: "\(caller.role) callers may not"
      }
    return CoreError(
      .permissionDenied,
      "cannot \(action) in conversation \(record.id): \(reason)"
    )
  }
}
