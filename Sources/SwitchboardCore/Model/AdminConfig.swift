/// How a queue offers a conversation to agents.
public enum OfferMode: Sendable, Hashable, CaseIterable {
  /// One chosen agent at a time; on decline or timeout the next candidate is offered.
  case singleAgent
  /// Every eligible agent at once; the first accept wins, the other offers are withdrawn.
  case broadcast
}

/// A queue's configuration (Admin).
public struct QueueConfig: Sendable, Hashable {
  /// Queue id, chosen by the admin: lowercase letters, digits and `-`.
  public var queueID: String
  /// Display name, unique among queues.
  public var name: String
  /// Topics (as passed when starting a conversation) that map to this queue; unique across queues.
  public var topics: [String]
  /// How long an offer stays open; `nil` means the registry default (30 s).
  public var offerTimeout: Duration?
  /// Single agent or broadcast.
  public var offerMode: OfferMode
  /// Longest a conversation may wait here; `nil` means no limit.
  public var maxWait: Duration?
  /// Queue receiving conversations that exceed `maxWait`; `nil` closes them instead.
  public var overflowQueueID: String?
  /// Priority of conversations started without one.
  public var defaultPriority: Priority
  /// Supervisors of this queue (agent ids with the supervisor role).
  public var supervisorIDs: [String]
  /// Skills an agent must have to be offered this queue's conversations.
  public var requiredSkills: [String]
  /// Incremented on each update; set by the registry.
  public var version: UInt64
  /// When the configuration last changed; set by the registry.
  public var updatedAt: WallTime?

  /// A queue configuration; `version` and `updatedAt` are set by the registry when stored.
  public init(
    queueID: String,
    name: String,
    topics: [String] = [],
    offerTimeout: Duration? = nil,
    offerMode: OfferMode = .singleAgent,
    maxWait: Duration? = nil,
    overflowQueueID: String? = nil,
    defaultPriority: Priority = .normal,
    supervisorIDs: [String] = [],
    requiredSkills: [String] = [],
    version: UInt64 = 0,
    updatedAt: WallTime? = nil
  ) {
    self.queueID = queueID
    self.name = name
    self.topics = topics
    self.offerTimeout = offerTimeout
    self.offerMode = offerMode
    self.maxWait = maxWait
    self.overflowQueueID = overflowQueueID
    self.defaultPriority = defaultPriority
    self.supervisorIDs = supervisorIDs
    self.requiredSkills = requiredSkills
    self.version = version
    self.updatedAt = updatedAt
  }
}

/// An agent's configuration (Admin).
public struct AgentProfile: Sendable, Hashable {
  /// Agent id, chosen by the admin (e.g. the directory user name).
  public var agentID: String
  /// Name shown to customers and colleagues.
  public var displayName: String
  /// `.agent` or `.supervisor`.
  public var role: Role
  /// Queues the agent takes conversations from.
  public var queueIDs: [String]
  /// Maximum concurrent conversations (active, wrap-up and pending offers), at least 1.
  public var capacity: UInt32
  /// Skills used by routing, e.g. "billing", "lang:de".
  public var skills: [String]
  /// When the profile last changed; set by the registry.
  public var updatedAt: WallTime?

  /// An agent profile; `updatedAt` is set by the registry when stored.
  public init(
    agentID: String,
    displayName: String,
    role: Role = .agent,
    queueIDs: [String] = [],
    capacity: UInt32 = 1,
    skills: [String] = [],
    updatedAt: WallTime? = nil
  ) {
    self.agentID = agentID
    self.displayName = displayName
    self.role = role
    self.queueIDs = queueIDs
    self.capacity = capacity
    self.skills = skills
    self.updatedAt = updatedAt
  }
}

/// A category an agent picks when closing a conversation.
public struct ResolutionCategory: Sendable, Hashable {
  /// Category id, chosen by the admin (e.g. "refund-issued").
  public var categoryID: String
  /// Label shown to agents.
  public var label: String
  /// Longer guidance for agents.
  public var description: String
  /// If true, closing with this category requires non-empty notes.
  public var requiresNotes: Bool
  /// False for retired categories, kept so old transcripts still resolve.
  public var active: Bool
  /// Display order, ascending.
  public var sortOrder: Int32

  /// A resolution category.
  public init(
    categoryID: String,
    label: String,
    description: String = "",
    requiresNotes: Bool = false,
    active: Bool = true,
    sortOrder: Int32 = 0
  ) {
    self.categoryID = categoryID
    self.label = label
    self.description = description
    self.requiresNotes = requiresNotes
    self.active = active
    self.sortOrder = sortOrder
  }
}

/// Whether and how customers are surveyed after closing.
public struct SurveySettings: Sendable, Hashable {
  /// If false no survey is offered.
  public var enabled: Bool
  /// How long after closing the customer may answer; required when enabled.
  public var responseWindow: Duration?
  /// The question shown to the customer.
  public var prompt: String

  /// Survey settings.
  public init(enabled: Bool, responseWindow: Duration?, prompt: String) {
    self.enabled = enabled
    self.responseWindow = responseWindow
    self.prompt = prompt
  }

  /// The settings a new registry starts with: enabled, 24-hour window.
  public static let defaults = SurveySettings(
    enabled: true, responseWindow: .seconds(24 * 3600),
    prompt: "How satisfied are you with the help you received?")
}
