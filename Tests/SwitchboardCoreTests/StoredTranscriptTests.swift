import Testing

@testable import SwitchboardCore

@Suite("Registry with a store: transcripts of closed conversations")
struct StoredTranscriptTests {
  typealias D = ConversationDesk

  /// Every way a conversation's content can be internal: bot context, a note, a whisper, an
  /// assistance request, a ticket, a transfer with a note, and a closing by a channel move
  /// (with a category and notes); handled by alice in billing, then bob in technical. Returns
  /// its id.
  static func eventful(_ desk: D) async throws -> String {
    let (id, customer) = try await desk.activeConversation()
    let registry = desk.registry
    _ = try await registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m1",
      text: "I want my money back"
    )
    _ = try await registry.addNote(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "n1",
      text: "regular customer"
    )
    _ = try await registry.whisper(
      caller: D.sam,
      conversationID: id,
      clientMessageID: "w1",
      text: "offer a voucher"
    )
    _ = try await registry.requestAssistance(
      caller: D.alice,
      conversationID: id,
      question: "voucher limit?",
      urgency: nil
    )
    _ = try await registry.createTicket(
      caller: D.alice,
      conversationID: id,
      NewTicket(subject: "refund 42")
    )
    _ = try await registry.transfer(
      caller: D.alice,
      conversationID: id,
      to: .queue("technical"),
      reason: .expertise,
      note: "secret transfer note"
    )
    desk.clock.advance(by: .seconds(3))
    _ = try await registry.accept(caller: D.bob, offerID: try desk.offer(to: "bob", for: id))
    desk.clock.advance(by: .seconds(30))
    _ = try await registry.moveChannel(
      caller: D.bob,
      conversationID: id,
      to: .phone,
      contact: ContactDetails(),
      note: "refunded in full"
    )
    return id
  }

  /// What a caller gets: the transcript, or the error's code and message.
  enum Outcome: Equatable {
    case transcript(Transcript)
    case failed(CoreError.Code, String)
  }

  static func outcome(
    _ registry: Registry,
    _ caller: Caller,
    _ id: String,
    asInternal: Bool
  ) async -> Outcome {
    do {
      return .transcript(
        try await registry.transcript(
          caller: caller,
          conversationID: id,
          includeInternal: asInternal
        )
      )
    } catch {
      return .failed(error.code, error.message)
    }
  }

  static func callers(for id: String) -> [Caller] {
    [
      Caller.customer("cust-1", conversation: id), Caller.customer("cust-1", conversation: "c-9"),
      D.alice, D.bob, D.sam, D.tess, D.admin, D.bot, Caller.agent("nobody"),
    ]
  }

  @Test("the customer's view derived from the internal one equals the in-memory public view")
  func publicViewAgrees() async throws {
    let desk = try await D()
    let id = try await Self.eventful(desk)
    let record = try desk.record(id)
    let now = desk.clock.now
    let internalView = record.transcript(includeInternal: true, now: now)
    let publicView = record.transcript(includeInternal: false, now: now)
    #expect(internalView.publicView == publicView)
    // The comparison is not vacuous: the internal view has all of these, the public none.
    #expect(internalView.messages.count == publicView.messages.count + 2)
    #expect(internalView.botContext != nil && publicView.botContext == nil)
    #expect(!internalView.tickets.isEmpty && publicView.tickets.isEmpty)
    #expect(!internalView.channelMoves.isEmpty && publicView.channelMoves.isEmpty)
    #expect(!internalView.assistance.isEmpty && publicView.assistance.isEmpty)
    #expect(internalView.transfers.map(\.note) == ["secret transfer note"])
    #expect(publicView.transfers.map(\.note) == [""])
    #expect(internalView.resolution?.notes == "refunded in full")
    #expect(publicView.resolution?.notes == "" && publicView.resolution?.categoryID == "")
  }

  @Test("a closed conversation read from the store: same views and access rules as in memory")
  func sameAsMemory() async throws {
    let memory = try await D()
    let store = FakeRegistryStore()
    let durable = try await D(store: store)
    let id = try await Self.eventful(memory)
    #expect(try await Self.eventful(durable) == id)
    store.put(StoredTranscript(try durable.record(id), now: durable.clock.now))
    var compared = 0
    for caller in Self.callers(for: id) {
      for asInternal in [false, true] {
        let expected = await Self.outcome(memory.registry, caller, id, asInternal: asInternal)
        let actual = await Self.outcome(durable.registry, caller, id, asInternal: asInternal)
        #expect(actual == expected, "\(caller) internal: \(asInternal)")
        if case .transcript = expected { compared += 1 }
      }
    }
    #expect(compared == 11, "customer public; alice, bob, sam, tess, admin both views")
    #expect(store.transcriptReads > 0, "closed conversations come from the store")
  }

  @Test("closed conversations not in memory come from the store; open ones from memory")
  func notInMemory() async throws {
    let store = FakeRegistryStore()
    let desk = try await D(store: store)
    let id = try await Self.eventful(desk)
    var archived = StoredTranscript(try desk.record(id), now: desk.clock.now)
    archived.transcript.conversation.conversationID = "c-archived"
    store.put(archived)
    let registry = desk.registry
    let customer = Caller.customer("cust-9", conversation: "c-archived")
    let publicView = try await registry.transcript(
      caller: customer,
      conversationID: "c-archived",
      includeInternal: false
    )
    #expect(publicView == archived.transcript.publicView)
    await expectCode(.permissionDenied) {
      try await registry.transcript(
        caller: customer,
        conversationID: "c-archived",
        includeInternal: true
      )
    }
    await expectCode(.permissionDenied) {
      try await registry.transcript(
        caller: Caller.customer("cust-1", conversation: id),
        conversationID: "c-archived",
        includeInternal: false
      )
    }
    for caller in [D.alice, D.bob, D.sam, D.tess, D.admin] {
      let read = try await registry.transcript(
        caller: caller,
        conversationID: "c-archived",
        includeInternal: true
      )
      #expect(read == archived.transcript)
    }
    await expectCode(.permissionDenied) {
      try await registry.transcript(
        caller: Caller.agent("nobody"),
        conversationID: "c-archived",
        includeInternal: false
      )
    }
    await expectCode(.notFound) {
      try await registry.transcript(
        caller: D.admin,
        conversationID: "c-404",
        includeInternal: false
      )
    }
    let reads = store.transcriptReads
    let open = try await desk.activeConversation()
    let live = try await registry.transcript(
      caller: D.alice,
      conversationID: open.id,
      includeInternal: true
    )
    #expect(live.resolution == nil && store.transcriptReads == reads, "open: from memory")
    store.setFailReads(true)
    await expectCode(.unavailable) {
      try await registry.transcript(
        caller: D.admin,
        conversationID: "c-archived",
        includeInternal: false
      )
    }
    _ = try await registry.transcript(
      caller: D.alice,
      conversationID: open.id,
      includeInternal: true
    )
  }

  /// A desk with a store holding `count` closed billing transcripts (alice, closed a minute
  /// apart, "parcel" in every odd one) and one technical one (bob); returns the billing ids,
  /// oldest closed first, and the technical one.
  static func archive(
    count: Int
  ) async throws -> (desk: D, store: FakeRegistryStore, billing: [String], technical: String) {
    let store = FakeRegistryStore()
    let desk = try await D(store: store)
    let id = try await Self.eventful(desk)
    let base = StoredTranscript(try desk.record(id), now: desk.clock.now)
    func make(_ n: Int, queues: [String], agents: [String], text: String) -> StoredTranscript {
      var stored = base
      stored.transcript.conversation.conversationID = "c-old-\(n)"
      stored.transcript.resolution?.closedAt = WallTime(
        secondsSinceEpoch: 1_700_000_000 + 60 * Int64(n)
      )
      stored.transcript.messages[0].text = text
      stored.queueIDs = queues
      stored.agentIDs = agents
      return stored
    }
    var billing: [String] = []
    for n in 1 ... count {
      store.put(
        make(n, queues: ["billing"], agents: ["alice"], text: n % 2 == 1 ? "parcel" : "hello")
      )
      billing.append("c-old-\(n)")
    }
    store.put(make(count + 1, queues: ["technical"], agents: ["bob"], text: "parcel"))
    return (desk, store, billing, "c-old-\(count + 1)")
  }

  @Test("search: validated and reached as in memory, answered by the store")
  func search() async throws {
    let (desk, store, billing, technical) = try await Self.archive(count: 4)
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
    let all = try await search(D.admin)
    #expect(all.page.items.map(\.conversationID).prefix(2) == [technical, billing[3]])
    #expect(store.reaches.last == .everything && store.pageSizes.last == 25)
    #expect(try await search(D.sam).page.items.map(\.conversationID).contains(technical) == false)
    #expect(store.reaches.last == .limited(queueIDs: ["billing"], agentID: "sam"))
    #expect(try await search(D.tess).page.items.map(\.conversationID).first == technical)
    _ = try await search(D.alice, TranscriptFilter(queueID: "billing"))
    #expect(store.reaches.last == .limited(queueIDs: [], agentID: "alice"))
    let refunds = try await search(D.sam, TranscriptFilter(), "PARCEL", size: 1)
    #expect(refunds.page.items.map(\.conversationID) == [billing[2]])
    let next = try await search(
      D.sam,
      TranscriptFilter(),
      "PARCEL",
      size: 1,
      token: refunds.page.nextPageToken
    )
    #expect(
      next.page.items.map(\.conversationID) == [billing[0]] && next.page.nextPageToken.isEmpty
    )
    let asked = store.reaches.count
    await expectCode(.invalidArgument) { try await search(D.admin, size: 101) }
    await expectCode(.invalidArgument) { try await search(D.admin, token: "bad") }
    await expectCode(.invalidArgument) {
      try await search(D.admin, TranscriptFilter(), String(repeating: "w", count: 513))
    }
    await expectCode(.permissionDenied) {
      try await search(D.sam, TranscriptFilter(queueID: "technical"))
    }
    await expectCode(.permissionDenied) {
      try await search(D.alice, TranscriptFilter(agentID: "bob"))
    }
    await expectCode(.permissionDenied) {
      try await search(Caller.customer("cust-1", conversation: technical))
    }
    #expect(store.reaches.count == asked, "refused searches never reach the store")
    store.setFailReads(true)
    await expectCode(.unavailable) { try await search(D.admin) }
  }

  @Test("export: batches from the store, its resume tokens, public view, one per caller")
  func export() async throws {
    let (desk, store, billing, _) = try await Self.archive(count: 40)
    let registry = desk.registry
    var exported: [ExportedTranscript] = []
    do {
      let stream = try registry.exportTranscripts(
        caller: D.sam,
        filter: TranscriptFilter(),
        includeInternal: true,
        resumeToken: ""
      )
      await expectCode(.resourceExhausted) {
        try registry.exportTranscripts(
          caller: D.sam,
          filter: TranscriptFilter(),
          includeInternal: true,
          resumeToken: ""
        )
      }
      for try await item in stream { exported.append(item) }
    }
    #expect(exported.map(\.transcript.conversation.conversationID) == billing)
    #expect(store.reaches.last == .limited(queueIDs: ["billing"], agentID: nil))
    #expect(store.reaches.count == 3, "40 transcripts in batches of 32, then an empty batch")
    #expect(exported[0].transcript.tickets.count == 1, "internal view")
    var resumed: [ExportedTranscript] = []
    for try await item in try registry.exportTranscripts(
      caller: D.sam,
      filter: TranscriptFilter(),
      includeInternal: false,
      resumeToken: exported[36].resumeToken
    ) {
      resumed.append(item)
    }
    #expect(resumed.map(\.transcript) == exported[37...].map(\.transcript.publicView))
    store.setFailReads(true)
    let failing = try registry.exportTranscripts(
      caller: D.admin,
      filter: TranscriptFilter(),
      includeInternal: false,
      resumeToken: ""
    )
    await expectCode(.unavailable) {
      for try await _ in failing {}
    }
    store.setFailReads(false)
    var count = 0
    for try await _ in try registry.exportTranscripts(
      caller: D.admin,
      filter: TranscriptFilter(),
      includeInternal: false,
      resumeToken: ""
    ) {
      count += 1
    }
    #expect(count == 41, "the failed export freed the admin's slot; every stored transcript")
  }
}
