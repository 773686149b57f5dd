/// The Admin service's operations (roles: admin; supervisors may list queues and agents).
extension Registry {
  /// Creates a queue (version 1). Errors: `invalidArgument` (bad id or name, non-positive
  /// timeouts, overflow into itself), `notFound` (overflow queue or supervisor unknown),
  /// `alreadyExists` (id, name or topic taken), `permissionDenied`.
  public func createQueue(caller: Caller, _ queue: QueueConfig) async throws(CoreError) -> QueueConfig {
    try await mutate { state, now, effects throws(CoreError) in
      try state.createQueue(caller: caller, queue, now: now, effects: &effects)
    }
  }

  /// Replaces a queue's configuration; `expectedVersion` 0 skips the version check. Errors as
  /// `createQueue`, plus `notFound` (queue), `invalidArgument` (overflow cycle) and `aborted`
  /// (version mismatch).
  public func updateQueue(caller: Caller, _ queue: QueueConfig, expectedVersion: UInt64)
    async throws(CoreError) -> QueueConfig
  {
    try await mutate { state, now, effects throws(CoreError) in
      try state.updateQueue(caller: caller, queue, expectedVersion: expectedVersion, now: now, effects: &effects)
    }
  }

  /// Deletes a queue, moving waiting conversations to `drainTo` (keeping their age). Returns
  /// how many moved. Errors: `notFound` (queue or drain queue), `failedPrecondition`
  /// (conversations wait and no drain queue; another queue overflows into it; active
  /// conversations remain), `permissionDenied`.
  public func deleteQueue(caller: Caller, queueID: String, drainTo: String?) async throws(CoreError) -> Int {
    try await mutate { state, now, effects throws(CoreError) in
      try state.deleteQueue(caller: caller, queueID: queueID, drainTo: drainTo, now: now, effects: &effects)
    }
  }

  /// Queue configurations ordered by id (page size 1...200, 0 means 100). Roles: admin,
  /// supervisor.
  public func listQueueConfigs(caller: Caller, pageSize: Int, pageToken: String) throws(CoreError)
    -> Page<QueueConfig>
  {
    try read { state, _ throws(CoreError) in
      guard caller.role == .admin || caller.role == .supervisor else {
        throw CoreError(.permissionDenied, "only admins and supervisors list queue configurations")
      }
      let request = try PageRequest(size: pageSize, token: pageToken, defaultSize: 100, maximumSize: 200)
      return request.page(of: state.queues.keys.sorted().compactMap { state.queues[$0]?.config })
    }
  }

  /// Creates or replaces an agent profile; `created` is true for a new agent. Errors:
  /// `invalidArgument` (bad id, empty display name, capacity outside 1...100, role not agent or
  /// supervisor), `notFound` (a queue), `permissionDenied`.
  public func upsertAgent(caller: Caller, _ profile: AgentProfile) async throws(CoreError)
    -> (agent: AgentProfile, created: Bool)
  {
    try await mutate { state, now, effects throws(CoreError) in
      try state.upsertAgent(caller: caller, profile, now: now, effects: &effects)
    }
  }

  /// Deletes an agent profile (its notification streams end with `permissionDenied`). Errors:
  /// `notFound`, `failedPrecondition` (the agent still owns conversations), `permissionDenied`.
  public func deleteAgent(caller: Caller, agentID: String) async throws(CoreError) {
    try await mutate { state, now, effects throws(CoreError) in
      try state.deleteAgent(caller: caller, agentID: agentID, now: now, effects: &effects)
    }
  }

  /// Agent profiles ordered by id, optionally of one queue and one role (page size 1...200, 0
  /// means 100). Roles: admin, supervisor. Errors: `notFound` (queue), `invalidArgument`.
  public func listAgentProfiles(
    caller: Caller, queueID: String?, role: Role?, pageSize: Int, pageToken: String
  ) throws(CoreError) -> Page<AgentProfile> {
    try read { state, _ throws(CoreError) in
      guard caller.role == .admin || caller.role == .supervisor else {
        throw CoreError(.permissionDenied, "only admins and supervisors list agent profiles")
      }
      let request = try PageRequest(size: pageSize, token: pageToken, defaultSize: 100, maximumSize: 200)
      if let queueID, state.queues[queueID] == nil {
        throw CoreError(.notFound, "queue \(queueID) does not exist")
      }
      let profiles = state.agents.keys.sorted().compactMap { state.agents[$0]?.profile }.filter {
        (queueID == nil || $0.queueIDs.contains(queueID!)) && (role == nil || $0.role == role)
      }
      return request.page(of: profiles)
    }
  }

  /// The profile of an agent, if it exists (for minting tokens).
  public func agentProfile(_ agentID: String) -> AgentProfile? {
    read { state, _ in state.agents[agentID]?.profile }
  }

  /// Replaces the active resolution categories; left-out ones are retired (the built-in
  /// `moved-to-phone` and `moved-to-email` always stay). Returns every stored category and how
  /// many this call retired. Errors: `invalidArgument` (empty set, duplicate or bad id, empty
  /// label), `permissionDenied`.
  public func setResolutionCategories(caller: Caller, _ categories: [ResolutionCategory])
    async throws(CoreError) -> (categories: [ResolutionCategory], retiredCount: Int)
  {
    try await mutate { state, now, effects throws(CoreError) in
      try state.setResolutionCategories(caller: caller, categories, now: now, effects: &effects)
    }
  }

  /// Resolution categories in display order (page size 1...200, 0 means 200). Roles: agent,
  /// supervisor, admin.
  public func listResolutionCategories(
    caller: Caller, includeRetired: Bool, pageSize: Int, pageToken: String
  ) throws(CoreError) -> Page<ResolutionCategory> {
    try read { state, _ throws(CoreError) in
      guard caller.isStaff || caller.role == .admin else {
        throw CoreError(.permissionDenied, "\(caller.role) callers cannot list resolution categories")
      }
      let request = try PageRequest(size: pageSize, token: pageToken, defaultSize: 200, maximumSize: 200)
      return request.page(of: state.sortedCategories(includeRetired: includeRetired))
    }
  }

  /// The survey settings. Roles: supervisor, admin.
  public func surveySettings(caller: Caller) throws(CoreError) -> SurveySettings {
    try read { state, _ throws(CoreError) in
      guard caller.role == .admin || caller.role == .supervisor else {
        throw CoreError(.permissionDenied, "only admins and supervisors read the survey settings")
      }
      return state.surveySettings
    }
  }

  /// Replaces the survey settings (for conversations closed afterwards). Errors:
  /// `invalidArgument` (enabled without a window in (0, 30 days]; prompt over 1 KiB),
  /// `permissionDenied`.
  public func setSurveySettings(caller: Caller, _ settings: SurveySettings) async throws(CoreError)
    -> SurveySettings
  {
    try await mutate { state, now, effects throws(CoreError) in
      try state.setSurveySettings(caller: caller, settings, now: now, effects: &effects)
    }
  }
}
