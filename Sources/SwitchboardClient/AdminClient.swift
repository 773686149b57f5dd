public import RPCCore
public import SwitchboardAPI

/// Calls `switchboard.v1.Admin`, the administration service: queues, agents, resolution
/// categories, survey settings and access tokens.
public struct AdminClient: Sendable {
  private typealias Methods = SwitchboardV1.Admin

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// Creates a queue.
  public func createQueue(
    _ request: CreateQueueRequest,
    options: CallOptions = .init()
  ) async throws -> CreateQueueResponse {
    try await client.unary(path: Methods.createQueue.path, request: request, options: options)
      .message
  }

  /// Replaces a queue's configuration (every field is written: read, modify, write back).
  public func updateQueue(
    _ request: UpdateQueueRequest,
    options: CallOptions = .init()
  ) async throws -> UpdateQueueResponse {
    try await client.unary(path: Methods.updateQueue.path, request: request, options: options)
      .message
  }

  /// Deletes a queue; waiting conversations move to the drain queue.
  public func deleteQueue(
    _ request: DeleteQueueRequest,
    options: CallOptions = .init()
  ) async throws -> DeleteQueueResponse {
    try await client.unary(path: Methods.deleteQueue.path, request: request, options: options)
      .message
  }

  /// Lists queue configurations.
  public func listQueues(
    _ request: AdminListQueuesRequest,
    options: CallOptions = .init()
  ) async throws -> AdminListQueuesResponse {
    try await client.unary(path: Methods.listQueues.path, request: request, options: options)
      .message
  }

  /// Creates or replaces an agent profile.
  public func upsertAgent(
    _ request: UpsertAgentRequest,
    options: CallOptions = .init()
  ) async throws -> UpsertAgentResponse {
    try await client.unary(path: Methods.upsertAgent.path, request: request, options: options)
      .message
  }

  /// Deletes an agent profile and revokes the agent's tokens.
  public func deleteAgent(
    _ request: DeleteAgentRequest,
    options: CallOptions = .init()
  ) async throws -> DeleteAgentResponse {
    try await client.unary(path: Methods.deleteAgent.path, request: request, options: options)
      .message
  }

  /// Lists agent profiles.
  public func listAgents(
    _ request: AdminListAgentsRequest,
    options: CallOptions = .init()
  ) async throws -> AdminListAgentsResponse {
    try await client.unary(path: Methods.listAgents.path, request: request, options: options)
      .message
  }

  /// Replaces the set of resolution categories; those left out are retired, not deleted.
  public func setResolutionCategories(
    _ request: SetResolutionCategoriesRequest,
    options: CallOptions = .init()
  ) async throws -> SetResolutionCategoriesResponse {
    try await client.unary(
      path: Methods.setResolutionCategories.path,
      request: request,
      options: options
    ).message
  }

  /// Lists resolution categories in display order.
  public func listResolutionCategories(
    _ request: ListResolutionCategoriesRequest,
    options: CallOptions = .init()
  ) async throws -> ListResolutionCategoriesResponse {
    try await client.unary(
      path: Methods.listResolutionCategories.path,
      request: request,
      options: options
    ).message
  }

  /// Returns the survey settings.
  public func getSurveySettings(
    _ request: GetSurveySettingsRequest,
    options: CallOptions = .init()
  ) async throws -> GetSurveySettingsResponse {
    try await client.unary(
      path: Methods.getSurveySettings.path,
      request: request,
      options: options
    ).message
  }

  /// Replaces the survey settings; they apply to conversations closed afterwards.
  public func setSurveySettings(
    _ request: SetSurveySettingsRequest,
    options: CallOptions = .init()
  ) async throws -> SetSurveySettingsResponse {
    try await client.unary(
      path: Methods.setSurveySettings.path,
      request: request,
      options: options
    ).message
  }

  /// Issues an access token; the token string is returned only once.
  public func createAccessToken(
    _ request: CreateAccessTokenRequest,
    options: CallOptions = .init()
  ) async throws -> CreateAccessTokenResponse {
    try await client.unary(
      path: Methods.createAccessToken.path,
      request: request,
      options: options
    ).message
  }

  /// Revokes an access token; open streams using it end with UNAUTHENTICATED.
  public func revokeAccessToken(
    _ request: RevokeAccessTokenRequest,
    options: CallOptions = .init()
  ) async throws -> RevokeAccessTokenResponse {
    try await client.unary(
      path: Methods.revokeAccessToken.path,
      request: request,
      options: options
    ).message
  }
}
