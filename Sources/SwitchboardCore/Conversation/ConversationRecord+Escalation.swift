/// Tickets, assistance requests and channel moves.
extension ConversationRecord {
  /// Creates a ticket, idempotent by key: the same key with the same content returns the
  /// original ticket (`duplicate`); the same key with different content is `alreadyExists`.
  /// Allowed in every state (follow-up work often starts after closing).
  mutating func createTicket(
    _ request: NewTicket,
    createdBy: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> CreatedTicket {
    try TextRule.required(request.subject, "subject", limits.subject)
    try TextRule.limit(request.description, "description", limits.ticketDescription)
    try TextRule.limit(request.idempotencyKey, "idempotency_key", limits.clientKey)
    if !request.idempotencyKey.isEmpty, let earlier = ticketKeys[request.idempotencyKey] {
      guard earlier.request == request else {
        throw CoreError(
          .alreadyExists,
          "idempotency_key \"\(request.idempotencyKey)\" was used for ticket \(tickets[earlier.index].ticketID) with different content"
        )
      }
      return CreatedTicket(ticket: tickets[earlier.index], duplicate: true)
    }
    let ticket = Ticket(
      ticketID: "\(id)-t\(tickets.count + 1)",
      conversationID: id,
      subject: request.subject,
      description: request.description,
      priority: request.priority ?? priority,
      createdBy: createdBy,
      createdAt: time
    )
    tickets.append(ticket)
    if !request.idempotencyKey.isEmpty {
      ticketKeys[request.idempotencyKey] = (request, tickets.count - 1)
    }
    return CreatedTicket(ticket: ticket, duplicate: false)
  }

  /// Opens an assistance request; one open request per conversation.
  mutating func requestAssistance(
    agentID: String,
    question: String,
    urgency: Priority?,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> AssistanceRequest {
    try TextRule.required(question, "question", limits.assistanceText)
    try requireNotClosed("request assistance")
    if let open = openAssistance {
      throw CoreError(
        .alreadyExists,
        "assistance request \(open.assistanceID) is still open for conversation \(id) (asked at \(open.requestedAt))"
      )
    }
    let request = AssistanceRequest(
      assistanceID: "\(id)-a\(assistance.count + 1)",
      conversationID: id,
      queueID: queueID,
      agentID: agentID,
      question: question,
      urgency: urgency ?? .normal,
      status: .open,
      requestedAt: time
    )
    assistance.append(request)
    return request
  }

  /// Answers the open assistance request `assistanceID`.
  mutating func resolveAssistance(
    _ assistanceID: String,
    answer: String,
    by supervisorID: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> AssistanceRequest {
    try TextRule.required(answer, "answer", limits.assistanceText)
    guard let index = assistance.firstIndex(where: { $0.assistanceID == assistanceID }) else {
      throw CoreError(.notFound, "assistance request \(assistanceID) does not exist")
    }
    guard assistance[index].status == .open else {
      throw CoreError(
        .failedPrecondition,
        "assistance request \(assistanceID) is already \(assistance[index].status)"
      )
    }
    assistance[index].status = .resolved
    assistance[index].answer = answer
    assistance[index].resolvedBy = supervisorID
    assistance[index].resolvedAt = time
    return assistance[index]
  }

  /// Cancels the open assistance request (closing or moving the conversation); returns it.
  mutating func cancelOpenAssistance(at time: WallTime) -> [AssistanceRequest] {
    guard let index = assistance.lastIndex(where: { $0.status == .open }) else { return [] }
    assistance[index].status = .cancelled
    assistance[index].resolvedAt = time
    return [assistance[index]]
  }

  /// Records a move to phone or e-mail and tells the customer with a system message. The
  /// caller then closes the conversation with the matching built-in category. Empty contact
  /// fields fall back to the customer's contact details.
  mutating func moveChannel(
    to target: Channel,
    contact: ContactDetails,
    note: String,
    requestedBy: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> (move: ChannelMove, events: [ConversationEvent]) {
    try TextRule.limit(note, "note", limits.handoverNote)
    let resolved = try ContactRule.resolve(target: target, given: contact, known: customer.contact)
    try requireNotClosed("move it to another channel")
    let move = ChannelMove(
      moveID: "\(id)-mv\(channelMoves.count + 1)",
      conversationID: id,
      targetChannel: target,
      contact: resolved,
      note: note,
      requestedBy: requestedBy,
      requestedAt: time
    )
    channelMoves.append(move)
    let text =
      target == .phone
      ? "We will continue by phone at \(resolved.phoneNumber)."
      : "We will continue by e-mail at \(resolved.email)."
    return (move, [addSystemMessage(text, at: time)])
  }
}
