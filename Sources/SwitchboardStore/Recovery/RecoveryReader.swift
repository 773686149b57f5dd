internal import SwitchboardCore

/// Reads `RecoveredState` in one read transaction (one consistent snapshot).
///
/// Open and recently closed conversations come back whole (see `RecoveryReader+Conversations`),
/// found through their own indexes without touching the closed history, so the cost grows with
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
