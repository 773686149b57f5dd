/// Tunable behaviour of a registry; every field has the documented default.
public struct RegistryOptions: Sendable, Hashable {
  /// Offer timeout of queues that do not set one (default 30 s).
  public var defaultOfferTimeout: Duration
  /// How long after an agent's last notifications stream closed its pending offers are withdrawn
  /// and its presence becomes offline (default 10 s). Reconnecting within it changes nothing.
  public var disconnectGracePeriod: Duration
  /// Open notifications streams allowed per agent (default 5); one more is `resourceExhausted`.
  public var maxNotificationStreamsPerAgent: Int
  /// Open queue watch streams allowed per caller (default 5).
  public var maxQueueWatchesPerCaller: Int
  /// Events a stream buffers for a slow reader before it is ended with `resourceExhausted`
  /// (default 10,000).
  public var subscriberBufferLimit: Int
  /// Offers an agent may let expire in a row before being set away (default 3).
  public var missedOffersBeforeAway: Int
  /// The trailing window of the queue figures' averages and counts (default 1 hour).
  public var figuresWindow: Duration
  /// Handle time assumed by the wait estimate while a queue has no closed conversations in the
  /// figures window (default 3 minutes).
  public var defaultHandleTime: Duration
  /// Routing decisions kept per conversation (default 100); older ones are dropped.
  public var maxDecisionsPerConversation: Int
  /// Limits on texts clients send into conversations.
  public var conversationLimits: ConversationLimits
  /// Events the external event feed keeps (default 100,000); a cursor older than the oldest
  /// kept event is `outOfRange`.
  public var eventFeedRetention: Int

  /// Options with defaults; override what you need.
  public init(
    defaultOfferTimeout: Duration = .seconds(30),
    disconnectGracePeriod: Duration = .seconds(10),
    maxNotificationStreamsPerAgent: Int = 5,
    maxQueueWatchesPerCaller: Int = 5,
    subscriberBufferLimit: Int = 10_000,
    missedOffersBeforeAway: Int = 3,
    figuresWindow: Duration = .seconds(3600),
    defaultHandleTime: Duration = .seconds(180),
    maxDecisionsPerConversation: Int = 100,
    conversationLimits: ConversationLimits = ConversationLimits(),
    eventFeedRetention: Int = 100_000
  ) {
    self.defaultOfferTimeout = defaultOfferTimeout
    self.disconnectGracePeriod = disconnectGracePeriod
    self.maxNotificationStreamsPerAgent = maxNotificationStreamsPerAgent
    self.maxQueueWatchesPerCaller = maxQueueWatchesPerCaller
    self.subscriberBufferLimit = subscriberBufferLimit
    self.missedOffersBeforeAway = missedOffersBeforeAway
    self.figuresWindow = figuresWindow
    self.defaultHandleTime = defaultHandleTime
    self.maxDecisionsPerConversation = maxDecisionsPerConversation
    self.conversationLimits = conversationLimits
    self.eventFeedRetention = eventFeedRetention
  }
}
