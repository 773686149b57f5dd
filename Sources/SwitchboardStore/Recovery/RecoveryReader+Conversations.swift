internal import SwitchboardCore

extension RecoveryReader {
  /// Conversations not closed, in arrival order (the partial index `conversations_open` finds
  /// them).
  func openConversations() throws(SQLiteError) -> [RecoveredConversation] {
    try conversations(where: "c.closed_at IS NULL", [], order: "c.row_key")
  }

  /// Conversations closed within the window or with a survey still open, oldest closed first.
  /// Each condition has its own index (combined with UNION, since SQLite cannot use two indexes
  /// for one OR here).
  func recentlyClosed() throws(SQLiteError) -> [RecoveredConversation] {
    try conversations(
      where: """
        c.closed_at IS NOT NULL AND c.row_key IN (
          SELECT row_key FROM conversations WHERE closed_at >= ?
          UNION SELECT row_key FROM conversations WHERE survey_expires_at > ?)
        """,
      [
        .integer((request.now - request.recentlyClosedWindow).nanosecondsSinceEpoch),
        .integer(request.now.nanosecondsSinceEpoch),
      ],
      order: "c.closed_at, c.conversation_id"
    )
  }

  /// The conversations of `conversations c` that `condition` (with `values`) selects, in
  /// `order`, with their full content: one query for the conversations, then one pass per child
  /// table joined to the same selection.
  private func conversations(
    where condition: String,
    _ values: [SQLiteValue],
    order: String
  ) throws(SQLiteError) -> [RecoveredConversation] {
    var conversations = try connection.prepare(
      """
      SELECT c.row_key, c.conversation_id, c.queue_id, c.priority, c.channel, c.request, c.created_at,
        c.entered_queue_at, c.started_by_role, c.started_by_id
      FROM conversations c WHERE \(condition) ORDER BY \(order)
      """
    ).query(values, conversation)
    guard !conversations.isEmpty else { return [] }
    var index: [String: Int] = [:]
    for (position, conversation) in conversations.enumerated() {
      index[conversation.conversationID] = position
    }
    func attach(
      _ table: String,
      _ alias: String,
      _ columns: String,
      order: String,
      _ add: (SQLiteRow, Int) throws(SQLiteError) -> Void
    ) throws(SQLiteError) {
      try each(table, alias, columns, of: condition, values, order: order) {
        row throws(SQLiteError) in
        if let position = index[try row.string(0)] { try add(row, position) }
      }
    }
    try attach(
      "conversation_events",
      "e",
      StoredRows.eventColumns("e."),
      order: "c.row_key, e.sequence"
    ) {
      row,
      position throws(SQLiteError) in
      conversations[position].events.append(try StoredRows.event(row))
    }
    try attach(
      "conversation_queues",
      "q",
      "q.conversation_id, q.queue_id",
      order: "c.row_key, q.position"
    ) {
      row,
      position throws(SQLiteError) in conversations[position].queueIDs.append(try row.string(1))
    }
    try attach("offers", "o", StoredRows.offerColumns, order: "o.row_key") {
      row,
      position throws(SQLiteError) in
      conversations[position].offers.append(try StoredRows.offer(row).1)
    }
    try attach("routing_decisions", "d", "d.conversation_id, d.decision", order: "d.row_key") {
      row,
      position throws(SQLiteError) in
      conversations[position].decisions.append(
        try RoutingDecision(jsonText: try row.string(1), path: "routing_decisions.decision")
      )
    }
    try attach("tickets", "t", StoredRows.ticketColumns, order: "t.row_key") {
      row,
      position throws(SQLiteError) in
      conversations[position].tickets.append(try StoredRows.ticket(row).1)
    }
    try attach("assistance", "a", StoredRows.assistanceColumns, order: "a.row_key") {
      row,
      position throws(SQLiteError) in
      conversations[position].assistance.append(try StoredRows.assistance(row))
    }
    try attach("channel_moves", "m", StoredRows.moveColumns, order: "m.row_key") {
      row,
      position throws(SQLiteError) in
      conversations[position].channelMoves.append(try StoredRows.move(row))
    }
    try attach("surveys", "s", StoredRows.surveyColumns, order: "c.row_key") {
      row,
      position throws(SQLiteError) in
      conversations[position].surveyResponse = try StoredRows.survey(row)
    }
    for conversation in conversations {
      for (offset, event) in conversation.events.enumerated()
      where event.sequence != UInt64(offset + 1) {
        throw SQLiteError.corruptValue(
          "conversation_events(\(conversation.conversationID))",
          "sequence \(event.sequence) at position \(offset + 1): the log has a gap"
        )
      }
    }
    return conversations
  }

  /// A conversation row without its content (the columns of `conversations(where:_:order:)`).
  private func conversation(_ row: SQLiteRow) throws(SQLiteError) -> RecoveredConversation {
    let conversationID = try row.string(1)
    let path = "conversations(\(conversationID))"
    return RecoveredConversation(
      conversationID: conversationID,
      arrivalOrder: try row.uint64(0),
      request: try NewConversation(jsonText: try row.string(5), path: "\(path).request"),
      startedBy: try starter(row, path: path),
      queueID: try row.string(2),
      queueIDs: [],
      priority: try Priority(storedNumber: try row.int64(3), what: "\(path).priority"),
      channel: try Channel(storedCode: try row.string(4), what: "\(path).channel"),
      createdAt: WallTime(nanosecondsSinceEpoch: try row.int64(6)),
      enteredQueueAt: WallTime(nanosecondsSinceEpoch: try row.int64(7)),
      events: [],
      offers: [],
      decisions: [],
      tickets: [],
      assistance: [],
      channelMoves: [],
      surveyResponse: nil
    )
  }

  /// The caller who started a conversation; `nil` for rows written before schema version 2.
  private func starter(_ row: SQLiteRow, path: String) throws(SQLiteError) -> Caller? {
    switch (try row.optionalString(8), try row.optionalString(9)) {
    case (nil, nil): return nil
    case (let role?, let id?):
      return Caller(role: try Role(storedCode: role, what: "\(path).started_by_role"), id: id)
    default:
      throw SQLiteError.corruptValue(
        "\(path).started_by_role",
        "started_by_role and started_by_id must be both set or both NULL"
      )
    }
  }

  /// Reads `columns` (the first being the conversation id) of `table` (aliased `alias`) joined
  /// to the conversations `c` that `condition` selects, in `order`, one pass for all of them.
  private func each(
    _ table: String,
    _ alias: String,
    _ columns: String,
    of condition: String,
    _ values: [SQLiteValue],
    order: String,
    _ handle: (SQLiteRow) throws(SQLiteError) -> Void
  ) throws(SQLiteError) {
    let sql = """
      SELECT \(columns) FROM conversations c JOIN \(table) \(alias) ON \(alias).conversation_id = c.conversation_id
      WHERE \(condition) ORDER BY \(order)
      """
    _ = try connection.prepare(sql).query(values) { row throws(SQLiteError) in try handle(row) }
  }
}
