import Testing

@testable import SwitchboardCore

@Suite("Registry: transcripts, search, export")
struct TranscriptRegistryTests {
  typealias D = ConversationDesk

  /// Closes a conversation of `queue` handled by `agent` with `text` from the customer.
  static func closed(
    _ desk: D,
    queue: String = "billing",
    agent: Caller = D.alice,
    text: String,
    category: String = "resolved",
    after: Duration = .seconds(10)
  ) async throws -> String {
    let (id, customer) = try await desk.activeConversation(queue: queue, agent: agent)
    _ = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m",
      text: text
    )
    _ = try await desk.registry.addNote(
      caller: agent,
      conversationID: id,
      clientMessageID: "n",
      text: "internal remark"
    )
    desk.clock.advance(by: after)
    _ = try await desk.registry.closeConversation(
      caller: agent,
      conversationID: id,
      resolutionCategoryID: category,
      notes: category == "refund-issued" ? "refunded" : ""
    )
    return id
  }

  @Test("getTranscript: public view for the customer, internal view for staff")
  func transcript() async throws {
    let desk = try await D()
    let id = try await Self.closed(desk, text: "my refund")
    let customer = Caller.customer("cust-1", conversation: id)
    let publicView = try await desk.registry.transcript(
      caller: customer,
      conversationID: id,
      includeInternal: false
    )
    #expect(publicView.messages.map(\.text) == ["Hello", "my refund"])
    #expect(publicView.resolution?.categoryID == "" && publicView.conversation.state == .closed)
    await expectCode(.permissionDenied) {
      try await desk.registry.transcript(
        caller: customer,
        conversationID: id,
        includeInternal: true
      )
    }
    let internalView = try await desk.registry.transcript(
      caller: D.alice,
      conversationID: id,
      includeInternal: true
    )
    #expect(internalView.messages.map(\.text) == ["Hello", "my refund", "internal remark"])
    #expect(internalView.resolution?.categoryID == "resolved")
    #expect(internalView.metrics.handleTime == .seconds(10))
    _ = try await desk.registry.transcript(caller: D.sam, conversationID: id, includeInternal: true)
    _ = try await desk.registry.transcript(
      caller: D.admin,
      conversationID: id,
      includeInternal: true
    )
    await expectCode(.permissionDenied) {
      try await desk.registry.transcript(caller: D.bob, conversationID: id, includeInternal: false)
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.transcript(caller: D.tess, conversationID: id, includeInternal: false)
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.transcript(caller: D.bot, conversationID: id, includeInternal: false)
    }
    await expectCode(.notFound) {
      try await desk.registry.transcript(
        caller: D.admin,
        conversationID: "c-404",
        includeInternal: false
      )
    }
    let open = try await desk.activeConversation()
    #expect(
      try await desk.registry.transcript(
        caller: D.alice,
        conversationID: open.id,
        includeInternal: false
      )
      .resolution == nil
    )
  }

  @Test("search: reach per role, filters, text with snippet, newest first, paging")
  func search() async throws {
    let desk = try await D()
    let a = try await Self.closed(desk, text: "I need a refund for invoice 42")
    let b = try await Self.closed(
      desk,
      queue: "technical",
      agent: D.bob,
      text: "login fails with refund code"
    )
    let c = try await Self.closed(desk, text: "where is my parcel", category: "refund-issued")
    func search(
      _ caller: Caller,
      _ filter: TranscriptFilter = TranscriptFilter(),
      _ text: String = "",
      size: Int = 0,
      token: String = ""
    ) async throws -> TranscriptSearchResult {
      try await desk.registry.searchTranscripts(
        caller: caller,
        filter: filter,
        text: text,
        pageSize: size,
        pageToken: token
      )
    }
    #expect(try await search(D.admin).page.items.map(\.conversationID) == [c, b, a])
    #expect(try await search(D.alice).page.items.map(\.conversationID) == [c, a])
    #expect(try await search(D.bob).page.items.map(\.conversationID) == [b])
    #expect(try await search(D.sam).page.items.map(\.conversationID) == [c, a])
    #expect(try await search(D.tess).page.items.map(\.conversationID) == [b])
    let refund = try await search(D.admin, TranscriptFilter(), "REFUND")
    #expect(
      refund.page.items.map(\.conversationID) == [c, b, a],
      "c matches through its closing notes"
    )
    #expect(refund.page.items.last?.snippet.contains("refund for invoice 42") == true)
    #expect(
      try await search(D.admin, TranscriptFilter(), "refund invoice").page.items.map(
        \.conversationID
      )
        == [a]
    )
    #expect(
      try await search(D.admin, TranscriptFilter(resolutionCategoryID: "refund-issued")).page.items
        .map(
          \.conversationID
        ) == [c]
    )
    #expect(
      try await search(D.admin, TranscriptFilter(queueID: "technical")).page.items.map(
        \.conversationID
      )
        == [b]
    )
    #expect(
      try await search(D.admin, TranscriptFilter(agentID: "bob")).page.items.first?.agentIDs == [
        "bob"
      ]
    )
    #expect(
      try await search(D.admin, TranscriptFilter(), "internal").totalEstimate == 3,
      "notes are searchable"
    )
    let page1 = try await search(D.admin, size: 2)
    #expect(page1.page.items.count == 2 && page1.totalEstimate == 3)
    let page2 = try await search(D.admin, size: 2, token: page1.page.nextPageToken)
    #expect(page2.page.items.map(\.conversationID) == [a] && page2.page.nextPageToken.isEmpty)
    await expectCode(.invalidArgument) { try await search(D.admin, size: 101) }
    await expectCode(.invalidArgument) { try await search(D.admin, token: "bad") }
    await expectCode(.invalidArgument) {
      try await search(D.admin, TranscriptFilter(), String(repeating: "w", count: 513))
    }
    await expectCode(.invalidArgument) {
      try await search(
        D.admin,
        TranscriptFilter(
          closed: TimeRange(start: desk.clock.now, end: desk.clock.now - .seconds(1))
        )
      )
    }
    await expectCode(.permissionDenied) {
      try await search(D.alice, TranscriptFilter(agentID: "bob"))
    }
    await expectCode(.permissionDenied) {
      try await search(D.alice, TranscriptFilter(queueID: "technical"))
    }
    await expectCode(.permissionDenied) {
      try await search(D.sam, TranscriptFilter(queueID: "technical"))
    }
    await expectCode(.permissionDenied) {
      try await search(D.sam, TranscriptFilter(agentID: "bob"))
    }
    await expectCode(.permissionDenied) {
      try await search(Caller.customer("cust-1", conversation: a))
    }
  }

  @Test("export: oldest closed first, resumable, one at a time per caller")
  func export() async throws {
    let desk = try await D()
    var ids: [String] = []
    for n in 1 ... 5 { ids.append(try await Self.closed(desk, text: "text \(n)")) }
    _ = try await Self.closed(desk, queue: "technical", agent: D.bob, text: "elsewhere")
    var exported: [ExportedTranscript] = []
    do {
      let stream = try desk.registry.exportTranscripts(
        caller: D.sam,
        filter: TranscriptFilter(),
        includeInternal: true,
        resumeToken: ""
      )
      await expectCode(.resourceExhausted) {
        try desk.registry.exportTranscripts(
          caller: D.sam,
          filter: TranscriptFilter(),
          includeInternal: false,
          resumeToken: ""
        )
      }
      for try await item in stream { exported.append(item) }
    }
    #expect(exported.map(\.transcript.conversation.conversationID) == ids)
    #expect(exported.first?.transcript.messages.count == 3, "internal view includes the note")
    var resumed: [String] = []
    let stream = try desk.registry.exportTranscripts(
      caller: D.sam,
      filter: TranscriptFilter(),
      includeInternal: false,
      resumeToken: exported[2].resumeToken
    )
    for try await item in stream { resumed.append(item.transcript.conversation.conversationID) }
    #expect(resumed == Array(ids[3...]))
    await expectCode(.invalidArgument) {
      try desk.registry.exportTranscripts(
        caller: D.admin,
        filter: TranscriptFilter(),
        includeInternal: false,
        resumeToken: "junk"
      )
    }
    await expectCode(.permissionDenied) {
      try desk.registry.exportTranscripts(
        caller: D.alice,
        filter: TranscriptFilter(),
        includeInternal: false,
        resumeToken: ""
      )
    }
  }

  @Test("a dropped export frees the caller's slot")
  func droppedExport() async throws {
    let desk = try await D()
    _ = try await Self.closed(desk, text: "x")
    do {
      let stream = try desk.registry.exportTranscripts(
        caller: D.admin,
        filter: TranscriptFilter(),
        includeInternal: false,
        resumeToken: ""
      )
      var iterator = stream.makeAsyncIterator()
      #expect(try await iterator.next() != nil)
    }
    _ = try desk.registry.exportTranscripts(
      caller: D.admin,
      filter: TranscriptFilter(),
      includeInternal: false,
      resumeToken: ""
    )
  }
}
