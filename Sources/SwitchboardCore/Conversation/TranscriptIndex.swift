/// The in-memory index of closed conversations behind transcript search and export.
///
/// Entries are ordered by (closing time, conversation id). Search walks them newest first,
/// export oldest first; both resume from a key token naming the last item returned, so items
/// closed meanwhile never shift a page. Each entry carries the words of the conversation's
/// searchable text (see `TranscriptText`), refreshed when a note is added after closing.
struct TranscriptIndex: Sendable {
  /// One closed conversation.
  struct Entry: Sendable {
    /// Ordering key.
    var key: Key
    /// Every queue the conversation passed through.
    var queueIDs: [String]
    /// Agents who handled it, in order.
    var agentIDs: [String]
    /// The resolution category; empty for automatic closes.
    var categoryID: String
    /// The lowercased words of its searchable text.
    var words: Set<String>
  }

  /// (closing time, conversation id); also the content of page and resume tokens.
  struct Key: Sendable, Hashable, Comparable {
    /// When it closed.
    var closedAt: WallTime
    /// The conversation id.
    var conversationID: String

    static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.closedAt, lhs.conversationID) < (rhs.closedAt, rhs.conversationID)
    }

    /// The opaque token form: `<nanoseconds>~<conversation id>`.
    var token: String { "\(closedAt.nanosecondsSinceEpoch)~\(conversationID)" }

    /// Parses a token made by `token`; `field` names it in the error.
    init(token: String, field: String) throws(CoreError) {
      let parts = token.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[1].isEmpty, let nanos = Int64(parts[0]) else {
        throw CoreError(
          .invalidArgument,
          "\(field) \"\(token)\" is malformed; pass back a token unchanged"
        )
      }
      self.init(closedAt: WallTime(nanosecondsSinceEpoch: nanos), conversationID: String(parts[1]))
    }

    /// A key.
    init(closedAt: WallTime, conversationID: String) {
      self.closedAt = closedAt
      self.conversationID = conversationID
    }
  }

  /// Entries ascending by key.
  private var entries: [Entry] = []

  /// An empty index.
  init() {}

  /// Number of indexed conversations.
  var count: Int { entries.count }

  /// Indexes a closed conversation, or refreshes its entry (e.g. after a late note).
  mutating func index(_ record: ConversationRecord) {
    guard let closedAt = record.resolution?.closedAt else { return }
    let key = Key(closedAt: closedAt, conversationID: record.id)
    let entry = Entry(
      key: key,
      queueIDs: record.queuesVisited,
      agentIDs: record.agentIDs,
      categoryID: record.resolution?.categoryID ?? "",
      words: Set(TranscriptText.searchable(record).flatMap(TranscriptText.words))
    )
    let position = insertionPoint(of: key)
    if position < entries.count, entries[position].key == key {
      entries[position] = entry
    } else {
      entries.insert(entry, at: position)
    }
  }

  /// True if `filter` and the caller's `reach` admit `entry`.
  static func admits(
    _ entry: Entry,
    _ filter: TranscriptFilter,
    reach: (Entry) -> Bool
  ) -> Bool {
    if let queueID = filter.queueID, !entry.queueIDs.contains(queueID) { return false }
    if let agentID = filter.agentID, !entry.agentIDs.contains(agentID) { return false }
    if let range = filter.closed, !range.contains(entry.key.closedAt) { return false }
    if let category = filter.resolutionCategoryID, entry.categoryID != category { return false }
    return reach(entry)
  }

  /// Every match newest closed first, starting after `token`'s key (when given).
  func search(
    _ filter: TranscriptFilter,
    words query: [String],
    after token: Key?,
    reach: (Entry) -> Bool
  ) -> (matches: [Key], total: Int) {
    var matches: [Key] = []
    var total = 0
    for entry in entries.reversed()
    where Self.admits(entry, filter, reach: reach)
      && (query.isEmpty || TranscriptText.matches(query, in: entry.words))
    {
      total += 1
      if token.map({ entry.key < $0 }) ?? true { matches.append(entry.key) }
    }
    return (matches, total)
  }

  /// Up to `limit` matches oldest closed first, after `token`'s key (when given).
  func export(
    _ filter: TranscriptFilter,
    after token: Key?,
    limit: Int,
    reach: (Entry) -> Bool
  ) -> [Key] {
    let start = token.map { insertionPoint(of: $0) } ?? 0
    var result: [Key] = []
    for entry in entries[start...]
    where (token.map { entry.key > $0 } ?? true) && Self.admits(entry, filter, reach: reach) {
      result.append(entry.key)
      if result.count == limit { break }
    }
    return result
  }

  /// The first index whose key is not less than `key`.
  private func insertionPoint(of key: Key) -> Int {
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if entries[middle].key < key { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
