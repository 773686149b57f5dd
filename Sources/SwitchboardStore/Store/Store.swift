public import SwitchboardCore

/// The durable side of Switchboard: the journal the registry writes every state change to,
/// the state it recovers from at start, and the transcripts of closed conversations.
///
/// The protocol speaks only the core's value types, so that another engine can implement it
/// without touching the core: `SQLiteStore` is the embedded default; a PostgreSQL store (see
/// `docs/SCALING.md`) maps the same calls to the same tables. Authorization stays in the core:
/// the store filters by the `TranscriptReach` the core computed for the caller.
public protocol Store: Journal {
  /// Reads what the registry needs to rebuild itself: configuration, presence, open
  /// conversations with their content, the survey state of recently closed ones, the feed's
  /// tail and the id counters. Throws if the stored data cannot be read.
  func loadForRecovery(_ request: RecoveryRequest) async throws(StoreError) -> RecoveredState

  /// Up to `limit` feed events after `position` (0: from the oldest kept), oldest first, of the
  /// given kinds (every kind if empty): the registry keeps only the feed's tail in memory and
  /// reads older cursors from here.
  func feedEvents(
    after position: UInt64,
    kinds: Set<ExternalEventKind>,
    limit: Int
  ) async throws(CoreError)
    -> [ExternalEvent]

  /// The full (internal) transcript of a closed conversation, with the facts the core checks
  /// access against; `nil` if no closed conversation has that id (open, unknown or purged).
  func transcript(conversationID: String) async throws(CoreError) -> StoredTranscript?

  /// Closed conversations matching `filter`, `text` (every word, as a word prefix, in the
  /// subject, public messages, internal notes or closing notes) and `reach`, newest closed
  /// first; `pageSize` 1 or more; `pageToken` empty or a previous `nextPageToken`. Hits carry a
  /// snippet around the match when `text` is not empty.
  func searchTranscripts(
    _ filter: TranscriptFilter,
    text: String,
    reach: TranscriptReach,
    pageSize: Int,
    pageToken: String
  ) async throws(CoreError) -> TranscriptSearchResult

  /// Up to `limit` full transcripts matching `filter` and `reach`, oldest closed first, after
  /// `resumeToken` (empty: from the start); each carries the token to resume after it.
  func exportTranscripts(
    _ filter: TranscriptFilter,
    reach: TranscriptReach,
    resumeToken: String,
    limit: Int
  ) async throws(CoreError) -> [ExportedTranscript]

  /// Deletes the transcripts of conversations closed before `cutoff` (with everything stored
  /// about them, feed events included); returns how many were deleted. Id counters and the
  /// feed position are kept, so ids are never reused.
  func purgeTranscripts(closedBefore cutoff: WallTime) async throws(CoreError) -> Int

  /// Commits what is queued and closes the store; later calls fail with `unavailable`.
  func close() async
}

/// Which closed conversations a caller may see in search and export, as the core decided.
public enum TranscriptReach: Sendable, Hashable {
  /// Every conversation (admins).
  case everything
  /// Conversations that passed through one of `queueIDs` (a supervisor's queues), or that
  /// `agentID` handled (`nil`: none by that rule).
  case limited(queueIDs: Set<String>, agentID: String?)
}

/// A closed conversation's transcript as stored, with the facts access is checked against.
public struct StoredTranscript: Sendable, Hashable {
  /// The internal view: notes, whispers, transfer notes, tickets, moves, assistance and the
  /// resolution's details included; the core derives the customer's view from it.
  public var transcript: Transcript
  /// Every queue the conversation passed through, in order.
  public var queueIDs: [String]
  /// Agents who owned it, in order.
  public var agentIDs: [String]

  /// A stored transcript.
  public init(transcript: Transcript, queueIDs: [String], agentIDs: [String]) {
    self.transcript = transcript
    self.queueIDs = queueIDs
    self.agentIDs = agentIDs
  }
}

/// How long transcripts are kept.
public enum TranscriptRetention: Sendable, Hashable {
  /// Never purge (the default).
  case keepForever
  /// Purge conversations closed more than this many days ago.
  case days(Int)

  /// The closing time before which transcripts are purged at `now`; `nil` to keep everything.
  public func cutoff(now: WallTime) -> WallTime? {
    switch self {
    case .keepForever: nil
    case .days(let days): now - .seconds(Int64(max(0, days)) * 86_400)
    }
  }
}
