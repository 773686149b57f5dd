internal import OrderedCollections

/// Presence and connectivity. Presence (available / away / offline) is what the agent or a
/// supervisor chose; connectivity is whether the agent has a notifications stream open. Only
/// agents who are both available and connected get offers. When the last stream closes, the
/// agent gets no new offers at once; after the grace period its pending offers are withdrawn
/// and re-routed and its presence becomes offline, unless it reconnected in between.
extension RegistryState {
  /// The agent's live status.
  func status(of agent: AgentState) -> AgentStatus {
    AgentStatus(
      agentID: agent.profile.agentID, displayName: agent.profile.displayName,
      role: agent.profile.role, presence: agent.presence, presenceReason: agent.presenceReason,
      presenceSince: agent.presenceSince, activeConversations: UInt32(agent.active.count),
      capacity: agent.profile.capacity, pendingOffers: UInt32(agent.offers.count),
      queueIDs: agent.profile.queueIDs, connected: agent.connected)
  }

  /// Sends a notification to every open stream of the agent.
  func notify(_ agentID: String, _ kind: Notification.Kind, now: WallTime, effects: inout Effects) {
    guard let agent = agents[agentID] else { return }
    let notification = Notification(sentAt: now, kind: kind)
    for sink in agent.streams.values { effects.send(notification, to: sink) }
  }

  /// Changes an agent's presence. Leaving `available` withdraws pending offers
  /// (`agentUnavailable`) and re-routes their conversations; becoming available resets the
  /// missed-offer count and lets routing offer work. `notifyAgent` sends `presenceChanged`
  /// (for changes made by someone else or by the server). Returns the withdrawn offer count.
  @discardableResult
  mutating func changePresence(
    of agentID: String, to presence: Presence, reason: String, notifyAgent: Bool, now: WallTime,
    effects: inout Effects
  ) -> Int {
    guard var agent = agents[agentID] else { return 0 }
    let changed = agent.presence != presence || agent.presenceReason != reason
    if agent.presence != presence { agent.presenceSince = now }
    agent.presence = presence
    agent.presenceReason = reason
    if presence == .available { agent.missedInARow = 0 }
    agents[agentID] = agent
    touch(agent: agentID)
    var withdrawn = 0
    if presence != .available {
      withdrawn = withdrawOffers(ofAgent: agentID, reason: .agentUnavailable, now: now, effects: &effects)
    }
    if changed {
      effects.journal(.presenceChanged(agentID: agentID, presence: presence, reason: reason, at: now))
      if notifyAgent, let agent = agents[agentID] {
        notify(agentID, .presenceChanged(status(of: agent)), now: now, effects: &effects)
      }
    }
    return withdrawn
  }

  /// A notifications stream of the agent opened (already counted against the limit): the agent
  /// is connected, a running grace period is cancelled, and routing may offer work.
  mutating func connect(_ sink: Sink<Notification>, agentID: String, effects: inout Effects) {
    guard var agent = agents[agentID] else { return }
    if agent.disconnectedAt != nil {
      effects.cancel(.disconnectGrace(agentID: agentID, generation: agent.disconnectGeneration))
      agent.disconnectedAt = nil
    }
    agent.streams[sink.id] = sink
    agents[agentID] = agent
    touch(agent: agentID)
  }

  /// A notifications stream of the agent ended. When it was the last one, the grace period
  /// starts.
  mutating func disconnect(_ streamID: UInt64, agentID: String, now: WallTime, effects: inout Effects) {
    guard var agent = agents[agentID], agent.streams.removeValue(forKey: streamID) != nil else { return }
    if agent.streams.isEmpty {
      agent.disconnectGeneration += 1
      agent.disconnectedAt = now
      effects.arm(
        .disconnectGrace(agentID: agentID, generation: agent.disconnectGeneration),
        at: now + options.disconnectGracePeriod)
    }
    agents[agentID] = agent
    touch(agent: agentID)
  }

  /// The grace period after a disconnection ended: if the agent did not reconnect, pending
  /// offers are withdrawn and re-routed and the agent is offline.
  mutating func disconnectGraceEnded(
    agentID: String, generation: UInt64, now: WallTime, effects: inout Effects
  ) {
    guard let agent = agents[agentID], !agent.connected, agent.disconnectedAt != nil,
      agent.disconnectGeneration == generation
    else { return }
    agents[agentID]?.disconnectedAt = nil
    changePresence(
      of: agentID, to: .offline, reason: "disconnected", notifyAgent: false, now: now,
      effects: &effects)
  }
}
