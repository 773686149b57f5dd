/// The registry's state for conversation content beyond the records themselves: the external
/// event feed and its watchers, the transcript index, the assistance-request index and the
/// running transcript exports. Stored in `RegistryState.content`.
struct ConversationContentState: Sendable {
  /// The external event feed.
  var feed = ExternalEventLog()
  /// Open event feed streams by subscriber id.
  var feedWatchers: [UInt64: FeedWatcher] = [:]
  /// Closed conversations for transcript search and export.
  var transcripts = TranscriptIndex()
  /// The conversation of each assistance request, by assistance id.
  var assistanceConversations: [String: String] = [:]
  /// Callers with a transcript export running (one at a time per caller).
  var runningExports: Set<CallerKey> = []
}

/// An open `watchEvents` stream.
struct FeedWatcher: Sendable {
  /// The stream.
  let sink: Sink<ExternalEvent>
  /// Who opened it (for the per-caller limit).
  let caller: CallerKey
  /// The kinds it wants; empty means all.
  let kinds: Set<ExternalEventKind>
}

/// A caller's identity for per-caller limits: role and subject.
struct CallerKey: Hashable, Sendable {
  /// The caller's role.
  var role: Role
  /// The caller's subject.
  var id: String

  /// The key of `caller`.
  init(_ caller: Caller) {
    role = caller.role
    id = caller.id
  }
}
