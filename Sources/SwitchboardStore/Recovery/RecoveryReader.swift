internal import SwitchboardCore

/// Reads `RecoveredState` in one read transaction (one consistent snapshot).
///
/// Open conversations come back whole, each child table read in one pass joined to the open
/// ones (the partial index `conversations_open` finds them without touching closed history);
/// recently closed conversations come back in their light form. The cost therefore grows with
/// the open and recently closed conversations, not with the stored history.
struct RecoveryReader {
  let connection: SQLiteConnection
  let request: RecoveryRequest

  func read() throws(SQLiteError) -> RecoveredState {
    try connection.transaction(immediate: false) { () throws(SQLiteError) -> RecoveredState in
      RecoveredState(
        queues: try queues(),
        agents: try agents(),
        presence: try presence(),
        resolutionCategories: try categories(),
        surveySettings: try surveySettings(),
        openConversations: try openConversations(),
        recentlyClosed: try recentlyClosed(),
        feed: try feed(),
        lastFeedPosition: try lastFeedPosition(),
        idCounters: try idCounters(),
        lastArrivalOrder: UInt64(
          try connection.integer("SELECT coalesce(max(row_key), 0) FROM conversations") ?? 0
        )
      )
    }
  }

  // MARK: Administration

  private func queues() throws(SQLiteError) -> [QueueConfig] {
    try connection.prepare(
      """
      SELECT queue_id, name, topics, offer_timeout_ns, offer_mode, max_wait_ns, overflow_queue_id,
        default_priority, supervisor_ids, required_skills, version, updated_at
      FROM queues ORDER BY queue_id
      """
    ).query { row throws(SQLiteError) in
      let queueID = try row.string(0)
      let path = "queues(\(queueID))"
      return QueueConfig(
        queueID: queueID,
        name: try row.string(1),
        topics: try strings(row, 2, "\(path).topics"),
        offerTimeout: try row.optionalInt64(3).map { .nanoseconds($0) },
        offerMode: try OfferMode(storedCode: try row.string(4), what: "\(path).offer_mode"),
        maxWait: try row.optionalInt64(5).map { .nanoseconds($0) },
        overflowQueueID: try row.optionalString(6),
        defaultPriority: try Priority(
          storedNumber: try row.int64(7),
          what: "\(path).default_priority"
        ),
        supervisorIDs: try strings(row, 8, "\(path).supervisor_ids"),
        requiredSkills: try strings(row, 9, "\(path).required_skills"),
        version: try row.uint64(10),
        updatedAt: try row.optionalInt64(11).map(WallTime.init(nanosecondsSinceEpoch:))
      )
    }
  }

  private func agents() throws(SQLiteError) -> [AgentProfile] {
    try connection.prepare(
      "SELECT agent_id, display_name, role, queue_ids, capacity, skills, updated_at FROM agents ORDER BY agent_id"
    ).query { row throws(SQLiteError) in
      let agentID = try row.string(0)
      let path = "agents(\(agentID))"
      let capacity = try row.int64(4)
      guard let capacity = UInt32(exactly: capacity) else {
        throw SQLiteError.corruptValue("\(path).capacity", "\(capacity) is out of range")
      }
      return AgentProfile(
        agentID: agentID,
        displayName: try row.string(1),
        role: try Role(storedCode: try row.string(2), what: "\(path).role"),
        queueIDs: try strings(row, 3, "\(path).queue_ids"),
        capacity: capacity,
        skills: try strings(row, 5, "\(path).skills"),
        updatedAt: try row.optionalInt64(6).map(WallTime.init(nanosecondsSinceEpoch:))
      )
    }
  }

  private func presence() throws(SQLiteError) -> [AgentPresence] {
    try connection.prepare(
      "SELECT agent_id, presence, reason, since FROM agent_presence ORDER BY agent_id"
    )
    .query { row throws(SQLiteError) in
      let agentID = try row.string(0)
      return AgentPresence(
        agentID: agentID,
        presence: try Presence(
          storedCode: try row.string(1),
          what: "agent_presence(\(agentID)).presence"
        ),
        reason: try row.string(2),
        since: WallTime(nanosecondsSinceEpoch: try row.int64(3))
      )
    }
  }

  private func categories() throws(SQLiteError) -> [ResolutionCategory]? {
    guard try connection.integer("SELECT count(*) FROM meta WHERE key = 'categories_stored'") == 1
    else {
      return nil
    }
    return try connection.prepare(
      """
      SELECT category_id, label, description, requires_notes, active, sort_order
      FROM resolution_categories ORDER BY position
      """
    ).query { row throws(SQLiteError) in
      let sortOrder = try row.int64(5)
      guard let sortOrder = Int32(exactly: sortOrder) else {
        throw SQLiteError.corruptValue(
          "resolution_categories.sort_order",
          "\(sortOrder) is out of range"
        )
      }
      return ResolutionCategory(
        categoryID: try row.string(0),
        label: try row.string(1),
        description: try row.string(2),
        requiresNotes: try row.bool(3),
        active: try row.bool(4),
        sortOrder: sortOrder
      )
    }
  }

  private func surveySettings() throws(SQLiteError) -> SurveySettings? {
    try connection.prepare(
      "SELECT enabled, response_window_ns, prompt FROM survey_settings WHERE id = 1"
    )
    .first { row throws(SQLiteError) in
      SurveySettings(
        enabled: try row.bool(0),
        responseWindow: try row.optionalInt64(1).map { .nanoseconds($0) },
        prompt: try row.string(2)
      )
    }
  }

  // MARK: Conversations

  private func openConversations() throws(SQLiteError) -> [RecoveredConversation] {
    var conversations = try connection.prepare(
      """
      SELECT row_key, conversation_id, queue_id, priority, channel, request, created_at, entered_queue_at
      FROM conversations WHERE closed_at IS NULL ORDER BY row_key
      """
    ).query { row throws(SQLiteError) in
      let conversationID = try row.string(1)
      let path = "conversations(\(conversationID))"
      return RecoveredConversation(
        conversationID: conversationID,
        arrivalOrder: try row.uint64(0),
        request: try NewConversation(jsonText: try row.string(5), path: "\(path).request"),
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
        channelMoves: []
      )
    }
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
      try each(table, alias, columns, of: "c.closed_at IS NULL", [], order: order) {
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

  /// Closed within the window or with a survey still open. Each condition has its own index
  /// (combined with UNION, since SQLite cannot use two indexes for one OR here), and the child
  /// rows are looked up per conversation, so nothing here scans the closed history.
  private func recentlyClosed() throws(SQLiteError) -> [RecentlyClosedConversation] {
    try connection.prepare(
      """
      SELECT c.conversation_id, c.request, c.queue_id, c.priority, c.channel, c.created_at, c.survey_offer,
        (SELECT e.detail FROM conversation_events e WHERE e.conversation_id = c.conversation_id AND e.kind = 'closed'),
        (SELECT max(e.sequence) FROM conversation_events e WHERE e.conversation_id = c.conversation_id)
      FROM conversations c
      WHERE c.closed_at IS NOT NULL AND c.row_key IN (
        SELECT row_key FROM conversations WHERE closed_at >= ?
        UNION SELECT row_key FROM conversations WHERE survey_expires_at > ?)
      ORDER BY c.closed_at, c.conversation_id
      """
    ).query([
      .integer((request.now - request.recentlyClosedWindow).nanosecondsSinceEpoch),
      .integer(request.now.nanosecondsSinceEpoch),
    ]) { row throws(SQLiteError) in
      let conversationID = try row.string(0)
      let path = "conversations(\(conversationID))"
      guard let closedDetail = try row.optionalString(7) else {
        throw SQLiteError.corruptValue("\(path)", "closed, but its closed event is missing")
      }
      let surveyOffer = try row.optionalString(6).map { text throws(SQLiteError) in
        try SurveyOffer(jsonText: text, path: "\(path).survey_offer")
      }
      let key: [SQLiteValue] = [.text(conversationID)]
      return RecentlyClosedConversation(
        conversationID: conversationID,
        request: try NewConversation(jsonText: try row.string(1), path: "\(path).request"),
        queueID: try row.string(2),
        queueIDs: try list("conversation_queues", "queue_id", of: conversationID),
        agentIDs: try list("conversation_agents", "agent_id", of: conversationID),
        priority: try Priority(storedNumber: try row.int64(3), what: "\(path).priority"),
        channel: try Channel(storedCode: try row.string(4), what: "\(path).channel"),
        createdAt: WallTime(nanosecondsSinceEpoch: try row.int64(5)),
        resolution: try Resolution(jsonText: closedDetail, path: "\(path) closed event"),
        lastSequence: try row.uint64(8),
        surveyOffer: surveyOffer,
        surveyResponse: try connection.cached(
          "SELECT \(StoredRows.surveyColumns) FROM surveys s WHERE s.conversation_id = ?"
        ).first(key, StoredRows.survey),
        tickets: try connection.cached(
          "SELECT \(StoredRows.ticketColumns) FROM tickets t WHERE t.conversation_id = ? ORDER BY t.row_key"
        ).query(key) { row throws(SQLiteError) in try StoredRows.ticket(row).1 }
      )
    }
  }

  /// The queue or agent ids of a conversation, in order.
  private func list(
    _ table: String,
    _ column: String,
    of conversationID: String
  ) throws(SQLiteError) -> [String] {
    try connection.cached(
      "SELECT \(column) FROM \(table) WHERE conversation_id = ? ORDER BY position"
    )
    .query([.text(conversationID)]) { row throws(SQLiteError) in try row.string(0) }
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

  // MARK: Feed and counters

  private func feed() throws(SQLiteError) -> [ExternalEvent] {
    try connection.prepare(
      "SELECT \(StoredRows.feedColumns) FROM external_events ORDER BY position DESC LIMIT ?"
    ).query([.int(max(0, request.feedRetention))], StoredRows.feedEvent).reversed().map(\.self)
  }

  private func lastFeedPosition() throws(SQLiteError) -> UInt64 {
    UInt64(
      try connection.integer(
        "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'external_events'"
      )
        ?? 0
    )
  }

  private func idCounters() throws(SQLiteError) -> [String: UInt64] {
    var counters: [String: UInt64] = [:]
    let rows = try connection.prepare("SELECT prefix, value FROM id_counters").query {
      row throws(SQLiteError) in (try row.string(0), try row.uint64(1))
    }
    for (prefix, value) in rows { counters[prefix] = value }
    return counters
  }

  private func strings(
    _ row: SQLiteRow,
    _ column: Int32,
    _ path: String
  ) throws(SQLiteError) -> [String] {
    guard case .array(let values) = try JSON(parsing: try row.string(column), what: path) else {
      throw SQLiteError.corruptValue(path, "not an array")
    }
    var result: [String] = []
    for value in values {
      guard case .string(let text) = value else {
        throw SQLiteError.corruptValue(path, "not an array of strings")
      }
      result.append(text)
    }
    return result
  }
}
