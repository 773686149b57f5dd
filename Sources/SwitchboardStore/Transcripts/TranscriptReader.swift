internal import SwitchboardCore

/// Reads transcripts of closed conversations: one in full, a page of search hits, a batch for
/// export. Runs on the reader thread, each call in one read transaction.
struct TranscriptReader {
  let connection: SQLiteConnection

  // MARK: One transcript

  /// The stored transcript of a closed conversation, or `nil` if none has that id.
  func transcript(_ conversationID: String) throws(SQLiteError) -> StoredTranscript? {
    guard
      let head = try connection.cached(
        "SELECT request, closed_record FROM conversations WHERE conversation_id = ? AND closed_at IS NOT NULL"
      ).first(
        [.text(conversationID)],
        { row throws(SQLiteError) in (try row.string(0), try row.optionalString(1)) }
      )
    else { return nil }
    let path = "conversations(\(conversationID))"
    guard let closedText = head.1 else {
      throw SQLiteError.corruptValue(
        "\(path).closed_record",
        "missing: the conversation closed without its conversationClosed feed event"
      )
    }
    let request = try NewConversation(jsonText: head.0, path: "\(path).request")
    let closed = try ConversationClosedRecord(jsonText: closedText, path: "\(path).closed_record")
    let events = try connection.cached(
      "SELECT \(StoredRows.eventColumns("")) FROM conversation_events WHERE conversation_id = ? ORDER BY sequence"
    ).query([.text(conversationID)], StoredRows.event)
    var messages: [ConversationMessage] = []
    var transfers: [TransferRecord] = []
    var participants = [Self.customerParticipant(request.customer)]
    for event in events {
      switch event.kind {
      case .message(let message): messages.append(message)
      case .transferred(let record): transfers.append(record)
      case .assigned(let assigned): Self.note(assigned.agent, in: &participants)
      case .participantJoined(let participant): Self.note(participant, in: &participants)
      default: break
      }
    }
    var summary = closed.conversation
    summary.lastSequence = UInt64(events.count)
    summary.lastMessageAt = messages.last?.sentAt ?? summary.lastMessageAt
    let transcript = Transcript(
      conversation: summary,
      customer: request.customer,
      botContext: request.botContext,
      participants: participants,
      messages: messages,
      transfers: transfers,
      resolution: closed.resolution,
      survey: try connection.cached(
        "SELECT \(StoredRows.surveyColumns) FROM surveys s WHERE s.conversation_id = ?"
      )
      .first([.text(conversationID)], StoredRows.survey),
      metrics: closed.metrics,
      tickets: try connection.cached(
        "SELECT \(StoredRows.ticketColumns) FROM tickets t WHERE t.conversation_id = ? ORDER BY t.row_key"
      ).query([.text(conversationID)]) { row throws(SQLiteError) in
        try StoredRows.ticket(row).1.ticket
      },
      channelMoves: try connection.cached(
        "SELECT \(StoredRows.moveColumns) FROM channel_moves m WHERE m.conversation_id = ? ORDER BY m.row_key"
      ).query([.text(conversationID)], StoredRows.move),
      assistance: try connection.cached(
        "SELECT \(StoredRows.assistanceColumns) FROM assistance a WHERE a.conversation_id = ? ORDER BY a.row_key"
      ).query([.text(conversationID)], StoredRows.assistance)
    )
    return StoredTranscript(
      transcript: transcript,
      queueIDs: try list("conversation_queues", "queue_id", conversationID),
      agentIDs: try list("conversation_agents", "agent_id", conversationID)
    )
  }

  /// The customer as a participant: the registry's rule (an empty customer id becomes
  /// "customer").
  private static func customerParticipant(_ customer: CustomerInfo) -> Participant {
    Participant(
      participantID: customer.customerID.isEmpty ? "customer" : customer.customerID,
      role: .customer,
      displayName: customer.displayName
    )
  }

  /// Adds a participant on first appearance, keeping the order of joining.
  private static func note(_ participant: Participant, in participants: inout [Participant]) {
    if !participants.contains(participant) { participants.append(participant) }
  }

  // MARK: Search and export

  /// A page of hits, newest closed first, and the number of matches.
  func search(
    _ filter: TranscriptFilter,
    text: String,
    reach: TranscriptReach,
    pageSize: Int,
    after: TranscriptKey?
  ) throws(SQLiteError) -> TranscriptSearchResult {
    let match = TranscriptQueryText.match(text)
    var condition = Self.condition(filter, reach: reach, match: match)
    let total =
      try connection.prepare("SELECT count(*) FROM conversations c WHERE \(condition.sql)")
      .first(condition.values) { row throws(SQLiteError) in try row.int(0) } ?? 0
    if let after {
      condition.add(
        "(c.closed_at < ? OR (c.closed_at = ? AND c.conversation_id < ?))",
        [
          .integer(after.closedAt.nanosecondsSinceEpoch),
          .integer(after.closedAt.nanosecondsSinceEpoch),
          .text(after.conversationID),
        ]
      )
    }
    var hits = try connection.prepare(
      """
      SELECT c.row_key, c.conversation_id, c.queue_id, c.customer_display_name, c.subject, c.channel,
        c.created_at, c.closed_at, c.close_reason, c.resolution_category_id,
        (SELECT s.rating FROM surveys s WHERE s.conversation_id = c.conversation_id)
      FROM conversations c WHERE \(condition.sql)
      ORDER BY c.closed_at DESC, c.conversation_id DESC LIMIT ?
      """
    ).query(condition.values + [.int(pageSize + 1)]) { row throws(SQLiteError) in
      try hit(row, match: match)
    }
    let more = hits.count > pageSize
    if more { hits.removeLast() }
    let next =
      more
      ? hits.last.map {
        TranscriptKey(closedAt: $0.closedAt, conversationID: $0.conversationID).token
      } ?? "" : ""
    return TranscriptSearchResult(
      page: Page(items: hits, nextPageToken: next),
      totalEstimate: total
    )
  }

  /// Up to `limit` full transcripts, oldest closed first, after `after`.
  func export(
    _ filter: TranscriptFilter,
    reach: TranscriptReach,
    after: TranscriptKey?,
    limit: Int
  ) throws(SQLiteError) -> [ExportedTranscript] {
    var condition = Self.condition(filter, reach: reach, match: nil)
    if let after {
      condition.add(
        "(c.closed_at > ? OR (c.closed_at = ? AND c.conversation_id > ?))",
        [
          .integer(after.closedAt.nanosecondsSinceEpoch),
          .integer(after.closedAt.nanosecondsSinceEpoch),
          .text(after.conversationID),
        ]
      )
    }
    let keys = try connection.prepare(
      """
      SELECT c.closed_at, c.conversation_id FROM conversations c WHERE \(condition.sql)
      ORDER BY c.closed_at, c.conversation_id LIMIT ?
      """
    ).query(condition.values + [.int(limit)]) { row throws(SQLiteError) in
      TranscriptKey(
        closedAt: WallTime(nanosecondsSinceEpoch: try row.int64(0)),
        conversationID: try row.string(1)
      )
    }
    var items: [ExportedTranscript] = []
    for key in keys {
      guard let stored = try transcript(key.conversationID) else { continue }
      items.append(ExportedTranscript(transcript: stored.transcript, resumeToken: key.token))
    }
    return items
  }

  private func hit(_ row: SQLiteRow, match: String?) throws(SQLiteError) -> TranscriptSummary {
    let conversationID = try row.string(1)
    let path = "conversations(\(conversationID))"
    var snippet = ""
    if let match {
      snippet =
        try connection.cached(
          "SELECT snippet(transcript_fts, -1, '', '', '…', 16) FROM transcript_fts WHERE transcript_fts MATCH ? AND rowid = ?"
        ).first([.text(match), .integer(try row.int64(0))]) { row throws(SQLiteError) in
          try row.string(0)
        } ?? ""
    }
    return TranscriptSummary(
      conversationID: conversationID,
      queueID: try row.string(2),
      agentIDs: try list("conversation_agents", "agent_id", conversationID),
      customerDisplayName: try row.string(3),
      subject: try row.string(4),
      channel: try Channel(storedCode: try row.string(5), what: "\(path).channel"),
      createdAt: WallTime(nanosecondsSinceEpoch: try row.int64(6)),
      closedAt: WallTime(nanosecondsSinceEpoch: try row.int64(7)),
      closeReason: try CloseReason(storedCode: try row.string(8), what: "\(path).close_reason"),
      resolutionCategoryID: try row.string(9),
      surveyRating: try row.optionalInt64(10).map { Int($0) },
      snippet: snippet
    )
  }

  private func list(
    _ table: String,
    _ column: String,
    _ conversationID: String
  ) throws(SQLiteError) -> [String] {
    try connection.cached(
      "SELECT \(column) FROM \(table) WHERE conversation_id = ? ORDER BY position"
    )
    .query([.text(conversationID)]) { row throws(SQLiteError) in try row.string(0) }
  }

  // MARK: Filters

  /// A WHERE clause over `conversations c` and its values.
  struct Condition {
    var clauses: [String] = ["c.closed_at IS NOT NULL"]
    var values: [SQLiteValue] = []

    var sql: String { clauses.joined(separator: " AND ") }

    mutating func add(_ clause: String, _ values: [SQLiteValue]) {
      clauses.append(clause)
      self.values += values
    }
  }

  /// The closed conversations `filter`, `reach` and the FTS `match` admit.
  static func condition(
    _ filter: TranscriptFilter,
    reach: TranscriptReach,
    match: String?
  ) -> Condition {
    let visited =
      "EXISTS (SELECT 1 FROM conversation_queues q WHERE q.conversation_id = c.conversation_id AND q.queue_id"
    let handled =
      "EXISTS (SELECT 1 FROM conversation_agents a WHERE a.conversation_id = c.conversation_id AND a.agent_id = ?)"
    var condition = Condition()
    if let queueID = filter.queueID { condition.add("\(visited) = ?)", [.text(queueID)]) }
    if let agentID = filter.agentID { condition.add(handled, [.text(agentID)]) }
    if let start = filter.closed?.start {
      condition.add("c.closed_at >= ?", [.integer(start.nanosecondsSinceEpoch)])
    }
    if let end = filter.closed?.end {
      condition.add("c.closed_at < ?", [.integer(end.nanosecondsSinceEpoch)])
    }
    if let category = filter.resolutionCategoryID {
      condition.add("c.resolution_category_id = ?", [.text(category)])
    }
    if case .limited(let queueIDs, let agentID) = reach {
      var options: [String] = []
      var values: [SQLiteValue] = []
      if !queueIDs.isEmpty {
        options.append(
          "\(visited) IN (\(Array(repeating: "?", count: queueIDs.count).joined(separator: ", "))))"
        )
        values += queueIDs.sorted().map(SQLiteValue.text)
      }
      if let agentID {
        options.append(handled)
        values.append(.text(agentID))
      }
      condition.add(options.isEmpty ? "0" : "(\(options.joined(separator: " OR ")))", values)
    }
    if let match {
      condition.add(
        "c.row_key IN (SELECT rowid FROM transcript_fts WHERE transcript_fts MATCH ?)",
        [.text(match)]
      )
    }
    return condition
  }
}
