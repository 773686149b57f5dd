/// Reading conversations: one in detail, the caller's own, and supervisors' filtered lists.
extension Registry {
  /// A conversation's full detail in the caller's view, e.g. after a hand-over or a reconnect
  /// (Agents.GetConversation).
  ///
  /// Roles: agent (assigned now or earlier), supervisor (of a queue it passed through).
  /// Errors: `notFound`, `permissionDenied`.
  public func getConversation(
    caller: Caller,
    conversationID: String
  ) throws(CoreError)
    -> ConversationDetail
  {
    try read { state, _ throws(CoreError) in
      let record = try state.staffConversation(
        conversationID,
        caller: caller,
        action: "read the conversation",
        live: false
      )
      return record.detail(for: caller.role == .agent ? .agent(caller.id) : .supervisor)
    }
  }

  /// The caller's conversations, newest activity first (Agents.ListMyConversations): those
  /// assigned to them or joined by them now in the given states; with `.closed` in `states`
  /// also the closed ones they handled or joined.
  ///
  /// Roles: agent, supervisor (with an agent profile). `states` empty means active and
  /// wrap-up. Page size 1...100, 0 means 50. Errors: `invalidArgument` (page token or size),
  /// `permissionDenied`.
  public func listMyConversations(
    caller: Caller,
    states: [ConversationState],
    pageSize: Int,
    pageToken: String
  ) throws(CoreError) -> Page<ConversationSummary> {
    try read { state, _ throws(CoreError) in
      guard caller.isStaff, state.agents[caller.id] != nil else {
        throw CoreError(.permissionDenied, "\(caller.role) \(caller.id) has no agent profile")
      }
      let paging = try PageRequest(
        size: pageSize,
        token: pageToken,
        defaultSize: 50,
        maximumSize: 100
      )
      let wanted = Set(states.isEmpty ? [.active, .wrapUp] : states)
      let mine = state.conversations.values.filter { record in
        guard wanted.contains(record.state) else { return false }
        if record.state == .closed {
          return record.everyone.contains { $0.participantID == caller.id && $0.role != .customer }
        }
        return record.currentParticipants.contains {
          $0.participantID == caller.id && $0.role != .customer
        }
      }
      let ordered = mine.sorted { lhs, rhs in
        (lhs.lastActivityAt, rhs.id) > (rhs.lastActivityAt, lhs.id)
      }
      return paging.page(of: ordered.map(\.summary))
    }
  }

  /// Live and recent conversations matching `filter`, oldest first
  /// (Supervision.ListConversations).
  ///
  /// Roles: supervisor (their queues), admin. Page size 1...100, 0 means 50. Errors:
  /// `invalidArgument` (created range ends before it starts, page token or size), `notFound`
  /// (a named queue unknown), `permissionDenied`.
  public func listConversations(
    caller: Caller,
    filter: ConversationListFilter,
    pageSize: Int,
    pageToken: String
  ) throws(CoreError) -> Page<ConversationSummary> {
    try read { state, now throws(CoreError) in
      let queues = try state.listedQueues(filter.queueIDs, caller: caller)
      try filter.created?.validate("created")
      let paging = try PageRequest(
        size: pageSize,
        token: pageToken,
        defaultSize: 50,
        maximumSize: 100
      )
      let states = Set(
        filter.states.isEmpty ? [.queued, .offered, .active, .wrapUp] : filter.states
      )
      let matching = state.conversations.values.filter { record in
        queues.contains(record.queueID) && states.contains(record.state)
          && filter.agentID.map { record.assignedAgent?.participantID == $0 } ?? true
          && filter.minPriority.map { record.priority >= $0 } ?? true
          && filter.channel.map { record.channel == $0 } ?? true
          && filter.created.map { $0.contains(record.createdAt) } ?? true
          && filter.minWait.map { minimum in record.waiting(now: now).map { $0 >= minimum } ?? false
          }
            ?? true
      }
      let ordered = matching.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
      return paging.page(of: ordered.map(\.summary))
    }
  }
}

extension ConversationRecord {
  /// When anything last happened in the conversation.
  var lastActivityAt: WallTime { log.last?.occurredAt ?? createdAt }

  /// How long the customer has been waiting: since the start while queued or offered; since
  /// the oldest customer message no agent or supervisor answered while active; `nil` otherwise.
  func waiting(now: WallTime) -> Duration? {
    if state.isWaiting { return now - createdAt }
    guard state == .active else { return nil }
    var oldestUnanswered: WallTime?
    for event in log.reversed() {
      guard case .message(let message) = event.kind, message.visibility == .public else { continue }
      if message.author.role == .customer {
        oldestUnanswered = message.sentAt
      } else if message.author.role != .system {
        break
      }
    }
    return oldestUnanswered.map { now - $0 }
  }
}

extension TimeRange {
  /// Throws `invalidArgument` if the range ends before it starts.
  func validate(_ field: String) throws(CoreError) {
    if let start, let end, end < start {
      throw CoreError(.invalidArgument, "\(field) range ends (\(end)) before it starts (\(start))")
    }
  }
}
