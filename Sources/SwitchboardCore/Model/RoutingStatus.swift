/// An agent's live status.
public struct AgentStatus: Sendable, Hashable {
  /// The agent.
  public var agentID: String
  /// Display name.
  public var displayName: String
  /// `.agent` or `.supervisor`.
  public var role: Role
  /// Current presence.
  public var presence: Presence
  /// The reason given with the presence ("lunch"); may be empty.
  public var presenceReason: String
  /// Since when the presence holds.
  public var presenceSince: WallTime
  /// Conversations active or in wrap-up.
  public var activeConversations: UInt32
  /// Maximum concurrent conversations.
  public var capacity: UInt32
  /// Offers waiting for this agent's answer.
  public var pendingOffers: UInt32
  /// Queues the agent serves.
  public var queueIDs: [String]
  /// True while the agent has at least one open notifications stream.
  public var connected: Bool

  /// A status.
  public init(
    agentID: String,
    displayName: String,
    role: Role,
    presence: Presence,
    presenceReason: String,
    presenceSince: WallTime,
    activeConversations: UInt32,
    capacity: UInt32,
    pendingOffers: UInt32,
    queueIDs: [String],
    connected: Bool
  ) {
    self.agentID = agentID
    self.displayName = displayName
    self.role = role
    self.presence = presence
    self.presenceReason = presenceReason
    self.presenceSince = presenceSince
    self.activeConversations = activeConversations
    self.capacity = capacity
    self.pendingOffers = pendingOffers
    self.queueIDs = queueIDs
    self.connected = connected
  }
}

/// Live figures of one queue.
public struct QueueFigures: Sendable, Hashable {
  /// The queue.
  public var queueID: String
  /// The queue's name.
  public var name: String
  /// Conversations waiting (queued or offered).
  public var waiting: UInt32
  /// How long the oldest waiting conversation has waited (since it entered the queue system,
  /// original arrival kept across transfers and overflow); `nil` if none waits.
  public var longestWait: Duration?
  /// Members of the queue who are available, connected and below capacity.
  public var agentsAvailable: UInt32
  /// Members of the queue who are not offline.
  public var agentsOnline: UInt32
  /// Conversations of this queue currently active or in wrap-up.
  public var activeConversations: UInt32
  /// The trailing window the averages and counts below cover.
  public var window: Duration
  /// Average time to accept within the window; `nil` if no accepts.
  public var averageTimeToAccept: Duration?
  /// Average first response time within the window; `nil` if no responses.
  public var averageFirstResponseTime: Duration?
  /// Conversations closed within the window (abandoned ones included).
  public var closedCount: UInt64
  /// Conversations abandoned within the window.
  public var abandonedCount: UInt64
  /// abandoned / (abandoned + accepted) within the window, 0 to 1.
  public var abandonmentRate: Double
  /// Mean survey rating within the window, 1 to 5; 0 if no responses.
  public var csatAverage: Double
  /// Survey responses within the window.
  public var csatResponses: UInt32
  /// When these figures were computed.
  public var asOf: WallTime

  /// Figures.
  public init(
    queueID: String,
    name: String,
    waiting: UInt32,
    longestWait: Duration?,
    agentsAvailable: UInt32,
    agentsOnline: UInt32,
    activeConversations: UInt32,
    window: Duration,
    averageTimeToAccept: Duration?,
    averageFirstResponseTime: Duration?,
    closedCount: UInt64,
    abandonedCount: UInt64,
    abandonmentRate: Double,
    csatAverage: Double,
    csatResponses: UInt32,
    asOf: WallTime
  ) {
    self.queueID = queueID
    self.name = name
    self.waiting = waiting
    self.longestWait = longestWait
    self.agentsAvailable = agentsAvailable
    self.agentsOnline = agentsOnline
    self.activeConversations = activeConversations
    self.window = window
    self.averageTimeToAccept = averageTimeToAccept
    self.averageFirstResponseTime = averageFirstResponseTime
    self.closedCount = closedCount
    self.abandonedCount = abandonedCount
    self.abandonmentRate = abandonmentRate
    self.csatAverage = csatAverage
    self.csatResponses = csatResponses
    self.asOf = asOf
  }
}
