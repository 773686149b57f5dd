/// One thing that happened in a conversation, as delivered by the follow and monitor streams.
///
/// Durable events (messages, joins, leaves, assignments, transfers, closing, survey offers, read
/// receipts) carry gapless per-conversation sequence numbers starting at 1. Ephemeral events
/// (typing, queue position) are never stored or replayed and carry the latest durable sequence.
public struct ConversationEvent: Sendable, Hashable {
  /// What happened.
  public enum Kind: Sendable, Hashable {
    /// A message; notes and whispers appear only in agent and supervisor views.
    case message(ConversationMessage)
    /// Someone joined (a supervisor barging in); agents taking it are reported as `assigned`.
    case participantJoined(Participant)
    /// Someone left (customer leaving, supervisor leaving, agent transferring away).
    case participantLeft(Participant)
    /// Typing started or stopped (ephemeral).
    case typing(TypingIndicator)
    /// The customer's queue position or wait estimate changed (ephemeral, customer view).
    case queuePosition(QueuePositionUpdate)
    /// An agent took the conversation.
    case assigned(ConversationAssigned)
    /// The conversation was transferred or reassigned.
    case transferred(TransferRecord)
    /// The conversation was closed; the last durable event except a survey offer.
    case closed(Resolution)
    /// The customer is invited to a survey.
    case surveyOffered(SurveyOffer)
    /// A participant marked messages read.
    case read(ReadReceipt)

    /// True for the kinds that are not stored and never replayed.
    public var isEphemeral: Bool {
      switch self {
      case .typing, .queuePosition: true
      default: false
      }
    }
  }

  /// The conversation.
  public var conversationID: String
  /// The event's sequence number; for ephemeral events the latest durable sequence.
  public var sequence: UInt64
  /// When it happened.
  public var occurredAt: WallTime
  /// What happened.
  public var kind: Kind

  /// True for events that are not journaled and never replayed (typing, queue position).
  public var ephemeral: Bool { kind.isEphemeral }

  /// Creates an event.
  public init(conversationID: String, sequence: UInt64, occurredAt: WallTime, kind: Kind) {
    self.conversationID = conversationID
    self.sequence = sequence
    self.occurredAt = occurredAt
    self.kind = kind
  }
}
