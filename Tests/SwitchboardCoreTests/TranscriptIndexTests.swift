import Testing

@testable import SwitchboardCore

@Suite("Transcript index and search")
struct TranscriptIndexTests {
  typealias F = ConversationFixture

  /// A closed conversation `id` in `queue`, handled by `agent`, closed at `t0 + closedAfter`.
  static func closed(
    _ id: String,
    queue: String = "billing",
    agent: Participant = F.alice,
    category: String = "resolved",
    text: String,
    note: String = "",
    closedAfter seconds: Int64
  ) throws -> ConversationRecord {
    var record = ConversationRecord(
      id: id,
      queueID: queue,
      priority: .normal,
      channel: .web,
      subject: "Subject of \(id)",
      customer: F.customer,
      botContext: nil,
      startedByBotID: nil,
      createdAt: F.t0
    )
    _ = record.assign(to: agent, queueID: queue, offeredAt: nil, at: F.t0)
    _ = try record.addCustomerMessage(clientMessageID: "m", text: text, at: F.t0, limits: F.limits)
    if !note.isEmpty {
      _ = try record.addNote(
        author: agent,
        clientMessageID: "n",
        text: note,
        at: F.t0,
        limits: F.limits
      )
    }
    _ = try record.addWhisper(
      author: F.sam,
      clientMessageID: "w",
      text: "whispered secret",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.close(
      with: Resolution(
        reason: .agentClosed,
        categoryID: category,
        closedBy: agent,
        closedAt: F.t0 + .seconds(seconds)
      )
    )
    return record
  }

  static func index(_ records: [ConversationRecord]) -> TranscriptIndex {
    var index = TranscriptIndex()
    for record in records { index.index(record) }
    return index
  }

  static func all(_ entry: TranscriptIndex.Entry) -> Bool { true }

  @Test("newest closed first; filters combine with AND")
  func filters() throws {
    let records = [
      try Self.closed("c-1", text: "refund please", closedAfter: 10),
      try Self.closed(
        "c-2",
        queue: "technical",
        agent: F.bob,
        category: "bug",
        text: "login broken",
        closedAfter: 30
      ),
      try Self.closed("c-3", text: "refund again", closedAfter: 20),
    ]
    let index = Self.index(records)
    #expect(
      index.search(TranscriptFilter(), words: [], after: nil, reach: Self.all).matches.map(
        \.conversationID
      ) == ["c-2", "c-3", "c-1"]
    )
    #expect(
      index.search(TranscriptFilter(queueID: "billing"), words: [], after: nil, reach: Self.all)
        .matches.map(\.conversationID) == ["c-3", "c-1"]
    )
    #expect(
      index.search(TranscriptFilter(agentID: "bob"), words: [], after: nil, reach: Self.all).matches
        .map(\.conversationID) == ["c-2"]
    )
    #expect(
      index.search(
        TranscriptFilter(resolutionCategoryID: "bug"),
        words: [],
        after: nil,
        reach: Self.all
      ).total == 1
    )
    let range = TimeRange(start: F.t0 + .seconds(15), end: F.t0 + .seconds(30))
    #expect(
      index.search(TranscriptFilter(closed: range), words: [], after: nil, reach: Self.all).matches
        .map(\.conversationID) == ["c-3"]
    )
    let onlyAlice: (TranscriptIndex.Entry) -> Bool = { $0.agentIDs.contains("alice") }
    #expect(index.search(TranscriptFilter(), words: [], after: nil, reach: onlyAlice).total == 2)
  }

  @Test("all words must match public messages, the subject or notes — never whispers")
  func text() throws {
    let index = Self.index([
      try Self.closed("c-1", text: "I want a Refund for my invoice", closedAfter: 10),
      try Self.closed("c-2", text: "refund", note: "customer was angry", closedAfter: 20),
    ])
    func ids(_ query: String) -> [String] {
      index.search(
        TranscriptFilter(),
        words: TranscriptText.words(query),
        after: nil,
        reach: Self.all
      )
      .matches.map(\.conversationID)
    }
    #expect(ids("refund") == ["c-2", "c-1"])
    #expect(ids("REFUND invoice") == ["c-1"])
    #expect(ids("refunds") == [])
    #expect(ids("ref angr") == ["c-2"], "words match by prefix")
    #expect(ids("subject c") == ["c-2", "c-1"])
    #expect(ids("whispered") == [])
  }

  @Test("a late note is searchable after re-indexing")
  func refresh() throws {
    var record = try Self.closed("c-1", text: "hello", closedAfter: 10)
    var index = Self.index([record])
    _ = try record.addNote(
      author: F.alice,
      clientMessageID: "late",
      text: "escalated to legal",
      at: F.t0 + .seconds(20),
      limits: F.limits
    )
    index.index(record)
    #expect(index.count == 1)
    #expect(
      index.search(TranscriptFilter(), words: ["legal"], after: nil, reach: Self.all).total == 1
    )
  }

  @Test("snippets show the text around the first match")
  func snippet() {
    let text =
      String(repeating: "a ", count: 40) + "the refund was issued"
      + String(repeating: " b", count: 40)
    let snippet = TranscriptText.snippet(["refund"], in: ["no match here", text])
    #expect(snippet.hasPrefix("…") && snippet.hasSuffix("…"))
    #expect(snippet.contains("the refund was issued"))
    #expect(TranscriptText.snippet(["refund"], in: ["Refund!"]) == "Refund!")
    #expect(TranscriptText.snippet(["zzz"], in: ["Refund!"]) == "")
  }

  @Test("search resumes after a key; export runs oldest first and resumes after a token")
  func paging() throws {
    let index = Self.index(
      try (1 ... 5).map { try Self.closed("c-\($0)", text: "x", closedAfter: Int64($0)) }
    )
    let first = index.search(TranscriptFilter(), words: [], after: nil, reach: Self.all)
    #expect(first.matches.map(\.conversationID) == ["c-5", "c-4", "c-3", "c-2", "c-1"])
    let key = try TranscriptIndex.Key(token: first.matches[1].token, field: "page_token")
    let rest = index.search(TranscriptFilter(), words: [], after: key, reach: Self.all)
    #expect(rest.matches.map(\.conversationID) == ["c-3", "c-2", "c-1"] && rest.total == 5)
    let batch = index.export(TranscriptFilter(), after: nil, limit: 2, reach: Self.all)
    #expect(batch.map(\.conversationID) == ["c-1", "c-2"])
    let next = index.export(TranscriptFilter(), after: batch.last, limit: 10, reach: Self.all)
    #expect(next.map(\.conversationID) == ["c-3", "c-4", "c-5"])
    for token in ["", "abc", "12", "x~c-1", "12~"] {
      #expect(
        throws: CoreError(
          .invalidArgument,
          "resume_token \"\(token)\" is malformed; pass back a token unchanged"
        )
      ) {
        try TranscriptIndex.Key(token: token, field: "resume_token")
      }
    }
  }
}
