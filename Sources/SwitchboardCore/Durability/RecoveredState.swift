/// Everything the registry needs to continue where it stopped, read from the store at start.
///
/// Closed conversations are not replayed: their content stays on disk and is read on demand
/// for transcripts. Only those closed within the recovery window (see `RecoveryRequest`) come
/// back, in a light form that lets surveys, late notes and follow-up tickets continue.
public struct RecoveredState: Sendable, Hashable {
  /// Queue configurations, by queue id.
  public var queues: [QueueConfig]
  /// Agent profiles, by agent id.
  public var agents: [AgentProfile]
  /// Each agent's last presence (agents whose presence never changed have none).
  public var presence: [AgentPresence]
  /// The stored resolution categories (retired ones included), in the order last set;
  /// `nil` if they were never set (the registry keeps its built-ins).
  public var resolutionCategories: [ResolutionCategory]?
  /// The survey settings; `nil` if never set (the registry keeps its defaults).
  public var surveySettings: SurveySettings?
  /// Conversations not closed, in arrival order, with their full content.
  public var openConversations: [RecoveredConversation]
  /// Conversations closed within the window or with a survey still open, oldest closed first,
  /// with their full content (late notes continue their sequences; surveys and follow-up
  /// tickets continue).
  public var recentlyClosed: [RecoveredConversation]
  /// The newest events of the external feed (at most `RecoveryRequest.feedRetention`), oldest
  /// first.
  public var feed: [ExternalEvent]
  /// The highest feed position ever used (0 before the first event); the next event is
  /// `lastFeedPosition + 1`, even if the newest events were purged.
  public var lastFeedPosition: UInt64
  /// The highest number ever used per generated-id prefix (`["c": 1204, "o": 3310]` after
  /// `c-1204` and `o-3310`); new ids must start above, even for purged conversations.
  public var idCounters: [String: UInt64]
  /// The arrival order of the newest stored conversation (0 if none).
  public var lastArrivalOrder: UInt64

  /// Recovered state.
  public init(
    queues: [QueueConfig],
    agents: [AgentProfile],
    presence: [AgentPresence],
    resolutionCategories: [ResolutionCategory]?,
    surveySettings: SurveySettings?,
    openConversations: [RecoveredConversation],
    recentlyClosed: [RecoveredConversation],
    feed: [ExternalEvent],
    lastFeedPosition: UInt64,
    idCounters: [String: UInt64],
    lastArrivalOrder: UInt64
  ) {
    self.queues = queues
    self.agents = agents
    self.presence = presence
    self.resolutionCategories = resolutionCategories
    self.surveySettings = surveySettings
    self.openConversations = openConversations
    self.recentlyClosed = recentlyClosed
    self.feed = feed
    self.lastFeedPosition = lastFeedPosition
    self.idCounters = idCounters
    self.lastArrivalOrder = lastArrivalOrder
  }
}

/// What `loadForRecovery` reads.
public struct RecoveryRequest: Sendable, Hashable {
  /// The current time.
  public var now: WallTime
  /// Conversations closed less than this long ago come back whole in `recentlyClosed`
  /// (default 24 hours: agents may add notes for 24 hours after closing).
  public var recentlyClosedWindow: Duration
  /// How many of the newest feed events to return (default 100,000, the registry's default
  /// retention).
  public var feedRetention: Int

  /// A request; the defaults match the registry's.
  public init(
    now: WallTime,
    recentlyClosedWindow: Duration = .seconds(24 * 3600),
    feedRetention: Int = 100_000
  ) {
    self.now = now
    self.recentlyClosedWindow = recentlyClosedWindow
    self.feedRetention = feedRetention
  }
}

/// An agent's last presence.
public struct AgentPresence: Sendable, Hashable {
  /// The agent.
  public var agentID: String
  /// The presence.
  public var presence: Presence
  /// The reason given with it.
  public var reason: String
  /// Since when it holds.
  public var since: WallTime

  /// A presence.
  public init(agentID: String, presence: Presence, reason: String, since: WallTime) {
    self.agentID = agentID
    self.presence = presence
    self.reason = reason
    self.since = since
  }
}

/// An open conversation as stored: how it started, its routing facts and its full content.
public struct RecoveredConversation: Sendable, Hashable {
  /// The conversation id.
  public var conversationID: String
  /// Its place in the order of arrivals (ties of equal priority and arrival time go by it).
  public var arrivalOrder: UInt64
  /// The start request as received (customer, bot context, subject, initial message,
  /// idempotency key).
  public var request: NewConversation
  /// Who started it (its idempotency key is remembered per caller); `nil` if not stored.
  public var startedBy: Caller?
  /// The queue it is in (or was last routed through).
  public var queueID: String
  /// Every queue it passed through, in order.
  public var queueIDs: [String]
  /// Its priority (the request's, or the queue's default when it started).
  public var priority: Priority
  /// The customer's channel.
  public var channel: Channel
  /// When it started: its original arrival, kept across transfers and overflow.
  public var createdAt: WallTime
  /// When it entered its current queue (max wait counts from here).
  public var enteredQueueAt: WallTime
  /// Its durable events; `events[i].sequence == i + 1`.
  public var events: [ConversationEvent]
  /// Every offer made for it, oldest first, with how each ended.
  public var offers: [StoredOffer]
  /// Its routing decisions, oldest first.
  public var decisions: [RoutingDecision]
  /// Tickets created from it, oldest first, with their requests (for idempotent retries).
  public var tickets: [StoredTicket]
  /// Its assistance requests in their latest state, oldest first.
  public var assistance: [AssistanceRequest]
  /// Channel moves requested, oldest first.
  public var channelMoves: [ChannelMove]
  /// The customer's survey answer, if given.
  public var surveyResponse: SurveyResponse?

  /// A recovered conversation.
  public init(
    conversationID: String,
    arrivalOrder: UInt64,
    request: NewConversation,
    startedBy: Caller?,
    queueID: String,
    queueIDs: [String],
    priority: Priority,
    channel: Channel,
    createdAt: WallTime,
    enteredQueueAt: WallTime,
    events: [ConversationEvent],
    offers: [StoredOffer],
    decisions: [RoutingDecision],
    tickets: [StoredTicket],
    assistance: [AssistanceRequest],
    channelMoves: [ChannelMove],
    surveyResponse: SurveyResponse?
  ) {
    self.conversationID = conversationID
    self.arrivalOrder = arrivalOrder
    self.request = request
    self.startedBy = startedBy
    self.queueID = queueID
    self.queueIDs = queueIDs
    self.priority = priority
    self.channel = channel
    self.createdAt = createdAt
    self.enteredQueueAt = enteredQueueAt
    self.events = events
    self.offers = offers
    self.decisions = decisions
    self.tickets = tickets
    self.assistance = assistance
    self.channelMoves = channelMoves
    self.surveyResponse = surveyResponse
  }

  /// The latest durable sequence number (0 before the first event).
  public var lastSequence: UInt64 { UInt64(events.count) }

  /// Every message, oldest first; their client message ids de-duplicate retried sends.
  public var messages: [ConversationMessage] {
    events.compactMap { if case .message(let message) = $0.kind { message } else { nil } }
  }

  /// Transfers and reassignments, oldest first.
  public var transfers: [TransferRecord] {
    events.compactMap { if case .transferred(let record) = $0.kind { record } else { nil } }
  }

  /// Offers still pending when the store last wrote (they go back to the queue on recovery).
  public var pendingOffers: [StoredOffer] { offers.filter { $0.outcome == nil } }

  /// Agents who declined it or let an offer for it expire: never offered it again.
  public var skippedAgentIDs: Set<String> {
    Set(
      offers.compactMap { offer in
        switch offer.outcome {
        case .declined?, .withdrawn(.timedOut)?: offer.agentID
        default: nil
        }
      }
    )
  }
}

/// An offer as stored, with how it ended.
public struct StoredOffer: Sendable, Hashable {
  /// The agent it was made to.
  public var agentID: String
  /// The offer as the agent saw it.
  public var offer: Offer
  /// How it ended; `nil` while pending.
  public var outcome: OfferOutcome?
  /// When it ended; `nil` while pending.
  public var endedAt: WallTime?

  /// A stored offer.
  public init(agentID: String, offer: Offer, outcome: OfferOutcome?, endedAt: WallTime?) {
    self.agentID = agentID
    self.offer = offer
    self.outcome = outcome
    self.endedAt = endedAt
  }
}

/// A ticket and the request that created it.
public struct StoredTicket: Sendable, Hashable {
  /// The ticket.
  public var ticket: Ticket
  /// The request, compared with retries that use the same idempotency key.
  public var request: NewTicket

  /// A stored ticket.
  public init(ticket: Ticket, request: NewTicket) {
    self.ticket = ticket
    self.request = request
  }
}
