/// Queue figures, the customer's queue position and wait estimate.
extension RegistryState {
  /// Live figures of a queue; window figures cover `options.figuresWindow` up to `now`.
  func figures(of queueID: String, now: WallTime) -> QueueFigures? {
    guard let queue = queues[queueID] else { return nil }
    let cutoff = now - options.figuresWindow
    var available: UInt32 = 0
    var online: UInt32 = 0
    for agentID in members[queueID, default: []] {
      guard let agent = agents[agentID] else { continue }
      if agent.presence != .offline { online += 1 }
      if agent.canTakeOffers && agent.hasSkills(queue.config.requiredSkills) { available += 1 }
    }
    var active: UInt32 = 0
    for agent in agents.values {
      for conversationID in agent.active where conversations[conversationID]?.queueID == queueID {
        active += 1
      }
    }
    let samples = queue.samples
    let accepts = samples.accepts.filter { $0.at >= cutoff }
    let responses = samples.firstResponses.filter { $0.at >= cutoff }
    let closes = samples.closes.filter { $0.at >= cutoff }
    let ratings = samples.ratings.filter { $0.at >= cutoff }
    let abandoned = closes.count { $0.abandoned }
    let oldest = queue.line.keys.map(\.arrival).min()
    return QueueFigures(
      queueID: queueID, name: queue.config.name, waiting: UInt32(queue.line.count),
      longestWait: oldest.map { now - $0 }, agentsAvailable: available, agentsOnline: online,
      activeConversations: active, window: options.figuresWindow,
      averageTimeToAccept: Self.average(accepts.compactMap(\.timeToAccept)),
      averageFirstResponseTime: Self.average(responses.map(\.duration)),
      closedCount: UInt64(closes.count), abandonedCount: UInt64(abandoned),
      abandonmentRate: abandoned + accepts.count == 0
        ? 0 : Double(abandoned) / Double(abandoned + accepts.count),
      csatAverage: ratings.isEmpty
        ? 0 : Double(ratings.reduce(0) { $0 + $1.rating }) / Double(ratings.count),
      csatResponses: UInt32(ratings.count), asOf: now)
  }

  private static func average(_ durations: [Duration]) -> Duration? {
    guard !durations.isEmpty else { return nil }
    return .nanoseconds(durations.reduce(Int64(0)) { $0 + $1.nanoseconds } / Int64(durations.count))
  }

  /// The customer's place in its queue and the estimated wait, or `nil` if it does not wait.
  ///
  /// Estimate = position × average handle time / agents online, where the average handle time
  /// is that of the conversations agents closed in the queue within the figures window
  /// (`options.defaultHandleTime` if none) and agents online are the queue's members who are
  /// not offline; `nil` when no agent is online. It is the wait of an M/D/c-like queue where
  /// every online agent finishes one conversation per handle time.
  func queuePosition(of conversationID: String, now: WallTime) -> QueuePositionUpdate? {
    guard let facts = routing[conversationID], facts.waiting,
      let queueID = conversations[conversationID]?.queueID, let queue = queues[queueID],
      let index = queue.line.index(of: facts.key)
    else { return nil }
    return positionUpdate(queueID: queueID, index: index, estimate: waitEstimator(for: queueID, now: now))
  }

  /// The per-position wait of a queue, `nil` when no member is online.
  private func waitEstimator(for queueID: String, now: WallTime) -> Duration? {
    guard let queue = queues[queueID] else { return nil }
    let online = members[queueID, default: []].count { agents[$0].map { $0.presence != .offline } ?? false }
    guard online > 0 else { return nil }
    let cutoff = now - options.figuresWindow
    let handled = queue.samples.closes.compactMap { $0.at >= cutoff ? $0.handleTime : nil }
    let handle = Self.average(handled) ?? options.defaultHandleTime
    return .nanoseconds(handle.nanoseconds / Int64(online))
  }

  private func positionUpdate(queueID: String, index: Int, estimate perPosition: Duration?)
    -> QueuePositionUpdate
  {
    QueuePositionUpdate(
      queueID: queueID, position: UInt32(index + 1),
      estimatedWait: perPosition.map { .nanoseconds($0.nanoseconds * Int64(index + 1)) })
  }

  /// Pushes a `queuePosition` event to the followers of every waiting conversation of the
  /// touched queues whose position or estimate changed (only the customer view shows it).
  /// Conversations nobody follows are skipped; a new follower gets the next change.
  mutating func updateQueuePositions(in queueIDs: Set<String>, now: WallTime, effects: inout Effects) {
    guard !followers.isEmpty else { return }
    for queueID in queueIDs.sorted() {
      guard let queue = queues[queueID] else { continue }
      var estimate: Duration??
      for (index, key) in queue.line.keys.enumerated() where followers[key.conversationID] != nil {
        if estimate == nil { estimate = waitEstimator(for: queueID, now: now) }
        let update = positionUpdate(queueID: queueID, index: index, estimate: estimate!)
        guard pushedPositions[key.conversationID] != update else { continue }
        pushedPositions[key.conversationID] = update
        publishEphemeral(.queuePosition(update), in: key.conversationID, now: now, effects: &effects)
      }
    }
  }

  /// Adds a sample to a queue's figures, drops samples older than the window and marks the
  /// queue changed.
  mutating func sample(_ queueID: String, now: WallTime, _ add: (inout QueueSamples) -> Void) {
    guard queues[queueID] != nil else { return }
    add(&queues[queueID]!.samples)
    queues[queueID]!.samples.prune(before: now - options.figuresWindow)
    touch(queue: queueID)
  }

  /// Counts an agent's first public reply in the conversation's queue figures.
  mutating func noteFirstResponse(in conversationID: String, after duration: Duration, now: WallTime) {
    guard let queueID = conversations[conversationID]?.queueID else { return }
    sample(queueID, now: now) { $0.firstResponse(at: now, after: duration) }
  }

  /// Counts a survey rating in the conversation's queue figures.
  mutating func noteSurveyRating(in conversationID: String, rating: Int, now: WallTime) {
    guard let queueID = conversations[conversationID]?.queueID else { return }
    sample(queueID, now: now) { $0.rated(at: now, rating: rating) }
  }
}
