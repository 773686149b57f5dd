/// The kinds of events on the external event feed.
public enum ExternalEventKind: Sendable, Hashable, CaseIterable {
  /// A conversation was closed (for CRM).
  case conversationClosed
  /// An agent created a ticket (for ticketing).
  case ticketCreated
  /// An agent moved the customer to phone or e-mail (for telephony and e-mail).
  case channelMoveRequested
  /// A customer answered the survey.
  case surveySubmitted
  /// An agent asked a supervisor for help.
  case assistanceRequested
}

/// Everything a CRM needs about a closed conversation.
public struct ConversationClosedRecord: Sendable, Hashable {
  /// The conversation's summary.
  public var conversation: ConversationSummary
  /// The customer.
  public var customer: CustomerInfo
  /// How it ended.
  public var resolution: Resolution
  /// Timings and counters.
  public var metrics: ConversationMetrics
  /// Agents who handled it, in order.
  public var agentIDs: [String]

  /// Creates a closed record.
  public init(
    conversation: ConversationSummary,
    customer: CustomerInfo,
    resolution: Resolution,
    metrics: ConversationMetrics,
    agentIDs: [String]
  ) {
    self.conversation = conversation
    self.customer = customer
    self.resolution = resolution
    self.metrics = metrics
    self.agentIDs = agentIDs
  }
}

/// A customer answered the survey.
public struct SurveySubmitted: Sendable, Hashable {
  /// The answer.
  public var survey: SurveyResponse
  /// The agent who had the conversation last; empty if none.
  public var agentID: String
  /// The conversation's queue.
  public var queueID: String

  /// Creates a survey event payload.
  public init(survey: SurveyResponse, agentID: String, queueID: String) {
    self.survey = survey
    self.agentID = agentID
    self.queueID = queueID
  }
}

/// One event of the external feed.
public struct ExternalEvent: Sendable, Hashable {
  /// The event's content; its case determines `kind`.
  public enum Payload: Sendable, Hashable {
    /// A conversation was closed.
    case conversationClosed(ConversationClosedRecord)
    /// A ticket was created.
    case ticketCreated(Ticket)
    /// A channel move was requested.
    case channelMoveRequested(ChannelMove)
    /// A survey was submitted.
    case surveySubmitted(SurveySubmitted)
    /// Assistance was requested.
    case assistanceRequested(AssistanceRequest)

    /// The kind matching this payload.
    public var kind: ExternalEventKind {
      switch self {
      case .conversationClosed: .conversationClosed
      case .ticketCreated: .ticketCreated
      case .channelMoveRequested: .channelMoveRequested
      case .surveySubmitted: .surveySubmitted
      case .assistanceRequested: .assistanceRequested
      }
    }
  }

  /// Opaque position of this event; pass it as `afterCursor` to resume after it.
  public var cursor: String
  /// Unique event id, for de-duplication by consumers.
  public var eventID: String
  /// The conversation concerned.
  public var conversationID: String
  /// When it happened.
  public var occurredAt: WallTime
  /// The event's content.
  public var payload: Payload

  /// What kind of event this is (matches the payload).
  public var kind: ExternalEventKind { payload.kind }

  /// Creates an event.
  public init(
    cursor: String,
    eventID: String,
    conversationID: String,
    occurredAt: WallTime,
    payload: Payload
  ) {
    self.cursor = cursor
    self.eventID = eventID
    self.conversationID = conversationID
    self.occurredAt = occurredAt
    self.payload = payload
  }
}
