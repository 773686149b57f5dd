import SwitchboardCore
import Testing

@testable import SwitchboardStore

@Suite("Transcript search, export and retention")
struct TranscriptStoreTests {
  /// Five closed conversations, one open one:
  ///
  /// | id  | queues             | agents       | closed at | category       | text                          |
  /// |-----|--------------------|--------------|-----------|----------------|-------------------------------|
  /// | c-1 | billing            | alice        | 100       | resolved       | refund for a broken router    |
  /// | c-2 | billing, technical | alice, bob   | 200       | refund-issued  | router reset, refund declined |
  /// | c-3 | technical          | bob          | 300       | resolved       | password help (whisper: refund) |
  /// | c-4 | billing            | carol        | 400       | resolved       | invoice (closing note: refund)|
  /// | c-5 | sales              | dave         | 500       | resolved       | Grüße aus München             |
  /// | c-6 | billing            | alice        | open      |                | refund (not searchable)       |
  private func fill(_ store: SQLiteStore) async throws {
    var records: [JournalRecord] = ["billing", "technical", "sales"].map(Records.queue)
    var feed = 0
    func conversation(
      _ id: String,
      queues: [String],
      agents: [String],
      closedAt: Int64?,
      category: String = "resolved",
      subject: String,
      messages: [(String, MessageVisibility)],
      notes: String = ""
    ) {
      records.append(Records.started(id, queue: queues[0], subject: subject))
      for queue in queues.dropFirst() {
        records.append(.conversationQueued(conversationID: id, queueID: queue, at: Records.time(1)))
      }
      var sequence: UInt64 = 0
      for agent in agents {
        sequence += 1
        records.append(Records.assigned(id, sequence, agent: agent))
      }
      for (text, visibility) in messages {
        sequence += 1
        records.append(
          Records.message(
            id,
            sequence,
            text,
            author: Records.agent(agents[0]),
            visibility: visibility
          )
        )
      }
      if let closedAt {
        feed += 1
        records += Records.closed(
          id,
          sequence + 1,
          queue: queues.last!,
          agents: agents,
          category: category,
          notes: notes,
          subject: subject,
          at: closedAt,
          feed: feed
        )
      }
    }
    conversation(
      "c-1",
      queues: ["billing"],
      agents: ["alice"],
      closedAt: 100,
      subject: "Refund",
      messages: [("a refund for a broken router", .public)]
    )
    conversation(
      "c-2",
      queues: ["billing", "technical"],
      agents: ["alice", "bob"],
      closedAt: 200,
      category: "refund-issued",
      subject: "Router",
      messages: [("router reset done", .public), ("refund declined", .internalNote)]
    )
    conversation(
      "c-3",
      queues: ["technical"],
      agents: ["bob"],
      closedAt: 300,
      subject: "Password",
      messages: [("password help", .public), ("refund them", .whisper)]
    )
    conversation(
      "c-4",
      queues: ["billing"],
      agents: ["carol"],
      closedAt: 400,
      subject: "Invoice",
      messages: [("invoice sent", .public)],
      notes: "refund promised"
    )
    conversation(
      "c-5",
      queues: ["sales"],
      agents: ["dave"],
      closedAt: 500,
      subject: "Grüße",
      messages: [("Grüße aus München", .public)]
    )
    conversation(
      "c-6",
      queues: ["billing"],
      agents: ["alice"],
      closedAt: nil,
      subject: "Refund",
      messages: [("refund please", .public)]
    )
    records.append(
      .surveySubmitted(
        SurveyResponse(
          surveyID: "c-1-survey",
          conversationID: "c-1",
          rating: 4,
          comment: "",
          submittedAt: Records.time(150)
        )
      )
    )
    try await store.append(records)
  }

  private func search(
    _ store: SQLiteStore,
    _ text: String = "",
    filter: TranscriptFilter = TranscriptFilter(),
    reach: TranscriptReach = .everything,
    pageSize: Int = 10,
    token: String = ""
  ) async throws -> TranscriptSearchResult {
    try await store.searchTranscripts(
      filter,
      text: text,
      reach: reach,
      pageSize: pageSize,
      pageToken: token
    )
  }

  private func ids(_ result: TranscriptSearchResult) -> [String] {
    result.page.items.map(\.conversationID)
  }

  @Test("text search matches every word as a prefix in subject, messages, notes and closing notes")
  func textSearch() async throws {
    try await withStore { store, _ in
      try await fill(store)
      // Newest closed first; whispers are not searchable; open conversations are not either.
      #expect(ids(try await search(store, "refund")) == ["c-4", "c-2", "c-1"])
      #expect(ids(try await search(store, "REF rout")) == ["c-2", "c-1"])
      #expect(ids(try await search(store, "broken router")) == ["c-1"])
      #expect(ids(try await search(store, "refund password")) == [])
      #expect(ids(try await search(store, "grüße MÜNCHEN")) == ["c-5"])
      #expect(ids(try await search(store, "  ,;  ")) == ["c-5", "c-4", "c-3", "c-2", "c-1"])
      let hit = try #require(try await search(store, "broken").page.items.first)
      #expect(hit.snippet.contains("broken"))
      #expect(hit.agentIDs == ["alice"] && hit.queueID == "billing" && hit.surveyRating == 4)
      #expect(
        hit.closedAt == Records.time(100) && hit.closeReason == .agentClosed
          && hit.subject == "Refund"
      )
      #expect(try await search(store, "broken").totalEstimate == 1)
      #expect(try await search(store).page.items.allSatisfy { $0.snippet.isEmpty })
    }
  }

  @Test("filters by queue passed through, agent, closing range, category, and the caller's reach")
  func filters() async throws {
    try await withStore { store, _ in
      try await fill(store)
      #expect(
        ids(try await search(store, filter: TranscriptFilter(queueID: "technical"))) == [
          "c-3", "c-2",
        ]
      )
      #expect(
        ids(try await search(store, filter: TranscriptFilter(agentID: "alice"))) == ["c-2", "c-1"]
      )
      let range = TimeRange(start: Records.time(200), end: Records.time(400))
      #expect(
        ids(try await search(store, filter: TranscriptFilter(closed: range))) == ["c-3", "c-2"]
      )
      #expect(
        ids(
          try await search(store, filter: TranscriptFilter(resolutionCategoryID: "refund-issued"))
        ) == ["c-2"]
      )
      #expect(
        ids(
          try await search(
            store,
            "refund",
            filter: TranscriptFilter(queueID: "billing", agentID: "carol")
          )
        ) == ["c-4"]
      )
      let supervisor = TranscriptReach.limited(queueIDs: ["technical"], agentID: "carol")
      #expect(ids(try await search(store, reach: supervisor)) == ["c-4", "c-3", "c-2"])
      #expect(
        ids(try await search(store, reach: .limited(queueIDs: [], agentID: "dave"))) == ["c-5"]
      )
      #expect(ids(try await search(store, reach: .limited(queueIDs: [], agentID: nil))) == [])
    }
  }

  @Test("pages follow each other without gaps or repeats; tokens are checked")
  func paging() async throws {
    try await withStore { store, _ in
      try await fill(store)
      var seen: [String] = []
      var token = ""
      repeat {
        let page = try await search(store, pageSize: 2, token: token)
        #expect(page.totalEstimate == 5)
        seen += ids(page)
        token = page.page.nextPageToken
      } while !token.isEmpty
      #expect(seen == ["c-5", "c-4", "c-3", "c-2", "c-1"])
      let error = await #expect(throws: CoreError.self) {
        try await search(store, token: "garbage")
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message == "page_token \"garbage\" is malformed; pass back a token unchanged")
    }
  }

  @Test("export streams full transcripts oldest closed first and resumes after a token")
  func export() async throws {
    try await withStore { store, _ in
      try await fill(store)
      let first = try await store.exportTranscripts(
        TranscriptFilter(),
        reach: .everything,
        resumeToken: "",
        limit: 2
      )
      #expect(first.map(\.transcript.conversation.conversationID) == ["c-1", "c-2"])
      let rest = try await store.exportTranscripts(
        TranscriptFilter(),
        reach: .everything,
        resumeToken: first[1].resumeToken,
        limit: 10
      )
      #expect(rest.map(\.transcript.conversation.conversationID) == ["c-3", "c-4", "c-5"])
      let c2 = first[1].transcript
      #expect(c2.messages.map(\.text) == ["router reset done", "refund declined"])
      #expect(c2.resolution?.categoryID == "refund-issued")
      #expect(c2.participants.map(\.participantID) == ["cust-1", "alice", "bob"])
      #expect(c2.conversation.lastSequence == 5)
      let billing = try await store.exportTranscripts(
        TranscriptFilter(queueID: "billing"),
        reach: .limited(queueIDs: ["billing"], agentID: nil),
        resumeToken: "",
        limit: 10
      )
      #expect(billing.map(\.transcript.conversation.conversationID) == ["c-1", "c-2", "c-4"])
    }
  }

  @Test("retention purges transcripts closed before the cutoff, keeping ids and the feed position")
  func retention() async throws {
    try await withStore { store, _ in
      try await fill(store)
      #expect(TranscriptRetention.keepForever.cutoff(now: Records.time(0)) == nil)
      #expect(
        TranscriptRetention.days(2).cutoff(now: Records.time(3 * 86_400)) == Records.time(86_400)
      )
      #expect(try await store.purgeTranscripts(closedBefore: Records.time(300)) == 2)
      #expect(try await store.transcript(conversationID: "c-1") == nil)
      #expect(try await store.transcript(conversationID: "c-3") != nil)
      #expect(ids(try await search(store, "refund")) == ["c-4"])
      let recovered = try await store.loadForRecovery(RecoveryRequest(now: Records.time(600)))
      #expect(recovered.feed.map(\.conversationID) == ["c-3", "c-4", "c-5"])
      #expect(recovered.lastFeedPosition == 5)
      #expect(recovered.idCounters["c"] == 6)
      #expect(recovered.openConversations.map(\.conversationID) == ["c-6"])
      // Nothing of the purged conversations is left in any table.
      let leftovers = try await store.journal.perform { connection throws(SQLiteError) -> Int64 in
        var total: Int64 = 0
        for table in [
          "conversation_events", "conversation_queues", "conversation_agents", "surveys",
          "external_events",
        ] {
          total +=
            try connection.integer(
              "SELECT count(*) FROM \(table) WHERE conversation_id IN ('c-1', 'c-2')"
            ) ?? 0
        }
        return total + (try connection.integer("SELECT count(*) FROM transcript_fts") ?? 0) - 3
      }
      #expect(leftovers == 0)
    }
  }
}
