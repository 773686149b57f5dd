/// The first item of a notifications stream: what is pending for the agent right now.
public struct NotificationSnapshot: Sendable, Hashable {
  /// The agent's status.
  public var status: AgentStatus
  /// Offers waiting for an answer, oldest first.
  public var pendingOffers: [Offer]
  /// Conversations active or in wrap-up with this agent.
  public var activeConversations: [ConversationSummary]
  /// Open assistance requests the agent made.
  public var openAssistance: [AssistanceRequest]

  /// A snapshot.
  public init(
    status: AgentStatus,
    pendingOffers: [Offer],
    activeConversations: [ConversationSummary],
    openAssistance: [AssistanceRequest]
  ) {
    self.status = status
    self.pendingOffers = pendingOffers
    self.activeConversations = activeConversations
    self.openAssistance = openAssistance
  }
}

/// One item of an agent's notifications stream.
public struct Notification: Sendable, Hashable {
  /// What a notification is about.
  public enum Kind: Sendable, Hashable {
    /// First item only: pending offers and active conversations.
    case snapshot(NotificationSnapshot)
    /// A new offer with preview and bot context.
    case offer(Offer)
    /// A pending offer was taken back.
    case offerWithdrawn(OfferWithdrawn)
    /// A transfer or reassignment handed a conversation to this agent.
    case handedOver(ConversationHandedOver)
    /// A supervisor took a conversation away from this agent.
    case reassignedAway(TransferRecord)
    /// A new customer message in one of the agent's conversations.
    case customerMessage(ConversationMessage)
    /// A supervisor whispered to this agent.
    case whisper(ConversationMessage)
    /// A supervisor answered one of the agent's assistance requests.
    case assistanceAnswered(AssistanceRequest)
    /// The agent's presence was changed by someone else or by the server.
    case presenceChanged(AgentStatus)
  }

  /// When the notification was produced.
  public var sentAt: WallTime
  /// What it is about.
  public var kind: Kind

  /// A notification.
  public init(sentAt: WallTime, kind: Kind) {
    self.sentAt = sentAt
    self.kind = kind
  }
}

/// A batch of queue figures on a queue watch stream.
public struct QueueFiguresUpdate: Sendable, Hashable {
  /// True for the first batch, which holds every watched queue.
  public var snapshot: Bool
  /// Figures of the queues that changed (all watched queues if `snapshot`), ordered by queue id.
  public var queues: [QueueFigures]
  /// Watched queues deleted since the last update.
  public var removedQueueIDs: [String]

  /// An update.
  public init(snapshot: Bool, queues: [QueueFigures], removedQueueIDs: [String]) {
    self.snapshot = snapshot
    self.queues = queues
    self.removedQueueIDs = removedQueueIDs
  }
}

/// One item of a queue watch stream.
public struct QueueWatchItem: Sendable, Hashable {
  /// What changed.
  public enum Kind: Sendable, Hashable {
    /// Queue figures.
    case figures(QueueFiguresUpdate)
    /// An assistance request was raised, resolved or cancelled in a watched queue.
    case assistance(AssistanceRequest)
  }

  /// When it was produced.
  public var sentAt: WallTime
  /// What changed.
  public var kind: Kind

  /// An item.
  public init(sentAt: WallTime, kind: Kind) {
    self.sentAt = sentAt
    self.kind = kind
  }
}
