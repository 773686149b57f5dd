internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

/// Serves `switchboard.v1.Admin`: queues, agent profiles, resolution categories and survey
/// settings (the registry's), and access tokens (the token authority's: only admins may issue
/// or revoke them; deleting an agent revokes the agent's tokens).
public struct AdminService: Sendable {
  private typealias Methods = SwitchboardV1.Admin

  private let environment: DomainEnvironment

  /// The service over `environment`.
  public init(environment: DomainEnvironment) {
    self.environment = environment
  }

  /// Adds every method of `switchboard.v1.Admin` to `router`.
  public func register(into router: inout RPCRouter) {
    registerQueues(into: &router)
    registerAgents(into: &router)
    registerSettings(into: &router)
    registerTokens(into: &router)
  }

  /// CreateQueue, UpdateQueue, DeleteQueue, ListQueues.
  private func registerQueues(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainUnary(Methods.createQueue) {
      (request: CreateQueueRequest, caller) -> CreateQueueResponse in
      let queue = try await registry.createQueue(
        caller: caller,
        try request.queue.required("queue").core("queue")
      )
      return .with { $0.queue = queue.wire }
    }
    router.domainUnary(Methods.updateQueue) {
      (request: UpdateQueueRequest, caller) -> UpdateQueueResponse in
      let queue = try await registry.updateQueue(
        caller: caller,
        try request.queue.required("queue").core("queue"),
        expectedVersion: request.expectedVersion
      )
      return .with { $0.queue = queue.wire }
    }
    router.domainUnary(Methods.deleteQueue) {
      (request: DeleteQueueRequest, caller) -> DeleteQueueResponse in
      let drained = try await registry.deleteQueue(
        caller: caller,
        queueID: request.queueID,
        drainTo: request.drainToQueueID.isEmpty ? nil : request.drainToQueueID
      )
      return .with { $0.drainedConversations = UInt32(clamping: drained) }
    }
    router.domainUnary(Methods.listQueues) {
      (request: AdminListQueuesRequest, caller) -> AdminListQueuesResponse in
      let page = try registry.listQueueConfigs(
        caller: caller,
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.queues = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
  }

  /// UpsertAgent, DeleteAgent (which revokes the agent's tokens), ListAgents.
  private func registerAgents(into router: inout RPCRouter) {
    let environment = self.environment
    let registry = environment.registry
    router.domainUnary(Methods.upsertAgent) {
      (request: UpsertAgentRequest, caller) -> UpsertAgentResponse in
      let result = try await registry.upsertAgent(
        caller: caller,
        try request.agent.required("agent").core("agent")
      )
      return .with {
        $0.agent = result.agent.wire
        $0.created = result.created
      }
    }
    router.domainUnary(Methods.deleteAgent) {
      (request: DeleteAgentRequest, caller) -> DeleteAgentResponse in
      try await registry.deleteAgent(caller: caller, agentID: request.agentID)
      let revoked: Int
      do throws(RevocationLogError) {
        revoked = try environment.authority.revokeAll(subject: request.agentID)
      } catch {
        throw RPCError(
          .unavailable,
          "agent \(request.agentID) was deleted, but its tokens could not be revoked (storage: "
            + "\(error.message)); they stay valid until they expire"
        )
      }
      return .with { $0.revokedTokens = UInt32(clamping: revoked) }
    }
    router.domainUnary(Methods.listAgents) {
      (request: AdminListAgentsRequest, caller) -> AdminListAgentsResponse in
      let page = try registry.listAgentProfiles(
        caller: caller,
        queueID: request.queueID.isEmpty ? nil : request.queueID,
        role: try request.role.core("role"),
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.agents = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
  }

  /// SetResolutionCategories, ListResolutionCategories, GetSurveySettings, SetSurveySettings.
  private func registerSettings(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainUnary(Methods.setResolutionCategories) {
      (request: SetResolutionCategoriesRequest, caller) -> SetResolutionCategoriesResponse in
      let result = try await registry.setResolutionCategories(
        caller: caller,
        request.categories.map(\.core)
      )
      return .with {
        $0.categories = result.categories.map(\.wire)
        $0.retiredCount = UInt32(clamping: result.retiredCount)
      }
    }
    router.domainUnary(Methods.listResolutionCategories) {
      (request: ListResolutionCategoriesRequest, caller) -> ListResolutionCategoriesResponse in
      let page = try registry.listResolutionCategories(
        caller: caller,
        includeRetired: request.includeRetired,
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.categories = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
    router.domainUnary(Methods.getSurveySettings) {
      (_: GetSurveySettingsRequest, caller) -> GetSurveySettingsResponse in
      let settings = try registry.surveySettings(caller: caller)
      return .with { $0.settings = settings.wire }
    }
    router.domainUnary(Methods.setSurveySettings) {
      (request: SetSurveySettingsRequest, caller) -> SetSurveySettingsResponse in
      let settings = try await registry.setSurveySettings(
        caller: caller,
        try request.settings.required("settings").core("settings")
      )
      return .with { $0.settings = settings.wire }
    }
  }

  /// CreateAccessToken, RevokeAccessToken.
  private func registerTokens(into router: inout RPCRouter) {
    let environment = self.environment
    router.domainUnary(Methods.createAccessToken) {
      (request: CreateAccessTokenRequest, caller) -> CreateAccessTokenResponse in
      try caller.requireAdmin("Admin.CreateAccessToken")
      let issued = try await environment.issueToken(for: request, by: caller)
      return .with {
        $0.tokenID = issued.tokenID
        $0.token = issued.token
        $0.expiresAt = ProtoTimestamp(seconds: issued.expiresAt)
      }
    }
    router.domainUnary(Methods.revokeAccessToken) {
      (request: RevokeAccessTokenRequest, caller) -> RevokeAccessTokenResponse in
      try caller.requireAdmin("Admin.RevokeAccessToken")
      let revoked: Int64?
      do throws(RevocationLogError) {
        revoked = try environment.authority.revoke(tokenID: request.tokenID)
      } catch {
        throw RPCError(
          .unavailable,
          "storage: could not make the revocation durable: \(error.message); retry later"
        )
      }
      guard let revokedAt = revoked else {
        throw RPCError(.notFound, "token \(request.tokenID) was not issued by this server")
      }
      return .with { $0.revokedAt = ProtoTimestamp(seconds: revokedAt) }
    }
  }
}

extension DomainEnvironment {
  /// Admin.CreateAccessToken for an admin `caller`: checks what the token names against the
  /// registry — an agent or supervisor subject must have a profile, a customer's conversation
  /// must exist — then mints it. INVALID_ARGUMENT for the roles no token carries (unspecified,
  /// system) and for what `mint` refuses.
  fileprivate func issueToken(
    for request: CreateAccessTokenRequest,
    by caller: Caller
  ) async throws -> IssuedToken {
    guard let role = PrincipalRole(request.role) else {
      throw RPCError(
        .invalidArgument,
        "role \(request.role.rawValue) cannot be issued: use customer, bot, agent, supervisor or admin"
      )
    }
    let conversationID = request.conversationID.isEmpty ? nil : request.conversationID
    if role == .agent || role == .supervisor, !request.subject.isEmpty,
      registry.agentProfile(request.subject) == nil
    {
      throw RPCError(
        .notFound,
        "agent \(request.subject) has no profile; create it with UpsertAgent"
      )
    }
    if role == .customer, let conversationID {
      // Admins may read every transcript; reading it proves the conversation exists.
      _ = try await registry.transcript(
        caller: caller,
        conversationID: conversationID,
        includeInternal: false
      )
    }
    return try mint(
      role: role,
      subject: request.subject,
      conversationID: conversationID,
      ttl: try request.ttl.core("ttl")
    )
  }
}
