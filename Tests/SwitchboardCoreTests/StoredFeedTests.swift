import Testing

@testable import SwitchboardCore

@Suite("Registry with a store: feed cursors older than memory")
struct StoredFeedTests {
  typealias D = ConversationDesk

  /// A desk whose memory keeps only the newest 4 feed events, with a store behind it.
  static func desk() async throws -> (D, FakeRegistryStore) {
    let store = FakeRegistryStore()
    return (try await D(options: RegistryOptions(eventFeedRetention: 4), store: store), store)
  }

  /// Creates `count` tickets on `conversationID` (one feed event each).
  static func tickets(
    _ desk: D,
    _ conversationID: String,
    _ count: Int,
    from first: Int = 1
  )
    async throws
  {
    for n in first ..< first + count {
      _ = try await desk.registry.createTicket(
        caller: D.alice,
        conversationID: conversationID,
        NewTicket(subject: "t\(n)")
      )
    }
  }

  static func watch(
    _ desk: D,
    after cursor: String,
    kinds: Set<ExternalEventKind> = []
  ) async throws -> Subscription<ExternalEvent>.AsyncIterator {
    try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: cursor,
      fromNow: false,
      kinds: kinds
    ).makeAsyncIterator()
  }

  static func cursors(_ range: ClosedRange<Int>) -> [String] { range.map(String.init) }

  @Test("cursor 0: the store's events, then memory's, then live ones, each once")
  func storeThenMemoryThenLive() async throws {
    let (desk, store) = try await Self.desk()
    let (id, _) = try await desk.activeConversation()
    try await Self.tickets(desk, id, 600)
    var feed = try await Self.watch(desk, after: "0")
    #expect(try await take(600, from: &feed).map(\.cursor) == Self.cursors(1 ... 600))
    #expect(store.feedReads >= 3, "pages of 256 from the store")
    try await Self.tickets(desk, id, 3, from: 601)
    #expect(try await take(3, from: &feed).map(\.cursor) == Self.cursors(601 ... 603))
    var empty = try await Self.watch(desk, after: "")
    #expect(try await take(1, from: &empty).map(\.cursor) == ["1"], "empty: the oldest stored")
    var recent = try await Self.watch(desk, after: "601")
    #expect(try await take(2, from: &recent).map(\.cursor) == ["602", "603"], "memory only")
  }

  @Test("events appended while a stream reads the store: every position once, in order")
  func concurrentAppends() async throws {
    let (desk, _) = try await Self.desk()
    let (id, _) = try await desk.activeConversation()
    try await Self.tickets(desk, id, 300)
    var feed = try await Self.watch(desk, after: "0")
    async let more: Void = Self.tickets(desk, id, 700, from: 301)
    let read = try await take(1000, from: &feed).map(\.cursor)
    try await more
    #expect(read == Self.cursors(1 ... 1000))
  }

  @Test("kinds filter across the store, memory and live parts")
  func kinds() async throws {
    let (desk, _) = try await Self.desk()
    var closed: [String] = []
    for n in 1 ... 6 {
      let (id, _) = try await desk.activeConversation()
      try await Self.tickets(desk, id, 50, from: n * 100)
      _ = try await desk.registry.closeConversation(
        caller: D.alice,
        conversationID: id,
        resolutionCategoryID: "resolved",
        notes: ""
      )
      closed.append(id)
    }
    var feed = try await Self.watch(desk, after: "0", kinds: [.conversationClosed])
    let events = try await take(6, from: &feed)
    #expect(events.map(\.conversationID) == closed)
    #expect(events.map(\.cursor) == (1 ... 6).map { String($0 * 51) })
    let (last, _) = try await desk.activeConversation()
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: last,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    #expect(try await take(1, from: &feed).map(\.conversationID) == [last])
  }

  @Test(
    "a cursor older than the store's oldest event is outOfRange; without a store, older than memory"
  )
  func purged() async throws {
    let (desk, store) = try await Self.desk()
    let (id, _) = try await desk.activeConversation()
    try await Self.tickets(desk, id, 20)
    store.purge(through: 5)
    await expectCode(.outOfRange) { try await Self.watch(desk, after: "3") }
    await expectCode(.outOfRange) { try await Self.watch(desk, after: "0") }
    var fromFive = try await Self.watch(desk, after: "5")
    #expect(try await take(15, from: &fromFive).map(\.cursor) == Self.cursors(6 ... 20))
    var oldest = try await Self.watch(desk, after: "")
    #expect(try await take(1, from: &oldest).map(\.cursor) == ["6"])
    await expectCode(.invalidArgument) { try await Self.watch(desk, after: "21") }

    let memoryOnly = try await D(options: RegistryOptions(eventFeedRetention: 4))
    let (other, _) = try await memoryOnly.activeConversation()
    try await Self.tickets(memoryOnly, other, 20)
    await expectCode(.outOfRange) { try await Self.watch(memoryOnly, after: "0") }
  }

  @Test("a catch-up stream counts against the feed limit once live, and frees it when dropped")
  func limit() async throws {
    let (desk, _) = try await Self.desk()
    let (id, _) = try await desk.activeConversation()
    try await Self.tickets(desk, id, 20)
    for round in 0 ... 1 {
      var feeds: [Subscription<ExternalEvent>.AsyncIterator] = []
      for _ in 1 ... Registry.maxFeedStreamsPerCaller {
        var feed = try await Self.watch(desk, after: "0")
        _ = try await take(20 + round, from: &feed)
        feeds.append(feed)
      }
      // The next event reaches every stream live, so each is registered by now.
      try await Self.tickets(desk, id, 1)
      for index in feeds.indices { _ = try await take(1, from: &feeds[index]) }
      await expectCode(.resourceExhausted) { try await Self.watch(desk, after: "0") }
      feeds.removeAll()
      await desk.registry.settle()
    }
  }
}
