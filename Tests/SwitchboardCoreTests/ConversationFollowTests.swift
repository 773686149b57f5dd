import Testing

@testable import SwitchboardCore

@Suite("Registry: follow and monitor streams")
struct ConversationFollowTests {
  typealias D = ConversationDesk

  @Test("replay after a cursor, then live, without gap or duplicate across a reconnect")
  func replayThenLive() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    for n in 1 ... 3 {
      _ = try await desk.registry.sendMessage(
        caller: customer,
        conversationID: id,
        clientMessageID: "m\(n)",
        text: "message \(n)"
      )
    }
    var first = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 0
    ).makeAsyncIterator()
    let replay = try await take(5, from: &first)
    #expect(replay.map(\.sequence) == [1, 2, 3, 4, 5])
    _ = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "a1",
      text: "live"
    )
    let live = try await take(1, from: &first)
    #expect(live.map(\.sequence) == [6] && live[0].message?.text == "live")
    // The reader "drops" after sequence 4 and reconnects with it; more happens meanwhile.
    _ = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m4",
      text: "while away"
    )
    var second = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 4
    ).makeAsyncIterator()
    let resumed = try await take(3, from: &second)
    #expect(resumed.map(\.sequence) == [5, 6, 7])
    _ = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "a2",
      text: "after"
    )
    #expect(try await take(1, from: &second).map(\.sequence) == [8])
    #expect(try await take(2, from: &first).map(\.sequence) == [7, 8])
  }

  @Test("a replay racing concurrent sends still has no gap and no duplicate")
  func concurrentReplay() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    let registry = desk.registry
    async let sending: Void = {
      for n in 1 ... 50 {
        _ = try await registry.sendMessage(
          caller: customer,
          conversationID: id,
          clientMessageID: "m\(n)",
          text: "n\(n)"
        )
      }
    }()
    var iterator = try await registry.followConversation(
      caller: D.alice,
      conversationID: id,
      afterSequence: 0
    ).makeAsyncIterator()
    try await sending
    let events = try await take(52, from: &iterator)
    #expect(events.map(\.sequence) == Array(1 ... 52))
  }

  @Test("a cursor beyond the latest sequence is invalidArgument")
  func cursorBeyond() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.start()
    await expectCode(.invalidArgument) {
      try await desk.registry.followConversation(
        caller: customer,
        conversationID: id,
        afterSequence: 2
      )
    }
    _ = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 1
    )
  }

  @Test("who may follow and monitor")
  func permissions() async throws {
    let desk = try await D()
    let (id, _) = try await desk.activeConversation()
    await expectCode(.permissionDenied) {
      try await desk.registry.followConversation(
        caller: D.bob,
        conversationID: id,
        afterSequence: 0
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.followConversation(
        caller: D.tess,
        conversationID: id,
        afterSequence: 0
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.followConversation(
        caller: D.admin,
        conversationID: id,
        afterSequence: 0
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.monitorConversation(
        caller: D.alice,
        conversationID: id,
        afterSequence: 0
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.monitorConversation(
        caller: D.tess,
        conversationID: id,
        afterSequence: 0
      )
    }
    await expectCode(.notFound) {
      try await desk.registry.monitorConversation(
        caller: D.sam,
        conversationID: "c-404",
        afterSequence: 0
      )
    }
    _ = try await desk.registry.monitorConversation(
      caller: D.sam,
      conversationID: id,
      afterSequence: 0
    )
    _ = try await desk.registry.monitorConversation(
      caller: D.admin,
      conversationID: id,
      afterSequence: 0
    )
    _ = try await desk.registry.followConversation(
      caller: D.sam,
      conversationID: id,
      afterSequence: 0
    )
  }

  @Test("too many open streams per caller is resourceExhausted; a closed stream frees a slot")
  func streamLimit() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.start()
    var streams: [Subscription<ConversationEvent>] = []
    for _ in 0 ..< Registry.maxFollowStreamsPerCaller {
      streams.append(
        try await desk.registry.followConversation(
          caller: customer,
          conversationID: id,
          afterSequence: 0
        )
      )
    }
    await expectCode(.resourceExhausted) {
      try await desk.registry.followConversation(
        caller: customer,
        conversationID: id,
        afterSequence: 0
      )
    }
    _ = try await desk.registry.followConversation(
      caller: D.bot,
      conversationID: id,
      afterSequence: 0
    )
    streams.removeLast()
    await desk.registry.settle()
    _ = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 0
    )
  }

  @Test("the customer's stream ends after closed and the survey offer; internals are blanked")
  func endsAfterClose() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    var customerView = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 2
    ).makeAsyncIterator()
    var monitor = try await desk.registry.monitorConversation(
      caller: D.sam,
      conversationID: id,
      afterSequence: 2
    ).makeAsyncIterator()
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "refund-issued",
      notes: "20 EUR back"
    )
    let tail = try await take(2, from: &customerView)
    guard case .closed(let resolution) = tail[0].kind, case .surveyOffered = tail[1].kind else {
      Issue.record("expected closed then surveyOffered, got \(tail.map(\.kind))")
      return
    }
    #expect(
      resolution.categoryID.isEmpty && resolution.notes.isEmpty && resolution.reason == .agentClosed
    )
    #expect(try await customerView.next() == nil)
    let staff = try await take(2, from: &monitor)
    if case .closed(let internalResolution) = staff[0].kind {
      #expect(
        internalResolution.notes == "20 EUR back"
          && internalResolution.categoryLabel == "Refund issued"
      )
    } else {
      Issue.record("expected closed first")
    }
    #expect(try await monitor.next() == nil)
    // Following a closed conversation replays and ends.
    var late = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 0
    ).makeAsyncIterator()
    let all = try await take(4, from: &late)
    #expect(all.map(\.sequence) == [1, 2, 3, 4])
    #expect(try await late.next() == nil)
  }

  @Test("the customer sees queue position changes while waiting, then the abandonment")
  func queuePosition() async throws {
    let desk = try await D()
    _ = try await desk.registry.setPresence(caller: D.alice, .away, reason: "break")
    let (id, customer) = try await desk.start(queue: "quiet")
    var view = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 1
    ).makeAsyncIterator()
    _ = try await desk.start(queue: "quiet", priority: .urgent)
    #expect(
      try await desk.registry.leaveConversation(caller: customer, conversationID: id, reason: "")
        == .closed
    )
    var kinds: [ConversationEvent.Kind] = []
    while let event = try await view.next() { kinds.append(event.kind) }
    // The follower learns its place at once (1st of 1), then the urgent one moves ahead.
    guard case .queuePosition(let initial) = kinds.first else {
      Issue.record("expected the current queue position first, got \(kinds)")
      return
    }
    #expect(initial.queueID == "quiet" && initial.position == 1)
    kinds.removeFirst()
    guard case .queuePosition(let update) = kinds.first else {
      Issue.record("expected a queue position first, got \(kinds)")
      return
    }
    #expect(update.queueID == "quiet" && update.position == 2 && update.estimatedWait != nil)
    #expect(kinds.dropFirst().map(\.isEphemeral) == [false, false])
    if case .closed(let resolution) = kinds.last {
      #expect(resolution.reason == .abandoned && resolution.closedBy == .system)
    } else {
      Issue.record("expected the stream to end with closed")
    }
  }
}
