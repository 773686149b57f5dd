/// Where a new conversation should go.
public enum ConversationDestination: Sendable, Hashable {
  /// A queue id.
  case queue(String)
  /// A topic that maps to a queue (see `QueueConfig.topics`).
  case topic(String)
}

/// What starting a conversation needs.
public struct NewConversation: Sendable, Hashable {
  /// The queue or topic.
  public var destination: ConversationDestination
  /// Priority; `nil` uses the queue's default.
  public var priority: Priority?
  /// The customer's channel; `nil` means web. Phone and e-mail are not live-chat channels.
  public var channel: Channel?
  /// Who the customer is; a display name is required.
  public var customer: CustomerInfo
  /// Preview / subject line shown in offers.
  public var subject: String
  /// What the bot learned; `nil` when a customer starts directly.
  public var botContext: BotContext?
  /// The customer's first message, if any; becomes sequence 1.
  public var initialMessage: String
  /// Caller-chosen key making retries safe; empty for none.
  public var idempotencyKey: String

  /// A start request.
  public init(
    destination: ConversationDestination,
    priority: Priority? = nil,
    channel: Channel? = nil,
    customer: CustomerInfo,
    subject: String = "",
    botContext: BotContext? = nil,
    initialMessage: String = "",
    idempotencyKey: String = ""
  ) {
    self.destination = destination
    self.priority = priority
    self.channel = channel
    self.customer = customer
    self.subject = subject
    self.botContext = botContext
    self.initialMessage = initialMessage
    self.idempotencyKey = idempotencyKey
  }
}

/// The result of starting a conversation.
public struct StartedConversation: Sendable, Hashable {
  /// The new conversation's id.
  public var conversationID: String
  /// The queue it was placed in (resolved from the topic if one was given).
  public var queueID: String
  /// 1-based position in the queue now; 0 if it no longer waits.
  public var queuePosition: UInt32
  /// Estimated wait; `nil` when no estimate is possible.
  public var estimatedWait: Duration?
  /// True if this is the replayed result of an earlier call with the same idempotency key.
  public var duplicate: Bool

  /// A start result.
  public init(
    conversationID: String, queueID: String, queuePosition: UInt32, estimatedWait: Duration?,
    duplicate: Bool
  ) {
    self.conversationID = conversationID
    self.queueID = queueID
    self.queuePosition = queuePosition
    self.estimatedWait = estimatedWait
    self.duplicate = duplicate
  }
}
