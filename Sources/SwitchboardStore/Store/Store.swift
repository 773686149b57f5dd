public import SwitchboardCore

/// The durable side of Switchboard: the core's `RegistryStore` (the journal the registry writes
/// every state change to, the state it recovers from, the transcripts of closed conversations)
/// plus what only the server's operator needs (retention, closing).
///
/// The protocols speak only the core's value types, so that another engine can implement it
/// without touching the core: `SQLiteStore` is the embedded default; a PostgreSQL store (see
/// `docs/SCALING.md`) maps the same calls to the same tables. Authorization stays in the core:
/// the store filters by the `TranscriptReach` the core computed for the caller.
public protocol Store: RegistryStore {
  /// Deletes the transcripts of conversations closed before `cutoff` (with everything stored
  /// about them, feed events included); returns how many were deleted. Id counters and the
  /// feed position are kept, so ids are never reused.
  func purgeTranscripts(closedBefore cutoff: WallTime) async throws(CoreError) -> Int

  /// Commits what is queued and closes the store; later calls fail with `unavailable`.
  func close() async
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
