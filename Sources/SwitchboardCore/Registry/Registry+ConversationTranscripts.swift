internal import Synchronization

/// Transcripts: one conversation's record, search over closed conversations, and export.
extension Registry {
  /// One conversation's transcript; open conversations return what exists so far
  /// (Transcripts.GetTranscript). `includeInternal` adds notes, whispers, transfer notes,
  /// tickets, channel moves, assistance and resolution details.
  ///
  /// Roles: customer (scoped; public view only), agent (who handled it), supervisor (of a queue
  /// it passed through), admin. Errors: `notFound`, `permissionDenied` (not allowed to see it,
  /// or a customer asking for the internal view).
  public func transcript(
    caller: Caller,
    conversationID: String,
    includeInternal: Bool
  ) throws(CoreError) -> Transcript {
    try read { state, now throws(CoreError) in
      let record: ConversationRecord
      switch caller.role {
      case .customer:
        record = try state.customerSideConversation(conversationID, caller: caller)
        guard !includeInternal else {
          throw CoreError(.permissionDenied, "customers may read only the public transcript")
        }
      case .agent, .supervisor:
        record = try state.staffConversation(
          conversationID,
          caller: caller,
          action: "read the transcript",
          live: false
        )
      case .admin:
        record = try state.conversation(conversationID)
      case .bot, .system:
        throw CoreError(.permissionDenied, "\(caller.role) callers cannot read transcripts")
      }
      return record.transcript(includeInternal: includeInternal, now: now)
    }
  }

  /// Searches closed conversations, newest closed first (Transcripts.SearchTranscripts).
  /// `text`'s words must all appear (as word prefixes, case-insensitively) in the public
  /// messages, the subject, internal notes or closing notes; hits carry a snippet.
  ///
  /// Roles: agent (conversations they handled), supervisor (their queues, and conversations
  /// they handled), admin. Page size 1...100, 0 means 25. Errors: `invalidArgument` (closed
  /// range ends before it starts, text too long, page token or size), `permissionDenied` (role,
  /// or a named queue or agent outside the caller's reach).
  public func searchTranscripts(
    caller: Caller,
    filter: TranscriptFilter,
    text: String,
    pageSize: Int,
    pageToken: String
  ) throws(CoreError) -> TranscriptSearchResult {
    try read { state, _ throws(CoreError) in
      let reach = try state.transcriptReach(of: caller, filter: filter, export: false)
      try TextRule.limit(text, "text", state.options.conversationLimits.searchText)
      guard (0 ... 100).contains(pageSize) else {
        throw CoreError(.invalidArgument, "page_size \(pageSize) is outside 0...100 (0 means 25)")
      }
      let after =
        pageToken.isEmpty ? nil : try TranscriptIndex.Key(token: pageToken, field: "page_token")
      let words = TranscriptText.words(text)
      let found = state.content.transcripts.search(filter, words: words, after: after, reach: reach)
      let size = pageSize == 0 ? 25 : pageSize
      let keys = found.matches.prefix(size)
      let items = keys.compactMap { key -> TranscriptSummary? in
        state.conversations[key.conversationID].map { $0.transcriptSummary(snippetFor: words) }
      }
      let next = found.matches.count > size ? keys.last?.token ?? "" : ""
      return TranscriptSearchResult(
        page: Page(items: items, nextPageToken: next),
        totalEstimate: found.total
      )
    }
  }

  /// Streams full transcripts matching `filter`, oldest closed first, for archiving
  /// (Transcripts.ExportTranscripts); each item carries the token to resume after it. The
  /// stream reads the index in small batches as it is consumed and ends after the last match.
  ///
  /// Roles: supervisor (their queues), admin. One export per caller at a time. Errors:
  /// `invalidArgument` (closed range, resume token), `permissionDenied`, `resourceExhausted`
  /// (an export by this caller is still running).
  public func exportTranscripts(
    caller: Caller,
    filter: TranscriptFilter,
    includeInternal: Bool,
    resumeToken: String
  ) throws(CoreError) -> AsyncStream<ExportedTranscript> {
    guard caller.role == .supervisor || caller.role == .admin else {
      throw CoreError(.permissionDenied, "\(caller.role) callers cannot export transcripts")
    }
    let after =
      resumeToken.isEmpty ? nil : try TranscriptIndex.Key(token: resumeToken, field: "resume_token")
    let key = CallerKey(caller)
    try state.withLock { (state) throws(CoreError) in
      _ = try state.transcriptReach(of: caller, filter: filter, export: true)
      guard !state.content.runningExports.contains(key) else {
        throw CoreError(
          .resourceExhausted,
          "an export by \(caller) is still running; finish or cancel it first"
        )
      }
      state.content.runningExports.insert(key)
    }
    let export = TranscriptExport(
      registry: self,
      caller: caller,
      key: key,
      filter: filter,
      includeInternal: includeInternal,
      after: after
    )
    return AsyncStream(unfolding: { export.next() }, onCancel: { export.finish() })
  }
}

/// The consumer-driven state of one running export: the resume key and a buffer of the
/// current batch. It frees the caller's export slot when the export ends, is cancelled, or is
/// dropped unfinished.
private final class TranscriptExport: Sendable {
  private struct Progress {
    var after: TranscriptIndex.Key?
    var buffer: [ExportedTranscript] = []
    var finished = false
  }

  /// Transcripts fetched per visit to the registry's lock.
  private static let batchSize = 32

  private let registry: Registry
  private let caller: Caller
  private let key: CallerKey
  private let filter: TranscriptFilter
  private let includeInternal: Bool
  private let progress: Mutex<Progress>

  init(
    registry: Registry,
    caller: Caller,
    key: CallerKey,
    filter: TranscriptFilter,
    includeInternal: Bool,
    after: TranscriptIndex.Key?
  ) {
    self.registry = registry
    self.caller = caller
    self.key = key
    self.filter = filter
    self.includeInternal = includeInternal
    self.progress = Mutex(Progress(after: after))
  }

  deinit { finish() }

  /// The next transcript, or `nil` at the end.
  func next() -> ExportedTranscript? {
    let item = progress.withLock { progress -> ExportedTranscript?? in
      if progress.finished { return .some(nil) }
      return progress.buffer.isEmpty ? nil : .some(progress.buffer.removeFirst())
    }
    if let item { return item }
    let after = progress.withLock { $0.after }
    let batch = registry.state.withLock { state -> [ExportedTranscript] in
      let reach =
        (try? state.transcriptReach(of: caller, filter: filter, export: true)) ?? { _ in false }
      let now = registry.clock.now
      return state.content.transcripts.export(
        filter,
        after: after,
        limit: Self.batchSize,
        reach: reach
      )
      .compactMap { key in
        state.conversations[key.conversationID].map {
          ExportedTranscript(
            transcript: $0.transcript(includeInternal: includeInternal, now: now),
            resumeToken: key.token
          )
        }
      }
    }
    guard let first = batch.first, let last = batch.last else {
      finish()
      return nil
    }
    progress.withLock { progress in
      progress.after = try? TranscriptIndex.Key(token: last.resumeToken, field: "resume_token")
      progress.buffer = Array(batch.dropFirst())
    }
    return first
  }

  /// Ends the export and frees the caller's slot (idempotent).
  func finish() {
    let wasRunning = progress.withLock { progress -> Bool in
      defer { progress.finished = true }
      return !progress.finished
    }
    if wasRunning {
      registry.state.withLock { _ = $0.content.runningExports.remove(key) }
    }
  }
}

extension RegistryState {
  /// Which closed conversations `caller` may see in search or export, after checking the
  /// filter's named queue and agent and its time range.
  func transcriptReach(
    of caller: Caller,
    filter: TranscriptFilter,
    export: Bool
  ) throws(CoreError)
    -> @Sendable (TranscriptIndex.Entry) -> Bool
  {
    try filter.closed?.validate("closed")
    switch caller.role {
    case .admin:
      return { _ in true }
    case .supervisor:
      let supervised = visibleQueueIDs(of: caller)
      if let queueID = filter.queueID, !supervised.contains(queueID) {
        throw CoreError(
          .permissionDenied,
          "supervisor \(caller.id) does not supervise queue \(queueID)"
        )
      }
      if let agentID = filter.agentID, agentID != caller.id,
        agents[agentID].map({ supervised.isDisjoint(with: $0.profile.queueIDs) }) ?? true
      {
        throw CoreError(
          .permissionDenied,
          "agent \(agentID) is not a member of a queue supervisor \(caller.id) supervises"
        )
      }
      let me = caller.id
      return { entry in
        !supervised.isDisjoint(with: entry.queueIDs) || (!export && entry.agentIDs.contains(me))
      }
    case .agent where !export:
      if let agentID = filter.agentID, agentID != caller.id {
        throw CoreError(.permissionDenied, "agents may search only their own conversations")
      }
      if let queueID = filter.queueID, agents[caller.id]?.profile.queueIDs.contains(queueID) != true
      {
        throw CoreError(.permissionDenied, "agent \(caller.id) is not a member of queue \(queueID)")
      }
      let me = caller.id
      return { entry in entry.agentIDs.contains(me) }
    default:
      throw CoreError(
        .permissionDenied,
        "\(caller.role) callers cannot \(export ? "export" : "search") transcripts"
      )
    }
  }
}

extension ConversationRecord {
  /// The search-hit form of a closed conversation, with a snippet for the query `words`.
  func transcriptSummary(snippetFor words: [String]) -> TranscriptSummary {
    TranscriptSummary(
      conversationID: id,
      queueID: queueID,
      agentIDs: agentIDs,
      customerDisplayName: customer.displayName,
      subject: subject,
      channel: channel,
      createdAt: createdAt,
      closedAt: resolution?.closedAt ?? createdAt,
      closeReason: resolution?.reason ?? .administrative,
      resolutionCategoryID: resolution?.categoryID ?? "",
      surveyRating: surveyResponse?.rating,
      snippet: words.isEmpty
        ? "" : TranscriptText.snippet(words, in: TranscriptText.searchable(self))
    )
  }
}
