internal import SwitchboardCore

/// Writes journal records into the tables, inside the writer thread's open transaction.
///
/// Records must arrive in journal order (the order of the registry's state changes). A record
/// that contradicts what is stored (an event for an unknown conversation, an offer ended twice,
/// a sequence gap) throws, and the writer rolls back the whole batch.
final class RecordApplier {
  private let connection: SQLiteConnection

  init(connection: SQLiteConnection) {
    self.connection = connection
  }

  /// Applies one record.
  func apply(_ record: JournalRecord) throws(SQLiteError) {
    switch record {
    case .queueSaved(let queue): try saveQueue(queue)
    case .queueDeleted(let queueID):
      try run("DELETE FROM queues WHERE queue_id = ?", [.text(queueID)])
    case .agentSaved(let profile): try saveAgent(profile)
    case .agentDeleted(let agentID):
      try run("DELETE FROM agents WHERE agent_id = ?", [.text(agentID)])
      try run("DELETE FROM agent_presence WHERE agent_id = ?", [.text(agentID)])
    case .resolutionCategoriesSet(let categories): try setCategories(categories)
    case .surveySettingsSet(let settings):
      try run(
        "INSERT OR REPLACE INTO survey_settings (id, enabled, response_window_ns, prompt) VALUES (1, ?, ?, ?)",
        [
          .bool(settings.enabled), .integer(settings.responseWindow?.storedNanoseconds),
          .text(settings.prompt),
        ]
      )
    case .presenceChanged(let agentID, let presence, let reason, let at):
      try run(
        "INSERT OR REPLACE INTO agent_presence (agent_id, presence, reason, since) VALUES (?, ?, ?, ?)",
        [
          .text(agentID), .text(presence.storedCode), .text(reason),
          .integer(at.nanosecondsSinceEpoch),
        ]
      )
    case .conversationStarted(let conversationID, let queueID, let request, let startedBy, let at):
      try startConversation(
        conversationID,
        queueID: queueID,
        request: request,
        startedBy: startedBy,
        at: at
      )
    case .conversationQueued(let conversationID, let queueID, let at):
      try queueConversation(conversationID, queueID: queueID, at: at)
    case .routingDecided(let conversationID, let decision):
      try run(
        "INSERT INTO routing_decisions (conversation_id, decided_at, decision) VALUES (?, ?, ?)",
        [
          .text(conversationID), .integer(decision.decidedAt.nanosecondsSinceEpoch),
          .text(decision.json.text),
        ]
      )
    case .offerMade(let agentID, let offer):
      try run(
        "INSERT INTO offers (offer_id, conversation_id, agent_id, offered_at, offer) VALUES (?, ?, ?, ?, ?)",
        [
          .text(offer.offerID), .text(offer.conversationID), .text(agentID),
          .integer(offer.offeredAt.nanosecondsSinceEpoch), .text(offer.json.text),
        ]
      )
      try countID(offer.offerID)
    case .offerEnded(let offerID, let outcome, let at):
      try endOffer(offerID, outcome: outcome, at: at)
    case .conversationEvent(let event): try appendEvent(event)
    case .ticketCreated(let ticket, let request): try createTicket(ticket, request: request)
    case .assistanceChanged(let request): try saveAssistance(request)
    case .channelMoveRequested(let move):
      try run(
        """
        INSERT INTO channel_moves (move_id, conversation_id, target_channel, contact, note, requested_by,
          requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(move.moveID), .text(move.conversationID), .text(move.targetChannel.storedCode),
          .text(move.contact.json.text), .text(move.note), .text(move.requestedBy),
          .integer(move.requestedAt.nanosecondsSinceEpoch),
        ]
      )
    case .surveySubmitted(let response):
      try run(
        "INSERT INTO surveys (conversation_id, survey_id, rating, comment, submitted_at) VALUES (?, ?, ?, ?, ?)",
        [
          .text(response.conversationID), .text(response.surveyID), .int(response.rating),
          .text(response.comment), .integer(response.submittedAt.nanosecondsSinceEpoch),
        ]
      )
    case .externalEvent(let event): try appendExternalEvent(event)
    }
  }

  // MARK: Administration

  private func saveQueue(_ queue: QueueConfig) throws(SQLiteError) {
    try run(
      """
      INSERT OR REPLACE INTO queues (queue_id, name, topics, offer_timeout_ns, offer_mode, max_wait_ns,
        overflow_queue_id, default_priority, supervisor_ids, required_skills, version, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(queue.queueID), .text(queue.name), .text(JSON.strings(queue.topics).text),
        .integer(queue.offerTimeout?.storedNanoseconds), .text(queue.offerMode.storedCode),
        .integer(queue.maxWait?.storedNanoseconds), .text(queue.overflowQueueID),
        .int(queue.defaultPriority.rawValue), .text(JSON.strings(queue.supervisorIDs).text),
        .text(JSON.strings(queue.requiredSkills).text), .uint64(queue.version),
        .integer(queue.updatedAt?.nanosecondsSinceEpoch),
      ]
    )
  }

  private func saveAgent(_ profile: AgentProfile) throws(SQLiteError) {
    try run(
      """
      INSERT OR REPLACE INTO agents (agent_id, display_name, role, queue_ids, capacity, skills, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(profile.agentID), .text(profile.displayName), .text(profile.role.storedCode),
        .text(JSON.strings(profile.queueIDs).text), .integer(Int64(profile.capacity)),
        .text(JSON.strings(profile.skills).text),
        .integer(profile.updatedAt?.nanosecondsSinceEpoch),
      ]
    )
  }

  private func setCategories(_ categories: [ResolutionCategory]) throws(SQLiteError) {
    try run("DELETE FROM resolution_categories")
    for (position, category) in categories.enumerated() {
      try run(
        """
        INSERT INTO resolution_categories (category_id, label, description, requires_notes, active,
          sort_order, position) VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(category.categoryID), .text(category.label), .text(category.description),
          .bool(category.requiresNotes), .bool(category.active),
          .integer(Int64(category.sortOrder)),
          .int(position),
        ]
      )
    }
    try run("INSERT OR REPLACE INTO meta (key, value) VALUES ('categories_stored', '1')")
  }

  // MARK: Conversations and routing

  private func startConversation(
    _ conversationID: String,
    queueID: String,
    request: NewConversation,
    startedBy: Caller,
    at: WallTime
  ) throws(SQLiteError) {
    // A start without a priority takes its queue's default at that moment: the queue's row is
    // current because records arrive in state order. Only unscoped callers start conversations,
    // so the starter's role and id are all there is to store of it.
    try run(
      """
      INSERT INTO conversations (conversation_id, queue_id, priority, channel, subject,
        customer_display_name, request, created_at, entered_queue_at, started_by_role, started_by_id)
      VALUES (?1, ?2, coalesce(?3, (SELECT default_priority FROM queues WHERE queue_id = ?2), 2),
        ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)
      """,
      [
        .text(conversationID), .text(queueID),
        .integer(request.priority.map { Int64($0.rawValue) }),
        .text((request.channel ?? .web).storedCode), .text(request.subject),
        .text(request.customer.displayName), .text(request.json.text),
        .integer(at.nanosecondsSinceEpoch), .text(startedBy.role.storedCode), .text(startedBy.id),
      ]
    )
    try run(
      "INSERT INTO conversation_queues (conversation_id, queue_id, position) VALUES (?, ?, 1)",
      [.text(conversationID), .text(queueID)]
    )
    try countID(conversationID)
  }

  private func queueConversation(
    _ conversationID: String,
    queueID: String,
    at: WallTime
  ) throws(SQLiteError) {
    try run(
      "UPDATE conversations SET queue_id = ?2, entered_queue_at = ?3 WHERE conversation_id = ?1",
      [.text(conversationID), .text(queueID), .integer(at.nanosecondsSinceEpoch)]
    )
    guard connection.changes == 1 else {
      throw SQLiteError.inconsistent("conversation \(conversationID) was queued but never started")
    }
    try run(
      """
      INSERT OR IGNORE INTO conversation_queues (conversation_id, queue_id, position)
      VALUES (?1, ?2, (SELECT count(*) + 1 FROM conversation_queues WHERE conversation_id = ?1))
      """,
      [.text(conversationID), .text(queueID)]
    )
  }

  private func endOffer(_ offerID: String, outcome: OfferOutcome, at: WallTime) throws(SQLiteError)
  {
    var values: [SQLiteValue]
    switch outcome {
    case .accepted: values = [.text("accepted"), .null, .null, .null]
    case .declined(let reason, let note):
      values = [.text("declined"), .text(reason.storedCode), .text(note), .null]
    case .withdrawn(let reason):
      values = [.text("withdrawn"), .null, .null, .text(reason.storedCode)]
    }
    values += [.integer(at.nanosecondsSinceEpoch), .text(offerID)]
    try run(
      """
      UPDATE offers SET outcome = ?, decline_reason = ?, decline_note = ?, withdrawn_reason = ?, ended_at = ?
      WHERE offer_id = ? AND outcome IS NULL
      """,
      values
    )
    guard connection.changes == 1 else {
      throw SQLiteError.inconsistent("offer \(offerID) ended but was never made, or ended before")
    }
  }

  private func appendEvent(_ event: ConversationEvent) throws(SQLiteError) {
    guard let kind = event.kind.storedKind else {
      throw SQLiteError.inconsistent(
        "ephemeral event \(event.kind) of conversation \(event.conversationID) was journaled"
      )
    }
    let conversationID = event.conversationID
    let time = event.occurredAt.nanosecondsSinceEpoch
    if case .message(let message) = event.kind {
      guard message.conversationID == conversationID, message.sequence == event.sequence else {
        throw SQLiteError.inconsistent(
          "message \(message.messageID) (conversation \(message.conversationID), sequence "
            + "\(message.sequence)) arrived as event \(event.sequence) of conversation \(conversationID)"
        )
      }
      try run(
        """
        INSERT INTO conversation_events (conversation_id, sequence, occurred_at, kind, message_id,
          client_message_id, author_id, author_role, author_name, text, visibility, recipient_agent_id, sent_at)
        VALUES (?, ?, ?, 'message', ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(conversationID), .uint64(event.sequence), .integer(time), .text(message.messageID),
          .text(message.clientMessageID), .text(message.author.participantID),
          .text(message.author.role.storedCode), .text(message.author.displayName),
          .text(message.text),
          .text(message.visibility.storedCode), .text(message.recipientAgentID),
          .integer(message.sentAt.nanosecondsSinceEpoch),
        ]
      )
      // A note added after closing changes the closed transcript's searchable text.
      if message.visibility != .whisper { try reindexIfClosed(conversationID) }
      return
    }
    try run(
      """
      INSERT INTO conversation_events (conversation_id, sequence, occurred_at, kind, detail)
      VALUES (?, ?, ?, ?, ?)
      """,
      [
        .text(conversationID), .uint64(event.sequence), .integer(time), .text(kind),
        .text(event.kind.detail?.text),
      ]
    )
    switch event.kind {
    case .assigned(let assigned):
      try run(
        """
        INSERT OR IGNORE INTO conversation_agents (conversation_id, agent_id, position)
        VALUES (?1, ?2, (SELECT count(*) + 1 FROM conversation_agents WHERE conversation_id = ?1))
        """,
        [.text(conversationID), .text(assigned.agent.participantID)]
      )
    case .closed(let resolution):
      try run(
        """
        UPDATE conversations SET closed_at = ?, close_reason = ?, resolution_category_id = ?
        WHERE conversation_id = ?
        """,
        [
          .integer(resolution.closedAt.nanosecondsSinceEpoch), .text(resolution.reason.storedCode),
          .text(resolution.categoryID), .text(conversationID),
        ]
      )
      try reindexIfClosed(conversationID)
    case .surveyOffered(let offer):
      try run(
        "UPDATE conversations SET survey_offer = ?, survey_expires_at = ? WHERE conversation_id = ?",
        [
          .text(offer.json.text), .integer(offer.expiresAt.nanosecondsSinceEpoch),
          .text(conversationID),
        ]
      )
    case .message, .participantJoined, .participantLeft, .transferred, .read, .typing,
      .queuePosition:
      break
    }
  }

  /// Rebuilds the full-text entry of a closed conversation from its stored texts; does nothing
  /// while it is open (open conversations are not searchable).
  private func reindexIfClosed(_ conversationID: String) throws(SQLiteError) {
    guard
      let rowKey = try connection.cached(
        "SELECT row_key FROM conversations WHERE conversation_id = ? AND closed_at IS NOT NULL"
      ).first([.text(conversationID)], { row throws(SQLiteError) in try row.int64(0) })
    else { return }
    try run("DELETE FROM transcript_fts WHERE rowid = ?", [.integer(rowKey)])
    try run(
      """
      INSERT INTO transcript_fts (rowid, subject, body, notes)
      SELECT c.row_key, c.subject,
        (SELECT coalesce(group_concat(e.text, char(10)), '') FROM conversation_events e
          WHERE e.conversation_id = c.conversation_id AND e.kind = 'message'
            AND e.visibility IN ('public', 'internal_note')),
        (SELECT coalesce(json_extract(e.detail, '$.notes'), '') FROM conversation_events e
          WHERE e.conversation_id = c.conversation_id AND e.kind = 'closed')
      FROM conversations c WHERE c.row_key = ?
      """,
      [.integer(rowKey)]
    )
  }

  // MARK: Escalation and the feed

  private func createTicket(_ ticket: Ticket, request: NewTicket) throws(SQLiteError) {
    try run(
      """
      INSERT INTO tickets (ticket_id, conversation_id, subject, description, priority, created_by,
        created_at, request_subject, request_description, request_priority, idempotency_key)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(ticket.ticketID), .text(ticket.conversationID), .text(ticket.subject),
        .text(ticket.description), .int(ticket.priority.rawValue), .text(ticket.createdBy),
        .integer(ticket.createdAt.nanosecondsSinceEpoch), .text(request.subject),
        .text(request.description), .integer(request.priority.map { Int64($0.rawValue) }),
        .text(request.idempotencyKey),
      ]
    )
  }

  private func saveAssistance(_ request: AssistanceRequest) throws(SQLiteError) {
    try run(
      """
      INSERT INTO assistance (assistance_id, conversation_id, queue_id, agent_id, question, urgency,
        status, requested_at, answer, resolved_by, resolved_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (assistance_id) DO UPDATE SET status = excluded.status, answer = excluded.answer,
        resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at
      """,
      [
        .text(request.assistanceID), .text(request.conversationID), .text(request.queueID),
        .text(request.agentID), .text(request.question), .int(request.urgency.rawValue),
        .text(request.status.storedCode), .integer(request.requestedAt.nanosecondsSinceEpoch),
        .text(request.answer), .text(request.resolvedBy),
        .integer(request.resolvedAt?.nanosecondsSinceEpoch),
      ]
    )
  }

  private func appendExternalEvent(_ event: ExternalEvent) throws(SQLiteError) {
    guard let position = Int64(event.cursor), position > 0 else {
      throw SQLiteError.inconsistent(
        "feed event \(event.eventID) has cursor \"\(event.cursor)\", not a position"
      )
    }
    try run(
      """
      INSERT INTO external_events (position, event_id, conversation_id, kind, occurred_at, payload)
      VALUES (?, ?, ?, ?, ?, ?)
      """,
      [
        .integer(position), .text(event.eventID), .text(event.conversationID),
        .text(event.kind.storedCode), .integer(event.occurredAt.nanosecondsSinceEpoch),
        .text(event.payload.json.text),
      ]
    )
    if case .conversationClosed(let record) = event.payload {
      try run(
        "UPDATE conversations SET closed_record = ? WHERE conversation_id = ?",
        [.text(record.json.text), .text(event.conversationID)]
      )
      guard connection.changes == 1 else {
        throw SQLiteError.inconsistent(
          "conversation \(event.conversationID) was closed but never started"
        )
      }
    }
  }

  // MARK: Helpers

  /// Raises the counter of an id's prefix (`c` for `c-17`) to its number; ids of another form
  /// are left alone.
  private func countID(_ id: String) throws(SQLiteError) {
    guard let (prefix, number) = IDCounter.split(id) else { return }
    try run(
      """
      INSERT INTO id_counters (prefix, value) VALUES (?, ?)
      ON CONFLICT (prefix) DO UPDATE SET value = max(value, excluded.value)
      """,
      [.text(prefix), .uint64(number)]
    )
  }

  private func run(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) {
    try connection.cached(sql).run(values)
  }
}

/// Splits generated ids of the form `prefix-number`.
enum IDCounter {
  /// `("c", 17)` for `c-17`; `nil` for ids of another form.
  static func split(_ id: String) -> (prefix: String, number: UInt64)? {
    guard let dash = id.lastIndex(of: "-") else { return nil }
    let digits = id[id.index(after: dash)...]
    guard !digits.isEmpty,
      digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let number = UInt64(digits)
    else { return nil }
    return (String(id[..<dash]), number)
  }
}
