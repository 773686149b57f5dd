/// Who may read which transcripts, and the in-memory side of reading them.
extension RegistryState {
  /// Which closed conversations `caller` may see in search or export, after checking the
  /// filter's named queue and agent and its time range.
  func transcriptReach(
    of caller: Caller,
    filter: TranscriptFilter,
    export: Bool
  ) throws(CoreError) -> TranscriptReach {
    try filter.closed?.validate("closed")
    switch caller.role {
    case .admin:
      return .everything
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
      return .limited(queueIDs: supervised, agentID: export ? nil : caller.id)
    case .agent where !export:
      if let agentID = filter.agentID, agentID != caller.id {
        throw CoreError(.permissionDenied, "agents may search only their own conversations")
      }
      if let queueID = filter.queueID, agents[caller.id]?.profile.queueIDs.contains(queueID) != true
      {
        throw CoreError(.permissionDenied, "agent \(caller.id) is not a member of queue \(queueID)")
      }
      return .limited(queueIDs: [], agentID: caller.id)
    default:
      throw CoreError(
        .permissionDenied,
        "\(caller.role) callers cannot \(export ? "export" : "search") transcripts"
      )
    }
  }

  /// Checks a search request of `caller` and computes its reach.
  func validate(_ search: TranscriptSearch, by caller: Caller) throws(CoreError) -> ValidSearch {
    let reach = try transcriptReach(of: caller, filter: search.filter, export: false)
    try TextRule.limit(search.text, "text", options.conversationLimits.searchText)
    guard (0 ... 100).contains(search.pageSize) else {
      throw CoreError(
        .invalidArgument,
        "page_size \(search.pageSize) is outside 0...100 (0 means 25)"
      )
    }
    let after =
      search.pageToken.isEmpty
      ? nil : try TranscriptIndex.Key(token: search.pageToken, field: "page_token")
    return ValidSearch(
      search: search,
      reach: reach,
      size: search.pageSize == 0 ? 25 : search.pageSize,
      after: after
    )
  }

  /// Runs a validated search over the in-memory index (a registry without a store).
  func searchIndex(_ valid: ValidSearch) -> TranscriptSearchResult {
    let words = TranscriptText.words(valid.search.text)
    let found = content.transcripts.search(
      valid.search.filter,
      words: words,
      after: valid.after,
      reach: { valid.reach.admits(queueIDs: $0.queueIDs, agentIDs: $0.agentIDs) }
    )
    let keys = found.matches.prefix(valid.size)
    let items = keys.compactMap { key -> TranscriptSummary? in
      conversations[key.conversationID].map { $0.transcriptSummary(snippetFor: words) }
    }
    let next = found.matches.count > valid.size ? keys.last?.token ?? "" : ""
    return TranscriptSearchResult(
      page: Page(items: items, nextPageToken: next),
      totalEstimate: found.total
    )
  }

  /// Where `caller`'s transcript of `conversationID` comes from: built here from memory (an
  /// open conversation, or any conversation of a registry without a store), or read from
  /// `store` (a closed conversation, or one no longer in memory). Checks what can be checked
  /// without the stored transcript: the role and a customer token's scope.
  func transcriptLookup(
    caller: Caller,
    conversationID: String,
    includeInternal: Bool,
    now: WallTime,
    store: (any RegistryStore)?
  ) throws(CoreError) -> TranscriptLookup {
    guard let store, (conversations[conversationID]?.state ?? .closed) == .closed else {
      return .ready(
        try memoryTranscript(
          caller: caller,
          conversationID: conversationID,
          includeInternal: includeInternal,
          now: now
        )
      )
    }
    switch caller.role {
    case .customer:
      try Self.checkScope(of: caller, conversationID)
    case .agent, .supervisor, .admin:
      break
    case .bot, .system:
      throw CoreError(.permissionDenied, "\(caller.role) callers cannot read transcripts")
    }
    let reader = StoredTranscriptReader(
      conversationID: conversationID,
      caller: caller,
      includeInternal: includeInternal,
      supervisedQueueIDs: caller.role == .supervisor ? visibleQueueIDs(of: caller) : []
    )
    return .stored(store, reader)
  }

  /// The transcript built from the conversation in memory, with the access rules of
  /// `RegistryState+ConversationAccess`.
  private func memoryTranscript(
    caller: Caller,
    conversationID: String,
    includeInternal: Bool,
    now: WallTime
  ) throws(CoreError) -> Transcript {
    let record: ConversationRecord
    switch caller.role {
    case .customer:
      record = try customerSideConversation(conversationID, caller: caller)
      guard !includeInternal else { throw StoredTranscript.customersReadPublicOnly }
    case .agent, .supervisor:
      record = try staffConversation(
        conversationID,
        caller: caller,
        action: "read the transcript",
        live: false
      )
    case .admin:
      record = try conversation(conversationID)
    case .bot, .system:
      throw CoreError(.permissionDenied, "\(caller.role) callers cannot read transcripts")
    }
    return record.transcript(includeInternal: includeInternal, now: now)
  }

  /// Refuses a customer token scoped to another conversation (or to none), as
  /// `customerSideConversation` does, before anything is looked up.
  private static func checkScope(of caller: Caller, _ conversationID: String) throws(CoreError) {
    guard caller.conversationScope == conversationID else {
      throw CoreError(
        .permissionDenied,
        caller.conversationScope.map { "this customer token is scoped to conversation \($0)" }
          ?? "an unscoped customer token may only start conversations"
      )
    }
  }
}

/// A transcript search as asked.
struct TranscriptSearch: Sendable {
  /// Queue, agent, time range and category filters.
  var filter: TranscriptFilter
  /// The words to find; empty for none.
  var text: String
  /// The requested page size (0 means 25).
  var pageSize: Int
  /// Empty, or a previous page's `nextPageToken`.
  var pageToken: String
}

/// A transcript search that passed validation, with the caller's reach.
struct ValidSearch: Sendable {
  /// The search as asked.
  var search: TranscriptSearch
  /// The closed conversations the caller may see.
  var reach: TranscriptReach
  /// The page size, 1...100.
  var size: Int
  /// The key of the last item of the previous page.
  var after: TranscriptIndex.Key?
}

/// Where one transcript comes from (see `RegistryState.transcriptLookup`).
enum TranscriptLookup: Sendable {
  /// Built from memory, access checked.
  case ready(Transcript)
  /// To read from the store, then check with the reader.
  case stored(any RegistryStore, StoredTranscriptReader)
}

/// What deciding access to a stored transcript needs from the registry's state, taken under
/// its lock; the check itself runs once the store answered.
struct StoredTranscriptReader: Sendable {
  /// The conversation asked for.
  var conversationID: String
  /// Who reads.
  var caller: Caller
  /// Whether the internal view was asked for.
  var includeInternal: Bool
  /// The queues a supervisor caller supervises now (empty for other roles).
  var supervisedQueueIDs: Set<String>

  /// The view `caller` gets of `stored` (`nil`: the store has no closed conversation of that
  /// id), after the access rules.
  func transcript(from stored: StoredTranscript?) throws(CoreError) -> Transcript {
    guard let stored else {
      throw CoreError(.notFound, "conversation \(conversationID) does not exist")
    }
    try stored.checkRead(
      by: caller,
      supervising: supervisedQueueIDs,
      includeInternal: includeInternal
    )
    return includeInternal ? stored.transcript : stored.transcript.publicView
  }
}
