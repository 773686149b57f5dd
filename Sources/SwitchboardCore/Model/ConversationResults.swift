/// The result of a supervisor joining a conversation.
public struct JoinedConversation: Sendable, Hashable {
  /// The supervisor as a participant.
  public var participant: Participant
  /// Sequence number of the join event.
  public var sequence: UInt64

  /// Creates a join result.
  public init(participant: Participant, sequence: UInt64) {
    self.participant = participant
    self.sequence = sequence
  }
}

/// The result of closing a conversation.
public struct ClosedConversation: Sendable, Hashable {
  /// The recorded resolution.
  public var resolution: Resolution
  /// The conversation's final metrics.
  public var metrics: ConversationMetrics
  /// True if a survey was offered to the customer.
  public var surveyOffered: Bool

  /// Creates a close result.
  public init(resolution: Resolution, metrics: ConversationMetrics, surveyOffered: Bool) {
    self.resolution = resolution
    self.metrics = metrics
    self.surveyOffered = surveyOffered
  }
}

/// Filters of the supervisors' conversation list; all combine with AND.
public struct ConversationListFilter: Sendable, Hashable {
  /// Only these queues; empty means every queue the caller may see.
  public var queueIDs: [String]
  /// Only conversations assigned to this agent; `nil` means any.
  public var agentID: String?
  /// Only these states; empty means queued, offered, active and wrap-up.
  public var states: [ConversationState]
  /// Only this priority or higher; `nil` means any.
  public var minPriority: Priority?
  /// Only this channel; `nil` means any.
  public var channel: Channel?
  /// Only conversations started within this range; `nil` means any time.
  public var created: TimeRange?
  /// Only conversations waiting (queued or offered) or with a customer message unanswered at
  /// least this long; `nil` means no minimum.
  public var minWait: Duration?

  /// Creates a filter; every field defaults to "any".
  public init(
    queueIDs: [String] = [],
    agentID: String? = nil,
    states: [ConversationState] = [],
    minPriority: Priority? = nil,
    channel: Channel? = nil,
    created: TimeRange? = nil,
    minWait: Duration? = nil
  ) {
    self.queueIDs = queueIDs
    self.agentID = agentID
    self.states = states
    self.minPriority = minPriority
    self.channel = channel
    self.created = created
    self.minWait = minWait
  }
}
