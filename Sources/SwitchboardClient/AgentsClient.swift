public import RPCCore
public import SwitchboardAPI

/// Calls `switchboard.v1.Agents`, the agent-facing service: presence, offers, conversations,
/// notes, transfers, closing, assistance, tickets and channel moves.
public struct AgentsClient: Sendable {
  private typealias Methods = SwitchboardV1.Agents

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// Sets an agent's presence; going away or offline withdraws pending offers.
  public func setPresence(
    _ request: SetPresenceRequest,
    options: CallOptions = .init()
  ) async throws -> SetPresenceResponse {
    try await client.unary(path: Methods.setPresence.path, request: request, options: options)
      .message
  }

  /// Streams the agent's notifications: a snapshot of pending offers and active conversations,
  /// then live ones.
  public func notifications<Result>(
    _ request: NotificationsRequest,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<NotificationsResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.notifications.path,
      request: request,
      options: options,
      responses: responses
    )
  }

  /// Accepts an offer and returns the conversation with everything needed to take over.
  public func accept(
    _ request: AcceptRequest,
    options: CallOptions = .init()
  ) async throws -> AcceptResponse {
    try await client.unary(path: Methods.accept.path, request: request, options: options).message
  }

  /// Declines an offer; the conversation is offered to the next candidate.
  public func decline(
    _ request: DeclineRequest,
    options: CallOptions = .init()
  ) async throws -> DeclineResponse {
    try await client.unary(path: Methods.decline.path, request: request, options: options).message
  }

  /// Sends a public message to the customer; a retry with the same client message id never
  /// duplicates.
  public func sendMessage(
    _ request: AgentSendMessageRequest,
    options: CallOptions = .init()
  ) async throws -> AgentSendMessageResponse {
    try await client.unary(path: Methods.sendMessage.path, request: request, options: options)
      .message
  }

  /// Streams the agent's view of a conversation (notes and whispers included), then live; ends
  /// with OK after the closed event.
  public func follow<Result>(
    _ request: AgentFollowRequest,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<AgentFollowResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.follow.path,
      request: request,
      options: options,
      responses: responses
    )
  }

  /// Tells the customer the agent is or stopped typing.
  public func setTyping(
    _ request: AgentSetTypingRequest,
    options: CallOptions = .init()
  ) async throws -> AgentSetTypingResponse {
    try await client.unary(path: Methods.setTyping.path, request: request, options: options)
      .message
  }

  /// Adds an internal note, visible to agents and supervisors only.
  public func addNote(
    _ request: AddNoteRequest,
    options: CallOptions = .init()
  ) async throws -> AddNoteResponse {
    try await client.unary(path: Methods.addNote.path, request: request, options: options).message
  }

  /// Transfers the conversation to another agent or a queue, with a note for the receiver.
  public func transfer(
    _ request: TransferRequest,
    options: CallOptions = .init()
  ) async throws -> TransferResponse {
    try await client.unary(path: Methods.transfer.path, request: request, options: options)
      .message
  }

  /// Closes the conversation with a resolution category and notes; offers the survey if enabled.
  public func close(
    _ request: CloseRequest,
    options: CallOptions = .init()
  ) async throws -> CloseResponse {
    try await client.unary(path: Methods.close.path, request: request, options: options).message
  }

  /// Asks the supervisors of the conversation's queue for help.
  public func requestAssistance(
    _ request: RequestAssistanceRequest,
    options: CallOptions = .init()
  ) async throws -> RequestAssistanceResponse {
    try await client.unary(
      path: Methods.requestAssistance.path,
      request: request,
      options: options
    ).message
  }

  /// Creates a service ticket for follow-up work; idempotent per idempotency key.
  public func createTicket(
    _ request: CreateTicketRequest,
    options: CallOptions = .init()
  ) async throws -> CreateTicketResponse {
    try await client.unary(path: Methods.createTicket.path, request: request, options: options)
      .message
  }

  /// Requests that the customer be contacted by phone or e-mail.
  public func moveChannel(
    _ request: MoveChannelRequest,
    options: CallOptions = .init()
  ) async throws -> MoveChannelResponse {
    try await client.unary(path: Methods.moveChannel.path, request: request, options: options)
      .message
  }

  /// Lists the caller's conversations, newest activity first.
  public func listMyConversations(
    _ request: ListMyConversationsRequest,
    options: CallOptions = .init()
  ) async throws -> ListMyConversationsResponse {
    try await client.unary(
      path: Methods.listMyConversations.path,
      request: request,
      options: options
    ).message
  }

  /// Returns a conversation's full detail, e.g. after a transfer handed it over.
  public func getConversation(
    _ request: GetConversationRequest,
    options: CallOptions = .init()
  ) async throws -> GetConversationResponse {
    try await client.unary(path: Methods.getConversation.path, request: request, options: options)
      .message
  }
}
