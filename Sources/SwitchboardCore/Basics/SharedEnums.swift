/// How urgently a conversation, ticket or assistance request should be handled; ordered, so
/// `.urgent > .low`.
public enum Priority: Int, Sendable, Hashable, Comparable, CaseIterable {
  /// Can wait behind everything else.
  case low = 1
  /// The usual priority.
  case normal = 2
  /// Served before normal and low priority work.
  case high = 3
  /// Served first.
  case urgent = 4

  public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The medium a customer reaches support through, or is moved to.
public enum Channel: Sendable, Hashable, CaseIterable {
  /// Chat widget on a web site.
  case web
  /// Chat inside the company's mobile app.
  case mobileApp
  /// A third-party messaging network relayed by a bot.
  case messaging
  /// A phone call; only a channel-move target, never a live chat.
  case phone
  /// E-mail; only a channel-move target, never a live chat.
  case email

  /// Whether a live chat can run on this channel.
  public var isLiveChat: Bool { self == .web || self == .mobileApp || self == .messaging }
}

/// Whether an agent can receive new offers.
public enum Presence: Sendable, Hashable, CaseIterable {
  /// Receives offers up to their capacity (while connected).
  case available
  /// Keeps active conversations but receives no new offers.
  case away
  /// Not working; receives no offers.
  case offline
}

/// Who a principal or a conversation participant is.
public enum Role: Sendable, Hashable, CaseIterable {
  /// The person asking for help; scoped to one conversation.
  case customer
  /// An automated front end that escalates conversations.
  case bot
  /// A human support agent.
  case agent
  /// An agent who also supervises queues.
  case supervisor
  /// Configures queues, agents, categories and surveys; reads the event feed.
  case admin
  /// Switchboard itself, as the author of system messages; never a caller.
  case system
}

/// Where a conversation is in its life: queued → offered → active → (wrap-up) → closed.
public enum ConversationState: Sendable, Hashable, CaseIterable {
  /// Waiting in a queue; no agent has an offer.
  case queued
  /// Offered to one agent (or broadcast to several); waiting for an accept.
  case offered
  /// An agent accepted it.
  case active
  /// The customer left an active conversation; the agent finishes before closing.
  case wrapUp
  /// Finished.
  case closed

  /// Queued or offered: the conversation waits in a queue.
  public var isWaiting: Bool { self == .queued || self == .offered }
}

/// Why a conversation ended.
public enum CloseReason: Sendable, Hashable, CaseIterable {
  /// An agent or supervisor closed it with a resolution category.
  case agentClosed
  /// The customer left before any agent accepted it.
  case abandoned
  /// It waited longer than its queue's max wait and the queue has no overflow queue.
  case maxWaitExceeded
  /// An admin removed its queue without a drain target, or an operator ended it.
  case administrative
}

/// Who may see a conversation message.
public enum MessageVisibility: Sendable, Hashable, CaseIterable {
  /// Everyone in the conversation, the customer included.
  case `public`
  /// Agents and supervisors only.
  case internalNote
  /// The assigned agent and supervisors only.
  case whisper
}
