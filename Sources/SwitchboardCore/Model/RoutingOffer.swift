/// An offer of a conversation to an agent.
public struct Offer: Sendable, Hashable {
  /// The offer id to pass to accept or decline.
  public var offerID: String
  /// The conversation offered.
  public var conversationID: String
  /// The queue it comes from; empty for a direct transfer to the agent.
  public var queueID: String
  /// Its priority.
  public var priority: Priority
  /// The customer's channel.
  public var channel: Channel
  /// Preview / subject line.
  public var subject: String
  /// Customer's display name.
  public var customerDisplayName: String
  /// The bot's summary of the problem; empty if no bot was involved.
  public var botSummary: String
  /// The bot's detected intent; empty if none.
  public var detectedIntent: String
  /// Single-agent or broadcast.
  public var mode: OfferMode
  /// When the offer was made.
  public var offeredAt: WallTime
  /// When it will be withdrawn if not accepted.
  public var expiresAt: WallTime
  /// How long the customer had been waiting when the offer was made.
  public var customerWaited: Duration
  /// Set when the conversation reached the agent or queue by a transfer: who sent it and why.
  public var transfer: TransferRecord?
  /// The bot's full context, so the agent can review it before accepting.
  public var botContext: BotContext?

  /// An offer.
  public init(
    offerID: String,
    conversationID: String,
    queueID: String,
    priority: Priority,
    channel: Channel,
    subject: String,
    customerDisplayName: String,
    botSummary: String,
    detectedIntent: String,
    mode: OfferMode,
    offeredAt: WallTime,
    expiresAt: WallTime,
    customerWaited: Duration,
    transfer: TransferRecord?,
    botContext: BotContext?
  ) {
    self.offerID = offerID
    self.conversationID = conversationID
    self.queueID = queueID
    self.priority = priority
    self.channel = channel
    self.subject = subject
    self.customerDisplayName = customerDisplayName
    self.botSummary = botSummary
    self.detectedIntent = detectedIntent
    self.mode = mode
    self.offeredAt = offeredAt
    self.expiresAt = expiresAt
    self.customerWaited = customerWaited
    self.transfer = transfer
    self.botContext = botContext
  }
}

/// A pending offer was taken back.
public struct OfferWithdrawn: Sendable, Hashable {
  /// The offer.
  public var offerID: String
  /// Its conversation.
  public var conversationID: String
  /// Why.
  public var reason: OfferWithdrawnReason

  /// A withdrawal notice.
  public init(offerID: String, conversationID: String, reason: OfferWithdrawnReason) {
    self.offerID = offerID
    self.conversationID = conversationID
    self.reason = reason
  }
}

/// A transfer or reassignment handed a conversation directly to the agent.
public struct ConversationHandedOver: Sendable, Hashable {
  /// The conversation now owned by the agent.
  public var conversation: ConversationSummary
  /// Who handed it over, why, and the note.
  public var transfer: TransferRecord

  /// A hand-over notice.
  public init(conversation: ConversationSummary, transfer: TransferRecord) {
    self.conversation = conversation
    self.transfer = transfer
  }
}
