/// Identifies a start request for idempotency: the same caller with the same key.
struct StartKey: Hashable, Sendable {
  var role: Role
  var callerID: String
  var idempotencyKey: String
}

/// What an idempotent start remembers.
struct StartedRecord: Sendable {
  var request: NewConversation
  var conversationID: String
  var queueID: String
}

extension Registry {
  /// Starts a conversation and queues it for an agent (Conversations.StartConversation).
  ///
  /// Roles: bot; customer with an unscoped token. Idempotent per `idempotencyKey` and caller:
  /// a retry returns the original result with `duplicate`; the same key with a different
  /// request is `alreadyExists`. Errors: `invalidArgument` (no queue or topic, missing customer
  /// display name, texts too long, a channel that is not a live chat), `notFound` (queue or
  /// topic unknown), `permissionDenied`.
  public func startConversation(caller: Caller, _ request: NewConversation) async throws(CoreError)
    -> StartedConversation
  {
    try await mutate { state, now, effects throws(CoreError) in
      try state.startConversation(caller: caller, request, now: now, effects: &effects)
    }
  }
}

extension RegistryState {
  mutating func startConversation(
    caller: Caller, _ request: NewConversation, now: WallTime, effects: inout Effects
  ) throws(CoreError) -> StartedConversation {
    guard caller.role == .bot || (caller.role == .customer && caller.conversationScope == nil) else {
      throw CoreError(
        .permissionDenied,
        caller.role == .customer
          ? "a customer token scoped to conversation \(caller.conversationScope ?? "") cannot start another"
          : "\(caller.role) callers cannot start conversations; bots and customers can")
    }
    let limits = options.conversationLimits
    try TextRule.limit(request.idempotencyKey, "idempotency_key", limits.clientKey)
    let startKey = StartKey(role: caller.role, callerID: caller.id, idempotencyKey: request.idempotencyKey)
    if !request.idempotencyKey.isEmpty, let earlier = startKeys[startKey] {
      guard earlier.request == request else {
        throw CoreError(
          .alreadyExists,
          "idempotency key \"\(request.idempotencyKey)\" was used for a different request "
            + "(conversation \(earlier.conversationID))")
      }
      let position = queuePosition(of: earlier.conversationID, now: now)
      return StartedConversation(
        conversationID: earlier.conversationID, queueID: earlier.queueID,
        queuePosition: position?.position ?? 0, estimatedWait: position?.estimatedWait, duplicate: true)
    }
    let queueID = try resolveDestination(request.destination)
    guard !TextRule.isBlank(request.customer.displayName) else {
      throw CoreError(.invalidArgument, "customer.display_name is empty")
    }
    try TextRule.limit(request.customer.displayName, "customer.display_name", limits.subject)
    try TextRule.limit(request.subject, "subject", limits.subject)
    if !request.initialMessage.isEmpty {
      try TextRule.required(request.initialMessage, "initial_message", limits.message)
    }
    if let context = request.botContext {
      try TextRule.limit(context.summary, "bot_context.summary", limits.note)
    }
    let channel = request.channel ?? .web
    guard channel.isLiveChat else {
      throw CoreError(
        .invalidArgument, "channel \(channel) is not a live-chat channel; use web, mobileApp or messaging")
    }
    guard let queue = queues[queueID] else {
      throw CoreError(.notFound, "queue \(queueID) does not exist")
    }
    let conversationID = ids.next("c")
    var record = ConversationRecord(
      id: conversationID, queueID: queueID, priority: request.priority ?? queue.config.defaultPriority,
      channel: channel, subject: request.subject, customer: request.customer,
      botContext: request.botContext, startedByBotID: caller.role == .bot ? caller.id : nil,
      createdAt: now)
    var events: [ConversationEvent] = []
    if !request.initialMessage.isEmpty {
      events = try record.addInitialMessage(request.initialMessage, at: now, limits: limits)
    }
    arrivals += 1
    conversations[conversationID] = record
    routing[conversationID] = ConversationRouting(
      key: WaitKey(
        priority: record.priority, arrival: now, arrivalOrder: arrivals, conversationID: conversationID),
      enteredQueueAt: now, trigger: .newConversation)
    if !request.idempotencyKey.isEmpty {
      startKeys[startKey] = StartedRecord(request: request, conversationID: conversationID, queueID: queueID)
    }
    effects.journal(
      .conversationStarted(
        conversationID: conversationID, queueID: queueID, request: request, startedBy: caller, at: now))
    publish(events, now: now, effects: &effects)
    enterQueue(conversationID, queueID: queueID, trigger: .newConversation, now: now, effects: &effects)
    let position = queuePosition(of: conversationID, now: now)
    return StartedConversation(
      conversationID: conversationID, queueID: queueID, queuePosition: position?.position ?? 0,
      estimatedWait: position?.estimatedWait, duplicate: false)
  }

  /// The queue a destination names.
  func resolveDestination(_ destination: ConversationDestination) throws(CoreError) -> String {
    switch destination {
    case .queue(let queueID):
      guard !queueID.isEmpty else { throw CoreError(.invalidArgument, "no queue or topic given") }
      guard queues[queueID] != nil else { throw CoreError(.notFound, "queue \(queueID) does not exist") }
      return queueID
    case .topic(let topic):
      guard !topic.isEmpty else { throw CoreError(.invalidArgument, "no queue or topic given") }
      guard let queueID = queueByTopic[topic] else {
        throw CoreError(.notFound, "no queue serves topic \"\(topic)\"")
      }
      return queueID
    }
  }
}
