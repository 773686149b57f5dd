internal import Synchronization

/// Transcripts: one conversation's record, search over closed conversations, and export.
///
/// Without a store, everything is read from memory (closed conversations stay there, indexed
/// by `TranscriptIndex`). With a store, closed conversations are read from it (the store keeps
/// them across restarts and searches them with its own text index); open ones still come from
/// memory. Access is decided here in both cases: `transcriptReach` for search and export, the
/// same per-conversation rules for one transcript (see `StoredTranscript.checkRead`).
extension Registry {
  /// One conversation's transcript; open conversations return what exists so far
  /// (Transcripts.GetTranscript). `includeInternal` adds notes, whispers, transfer notes,
  /// tickets, channel moves, assistance and resolution details.
  ///
  /// Roles: customer (scoped; public view only), agent (who handled it), supervisor (of a queue
  /// it passed through, or who handled it), admin. Errors: `notFound`, `permissionDenied` (not
  /// allowed to see it, or a customer asking for the internal view), `unavailable` (the store
  /// cannot be read).
  public func transcript(
    caller: Caller,
    conversationID: String,
    includeInternal: Bool
  ) async throws(CoreError) -> Transcript {
    let store = self.store
    let lookup = try read { state, now throws(CoreError) -> TranscriptLookup in
      try state.transcriptLookup(
        caller: caller,
        conversationID: conversationID,
        includeInternal: includeInternal,
        now: now,
        store: store
      )
    }
    switch lookup {
    case .ready(let transcript):
      return transcript
    case .stored(let store, let reader):
      return try reader.transcript(from: try await store.transcript(conversationID: conversationID))
    }
  }

  /// Searches closed conversations, newest closed first (Transcripts.SearchTranscripts).
  /// `text`'s words must all appear (as word prefixes, case-insensitively) in the public
  /// messages, the subject, internal notes or closing notes; hits carry a snippet.
  ///
  /// Roles: agent (conversations they handled), supervisor (their queues, and conversations
  /// they handled), admin. Page size 1...100, 0 means 25. Errors: `invalidArgument` (closed
  /// range ends before it starts, text too long, page token or size), `permissionDenied` (role,
  /// or a named queue or agent outside the caller's reach), `unavailable` (the store cannot be
  /// read).
  public func searchTranscripts(
    caller: Caller,
    filter: TranscriptFilter,
    text: String,
    pageSize: Int,
    pageToken: String
  ) async throws(CoreError) -> TranscriptSearchResult {
    let search = TranscriptSearch(
      filter: filter,
      text: text,
      pageSize: pageSize,
      pageToken: pageToken
    )
    guard let store else {
      return try read { state, _ throws(CoreError) in
        state.searchIndex(try state.validate(search, by: caller))
      }
    }
    let valid = try read { state, _ throws(CoreError) in try state.validate(search, by: caller) }
    return try await store.searchTranscripts(
      filter,
      text: text,
      reach: valid.reach,
      pageSize: valid.size,
      pageToken: pageToken
    )
  }

  /// Streams full transcripts matching `filter`, oldest closed first, for archiving
  /// (Transcripts.ExportTranscripts); each item carries the token to resume after it. The
  /// stream reads small batches (from the index, or from the store when there is one) as it is
  /// consumed and ends after the last match; it fails with `unavailable` if the store cannot be
  /// read.
  ///
  /// Roles: supervisor (their queues), admin. One export per caller at a time. Errors:
  /// `invalidArgument` (closed range, resume token), `permissionDenied`, `resourceExhausted`
  /// (an export by this caller is still running).
  public func exportTranscripts(
    caller: Caller,
    filter: TranscriptFilter,
    includeInternal: Bool,
    resumeToken: String
  ) throws(CoreError) -> Subscription<ExportedTranscript> {
    guard caller.role == .supervisor || caller.role == .admin else {
      throw CoreError(.permissionDenied, "\(caller.role) callers cannot export transcripts")
    }
    if !resumeToken.isEmpty {
      _ = try TranscriptIndex.Key(token: resumeToken, field: "resume_token")
    }
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
      resumeToken: resumeToken
    )
    return Subscription.unfolding { () throws(CoreError) in try await export.next() }
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
