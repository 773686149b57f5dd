/// The content of one conversation as the registry stores it: summary fields, the customer and
/// bot context, the durable event log, read marks, participants, transfers, the resolution, the
/// survey, tickets, assistance requests, channel moves and the timestamps behind its metrics.
///
/// A value type without locks or I/O: the registry keeps one per conversation inside its
/// `Mutex` and calls the mutating methods, which validate their input (throwing `CoreError`)
/// and return the durable events they appended, for the registry to journal and deliver.
/// Durable events get gapless sequence numbers starting at 1 (`log[i].sequence == i + 1`);
/// ephemeral events (typing, queue position) are built here but never stored.
///
/// Routing state (which queue position, which offers) is not kept here; routing calls the
/// lifecycle methods (`recordOffer`, `assign`, `transfer`, `closeAutomatically` …) so that the
/// content side of every routing event lands in the log.
struct ConversationRecord: Sendable {
  /// The conversation id.
  let id: String
  /// The queue it is in or was last routed through.
  var queueID: String
  /// Every queue it passed through, in order (supervisors of any of them may read the transcript).
  private(set) var queuesVisited: [String]
  /// Current state.
  var state: ConversationState
  /// Current priority.
  var priority: Priority
  /// The customer's channel.
  let channel: Channel
  /// Preview / subject line.
  let subject: String
  /// The customer.
  let customer: CustomerInfo
  /// What the escalating bot learned.
  let botContext: BotContext?
  /// The bot that started the conversation (and may act for the customer); `nil` if a customer
  /// started it directly.
  let startedByBotID: String?
  /// When it was started.
  let createdAt: WallTime

  /// The agent who owns it now; `nil` while queued, offered or closed.
  private(set) var assignedAgent: Participant?
  /// When the current agent took it.
  private(set) var assignedAt: WallTime?
  /// Supervisors who joined visibly and have not left.
  var joinedSupervisors: [Participant] = []
  /// True once the customer left (the conversation is then in wrap-up or closed).
  private(set) var customerLeft = false

  /// The durable event log; `log[i].sequence == i + 1`.
  private(set) var log: [ConversationEvent] = []
  /// Messages by (author, client message id), as indexes into `log`, for de-duplication.
  var messageIndex: [ClientMessageKey: Int] = [:]
  /// Read marks of agents and supervisors, by participant id.
  var staffReadMarks: [String: UInt64] = [:]
  /// The customer's read mark.
  var customerReadMark: UInt64 = 0
  /// Everyone who took part (excluding silent monitors), in order of joining.
  private(set) var everyone: [Participant] = []
  /// Agents who owned it, in order, without repeats.
  private(set) var agentIDs: [String] = []
  /// Transfers and reassignments, oldest first.
  var transfers: [TransferRecord] = []
  /// How it ended.
  var resolution: Resolution?
  /// The survey offered after closing.
  var surveyOffer: SurveyOffer?
  /// The customer's survey answer.
  var surveyResponse: SurveyResponse?
  /// Tickets created from it, oldest first.
  var tickets: [Ticket] = []
  /// Ticket requests by idempotency key, with the index of the ticket they created.
  var ticketKeys: [String: (request: NewTicket, index: Int)] = [:]
  /// Assistance requests, oldest first.
  var assistance: [AssistanceRequest] = []
  /// Channel moves requested, oldest first.
  var channelMoves: [ChannelMove] = []
  /// Timestamps and counters behind `metrics(now:)`.
  var clock = MetricsClock()
  /// When the last message (of any visibility) was stored.
  var lastMessageAt: WallTime?

  /// Creates a queued conversation. The customer (or the bot acting for them) is its first
  /// participant; no event is logged until something happens (see `addInitialMessage`).
  init(
    id: String,
    queueID: String,
    priority: Priority,
    channel: Channel,
    subject: String,
    customer: CustomerInfo,
    botContext: BotContext?,
    startedByBotID: String?,
    createdAt: WallTime
  ) {
    self.id = id
    self.queueID = queueID
    self.queuesVisited = [queueID]
    self.state = .queued
    self.priority = priority
    self.channel = channel
    self.subject = subject
    self.customer = customer
    self.botContext = botContext
    self.startedByBotID = startedByBotID
    self.createdAt = createdAt
    self.everyone = [customerParticipant]
  }

  /// The customer as a conversation participant.
  var customerParticipant: Participant {
    Participant(
      participantID: customer.customerID.isEmpty ? "customer" : customer.customerID,
      role: .customer,
      displayName: customer.displayName
    )
  }

  /// The latest durable sequence number (0 before the first event).
  var lastSequence: UInt64 { UInt64(log.count) }

  /// Durable events with a sequence greater than `sequence`, oldest first.
  func events(after sequence: UInt64) -> ArraySlice<ConversationEvent> {
    log[Int(min(sequence, lastSequence))...]
  }

  /// Appends a durable event with the next sequence number and returns it.
  mutating func append(_ kind: ConversationEvent.Kind, at time: WallTime) -> ConversationEvent {
    let event = ConversationEvent(
      conversationID: id,
      sequence: lastSequence + 1,
      occurredAt: time,
      kind: kind
    )
    log.append(event)
    return event
  }

  /// Builds an ephemeral event carrying the latest durable sequence; nothing is stored.
  func ephemeral(_ kind: ConversationEvent.Kind, at time: WallTime) -> ConversationEvent {
    ConversationEvent(conversationID: id, sequence: lastSequence, occurredAt: time, kind: kind)
  }

  /// Moves the conversation to `queueID` (routing, transfer or overflow) and remembers the queue.
  mutating func enterQueue(_ queueID: String) {
    self.queueID = queueID
    if !queuesVisited.contains(queueID) { queuesVisited.append(queueID) }
  }

  /// Records that `participant` takes part (first time only).
  mutating func noteParticipant(_ participant: Participant) {
    if !everyone.contains(participant) { everyone.append(participant) }
  }

  /// Sets or clears the owning agent.
  mutating func setAssignedAgent(_ agent: Participant?, at time: WallTime?) {
    assignedAgent = agent
    assignedAt = agent == nil ? nil : time
    if let agent {
      noteParticipant(agent)
      if !agentIDs.contains(agent.participantID) { agentIDs.append(agent.participantID) }
    }
  }

  /// The agent who owns it now or, once closed, who owned it last; `nil` while waiting.
  var ownerID: String? {
    assignedAgent?.participantID ?? (state == .closed ? agentIDs.last : nil)
  }

  /// Adds or removes a joined supervisor.
  mutating func setJoined(_ supervisor: Participant, _ joined: Bool) {
    joinedSupervisors.removeAll { $0.participantID == supervisor.participantID }
    if joined {
      joinedSupervisors.append(supervisor)
      noteParticipant(supervisor)
    }
  }

  /// Records that the customer left.
  mutating func markCustomerLeft() { customerLeft = true }

  /// Who is in the conversation now: the customer (unless they left), the owning agent and
  /// joined supervisors.
  var currentParticipants: [Participant] {
    var result: [Participant] = []
    if !customerLeft && state != .closed { result.append(customerParticipant) }
    if let assignedAgent { result.append(assignedAgent) }
    result.append(contentsOf: joinedSupervisors)
    return result
  }

  /// Customer messages after the owning agent's read mark (0 without an owner).
  var unreadCount: UInt32 {
    guard let agent = assignedAgent else { return 0 }
    let mark = staffReadMarks[agent.participantID, default: 0]
    var count: UInt32 = 0
    for event in log.reversed() {
      guard event.sequence > mark else { break }
      if case .message(let message) = event.kind, message.visibility == .public,
        message.author.role == .customer
      {
        count += 1
      }
    }
    return count
  }

  /// The compact view used by lists and notifications.
  var summary: ConversationSummary {
    ConversationSummary(
      conversationID: id,
      queueID: queueID,
      state: state,
      priority: priority,
      channel: channel,
      subject: subject,
      customerDisplayName: customer.displayName,
      assignedAgentID: assignedAgent?.participantID ?? "",
      createdAt: createdAt,
      assignedAt: assignedAt,
      lastMessageAt: lastMessageAt,
      lastSequence: lastSequence,
      unreadCount: unreadCount,
      transferCount: UInt32(transfers.count)
    )
  }

  /// The open assistance request, if any.
  var openAssistance: AssistanceRequest? {
    assistance.last { $0.status == .open }
  }

  /// Throws `failedPrecondition` if the conversation is closed.
  func requireNotClosed(_ action: String) throws(CoreError) {
    if state == .closed {
      throw CoreError(.failedPrecondition, "conversation \(id) is closed; cannot \(action)")
    }
  }
}

/// Identifies a message by its author and client message id (retries of one author dedupe;
/// two authors may use the same id).
struct ClientMessageKey: Hashable, Sendable {
  /// The author's participant id.
  var authorID: String
  /// The author's role, so a customer and an agent with the same id never collide.
  var role: Role
  /// The client message id.
  var clientMessageID: String
}
