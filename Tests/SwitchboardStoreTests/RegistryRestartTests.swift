import Testing

@testable import SwitchboardCore
@testable import SwitchboardStore

/// A registry journaling into a real store, stopped and rebuilt from it: everything the desk
/// flow was told (and acknowledged) is there afterwards, and work continues where it stopped.
@Suite struct RegistryRestartTests {
  /// Runs the desk flow on a store, closes it, and returns a registry rebuilt from a store
  /// reopened on the same directory, with its clock one minute later.
  private func restarted(
    in directory: TemporaryDirectory,
    _ body: (DeskFlow, Registry, ManualClock) async throws -> Void
  ) async throws {
    let first = try await SQLiteStore.open(directory.options())
    var flow = DeskFlow(store: first)
    try await flow.run()
    await first.close()

    let store = try await SQLiteStore.open(directory.options())
    let clock = ManualClock(start: flow.clock.now + .seconds(60))
    let recovered = try await store.loadForRecovery(RecoveryRequest(now: clock.now))
    let registry = Registry(clock: clock, store: store, restoring: recovered)
    do {
      try await body(flow, registry, clock)
      await registry.settle()
      await store.close()
    } catch {
      await store.close()
      throw error
    }
  }

  @Test func activeConversationsKeepTheirAgentAndSequencesContinue() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await restarted(in: directory) { flow, registry, _ in
      let c3 = flow["c3"]
      let bob = try await registry.notifications(caller: .agent("bob"), becomeAvailable: true)
      var events = bob.makeAsyncIterator()
      guard case .snapshot(let snapshot)? = try await events.next()?.kind else {
        Issue.record("the first notification is not a snapshot")
        return
      }
      #expect(snapshot.activeConversations.map(\.conversationID) == [c3])
      let before = try registry.getConversation(caller: .agent("bob"), conversationID: c3)
      let retried = try await registry.sendMessage(
        caller: .agent("bob"), conversationID: c3, clientMessageID: "b-9", text: "Please restart it")
      #expect(retried.duplicate)
      #expect(retried.message.sequence == before.summary.lastSequence)
      let next = try await registry.sendMessage(
        caller: .agent("bob"), conversationID: c3, clientMessageID: "b-10", text: "Did it help?")
      #expect(!next.duplicate)
      #expect(next.message.sequence == before.summary.lastSequence + 1)
      #expect(next.message.messageID == "\(c3)-m\(next.message.sequence)")
    }
  }

  @Test func waitingConversationsGoBackToTheirQueueAndAreOfferedAgain() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await restarted(in: directory) { flow, registry, _ in
      let c4 = flow["c4"]
      let (wasPending, routing) = registry.read { state, _ in
        (state.offers.values.contains { $0.offer.conversationID == c4 && $0.status != .pending },
         state.routing[c4])
      }
      #expect(wasPending, "the offer pending at the stop is kept, as withdrawn")
      #expect(routing?.waiting == true)
      #expect(routing?.offers.isEmpty == true)
      #expect(routing?.key.priority == .urgent)
      let carol = try await registry.notifications(caller: .agent("carol"), becomeAvailable: true)
      var events = carol.makeAsyncIterator()
      var offered: [String] = []
      while let event = try await events.next() {
        if case .snapshot(let snapshot) = event.kind { offered += snapshot.pendingOffers.map(\.conversationID) }
        if case .offer(let offer) = event.kind { offered.append(offer.conversationID) }
        if !offered.isEmpty { break }
      }
      #expect(offered == [c4])
    }
  }

  @Test func idsIdempotencyKeysAndTheFeedContinue() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await restarted(in: directory) { flow, registry, _ in
      let c1 = flow["c1"]
      let remembered = registry.read { state, _ in
        state.startKeys.values.map(\.conversationID)
      }
      #expect(remembered.contains(c1), "c-1's start idempotency key is remembered")
      let ticket = try await registry.createTicket(
        caller: .agent(flow.secondAgent), conversationID: c1,
        NewTicket(subject: "Refund 1234", description: "broken item", priority: .high, idempotencyKey: "t-1"))
      #expect(ticket.duplicate)
      let lastFeed = registry.read { state, _ in state.content.feed.lastPosition }
      #expect(lastFeed > 0)
      let started = try await registry.startConversation(
        caller: DeskFlow.bot,
        NewConversation(
          destination: .queue("billing"), customer: CustomerInfo(displayName: "Gus"), subject: "New one"))
      #expect(started.conversationID == "c-5")
    }
  }

  @Test func agentsNotBackWithinTheGracePeriodGoOffline() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await restarted(in: directory) { _, registry, clock in
      let before = registry.read { state, _ in state.agents["alice"]?.presence }
      #expect(before == .available)
      clock.advance(by: registry.options.disconnectGracePeriod + .seconds(1))
      await registry.settle()
      let after = registry.read { state, _ in state.agents["alice"]?.presence }
      #expect(after == .offline)
    }
  }

  @Test func closedConversationsLeaveMemoryAfterTheRecentlyClosedWindow() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try await restarted(in: directory) { flow, registry, clock in
      let c1 = flow["c1"]
      let c3 = flow["c3"]
      #expect(registry.read { state, _ in state.conversations[c1]?.state } == .closed)
      clock.advance(by: .seconds(24 * 3600))
      await registry.settle()
      let (closedKept, openKept, offersKept) = registry.read { state, _ in
        (state.conversations[c1] != nil, state.conversations[c3] != nil,
         state.offers.values.contains { $0.offer.conversationID == c1 })
      }
      #expect(!closedKept)
      #expect(!offersKept)
      #expect(openKept)
    }
  }
}
