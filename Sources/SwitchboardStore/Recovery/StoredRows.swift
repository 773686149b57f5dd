internal import SwitchboardCore

/// Column lists and their row decoders, kept side by side so that a query and the code that
/// reads its rows cannot drift apart. Each `columns` string is spliced into a SELECT (with an
/// optional table alias `t.`); the decoder reads the columns from `offset` on.
enum StoredRows {
  // MARK: Conversation events

  static func eventColumns(_ alias: String) -> String {
    [
      "conversation_id", "sequence", "occurred_at", "kind", "message_id", "client_message_id",
      "author_id", "author_role", "author_name", "text", "visibility", "recipient_agent_id",
      "sent_at", "detail",
    ].map { alias + $0 }.joined(separator: ", ")
  }

  static func event(_ row: SQLiteRow) throws(SQLiteError) -> ConversationEvent {
    let conversationID = try row.string(0)
    let sequence = try row.uint64(1)
    let occurredAt = WallTime(nanosecondsSinceEpoch: try row.int64(2))
    let kind = try row.string(3)
    let path = "conversation_events(\(conversationID), \(sequence))"
    if kind == "message" {
      let message = ConversationMessage(
        messageID: try row.string(4),
        conversationID: conversationID,
        sequence: sequence,
        clientMessageID: try row.string(5),
        author: Participant(
          participantID: try row.string(6),
          role: try Role(storedCode: try row.string(7), what: "\(path).author_role"),
          displayName: try row.string(8)
        ),
        text: try row.string(9),
        visibility: try MessageVisibility(
          storedCode: try row.string(10),
          what: "\(path).visibility"
        ),
        recipientAgentID: try row.string(11),
        sentAt: WallTime(nanosecondsSinceEpoch: try row.int64(12))
      )
      return ConversationEvent(
        conversationID: conversationID,
        sequence: sequence,
        occurredAt: occurredAt,
        kind: .message(message)
      )
    }
    let detail = try JSONReader(text: try row.string(13), path: "\(path).detail")
    return ConversationEvent(
      conversationID: conversationID,
      sequence: sequence,
      occurredAt: occurredAt,
      kind: try ConversationEvent.Kind(storedKind: kind, detail: detail)
    )
  }

  // MARK: Offers, tickets, assistance, moves

  static let offerColumns =
    "o.conversation_id, o.agent_id, o.offer, o.outcome, o.decline_reason, o.decline_note, o.withdrawn_reason, o.ended_at"

  /// An offer row (`offerColumns`): the conversation id and the stored offer.
  static func offer(_ row: SQLiteRow) throws(SQLiteError) -> (String, StoredOffer) {
    let conversationID = try row.string(0)
    let offer = try Offer(jsonText: try row.string(2), path: "offers.offer")
    let path = "offers(\(offer.offerID))"
    let outcome: OfferOutcome?
    switch try row.optionalString(3) {
    case nil: outcome = nil
    case "accepted": outcome = .accepted
    case "declined":
      outcome = .declined(
        try DeclineReason(storedCode: try row.string(4), what: "\(path).decline_reason"),
        note: try row.string(5)
      )
    case "withdrawn":
      outcome = .withdrawn(
        try OfferWithdrawnReason(storedCode: try row.string(6), what: "\(path).withdrawn_reason")
      )
    case let other?:
      throw SQLiteError.corruptValue("\(path).outcome", "unknown outcome \"\(other)\"")
    }
    let endedAt = try row.optionalInt64(7).map(WallTime.init(nanosecondsSinceEpoch:))
    return (
      conversationID,
      StoredOffer(agentID: try row.string(1), offer: offer, outcome: outcome, endedAt: endedAt)
    )
  }

  static let ticketColumns = """
    t.conversation_id, t.ticket_id, t.subject, t.description, t.priority, t.created_by, t.created_at,
    t.request_subject, t.request_description, t.request_priority, t.idempotency_key
    """

  /// A ticket row (`ticketColumns`): the conversation id and the stored ticket.
  static func ticket(_ row: SQLiteRow) throws(SQLiteError) -> (String, StoredTicket) {
    let conversationID = try row.string(0)
    let ticketID = try row.string(1)
    let ticket = Ticket(
      ticketID: ticketID,
      conversationID: conversationID,
      subject: try row.string(2),
      description: try row.string(3),
      priority: try Priority(storedNumber: try row.int64(4), what: "tickets(\(ticketID)).priority"),
      createdBy: try row.string(5),
      createdAt: WallTime(nanosecondsSinceEpoch: try row.int64(6))
    )
    var requestedPriority: Priority?
    if let number = try row.optionalInt64(9) {
      requestedPriority = try Priority(
        storedNumber: number,
        what: "tickets(\(ticketID)).request_priority"
      )
    }
    let request = NewTicket(
      subject: try row.string(7),
      description: try row.string(8),
      priority: requestedPriority,
      idempotencyKey: try row.string(10)
    )
    return (conversationID, StoredTicket(ticket: ticket, request: request))
  }

  static let assistanceColumns = """
    a.conversation_id, a.assistance_id, a.queue_id, a.agent_id, a.question, a.urgency, a.status,
    a.requested_at, a.answer, a.resolved_by, a.resolved_at
    """

  /// An assistance row (`assistanceColumns`).
  static func assistance(_ row: SQLiteRow) throws(SQLiteError) -> AssistanceRequest {
    let assistanceID = try row.string(1)
    let path = "assistance(\(assistanceID))"
    return AssistanceRequest(
      assistanceID: assistanceID,
      conversationID: try row.string(0),
      queueID: try row.string(2),
      agentID: try row.string(3),
      question: try row.string(4),
      urgency: try Priority(storedNumber: try row.int64(5), what: "\(path).urgency"),
      status: try AssistanceStatus(storedCode: try row.string(6), what: "\(path).status"),
      requestedAt: WallTime(nanosecondsSinceEpoch: try row.int64(7)),
      answer: try row.string(8),
      resolvedBy: try row.string(9),
      resolvedAt: try row.optionalInt64(10).map(WallTime.init(nanosecondsSinceEpoch:))
    )
  }

  static let moveColumns = """
    m.conversation_id, m.move_id, m.target_channel, m.contact, m.note, m.requested_by, m.requested_at
    """

  /// A channel-move row (`moveColumns`).
  static func move(_ row: SQLiteRow) throws(SQLiteError) -> ChannelMove {
    let moveID = try row.string(1)
    let path = "channel_moves(\(moveID))"
    return ChannelMove(
      moveID: moveID,
      conversationID: try row.string(0),
      targetChannel: try Channel(storedCode: try row.string(2), what: "\(path).target_channel"),
      contact: try ContactDetails(jsonText: try row.string(3), path: "\(path).contact"),
      note: try row.string(4),
      requestedBy: try row.string(5),
      requestedAt: WallTime(nanosecondsSinceEpoch: try row.int64(6))
    )
  }

  static let surveyColumns = "s.conversation_id, s.survey_id, s.rating, s.comment, s.submitted_at"

  /// A survey row (`surveyColumns`).
  static func survey(_ row: SQLiteRow) throws(SQLiteError) -> SurveyResponse {
    SurveyResponse(
      surveyID: try row.string(1),
      conversationID: try row.string(0),
      rating: try row.int(2),
      comment: try row.string(3),
      submittedAt: WallTime(nanosecondsSinceEpoch: try row.int64(4))
    )
  }

  // MARK: The feed

  static let feedColumns = "position, event_id, conversation_id, kind, occurred_at, payload"

  /// A feed row (`feedColumns`).
  static func feedEvent(_ row: SQLiteRow) throws(SQLiteError) -> ExternalEvent {
    let position = try row.int64(0)
    let path = "external_events(\(position))"
    let kind = try ExternalEventKind(storedCode: try row.string(3), what: "\(path).kind")
    return ExternalEvent(
      cursor: String(position),
      eventID: try row.string(1),
      conversationID: try row.string(2),
      occurredAt: WallTime(nanosecondsSinceEpoch: try row.int64(4)),
      payload: try ExternalEvent.Payload(
        kind: kind,
        json: try JSONReader(text: try row.string(5), path: "\(path).payload")
      )
    )
  }
}
