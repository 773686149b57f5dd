internal import OrderedCollections

/// Administration: queues, agents, resolution categories and survey settings. Every change is
/// journaled and takes effect at once (routing runs at the end of the change).
extension RegistryState {
  /// Throws `permissionDenied` unless the caller is an admin.
  func requireAdmin(_ caller: Caller, _ action: String) throws(CoreError) {
    guard caller.role == .admin else {
      throw CoreError(.permissionDenied, "only admins may \(action); the caller is \(caller)")
    }
  }

  // MARK: Queues

  /// Validates a queue configuration against the others (`existing`: the id being updated).
  private func validateQueue(_ queue: QueueConfig, updating existing: String?) throws(CoreError) {
    try AdminRule.slug(queue.queueID, "queue_id")
    try AdminRule.name(queue.name, "name")
    try AdminRule.list(queue.topics, "topics")
    try AdminRule.list(queue.supervisorIDs, "supervisor_ids")
    try AdminRule.list(queue.requiredSkills, "required_skills")
    try AdminRule.positive(queue.offerTimeout, "offer_timeout")
    try AdminRule.positive(queue.maxWait, "max_wait")
    if let overflow = queue.overflowQueueID {
      guard overflow != queue.queueID else {
        throw CoreError(.invalidArgument, "queue \(queue.queueID) cannot overflow into itself")
      }
      guard queues[overflow] != nil else {
        throw CoreError(.notFound, "overflow queue \(overflow) does not exist")
      }
      var seen: Set<String> = [queue.queueID]
      var next: String? = overflow
      while let current = next {
        guard seen.insert(current).inserted else {
          throw CoreError(
            .invalidArgument,
            "overflow cycle: \(queue.queueID) → \(overflow) leads back to \(current)")
        }
        next = queues[current]?.config.overflowQueueID
      }
    }
    for supervisorID in queue.supervisorIDs {
      guard let supervisor = agents[supervisorID] else {
        throw CoreError(.notFound, "supervisor \(supervisorID) has no agent profile")
      }
      guard supervisor.profile.role == .supervisor else {
        throw CoreError(
          .invalidArgument, "\(supervisorID) is an agent, not a supervisor; give them the supervisor role first")
      }
    }
    for other in queues.values where other.config.queueID != existing {
      if other.config.name == queue.name {
        throw CoreError(.alreadyExists, "queue \(other.config.queueID) is already named \"\(queue.name)\"")
      }
      if let topic = queue.topics.first(where: other.config.topics.contains) {
        throw CoreError(.alreadyExists, "topic \"\(topic)\" already maps to queue \(other.config.queueID)")
      }
    }
  }

  mutating func createQueue(caller: Caller, _ queue: QueueConfig, now: WallTime, effects: inout Effects)
    throws(CoreError) -> QueueConfig
  {
    try requireAdmin(caller, "create queues")
    try validateQueue(queue, updating: nil)
    guard queues[queue.queueID] == nil else {
      throw CoreError(.alreadyExists, "queue \(queue.queueID) already exists")
    }
    var stored = queue
    stored.version = 1
    stored.updatedAt = now
    queues[queue.queueID] = QueueState(config: stored)
    for topic in stored.topics { queueByTopic[topic] = stored.queueID }
    members[stored.queueID] = agents.values.filter { $0.profile.queueIDs.contains(stored.queueID) }
      .map(\.profile.agentID).sorted()
    touch(queue: stored.queueID)
    effects.journal(.queueSaved(stored))
    return stored
  }

  mutating func updateQueue(
    caller: Caller, _ queue: QueueConfig, expectedVersion: UInt64, now: WallTime, effects: inout Effects
  ) throws(CoreError) -> QueueConfig {
    try requireAdmin(caller, "update queues")
    try AdminRule.slug(queue.queueID, "queue_id")
    guard let current = queues[queue.queueID] else {
      throw CoreError(.notFound, "queue \(queue.queueID) does not exist")
    }
    try validateQueue(queue, updating: queue.queueID)
    guard expectedVersion == 0 || expectedVersion == current.config.version else {
      throw CoreError(
        .aborted,
        "queue \(queue.queueID) is at version \(current.config.version), not \(expectedVersion); read it again")
    }
    var stored = queue
    stored.version = current.config.version + 1
    stored.updatedAt = now
    for topic in current.config.topics { queueByTopic[topic] = nil }
    for topic in stored.topics { queueByTopic[topic] = stored.queueID }
    queues[queue.queueID]?.config = stored
    if stored.maxWait != current.config.maxWait {
      for key in current.line.keys {
        guard let facts = routing[key.conversationID] else { continue }
        let timer = TimerKey.maxWait(conversationID: key.conversationID, entry: facts.entry)
        if let maxWait = stored.maxWait {
          effects.arm(timer, at: facts.enteredQueueAt + maxWait)
        } else {
          effects.cancel(timer)
        }
      }
    }
    touch(queue: stored.queueID)
    effects.journal(.queueSaved(stored))
    return stored
  }

  mutating func deleteQueue(
    caller: Caller, queueID: String, drainTo: String?, now: WallTime, effects: inout Effects
  ) throws(CoreError) -> Int {
    try requireAdmin(caller, "delete queues")
    guard let queue = queues[queueID] else {
      throw CoreError(.notFound, "queue \(queueID) does not exist")
    }
    if let drainTo {
      guard drainTo != queueID else {
        throw CoreError(.invalidArgument, "queue \(queueID) cannot drain into itself")
      }
      guard queues[drainTo] != nil else {
        throw CoreError(.notFound, "drain queue \(drainTo) does not exist")
      }
    }
    if let other = queues.values.first(where: { $0.config.overflowQueueID == queueID }) {
      throw CoreError(
        .failedPrecondition, "queue \(other.config.queueID) overflows into \(queueID); change it first")
    }
    let active = agents.values.flatMap(\.active).filter { conversations[$0]?.queueID == queueID }
    guard active.isEmpty else {
      throw CoreError(
        .failedPrecondition,
        "\(active.count) active conversation(s) of queue \(queueID) remain (e.g. \(active.sorted()[0])); close or reassign them first")
    }
    guard queue.line.isEmpty || drainTo != nil else {
      throw CoreError(
        .failedPrecondition, "\(queue.line.count) conversation(s) wait in queue \(queueID); give a drain queue")
    }
    let waiting = queue.line.keys.map(\.conversationID)
    if let drainTo {
      for conversationID in waiting {
        withdrawOffers(ofConversation: conversationID, reason: .reassigned, now: now, effects: &effects)
        leaveLine(conversationID, effects: &effects)
        effects.journal(.conversationQueued(conversationID: conversationID, queueID: drainTo, at: now))
        enterQueue(conversationID, queueID: drainTo, trigger: .reassign, now: now, effects: &effects)
      }
    }
    for topic in queue.config.topics { queueByTopic[topic] = nil }
    queues[queueID] = nil
    members[queueID] = nil
    dirtyQueues.remove(queueID)
    for agentID in agents.keys.sorted() where agents[agentID]!.profile.queueIDs.contains(queueID) {
      agents[agentID]!.profile.queueIDs.removeAll { $0 == queueID }
      agents[agentID]!.profile.updatedAt = now
      effects.journal(.agentSaved(agents[agentID]!.profile))
    }
    effects.journal(.queueDeleted(queueID: queueID))
    queueRemovedFromWatchers(queueID, now: now, effects: &effects)
    return waiting.count
  }

  // MARK: Agents

  mutating func upsertAgent(caller: Caller, _ profile: AgentProfile, now: WallTime, effects: inout Effects)
    throws(CoreError) -> (agent: AgentProfile, created: Bool)
  {
    try requireAdmin(caller, "change agent profiles")
    try AdminRule.agentID(profile.agentID, "agent_id")
    try AdminRule.name(profile.displayName, "display_name")
    guard profile.role == .agent || profile.role == .supervisor else {
      throw CoreError(.invalidArgument, "role must be agent or supervisor, not \(profile.role)")
    }
    guard (1...AdminRule.maxCapacity).contains(profile.capacity) else {
      throw CoreError(.invalidArgument, "capacity \(profile.capacity) is outside 1...\(AdminRule.maxCapacity)")
    }
    try AdminRule.list(profile.queueIDs, "queue_ids")
    try AdminRule.list(profile.skills, "skills")
    if let unknown = profile.queueIDs.first(where: { queues[$0] == nil }) {
      throw CoreError(.notFound, "queue \(unknown) does not exist")
    }
    var stored = profile
    stored.updatedAt = now
    let previous = agents[profile.agentID]
    var agent = previous ?? AgentState(profile: stored, now: now)
    let oldQueues = Set(previous?.profile.queueIDs ?? [])
    agent.profile = stored
    agents[stored.agentID] = agent
    for queueID in oldQueues.subtracting(stored.queueIDs) {
      members[queueID]?.removeAll { $0 == stored.agentID }
      touch(queue: queueID)
    }
    for queueID in Set(stored.queueIDs).subtracting(oldQueues) {
      members[queueID, default: []].append(stored.agentID)
      members[queueID]?.sort()
    }
    touch(agent: stored.agentID)
    // Offers from queues the agent no longer serves are withdrawn and routed elsewhere.
    for offerID in agent.offers {
      guard let offer = offers[offerID], !offer.direct, !stored.queueIDs.contains(offer.offer.queueID)
      else { continue }
      endOffer(offerID, as: .withdrawn(.agentUnavailable, at: now), now: now, effects: &effects)
      if routable.contains(offer.offer.conversationID) {
        becameRoutable(offer.offer.conversationID, trigger: .agentLost)
      }
    }
    // A lowered capacity takes back the newest offers that no longer fit.
    while let agent = agents[stored.agentID], agent.load > agent.capacity, let offerID = agent.offers.last {
      let conversationID = offers[offerID]?.offer.conversationID
      endOffer(offerID, as: .withdrawn(.agentUnavailable, at: now), now: now, effects: &effects)
      if let conversationID, routable.contains(conversationID) {
        becameRoutable(conversationID, trigger: .agentLost)
      }
    }
    if previous?.profile.role == .supervisor && stored.role != .supervisor {
      removeSupervisor(stored.agentID, now: now, effects: &effects)
    }
    effects.journal(.agentSaved(stored))
    return (stored, previous == nil)
  }

  /// Removes a supervisor from every queue's supervisor list.
  private mutating func removeSupervisor(_ agentID: String, now: WallTime, effects: inout Effects) {
    for queueID in queues.keys.sorted() where queues[queueID]!.config.supervisorIDs.contains(agentID) {
      queues[queueID]!.config.supervisorIDs.removeAll { $0 == agentID }
      queues[queueID]!.config.version += 1
      queues[queueID]!.config.updatedAt = now
      effects.journal(.queueSaved(queues[queueID]!.config))
    }
  }

  mutating func deleteAgent(caller: Caller, agentID: String, now: WallTime, effects: inout Effects)
    throws(CoreError)
  {
    try requireAdmin(caller, "delete agents")
    guard let agent = agents[agentID] else {
      throw CoreError(.notFound, "agent \(agentID) does not exist")
    }
    guard agent.active.isEmpty else {
      throw CoreError(
        .failedPrecondition,
        "agent \(agentID) still owns \(agent.active.count) conversation(s) (e.g. \(agent.active[0])); reassign them first")
    }
    withdrawOffers(ofAgent: agentID, reason: .agentUnavailable, now: now, effects: &effects)
    removeSupervisor(agentID, now: now, effects: &effects)
    touch(agent: agentID)
    for queueID in agent.profile.queueIDs { members[queueID]?.removeAll { $0 == agentID } }
    if agent.disconnectedAt != nil {
      effects.cancel(.disconnectGrace(agentID: agentID, generation: agent.disconnectGeneration))
    }
    for sink in agent.streams.values {
      effects.finish(sink, throwing: CoreError(.permissionDenied, "agent profile \(agentID) was deleted"))
    }
    agents[agentID] = nil
    effects.journal(.agentDeleted(agentID: agentID))
  }

  // MARK: Resolution categories and surveys

  mutating func setResolutionCategories(
    caller: Caller, _ input: [ResolutionCategory], now: WallTime, effects: inout Effects
  ) throws(CoreError) -> (categories: [ResolutionCategory], retiredCount: Int) {
    try requireAdmin(caller, "set resolution categories")
    guard !input.isEmpty else {
      throw CoreError(.invalidArgument, "at least one active resolution category is required")
    }
    var ids = Set<String>()
    for category in input {
      try AdminRule.slug(category.categoryID, "category_id")
      try AdminRule.name(category.label, "label of \(category.categoryID)")
      try TextRule.limit(category.description, "description of \(category.categoryID)", AdminRule.maxTextLength)
      guard ids.insert(category.categoryID).inserted else {
        throw CoreError(.invalidArgument, "category \(category.categoryID) is listed twice")
      }
    }
    var retired = 0
    for (id, category) in categories where category.active && !category.isBuiltIn && !ids.contains(id) {
      categories[id]?.active = false
      retired += 1
    }
    for category in input {
      var stored = category
      stored.active = true
      categories[category.categoryID] = stored
    }
    let all = sortedCategories(includeRetired: true)
    effects.journal(.resolutionCategoriesSet(all))
    return (all, retired)
  }

  /// Categories in display order (sort order, then id).
  func sortedCategories(includeRetired: Bool) -> [ResolutionCategory] {
    categories.values.filter { includeRetired || $0.active }.sorted {
      ($0.sortOrder, $0.categoryID) < ($1.sortOrder, $1.categoryID)
    }
  }

  mutating func setSurveySettings(
    caller: Caller, _ settings: SurveySettings, now: WallTime, effects: inout Effects
  ) throws(CoreError) -> SurveySettings {
    try requireAdmin(caller, "change survey settings")
    if settings.enabled {
      guard let window = settings.responseWindow else {
        throw CoreError(.invalidArgument, "response_window is required when surveys are enabled")
      }
      guard window > .zero, window <= AdminRule.maxSurveyWindow else {
        throw CoreError(.invalidArgument, "response_window \(window) is outside (0, 30 days]")
      }
    }
    try TextRule.limit(settings.prompt, "prompt", AdminRule.maxTextLength)
    surveySettings = settings
    effects.journal(.surveySettingsSet(settings))
    return settings
  }
}
