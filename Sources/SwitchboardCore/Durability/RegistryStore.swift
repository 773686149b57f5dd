/// The durable side of the registry, as the core sees it: the journal every change is written
/// to, the state the registry rebuilds itself from (at start, and after a write failed), the
/// older part of the event feed, and the transcripts of closed conversations.
///
/// `SwitchboardStore.SQLiteStore` is the embedded implementation; a store on a shared engine
/// (see `docs/SCALING.md`) implements the same calls. Authorization stays in the core: the store
/// filters by the `TranscriptReach` the core computed for the caller.
public protocol RegistryStore: Journal {
  /// Reads what the registry needs to rebuild itself: configuration, presence, open
  /// conversations with their content, the survey state of recently closed ones, the feed's
  /// tail and the id counters. Throws if the stored data cannot be read.
  func loadForRecovery(_ request: RecoveryRequest) async throws -> RecoveredState

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

  /// Makes one small durable write (outside the journal) and returns if it committed; throws
  /// `unavailable` while the store cannot write. The registry probes with it after a failed
  /// append, and accepts writes again once it succeeds.
  func probeWrite() async throws(CoreError)
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

