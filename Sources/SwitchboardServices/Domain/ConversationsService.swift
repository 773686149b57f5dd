internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

/// Serves `switchboard.v1.Conversations`, the customer side: starting a conversation (and
/// minting the customer's token), messages, the Follow stream, typing, read marks, the survey,
/// leaving.
public struct ConversationsService: Sendable {
  private typealias Methods = SwitchboardV1.Conversations

  private let environment: DomainEnvironment

  /// The service over `environment`.
  public init(environment: DomainEnvironment) {
    self.environment = environment
  }

  /// Adds every method of `switchboard.v1.Conversations` to `router`.
  public func register(into router: inout RPCRouter) {
    let registry = environment.registry
    let service = self
    router.domainUnary(Methods.startConversation) {
      (request: StartConversationRequest, caller) -> StartConversationResponse in
      try await service.start(request, caller: caller)
    }
    router.domainUnary(Methods.sendMessage) {
      (request: SendMessageRequest, caller) -> SendMessageResponse in
      try caller.requireCustomerSide("Conversations.SendMessage")
      let sent = try await registry.sendMessage(
        caller: caller,
        conversationID: request.conversationID,
        clientMessageID: request.clientMessageID,
        text: request.text
      )
      return .with {
        $0.sequence = sent.message.sequence
        $0.messageID = sent.message.messageID
        $0.sentAt = sent.message.sentAt.wire
        $0.duplicate = sent.duplicate
      }
    }
    router.domainStream(
      Methods.follow,
      environment,
      open: { (request: FollowRequest, caller) in
        try caller.requireCustomerSide("Conversations.Follow")
        return try await registry.followConversation(
          caller: caller,
          conversationID: request.conversationID,
          afterSequence: request.afterSequence
        )
      },
      response: { event in FollowResponse.with { $0.event = event.wire } }
    )
    router.domainUnary(Methods.setTyping) {
      (request: SetTypingRequest, caller) -> SetTypingResponse in
      try caller.requireCustomerSide("Conversations.SetTyping")
      try await registry.setTyping(
        caller: caller,
        conversationID: request.conversationID,
        typing: request.typing
      )
      return SetTypingResponse()
    }
    router.domainUnary(Methods.markRead) {
      (request: MarkReadRequest, caller) -> MarkReadResponse in
      try caller.requireCustomerSide("Conversations.MarkRead")
      let mark = try await registry.markRead(
        caller: caller,
        conversationID: request.conversationID,
        throughSequence: request.readThroughSequence
      )
      return .with { $0.readThroughSequence = mark }
    }
    router.domainUnary(Methods.submitSurvey) {
      (request: SubmitSurveyRequest, caller) -> SubmitSurveyResponse in
      let survey = try await registry.submitSurvey(
        caller: caller,
        conversationID: request.conversationID,
        surveyID: request.surveyID,
        rating: Int(request.rating),
        comment: request.comment
      )
      return .with { $0.survey = survey.wire }
    }
    router.domainUnary(Methods.leave) { (request: LeaveRequest, caller) -> LeaveResponse in
      let state = try await registry.leaveConversation(
        caller: caller,
        conversationID: request.conversationID,
        reason: request.reason
      )
      return .with { $0.state = state.wire }
    }
  }

  /// StartConversation: queues the conversation, then mints the customer's token, scoped to
  /// it. Its subject is the caller's for a customer, else the customer id the bot gave, else
  /// `guest-<conversation id>`. A retry with the same idempotency key gets a fresh token for
  /// the same conversation.
  private func start(
    _ request: StartConversationRequest,
    caller: Caller
  ) async throws -> StartConversationResponse {
    let destination: ConversationDestination =
      switch request.destination {
      case .queueID(let queueID)?: .queue(queueID)
      case .topic(let topic)?: .topic(topic)
      case nil: throw RPCError(.invalidArgument, "no destination: set queue_id or topic")
      }
    let customer = request.customer ?? SwitchboardAPI.CustomerInfo()
    let started = try await environment.registry.startConversation(
      caller: caller,
      NewConversation(
        destination: destination,
        priority: try request.priority.core("priority"),
        channel: try request.channel.core("channel"),
        customer: try customer.core("customer"),
        subject: request.subject,
        botContext: try request.botContext.map { (context) throws(RPCError) in
          try context.core("bot_context")
        },
        initialMessage: request.initialMessage,
        idempotencyKey: request.idempotencyKey
      )
    )
    let subject =
      caller.role == .customer
      ? caller.id
      : customer.customerID.isEmpty ? "guest-\(started.conversationID)" : customer.customerID
    let token = try environment.mint(
      role: .customer,
      subject: subject,
      conversationID: started.conversationID,
      ttl: nil
    )
    return .with {
      $0.conversationID = started.conversationID
      $0.queueID = started.queueID
      $0.customerToken = token.token
      $0.tokenExpiresAt = ProtoTimestamp(seconds: token.expiresAt)
      $0.queuePosition = started.queuePosition
      $0.estimatedWait = started.estimatedWait?.wire
      $0.duplicate = started.duplicate
    }
  }
}
