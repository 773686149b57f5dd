import Synchronization
import Testing

@testable import SwitchboardCore

/// An in-memory `RegistryStore` for registry tests. It keeps every journaled record, serves
/// the event feed from the journaled external events (minus those `purge(through:)` removed),
/// and serves transcripts from canned data (`put`), filtering search and export with the
/// filter and the reach the registry passed (text matching: every word is a substring of a
/// message, the subject or the resolution notes). It records the reaches and page sizes it was
/// asked with, and fails reads with `unavailable` while `failReads` is set.
final class FakeRegistryStore: RegistryStore {
  private struct Contents {
    var records: [JournalRecord] = []
    var feed: [ExternalEvent] = []
    var purgedThrough: UInt64 = 0
    var transcripts: [String: StoredTranscript] = [:]
    var reaches: [TranscriptReach] = []
    var pageSizes: [Int] = []
    var feedReads = 0
    var transcriptReads = 0
    var failReads = false
    var failWrites = false
    var loads = 0
  }

  private let contents = Mutex(Contents())

  /// Every journaled record, in order.
  var records: [JournalRecord] { contents.withLock { $0.records } }
  /// The reaches search and export were called with, in order.
  var reaches: [TranscriptReach] { contents.withLock { $0.reaches } }
  /// The page sizes search was called with, in order.
  var pageSizes: [Int] { contents.withLock { $0.pageSizes } }
  /// How many times the feed was read.
  var feedReads: Int { contents.withLock { $0.feedReads } }
  /// How many times a single transcript was read.
  var transcriptReads: Int { contents.withLock { $0.transcriptReads } }

  /// Makes every read fail with `unavailable` (or work again).
  func setFailReads(_ fail: Bool) { contents.withLock { $0.failReads = fail } }
  /// Makes appends and write probes fail (true) or succeed (false).
  func setFailWrites(_ fail: Bool) { contents.withLock { $0.failWrites = fail } }
  /// How often the registry loaded its state (at start and after failed appends).
  var loads: Int { contents.withLock { $0.loads } }

  /// Stores a closed conversation's transcript.
  func put(_ stored: StoredTranscript) {
    contents.withLock { $0.transcripts[stored.transcript.conversation.conversationID] = stored }
  }

  /// Removes the feed events up to `position`, as a retention purge would.
  func purge(through position: UInt64) {
    contents.withLock { contents in
      contents.purgedThrough = position
      contents.feed.removeAll { UInt64($0.cursor)! <= position }
    }
  }

  func append(_ records: [JournalRecord]) async throws(CoreError) {
    try contents.withLock { (contents) throws(CoreError) in
      if contents.failWrites {
        throw CoreError(.unavailable, "the store could not write: disk full (test)")
      }
      contents.records.append(contentsOf: records)
      for case .externalEvent(let event) in records
      where UInt64(event.cursor)! > contents.purgedThrough {
        contents.feed.append(event)
      }
    }
  }

  /// The queues and agents the accepted records saved (what the write-fault tests need back
  /// after a reload); nothing else.
  func loadForRecovery(_ request: RecoveryRequest) async throws -> RecoveredState {
    let records = contents.withLock { contents in
      contents.loads += 1
      return contents.records
    }
    var recovered = RecoveredState.nothing
    for record in records {
      if case .queueSaved(let queue) = record { recovered.queues.append(queue) }
      if case .agentSaved(let agent) = record { recovered.agents.append(agent) }
    }
    return recovered
  }

  func feedEvents(
    after position: UInt64,
    kinds: Set<ExternalEventKind>,
    limit: Int
  ) async throws(CoreError) -> [ExternalEvent] {
    try contents.withLock { (contents) throws(CoreError) in
      try Self.checkReadable(contents)
      contents.feedReads += 1
      return Array(
        contents.feed.filter {
          UInt64($0.cursor)! > position && (kinds.isEmpty || kinds.contains($0.kind))
        }
        .prefix(limit)
      )
    }
  }

  func transcript(conversationID: String) async throws(CoreError) -> StoredTranscript? {
    try contents.withLock { (contents) throws(CoreError) in
      try Self.checkReadable(contents)
      contents.transcriptReads += 1
      return contents.transcripts[conversationID]
    }
  }

  func searchTranscripts(
    _ filter: TranscriptFilter,
    text: String,
    reach: TranscriptReach,
    pageSize: Int,
    pageToken: String
  ) async throws(CoreError) -> TranscriptSearchResult {
    let words = text.lowercased().split(separator: " ").map(String.init)
    let (all, after) = try contents.withLock {
      (contents) throws(CoreError) -> ([StoredTranscript], String) in
      try Self.checkReadable(contents)
      contents.reaches.append(reach)
      contents.pageSizes.append(pageSize)
      return (
        Self.matching(contents, filter, reach).reversed().filter { Self.contains(words, $0) },
        pageToken
      )
    }
    let rest = after.isEmpty ? all[...] : all.drop { Self.token($0) >= after }
    let page = Array(rest.prefix(pageSize))
    let next = rest.count > pageSize ? page.last.map(Self.token) ?? "" : ""
    return TranscriptSearchResult(
      page: Page(items: page.map(Self.summary), nextPageToken: next),
      totalEstimate: all.count
    )
  }

  func exportTranscripts(
    _ filter: TranscriptFilter,
    reach: TranscriptReach,
    resumeToken: String,
    limit: Int
  ) async throws(CoreError) -> [ExportedTranscript] {
    try contents.withLock { (contents) throws(CoreError) in
      try Self.checkReadable(contents)
      contents.reaches.append(reach)
      return Self.matching(contents, filter, reach)
        .filter { resumeToken.isEmpty || Self.token($0) > resumeToken }
        .prefix(limit)
        .map { ExportedTranscript(transcript: $0.transcript, resumeToken: Self.token($0)) }
    }
  }

  func probeWrite() async throws(CoreError) {
    if contents.withLock({ $0.failWrites }) { throw CoreError(.unavailable, "still full (test)") }
  }

  private static func checkReadable(_ contents: Contents) throws(CoreError) {
    if contents.failReads { throw CoreError(.unavailable, "storage: could not read (test)") }
  }

  /// Matches of the filter and reach, oldest closed first.
  private static func matching(
    _ contents: Contents,
    _ filter: TranscriptFilter,
    _ reach: TranscriptReach
  ) -> [StoredTranscript] {
    contents.transcripts.values.filter { stored in
      let closedAt = stored.transcript.resolution?.closedAt ?? WallTime(nanosecondsSinceEpoch: 0)
      return reach.admits(queueIDs: stored.queueIDs, agentIDs: stored.agentIDs)
        && filter.queueID.map(stored.queueIDs.contains) ?? true
        && filter.agentID.map(stored.agentIDs.contains) ?? true
        && filter.closed.map { $0.contains(closedAt) } ?? true
        && filter.resolutionCategoryID.map { $0 == stored.transcript.resolution?.categoryID }
          ?? true
    }
    .sorted { token($0) < token($1) }
  }

  /// A sortable token: zero-padded closing time, then the id.
  private static func token(_ stored: StoredTranscript) -> String {
    let nanos = stored.transcript.resolution?.closedAt.nanosecondsSinceEpoch ?? 0
    let padded = String(repeating: "0", count: max(0, 20 - String(nanos).count)) + String(nanos)
    return padded + "~" + stored.transcript.conversation.conversationID
  }

  private static func contains(_ words: [String], _ stored: StoredTranscript) -> Bool {
    let text =
      (stored.transcript.messages.map(\.text) + [
        stored.transcript.conversation.subject, stored.transcript.resolution?.notes ?? "",
      ]).joined(separator: " ").lowercased()
    return words.allSatisfy(text.contains)
  }

  private static func summary(_ stored: StoredTranscript) -> TranscriptSummary {
    let transcript = stored.transcript
    return TranscriptSummary(
      conversationID: transcript.conversation.conversationID,
      queueID: transcript.conversation.queueID,
      agentIDs: stored.agentIDs,
      customerDisplayName: transcript.customer.displayName,
      subject: transcript.conversation.subject,
      channel: transcript.conversation.channel,
      createdAt: transcript.conversation.createdAt,
      closedAt: transcript.resolution?.closedAt ?? transcript.conversation.createdAt,
      closeReason: transcript.resolution?.reason ?? .administrative,
      resolutionCategoryID: transcript.resolution?.categoryID ?? "",
      surveyRating: transcript.survey?.rating,
      snippet: ""
    )
  }
}

extension RecoveredState {
  /// What an empty store recovers.
  static let nothing = RecoveredState(
    queues: [],
    agents: [],
    presence: [],
    resolutionCategories: nil,
    surveySettings: nil,
    openConversations: [],
    recentlyClosed: [],
    feed: [],
    lastFeedPosition: 0,
    idCounters: [:],
    lastArrivalOrder: 0
  )
}

extension StoredTranscript {
  /// The stored form of a closed conversation the registry holds in memory, as a store keeps
  /// it.
  init(_ record: ConversationRecord, now: WallTime) {
    self.init(
      transcript: record.transcript(includeInternal: true, now: now),
      queueIDs: record.queuesVisited,
      agentIDs: record.agentIDs
    )
  }
}
