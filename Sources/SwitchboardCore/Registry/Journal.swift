internal import Synchronization

/// Where the registry writes every state change before it delivers the change to any stream and
/// before the mutating call returns: a `RegistryStore` (durable), or `DiscardingJournal` /
/// `InMemoryJournal` for a registry that lives in memory only.
public protocol Journal: Sendable {
  /// Appends records in order, all or none. Throwing (`unavailable`, with a message for the
  /// client) fails the mutating calls that produced them and every change after them that was
  /// not yet journaled; none of them is delivered. A registry with a `RegistryStore` then
  /// reloads its state from the store (see `Registry+WriteFaults.swift`); one with a plain
  /// journal cannot undo the changes and refuses every change from then on.
  func append(_ records: [JournalRecord]) async throws(CoreError)
}

/// One state change, as journaled.
public enum JournalRecord: Sendable, Hashable {
  /// A queue was created or updated (the stored configuration).
  case queueSaved(QueueConfig)
  /// A queue was deleted.
  case queueDeleted(queueID: String)
  /// An agent profile was created or replaced.
  case agentSaved(AgentProfile)
  /// An agent profile was deleted.
  case agentDeleted(agentID: String)
  /// The resolution categories were replaced (all stored ones, retired included).
  case resolutionCategoriesSet([ResolutionCategory])
  /// The survey settings were replaced.
  case surveySettingsSet(SurveySettings)
  /// An agent's presence changed.
  case presenceChanged(agentID: String, presence: Presence, reason: String, at: WallTime)
  /// A conversation was started in a queue by `startedBy` (whose idempotency keys are
  /// remembered per caller).
  case conversationStarted(
    conversationID: String, queueID: String, request: NewConversation, startedBy: Caller, at: WallTime)
  /// A conversation entered a queue again (transfer, reassignment, overflow, drain, lost offer).
  case conversationQueued(conversationID: String, queueID: String, at: WallTime)
  /// A routing decision was taken.
  case routingDecided(conversationID: String, RoutingDecision)
  /// An offer was made to an agent.
  case offerMade(agentID: String, Offer)
  /// An offer was answered or taken back.
  case offerEnded(offerID: String, outcome: OfferOutcome, at: WallTime)
  /// A durable conversation event (message, join, leave, assignment, transfer, close, survey
  /// offer, read receipt) was appended to its conversation.
  case conversationEvent(ConversationEvent)
  /// A ticket was created from a conversation (with the request, for idempotent retries).
  case ticketCreated(Ticket, request: NewTicket)
  /// An assistance request was opened, resolved or cancelled (its new state).
  case assistanceChanged(AssistanceRequest)
  /// A channel move was requested.
  case channelMoveRequested(ChannelMove)
  /// A customer answered the survey.
  case surveySubmitted(SurveyResponse)
  /// An event was appended to the external event feed.
  case externalEvent(ExternalEvent)
}

/// How an offer ended, as journaled.
public enum OfferOutcome: Sendable, Hashable {
  /// The agent accepted it.
  case accepted
  /// The agent declined it.
  case declined(DeclineReason, note: String)
  /// It was taken back.
  case withdrawn(OfferWithdrawnReason)
}

/// A journal that keeps nothing: the registry's state lives only in memory.
public struct DiscardingJournal: Journal {
  /// A discarding journal.
  public init() {}

  public func append(_ records: [JournalRecord]) async throws(CoreError) {}
}

/// A journal that keeps every record in memory, for tests.
public final class InMemoryJournal: Journal {
  private let stored = Mutex<[JournalRecord]>([])

  /// An empty journal.
  public init() {}

  /// Every record appended so far, in order.
  public var records: [JournalRecord] { stored.withLock { $0 } }

  public func append(_ records: [JournalRecord]) async throws(CoreError) {
    stored.withLock { $0.append(contentsOf: records) }
  }
}
