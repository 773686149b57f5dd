/// A compact view of a conversation for lists and notifications.
public struct ConversationSummary: Sendable, Hashable {
  /// The conversation id.
  public var conversationID: String
  /// The queue it is in or was last routed through.
  public var queueID: String
  /// Current state.
  public var state: ConversationState
  /// Current priority.
  public var priority: Priority
  /// The channel the customer uses.
  public var channel: Channel
  /// Preview / subject line given at start.
  public var subject: String
  /// Customer's display name.
  public var customerDisplayName: String
  /// The agent who owns it; empty while queued or offered.
  public var assignedAgentID: String
  /// When it was started.
  public var createdAt: WallTime
  /// When the current agent took it; `nil` while unassigned.
  public var assignedAt: WallTime?
  /// When the last message was sent; `nil` before the first message.
  public var lastMessageAt: WallTime?
  /// The latest durable sequence number.
  public var lastSequence: UInt64
  /// Customer messages the assigned agent has not marked read.
  public var unreadCount: UInt32
  /// How many times it has been transferred or reassigned.
  public var transferCount: UInt32

  /// Creates a summary.
  public init(
    conversationID: String,
    queueID: String,
    state: ConversationState,
    priority: Priority,
    channel: Channel,
    subject: String,
    customerDisplayName: String,
    assignedAgentID: String,
    createdAt: WallTime,
    assignedAt: WallTime?,
    lastMessageAt: WallTime?,
    lastSequence: UInt64,
    unreadCount: UInt32,
    transferCount: UInt32
  ) {
    self.conversationID = conversationID
    self.queueID = queueID
    self.state = state
    self.priority = priority
    self.channel = channel
    self.subject = subject
    self.customerDisplayName = customerDisplayName
    self.assignedAgentID = assignedAgentID
    self.createdAt = createdAt
    self.assignedAt = assignedAt
    self.lastMessageAt = lastMessageAt
    self.lastSequence = lastSequence
    self.unreadCount = unreadCount
    self.transferCount = transferCount
  }
}

/// Everything an agent needs to pick up a conversation.
public struct ConversationDetail: Sendable, Hashable {
  /// The summary fields.
  public var summary: ConversationSummary
  /// Who the customer is.
  public var customer: CustomerInfo
  /// What the escalating bot learned; `nil` if no bot was involved.
  public var botContext: BotContext?
  /// Earlier transfers with their notes, oldest first.
  public var transfers: [TransferRecord]
  /// Messages so far (public messages, notes and whispers the viewer may see), oldest first.
  public var transcript: [ConversationMessage]
  /// Who is currently in the conversation.
  public var participants: [Participant]
  /// Open assistance requests for this conversation.
  public var openAssistance: [AssistanceRequest]

  /// Creates a detail.
  public init(
    summary: ConversationSummary,
    customer: CustomerInfo,
    botContext: BotContext?,
    transfers: [TransferRecord],
    transcript: [ConversationMessage],
    participants: [Participant],
    openAssistance: [AssistanceRequest]
  ) {
    self.summary = summary
    self.customer = customer
    self.botContext = botContext
    self.transfers = transfers
    self.transcript = transcript
    self.participants = participants
    self.openAssistance = openAssistance
  }
}

/// Timings and counters of one conversation.
public struct ConversationMetrics: Sendable, Hashable {
  /// From start until an agent accepted it the first time; `nil` if never accepted.
  public var waitTime: Duration?
  /// From the offer to the first accepting agent until that accept; `nil` if never accepted
  /// through an offer.
  public var timeToAccept: Duration?
  /// From the first accept to the first public agent message; `nil` if none yet.
  public var firstResponseTime: Duration?
  /// From the first accept until close (or until now while open); `nil` if never accepted.
  public var handleTime: Duration?
  /// Transfers and reassignments.
  public var transferCount: UInt32
  /// Offers made to agents.
  public var offerCount: UInt32
  /// Offers declined or timed out.
  public var declinedOfferCount: UInt32
  /// Public messages sent by the customer (or the relaying bot).
  public var customerMessageCount: UInt32
  /// Public messages sent by agents and supervisors.
  public var agentMessageCount: UInt32

  /// Creates metrics.
  public init(
    waitTime: Duration? = nil,
    timeToAccept: Duration? = nil,
    firstResponseTime: Duration? = nil,
    handleTime: Duration? = nil,
    transferCount: UInt32 = 0,
    offerCount: UInt32 = 0,
    declinedOfferCount: UInt32 = 0,
    customerMessageCount: UInt32 = 0,
    agentMessageCount: UInt32 = 0
  ) {
    self.waitTime = waitTime
    self.timeToAccept = timeToAccept
    self.firstResponseTime = firstResponseTime
    self.handleTime = handleTime
    self.transferCount = transferCount
    self.offerCount = offerCount
    self.declinedOfferCount = declinedOfferCount
    self.customerMessageCount = customerMessageCount
    self.agentMessageCount = agentMessageCount
  }
}
