/// An agent's request for supervisor help.
public struct AssistanceRequest: Sendable, Hashable {
  /// Assistance request id.
  public var assistanceID: String
  /// The conversation concerned.
  public var conversationID: String
  /// The queue of that conversation.
  public var queueID: String
  /// The agent asking.
  public var agentID: String
  /// What the agent needs.
  public var question: String
  /// How urgent it is.
  public var urgency: Priority
  /// Current status.
  public var status: AssistanceStatus
  /// When it was asked.
  public var requestedAt: WallTime
  /// The supervisor's answer; empty while open.
  public var answer: String
  /// The supervisor who answered; empty while open.
  public var resolvedBy: String
  /// When it was answered or cancelled; `nil` while open.
  public var resolvedAt: WallTime?

  /// Creates an assistance request.
  public init(
    assistanceID: String,
    conversationID: String,
    queueID: String,
    agentID: String,
    question: String,
    urgency: Priority,
    status: AssistanceStatus,
    requestedAt: WallTime,
    answer: String = "",
    resolvedBy: String = "",
    resolvedAt: WallTime? = nil
  ) {
    self.assistanceID = assistanceID
    self.conversationID = conversationID
    self.queueID = queueID
    self.agentID = agentID
    self.question = question
    self.urgency = urgency
    self.status = status
    self.requestedAt = requestedAt
    self.answer = answer
    self.resolvedBy = resolvedBy
    self.resolvedAt = resolvedAt
  }
}

/// A service ticket created from a conversation for follow-up work.
public struct Ticket: Sendable, Hashable {
  /// Switchboard's ticket id.
  public var ticketID: String
  /// The conversation it came from.
  public var conversationID: String
  /// One-line subject.
  public var subject: String
  /// Full description.
  public var description: String
  /// Ticket priority.
  public var priority: Priority
  /// The agent (or supervisor) who created it.
  public var createdBy: String
  /// When it was created.
  public var createdAt: WallTime

  /// Creates a ticket.
  public init(
    ticketID: String,
    conversationID: String,
    subject: String,
    description: String,
    priority: Priority,
    createdBy: String,
    createdAt: WallTime
  ) {
    self.ticketID = ticketID
    self.conversationID = conversationID
    self.subject = subject
    self.description = description
    self.priority = priority
    self.createdBy = createdBy
    self.createdAt = createdAt
  }
}

/// What `createTicket` asks for.
public struct NewTicket: Sendable, Hashable {
  /// One-line subject; required.
  public var subject: String
  /// Full description of the follow-up work.
  public var description: String
  /// Ticket priority; `nil` uses the conversation's priority.
  public var priority: Priority?
  /// Caller-chosen key making retries safe; empty means no idempotency.
  public var idempotencyKey: String

  /// Creates a ticket request.
  public init(
    subject: String,
    description: String = "",
    priority: Priority? = nil,
    idempotencyKey: String = ""
  ) {
    self.subject = subject
    self.description = description
    self.priority = priority
    self.idempotencyKey = idempotencyKey
  }
}

/// The result of `createTicket`.
public struct CreatedTicket: Sendable, Hashable {
  /// The ticket (the original one for a retry).
  public var ticket: Ticket
  /// True if this is the replayed result of an earlier call with the same idempotency key.
  public var duplicate: Bool

  /// Creates a result.
  public init(ticket: Ticket, duplicate: Bool) {
    self.ticket = ticket
    self.duplicate = duplicate
  }
}

/// A request to continue a conversation on phone or e-mail.
public struct ChannelMove: Sendable, Hashable {
  /// Move id.
  public var moveID: String
  /// The conversation.
  public var conversationID: String
  /// `.phone` or `.email`.
  public var targetChannel: Channel
  /// The number or address to use.
  public var contact: ContactDetails
  /// Note for whoever picks it up.
  public var note: String
  /// The agent (or supervisor) who asked for it.
  public var requestedBy: String
  /// When.
  public var requestedAt: WallTime

  /// Creates a channel move.
  public init(
    moveID: String,
    conversationID: String,
    targetChannel: Channel,
    contact: ContactDetails,
    note: String,
    requestedBy: String,
    requestedAt: WallTime
  ) {
    self.moveID = moveID
    self.conversationID = conversationID
    self.targetChannel = targetChannel
    self.contact = contact
    self.note = note
    self.requestedBy = requestedBy
    self.requestedAt = requestedAt
  }
}
