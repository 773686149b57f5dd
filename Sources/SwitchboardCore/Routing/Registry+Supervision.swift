/// The Supervision service's routing operations: queue figures (listed and watched), agent
/// statuses and routing explanations. Supervisors see the queues whose `supervisorIDs` list
/// them; admins see every queue.
extension Registry {
  /// Live figures of queues ordered by id: the named ones (all must be visible to the caller),
  /// or every queue the caller sees (page size 1...100, 0 means 50).
  ///
  /// Roles: supervisor (their queues), admin. Errors: `notFound` (a named queue),
  /// `permissionDenied` (role, or a named queue not supervised), `invalidArgument`.
  public func listQueueFigures(caller: Caller, queueIDs: [String], pageSize: Int, pageToken: String)
    throws(CoreError) -> Page<QueueFigures>
  {
    try read { state, now throws(CoreError) in
      let ids = try state.watchableQueues(caller: caller, named: queueIDs)
      let request = try PageRequest(size: pageSize, token: pageToken, defaultSize: 50, maximumSize: 100)
      return request.page(of: ids.compactMap { state.figures(of: $0, now: now) })
    }
  }

  /// Streams queue figures: a snapshot of every watched queue, then figures of changed queues
  /// at most once per `minInterval` (`nil` or less than 1 s means 1 s) and assistance requests
  /// raised, resolved or cancelled in those queues.
  ///
  /// Roles: supervisor (their queues), admin. Errors as `listQueueFigures`, plus
  /// `resourceExhausted` (more than `maxQueueWatchesPerCaller` watches).
  public func watchQueues(caller: Caller, queueIDs: [String], minInterval: Duration?)
    async throws(CoreError) -> Subscription<QueueWatchItem>
  {
    let (stream, sink) = makeSubscription(of: QueueWatchItem.self) { state, _, _, id in
      state.queueWatchers[id] = nil
    }
    do {
      try await mutate(opensStream: true) { state, now, effects throws(CoreError) in
        let ids = try state.watchableQueues(caller: caller, named: queueIDs)
        let open = state.queueWatchers.values.count { $0.callerID == caller.id }
        guard open < options.maxQueueWatchesPerCaller else {
          throw CoreError(.resourceExhausted, "\(caller) already has \(open) queue watches open (the limit)")
        }
        guard !sink.isTerminated else { return }
        let figures = ids.compactMap { state.figures(of: $0, now: now) }
        var watcher = QueueWatcher(
          sink: sink, callerID: caller.id, queueIDs: Set(ids),
          minInterval: max(minInterval ?? .seconds(1), .seconds(1)), lastFlush: now)
        for figure in figures { watcher.lastSent[figure.queueID] = figure }
        state.queueWatchers[sink.id] = watcher
        let snapshot = QueueFiguresUpdate(snapshot: true, queues: figures, removedQueueIDs: [])
        effects.send(QueueWatchItem(sentAt: now, kind: .figures(snapshot)), to: sink)
      }
    } catch {
      sink.finish(throwing: error)
      throw error
    }
    return stream
  }

  /// Agents with presence, load and capacity, ordered by id: of one queue, or of every queue
  /// the caller sees (admins: every agent), optionally only some presences (page size 1...200,
  /// 0 means 100).
  ///
  /// Roles: supervisor (agents of their queues), admin. Errors: `notFound` (queue),
  /// `permissionDenied`, `invalidArgument`.
  public func listAgentStatuses(
    caller: Caller, queueID: String?, presences: Set<Presence>, pageSize: Int, pageToken: String
  ) throws(CoreError) -> Page<AgentStatus> {
    try read { state, _ throws(CoreError) in
      let queueIDs = try state.watchableQueues(caller: caller, named: queueID.map { [$0] } ?? [])
      let request = try PageRequest(size: pageSize, token: pageToken, defaultSize: 100, maximumSize: 200)
      let everyone = caller.role == .admin && queueID == nil
      let statuses = state.agents.keys.sorted().compactMap { id -> AgentStatus? in
        guard let agent = state.agents[id],
          everyone || agent.profile.queueIDs.contains(where: queueIDs.contains),
          presences.isEmpty || presences.contains(agent.presence)
        else { return nil }
        return state.status(of: agent)
      }
      return request.page(of: statuses)
    }
  }

  /// Every routing decision about a conversation (oldest first, at most
  /// `maxDecisionsPerConversation`, the latest kept) and its current agent.
  ///
  /// Roles: supervisor of a queue the conversation passed through, admin. Errors: `notFound`,
  /// `permissionDenied`.
  public func explainRouting(caller: Caller, conversationID: String) throws(CoreError) -> RoutingExplanation {
    try read { state, _ throws(CoreError) in
      guard caller.role == .admin || caller.role == .supervisor else {
        throw CoreError(.permissionDenied, "only supervisors and admins may explain routing")
      }
      let record = try state.conversation(conversationID)
      guard caller.role == .admin || record.queuesVisited.contains(where: { state.supervises(caller.id, queue: $0) })
      else {
        throw CoreError(
          .permissionDenied,
          "supervisor \(caller.id) supervises none of the queues conversation \(conversationID) passed through")
      }
      return RoutingExplanation(
        decisions: state.routing[conversationID]?.decisions ?? [],
        currentAgentID: record.assignedAgent?.participantID)
    }
  }
}

extension RegistryState {
  /// The queues a supervision call covers, sorted: the named ones (each must exist and be
  /// visible to the caller) or, if none are named, every queue the caller sees.
  func watchableQueues(caller: Caller, named: [String]) throws(CoreError) -> [String] {
    guard caller.role == .admin || caller.role == .supervisor else {
      throw CoreError(.permissionDenied, "only supervisors and admins see queue figures and agents")
    }
    let visible = visibleQueueIDs(of: caller)
    guard !named.isEmpty else { return visible.sorted() }
    for queueID in named {
      guard queues[queueID] != nil else { throw CoreError(.notFound, "queue \(queueID) does not exist") }
      guard visible.contains(queueID) else {
        throw CoreError(.permissionDenied, "supervisor \(caller.id) does not supervise queue \(queueID)")
      }
    }
    return Set(named).sorted()
  }
}
