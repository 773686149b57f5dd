internal import Synchronization

/// Follow and monitor streams: the stored events after a cursor, then live, with no gap and no
/// duplicate.
///
/// The replay slice is taken and the live subscriber registered in the same locked section,
/// and the replay is delivered through the ordered outbox ahead of every later change, so a
/// reader who reconnects with the last sequence it saw continues exactly after it.
extension Registry {
  /// Streams a conversation after `afterSequence` (0 replays from the start), then live, in the
  /// caller's view (Conversations.Follow, Agents.Follow).
  ///
  /// Roles and views: the customer side (customer scoped to it, or its bot) gets the customer
  /// view; an agent who has (or had) it gets the agent view; a supervisor of a queue it passed
  /// through gets the supervisor view. The stream ends normally after the `closed` event (and
  /// the survey offer that follows it). Errors: `invalidArgument` (`afterSequence` beyond the
  /// latest sequence), `notFound`, `permissionDenied`, `resourceExhausted` (more than
  /// `maxFollowStreamsPerCaller` open streams).
  public func followConversation(
    caller: Caller,
    conversationID: String,
    afterSequence: UInt64
  ) async throws(CoreError) -> Subscription<ConversationEvent> {
    try await subscribe(caller, to: conversationID, after: afterSequence) {
      state throws(CoreError) in
      switch caller.role {
      case .customer, .bot:
        _ = try state.customerSideConversation(conversationID, caller: caller)
        return .customer
      case .agent, .supervisor:
        _ = try state.staffConversation(
          conversationID,
          caller: caller,
          action: "follow the conversation",
          live: false
        )
        return caller.role == .agent ? .agent(caller.id) : .supervisor
      case .admin, .system:
        throw CoreError(
          .permissionDenied,
          "\(caller.role) callers cannot follow conversations; admins use monitor"
        )
      }
    }
  }

  /// Silently watches a conversation in the supervisor view (notes and whispers included);
  /// neither the customer nor the agent is told (Supervision.Monitor). Replay and end as in
  /// `followConversation`.
  ///
  /// Roles: supervisor (of a queue the conversation passed through), admin. Errors:
  /// `invalidArgument`, `notFound`, `permissionDenied`, `resourceExhausted`.
  public func monitorConversation(
    caller: Caller,
    conversationID: String,
    afterSequence: UInt64
  ) async throws(CoreError) -> Subscription<ConversationEvent> {
    try await subscribe(caller, to: conversationID, after: afterSequence) {
      state throws(CoreError) in
      let record = try state.conversation(conversationID)
      let supervised = record.queuesVisited.contains { state.supervises(caller.id, queue: $0) }
      guard caller.role == .admin || (caller.role == .supervisor && supervised) else {
        throw RegistryState.denied(caller, "monitor", record, owner: false)
      }
      return .supervisor
    }
  }

  /// Open follow and monitor streams allowed per caller (a customer token, an agent …); one
  /// more is `resourceExhausted`.
  static let maxFollowStreamsPerCaller = 20

  /// Registers a follower of `caller` with the view `authorize` grants and queues the replay.
  private func subscribe(
    _ caller: Caller,
    to conversationID: String,
    after sequence: UInt64,
    authorize: (borrowing RegistryState) throws(CoreError) -> ConversationViewer
  ) async throws(CoreError) -> Subscription<ConversationEvent> {
    // The replay is delivered in one go; make room for it on top of the live buffer.
    let backlog = state.withLock { Int($0.conversations[conversationID]?.lastSequence ?? 0) }
    let (subscription, sink) = makeSubscription(
      of: ConversationEvent.self,
      extraBuffer: backlog
    ) { state, _, _, subscriberID in
      state.followers[conversationID]?.removeValue(forKey: subscriberID)
      if state.followers[conversationID]?.isEmpty == true {
        state.followers[conversationID] = nil
      }
    }
    do {
      try await mutate(opensStream: true) { state, now, effects throws(CoreError) in
        let viewer = try authorize(state)
        let record = try state.conversation(conversationID)
        let key = CallerKey(caller)
        let open = state.followers.values.reduce(0) { count, followers in
          count + followers.values.count { $0.caller == key }
        }
        guard open < Self.maxFollowStreamsPerCaller else {
          throw CoreError(
            .resourceExhausted,
            "\(caller) already has \(open) open conversation streams (limit \(Self.maxFollowStreamsPerCaller))"
          )
        }
        guard sequence <= record.lastSequence else {
          throw CoreError(
            .invalidArgument,
            "after_sequence \(sequence) is beyond the latest sequence \(record.lastSequence) of conversation \(conversationID)"
          )
        }
        for event in record.events(after: sequence) {
          if let visible = viewer.view(event) { effects.send(visible, to: sink) }
        }
        if record.state == .closed {
          effects.finish(sink)
        } else if !sink.isTerminated {
          state.followers[conversationID, default: [:]][sink.id] = ConversationFollower(
            sink: sink,
            viewer: viewer,
            caller: key
          )
          // A waiting customer learns its place at once, not only at the next change.
          if let position = state.queuePosition(of: conversationID, now: now) {
            let event = ConversationEvent(
              conversationID: conversationID, sequence: record.lastSequence, occurredAt: now,
              kind: .queuePosition(position))
            if let visible = viewer.view(event) { effects.send(visible, to: sink) }
          }
        }
      }
    } catch {
      sink.finish()
      throw error
    }
    return subscription
  }
}
