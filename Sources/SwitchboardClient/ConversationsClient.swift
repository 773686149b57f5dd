public import RPCCore
public import SwitchboardAPI

/// Calls `switchboard.v1.Conversations`, the service customers (and the bots relaying for them)
/// use to hold a conversation.
public struct ConversationsClient: Sendable {
  private typealias Methods = SwitchboardV1.Conversations

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// Starts a conversation and queues it for an agent.
  public func startConversation(
    _ request: StartConversationRequest,
    options: CallOptions = .init()
  ) async throws -> StartConversationResponse {
    try await client.unary(
      path: Methods.startConversation.path,
      request: request,
      options: options
    ).message
  }

  /// Sends a customer message; a retry with the same client message id never duplicates.
  public func sendMessage(
    _ request: SendMessageRequest,
    options: CallOptions = .init()
  ) async throws -> SendMessageResponse {
    try await client.unary(path: Methods.sendMessage.path, request: request, options: options)
      .message
  }

  /// Streams the customer's view of the conversation: the events after a sequence, then live
  /// ones; ends with OK after the closed event.
  public func follow<Result>(
    _ request: FollowRequest,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<FollowResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.follow.path,
      request: request,
      options: options,
      responses: responses
    )
  }

  /// Tells the agent the customer is or stopped typing.
  public func setTyping(
    _ request: SetTypingRequest,
    options: CallOptions = .init()
  ) async throws -> SetTypingResponse {
    try await client.unary(path: Methods.setTyping.path, request: request, options: options)
      .message
  }

  /// Marks agent messages read up to a sequence number.
  public func markRead(
    _ request: MarkReadRequest,
    options: CallOptions = .init()
  ) async throws -> MarkReadResponse {
    try await client.unary(path: Methods.markRead.path, request: request, options: options)
      .message
  }

  /// Submits the satisfaction survey offered after closing.
  public func submitSurvey(
    _ request: SubmitSurveyRequest,
    options: CallOptions = .init()
  ) async throws -> SubmitSurveyResponse {
    try await client.unary(path: Methods.submitSurvey.path, request: request, options: options)
      .message
  }

  /// The customer leaves the conversation; leaving twice succeeds.
  public func leave(
    _ request: LeaveRequest,
    options: CallOptions = .init()
  ) async throws -> LeaveResponse {
    try await client.unary(path: Methods.leave.path, request: request, options: options).message
  }
}
