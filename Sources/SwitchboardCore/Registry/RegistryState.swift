/// Everything the registry knows, guarded by its one `Mutex`. Extensions by area live next to
/// their area: routing and administration in `Routing/`, conversation content in
/// `Conversation/` and `Registry+Conversation*.swift`.
struct RegistryState: Sendable {
  /// The registry's options.
  let options: RegistryOptions
  /// Id counters.
  var ids = IDGenerator()

  // MARK: Conversations (content: C2's `ConversationRecord`)

  /// Every conversation, closed ones included (their transcripts are read from here).
  var conversations: [String: ConversationRecord] = [:]
  /// Open follow and monitor streams by conversation id, then subscriber id.
  var followers: [String: [UInt64: ConversationFollower]] = [:]
  /// The event feed, transcript index and assistance index (C2's `ConversationContentState`).
  var content = ConversationContentState()

  // MARK: Routing

  /// Queues by id.
  var queues: [String: QueueState] = [:]
  /// Queue ids by topic.
  var queueByTopic: [String: String] = [:]
  /// Agents and supervisors by id.
  var agents: [String: AgentState] = [:]
  /// Member agent ids of each queue (from the profiles), sorted.
  var members: [String: [String]] = [:]
  /// Offers by id, answered and withdrawn ones included.
  var offers: [String: OfferState] = [:]
  /// Routing facts by conversation id (every conversation that was ever queued).
  var routing: [String: ConversationRouting] = [:]
  /// Serial of first arrivals, for `WaitKey.arrivalOrder`.
  var arrivals: UInt64 = 0
  /// Queues whose waiting line or members changed since the last routing pass.
  var dirtyQueues: Set<String> = []
  /// Conversations that became routable in this change and still need a routing decision.
  var awaitingDecision: Set<String> = []
  /// Conversations waiting with no pending offer (`ConversationRouting.routable`), kept
  /// separately so that the routing pass tests membership without copying routing facts.
  var routable: Set<String> = []
  /// The queue position last pushed to each waiting conversation's followers.
  var pushedPositions: [String: QueuePositionUpdate] = [:]
  /// Results of starting conversations, by (caller, idempotency key).
  var startKeys: [StartKey: StartedRecord] = [:]

  // MARK: Administration

  /// Resolution categories by id, retired ones included.
  var categories: [String: ResolutionCategory] = [:]
  /// The survey settings.
  var surveySettings = SurveySettings.defaults

  // MARK: Durability

  /// Set while the store cannot write (after a failed append, until a probe write succeeds):
  /// changes fail fast with `unavailable` and timers wait.
  var writeFault: CoreError?
  /// True while the recovery task runs (reloading, then probing the store).
  var reloading = false
  /// A failed append left changes in memory that the store does not have: reload before
  /// accepting changes again.
  var needsReload = false
  /// Records of a reload (withdrawn offers) that could not be journaled while the store could
  /// not write; journaled first once it can.
  var deferredRecords: [JournalRecord] = []
  /// True with a store: closed conversations are read from it, not indexed here, and leave
  /// memory after the recently-closed window (`RegistryState+Eviction.swift`).
  var durable = false

  // MARK: Queue watchers

  /// Open queue watch streams by subscriber id.
  var queueWatchers: [UInt64: QueueWatcher] = [:]

  init(options: RegistryOptions) {
    self.options = options
    for category in ResolutionCategory.builtIns {
      categories[category.categoryID] = category
    }
  }
}
