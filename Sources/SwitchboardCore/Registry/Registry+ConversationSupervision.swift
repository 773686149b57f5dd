/// Supervisors joining and leaving, tickets, and assistance requests.
extension Registry {
  /// Joins a conversation visibly to the customer (Supervision.Join), optionally greeting
  /// them; the supervisor may then send messages, set typing, transfer, close and move the
  /// conversation.
  ///
  /// Roles: supervisor (of the conversation's queue). Errors: `invalidArgument` (greeting too
  /// long), `notFound`, `permissionDenied`, `failedPrecondition` (not active), `alreadyExists`
  /// (already joined).
  public func joinConversation(
    caller: Caller,
    conversationID: String,
    greeting: String
  ) async throws(CoreError) -> JoinedConversation {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.supervisedConversation(
        conversationID,
        caller: caller,
        action: "join",
        admin: false
      )
      let supervisor = state.participant(for: caller)
      let joined = try record.join(
        supervisor,
        greeting: greeting,
        at: now,
        limits: state.options.conversationLimits
      )
      state.conversations[conversationID] = record
      state.publish(joined.events, now: now, effects: &effects)
      return JoinedConversation(participant: supervisor, sequence: joined.joinSequence)
    }
  }

  /// Leaves a conversation the supervisor joined; the agent keeps it (Supervision.Leave).
  /// Returns the sequence of the leave event.
  ///
  /// Roles: supervisor (joined). Errors: `notFound`, `permissionDenied`, `failedPrecondition`
  /// (not joined).
  public func leaveAsSupervisor(
    caller: Caller,
    conversationID: String
  ) async throws(CoreError)
    -> UInt64
  {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.conversation(conversationID)
      let joined = record.joinedSupervisors.contains { $0.participantID == caller.id }
      guard caller.role == .supervisor,
        joined || state.supervises(caller.id, queue: record.queueID)
      else {
        throw RegistryState.denied(caller, "leave", record, owner: true)
      }
      let event = try record.supervisorLeave(state.participant(for: caller), at: now)
      state.conversations[conversationID] = record
      state.publish([event], now: now, effects: &effects)
      return event.sequence
    }
  }

  /// Creates a ticket for follow-up work (Agents.CreateTicket); the ticketing system gets it
  /// as `ticketCreated` on the event feed. Idempotent by key: the same key with the same
  /// content returns the original ticket with `duplicate`.
  ///
  /// Roles: agent (assigned now or earlier), supervisor (of a queue the conversation passed
  /// through). Errors: `invalidArgument` (empty subject, texts too long), `notFound`,
  /// `permissionDenied`, `alreadyExists` (key reused with different content).
  public func createTicket(
    caller: Caller,
    conversationID: String,
    _ request: NewTicket
  ) async throws(CoreError) -> CreatedTicket {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.staffConversation(
        conversationID,
        caller: caller,
        action: "create tickets",
        live: false
      )
      let created = try record.createTicket(
        request,
        createdBy: caller.id,
        at: now,
        limits: state.options.conversationLimits
      )
      guard !created.duplicate else { return created }
      state.conversations[conversationID] = record
      effects.journal(.ticketCreated(created.ticket, request: request))
      state.appendExternalEvent(
        .ticketCreated(created.ticket),
        conversationID: conversationID,
        now: now,
        effects: &effects
      )
      return created
    }
  }

  /// Asks the supervisors of the conversation's queue for help (Agents.RequestAssistance):
  /// their queue watch streams get the request and the feed gets `assistanceRequested`.
  ///
  /// Roles: agent (assigned). Errors: `invalidArgument` (empty or too long question),
  /// `notFound`, `permissionDenied`, `failedPrecondition` (closed; the queue has no
  /// supervisors), `alreadyExists` (an open request exists; the message names it).
  public func requestAssistance(
    caller: Caller,
    conversationID: String,
    question: String,
    urgency: Priority?
  ) async throws(CoreError) -> AssistanceRequest {
    try await mutate { state, now, effects throws(CoreError) in
      var record = try state.conversation(conversationID)
      guard caller.isStaff, record.ownerID == caller.id else {
        throw RegistryState.denied(caller, "request assistance", record, owner: true)
      }
      let request = try record.requestAssistance(
        agentID: caller.id,
        question: question,
        urgency: urgency,
        at: now,
        limits: state.options.conversationLimits
      )
      guard state.queues[record.queueID]?.config.supervisorIDs.isEmpty == false else {
        throw CoreError(
          .failedPrecondition,
          "queue \(record.queueID) has no supervisors to ask for assistance"
        )
      }
      state.conversations[conversationID] = record
      state.content.assistanceConversations[request.assistanceID] = conversationID
      state.assistanceChanged([request], now: now, effects: &effects)
      state.appendExternalEvent(
        .assistanceRequested(request),
        conversationID: conversationID,
        now: now,
        effects: &effects
      )
      return request
    }
  }

  /// Answers an open assistance request (Supervision.ResolveAssistance); the agent is notified
  /// (`assistanceAnswered`) and queue watchers get the update.
  ///
  /// Roles: supervisor (of the conversation's queue). Errors: `invalidArgument` (empty
  /// answer), `notFound`, `permissionDenied`, `failedPrecondition` (already resolved or
  /// cancelled).
  public func resolveAssistance(
    caller: Caller,
    assistanceID: String,
    answer: String
  ) async throws(CoreError) -> AssistanceRequest {
    try await mutate { state, now, effects throws(CoreError) in
      guard let conversationID = state.content.assistanceConversations[assistanceID] else {
        throw CoreError(.notFound, "assistance request \(assistanceID) does not exist")
      }
      var record = try state.conversation(conversationID)
      let queueID =
        record.assistance.first { $0.assistanceID == assistanceID }?.queueID ?? record.queueID
      guard caller.role == .supervisor,
        state.supervises(caller.id, queue: queueID)
          || state.supervises(caller.id, queue: record.queueID)
      else {
        throw CoreError(
          .permissionDenied,
          "cannot resolve assistance request \(assistanceID): \(caller.role) \(caller.id) does not supervise queue \(queueID)"
        )
      }
      let resolved = try record.resolveAssistance(
        assistanceID,
        answer: answer,
        by: caller.id,
        at: now,
        limits: state.options.conversationLimits
      )
      state.conversations[conversationID] = record
      state.assistanceChanged([resolved], now: now, effects: &effects)
      state.notify(resolved.agentID, .assistanceAnswered(resolved), now: now, effects: &effects)
      return resolved
    }
  }

  /// Lists assistance requests of the caller's queues, oldest first
  /// (Supervision.ListAssistanceRequests).
  ///
  /// Roles: supervisor (their queues), admin (all). `queueIDs` empty means every queue the
  /// caller may see; `status` `nil` means open. Page size 1...100, 0 means 50. Errors:
  /// `invalidArgument` (page token or size), `notFound` (a named queue unknown),
  /// `permissionDenied` (role, or a named queue the caller does not supervise).
  public func listAssistance(
    caller: Caller,
    queueIDs: [String],
    status: AssistanceStatus?,
    pageSize: Int,
    pageToken: String
  ) throws(CoreError) -> Page<AssistanceRequest> {
    try read { state, _ throws(CoreError) in
      let queues = try state.listedQueues(queueIDs, caller: caller)
      let paging = try PageRequest(
        size: pageSize,
        token: pageToken,
        defaultSize: 50,
        maximumSize: 100
      )
      let wanted = status ?? .open
      var requests: [AssistanceRequest] = []
      for conversationID in Set(state.content.assistanceConversations.values) {
        guard let record = state.conversations[conversationID] else { continue }
        requests += record.assistance.filter { $0.status == wanted && queues.contains($0.queueID) }
      }
      requests.sort { ($0.requestedAt, $0.assistanceID) < ($1.requestedAt, $1.assistanceID) }
      return paging.page(of: requests)
    }
  }
}

extension RegistryState {
  /// The queues a supervision listing covers: the named ones (each must exist and be visible
  /// to the caller) or, if none are named, every queue the caller may see. Only supervisors
  /// and admins may list.
  func listedQueues(_ queueIDs: [String], caller: Caller) throws(CoreError) -> Set<String> {
    guard caller.role == .supervisor || caller.role == .admin else {
      throw CoreError(.permissionDenied, "\(caller.role) callers cannot use supervision listings")
    }
    let visible = visibleQueueIDs(of: caller)
    guard !queueIDs.isEmpty else { return visible }
    for queueID in queueIDs {
      guard queues[queueID] != nil else {
        throw CoreError(.notFound, "queue \(queueID) does not exist")
      }
      guard visible.contains(queueID) else {
        throw CoreError(
          .permissionDenied,
          "supervisor \(caller.id) does not supervise queue \(queueID)"
        )
      }
    }
    return Set(queueIDs)
  }
}
