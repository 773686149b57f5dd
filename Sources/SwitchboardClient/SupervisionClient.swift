public import RPCCore
public import SwitchboardAPI

/// Calls `switchboard.v1.Supervision`, the supervisor-facing service: queue figures, agents,
/// monitoring, whispers, barge-in, reassignment, assistance and routing explanations.
public struct SupervisionClient: Sendable {
  private typealias Methods = SwitchboardV1.Supervision

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// Lists queues with their live figures.
  public func listQueues(
    _ request: ListQueuesRequest,
    options: CallOptions = .init()
  ) async throws -> ListQueuesResponse {
    try await client.unary(path: Methods.listQueues.path, request: request, options: options)
      .message
  }

  /// Streams queue figures, a snapshot then changes, interleaved with assistance requests.
  public func watchQueues<Result>(
    _ request: WatchQueuesRequest,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<WatchQueuesResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.watchQueues.path,
      request: request,
      options: options,
      responses: responses
    )
  }

  /// Lists agents with presence, load and capacity.
  public func listAgents(
    _ request: ListAgentsRequest,
    options: CallOptions = .init()
  ) async throws -> ListAgentsResponse {
    try await client.unary(path: Methods.listAgents.path, request: request, options: options)
      .message
  }

  /// Lists live and recent conversations matching filters, oldest waiting first.
  public func listConversations(
    _ request: ListConversationsRequest,
    options: CallOptions = .init()
  ) async throws -> ListConversationsResponse {
    try await client.unary(
      path: Methods.listConversations.path,
      request: request,
      options: options
    ).message
  }

  /// Silently watches a conversation in the agent's view; ends with OK after the closed event.
  public func monitor<Result>(
    _ request: MonitorRequest,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<MonitorResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.monitor.path,
      request: request,
      options: options,
      responses: responses
    )
  }

  /// Sends a message only the assigned agent (and supervisors) can see.
  public func whisper(
    _ request: WhisperRequest,
    options: CallOptions = .init()
  ) async throws -> WhisperResponse {
    try await client.unary(path: Methods.whisper.path, request: request, options: options).message
  }

  /// Barges in: joins the conversation visibly to the customer.
  public func join(
    _ request: JoinRequest,
    options: CallOptions = .init()
  ) async throws -> JoinResponse {
    try await client.unary(path: Methods.join.path, request: request, options: options).message
  }

  /// Leaves a conversation the supervisor joined; the agent keeps it.
  public func leave(
    _ request: SupervisorLeaveRequest,
    options: CallOptions = .init()
  ) async throws -> SupervisorLeaveResponse {
    try await client.unary(path: Methods.leave.path, request: request, options: options).message
  }

  /// Moves a queued, offered or active conversation to another agent or queue.
  public func reassign(
    _ request: ReassignRequest,
    options: CallOptions = .init()
  ) async throws -> ReassignResponse {
    try await client.unary(path: Methods.reassign.path, request: request, options: options)
      .message
  }

  /// Lists assistance requests of the caller's queues.
  public func listAssistanceRequests(
    _ request: ListAssistanceRequestsRequest,
    options: CallOptions = .init()
  ) async throws -> ListAssistanceRequestsResponse {
    try await client.unary(
      path: Methods.listAssistanceRequests.path,
      request: request,
      options: options
    ).message
  }

  /// Answers an assistance request; the agent is notified.
  public func resolveAssistance(
    _ request: ResolveAssistanceRequest,
    options: CallOptions = .init()
  ) async throws -> ResolveAssistanceResponse {
    try await client.unary(
      path: Methods.resolveAssistance.path,
      request: request,
      options: options
    ).message
  }

  /// Explains why a conversation went to whom: every routing decision with its candidates.
  public func explainRouting(
    _ request: ExplainRoutingRequest,
    options: CallOptions = .init()
  ) async throws -> ExplainRoutingResponse {
    try await client.unary(path: Methods.explainRouting.path, request: request, options: options)
      .message
  }
}
