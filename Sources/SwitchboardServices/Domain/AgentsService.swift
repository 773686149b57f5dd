internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

/// Serves `switchboard.v1.Agents`, the agent's desk: presence, the Notifications stream, offers,
/// messages, the Follow stream, notes, transfers, closing, assistance, tickets, channel moves
/// and the agent's conversations.
public struct AgentsService: Sendable {
  private typealias Methods = SwitchboardV1.Agents

  private let environment: DomainEnvironment

  /// The service over `environment`.
  public init(environment: DomainEnvironment) {
    self.environment = environment
  }

  /// Adds every method of `switchboard.v1.Agents` to `router`.
  public func register(into router: inout RPCRouter) {
    registerPresenceAndOffers(into: &router)
    registerConversationWork(into: &router)
    registerEscalation(into: &router)
  }

  /// SetPresence, Notifications, Accept, Decline.
  private func registerPresenceAndOffers(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainUnary(Methods.setPresence) {
      (request: SetPresenceRequest, caller) -> SetPresenceResponse in
      let result = try await registry.setPresence(
        caller: caller,
        try request.presence.core("presence"),
        reason: request.reason,
        agentID: request.agentID.isEmpty ? nil : request.agentID
      )
      return .with {
        $0.status = result.status.wire
        $0.withdrawnOffers = UInt32(clamping: result.withdrawnOffers)
      }
    }
    router.domainStream(
      Methods.notifications,
      environment,
      open: { (request: NotificationsRequest, caller) in
        try await registry.notifications(caller: caller, becomeAvailable: request.becomeAvailable)
      },
      response: \.wire
    )
    router.domainUnary(Methods.accept) { (request: AcceptRequest, caller) -> AcceptResponse in
      let detail = try await registry.accept(caller: caller, offerID: request.offerID)
      return .with { $0.conversation = detail.wire }
    }
    router.domainUnary(Methods.decline) { (request: DeclineRequest, caller) -> DeclineResponse in
      try await registry.decline(
        caller: caller,
        offerID: request.offerID,
        reason: try request.reason.core("reason"),
        note: request.note
      )
      return DeclineResponse()
    }
  }

  /// SendMessage, Follow, SetTyping, AddNote, Transfer, Close, ListMyConversations,
  /// GetConversation.
  private func registerConversationWork(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainUnary(Methods.sendMessage) {
      (request: AgentSendMessageRequest, caller) -> AgentSendMessageResponse in
      try caller.requireStaff("Agents.SendMessage")
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
      open: { (request: AgentFollowRequest, caller) in
        try caller.requireStaff("Agents.Follow")
        return try await registry.followConversation(
          caller: caller,
          conversationID: request.conversationID,
          afterSequence: request.afterSequence
        )
      },
      response: { event in AgentFollowResponse.with { $0.event = event.wire } }
    )
    router.domainUnary(Methods.setTyping) {
      (request: AgentSetTypingRequest, caller) -> AgentSetTypingResponse in
      try caller.requireStaff("Agents.SetTyping")
      try await registry.setTyping(
        caller: caller,
        conversationID: request.conversationID,
        typing: request.typing
      )
      return AgentSetTypingResponse()
    }
    router.domainUnary(Methods.addNote) { (request: AddNoteRequest, caller) -> AddNoteResponse in
      let sent = try await registry.addNote(
        caller: caller,
        conversationID: request.conversationID,
        clientMessageID: request.clientMessageID,
        text: request.text
      )
      return .with {
        $0.sequence = sent.message.sequence
        $0.messageID = sent.message.messageID
        $0.duplicate = sent.duplicate
      }
    }
    router.domainUnary(Methods.transfer) {
      (request: TransferRequest, caller) -> TransferResponse in
      let record = try await registry.transfer(
        caller: caller,
        conversationID: request.conversationID,
        to: request.target.core,
        reason: try request.reason.core("reason"),
        note: request.note
      )
      return .with { $0.transfer = record.wire }
    }
    router.domainUnary(Methods.close) { (request: CloseRequest, caller) -> CloseResponse in
      let closed = try await registry.closeConversation(
        caller: caller,
        conversationID: request.conversationID,
        resolutionCategoryID: request.resolutionCategoryID,
        notes: request.notes
      )
      return .with {
        $0.resolution = closed.resolution.wire
        $0.metrics = closed.metrics.wire
        $0.surveyOffered = closed.surveyOffered
      }
    }
    router.domainUnary(Methods.listMyConversations) {
      (request: ListMyConversationsRequest, caller) -> ListMyConversationsResponse in
      let page = try registry.listMyConversations(
        caller: caller,
        states: try request.states.stateFilter("states"),
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.conversations = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
    router.domainUnary(Methods.getConversation) {
      (request: GetConversationRequest, caller) -> GetConversationResponse in
      let detail = try registry.getConversation(
        caller: caller,
        conversationID: request.conversationID
      )
      return .with { $0.conversation = detail.wire }
    }
  }

  /// RequestAssistance, CreateTicket, MoveChannel.
  private func registerEscalation(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainUnary(Methods.requestAssistance) {
      (request: RequestAssistanceRequest, caller) -> RequestAssistanceResponse in
      let assistance = try await registry.requestAssistance(
        caller: caller,
        conversationID: request.conversationID,
        question: request.question,
        urgency: try request.urgency.core("urgency")
      )
      return .with { $0.assistance = assistance.wire }
    }
    router.domainUnary(Methods.createTicket) {
      (request: CreateTicketRequest, caller) -> CreateTicketResponse in
      let created = try await registry.createTicket(
        caller: caller,
        conversationID: request.conversationID,
        NewTicket(
          subject: request.subject,
          description: request.description,
          priority: try request.priority.core("priority"),
          idempotencyKey: request.idempotencyKey
        )
      )
      return .with {
        $0.ticket = created.ticket.wire
        $0.duplicate = created.duplicate
      }
    }
    router.domainUnary(Methods.moveChannel) {
      (request: MoveChannelRequest, caller) -> MoveChannelResponse in
      let move = try await registry.moveChannel(
        caller: caller,
        conversationID: request.conversationID,
        to: try request.targetChannel.required("target_channel"),
        contact: try (request.contact ?? SwitchboardAPI.ContactDetails()).core("contact"),
        note: request.note
      )
      return .with { $0.move = move.wire }
    }
  }
}
