import Testing

@testable import SwitchboardCore

/// A failed append: the change is undone (never delivered, gone after the reload), streams end
/// with `unavailable`, writes fail fast until the store can write, reads keep working.
@Suite struct WriteFaultTests {
  static let admin = Caller.admin("root")
  static let bot = Caller.bot("bot-1")

  private func registry(_ store: FakeRegistryStore, clock: ManualClock) async throws -> Registry {
    let registry = Registry(
      clock: clock, store: store, restoring: try await store.loadForRecovery(RecoveryRequest(now: clock.now)))
    _ = try await registry.createQueue(caller: Self.admin, QueueConfig(queueID: "q", name: "Q"))
    _ = try await registry.upsertAgent(
      caller: Self.admin, AgentProfile(agentID: "a", displayName: "A", queueIDs: ["q"], capacity: 2))
    return registry
  }

  private func start(_ registry: Registry) async throws(CoreError) -> String {
    try await registry.startConversation(
      caller: Self.bot,
      NewConversation(destination: .queue("q"), customer: CustomerInfo(displayName: "C"), subject: "s")
    ).conversationID
  }

  /// Waits (real time: the probe runs on a real timer) until the registry accepts writes.
  private func waitUntilWritable(_ registry: Registry) async throws {
    for _ in 0..<100 where registry.storeCannotWrite {
      try await Task.sleep(for: .milliseconds(50))
    }
    #expect(!registry.storeCannotWrite)
  }

  @Test func aFailedAppendIsUndoneAndWritesResumeWhenTheStoreRecovers() async throws {
    let store = FakeRegistryStore()
    let clock = ManualClock()
    let registry = try await registry(store, clock: clock)
    let notifications = try await registry.notifications(caller: .agent("a"), becomeAvailable: true)
    var events = notifications.makeAsyncIterator()
    let first: SwitchboardCore.Notification? = try await events.next()
    guard case .snapshot? = first?.kind else {
      Issue.record("no snapshot")
      return
    }

    store.setFailWrites(true)
    await #expect(throws: CoreError.self) { _ = try await start(registry) }
    // Answered only after the reload: the undone conversation cannot be read any more.
    #expect(registry.read { state, _ in state.conversations.isEmpty })
    #expect(registry.storeCannotWrite)
    // The stream never sees the undone conversation's offer; it ends with `unavailable`.
    do {
      while let event: SwitchboardCore.Notification = try await events.next() {
        if case .offer(let offer) = event.kind { Issue.record("offer \(offer.offerID) of an undone change delivered") }
      }
      Issue.record("the stream ended without an error")
    } catch {
      #expect(error.code == .unavailable)
      #expect(error.message.contains("reconnect"))
    }
    // Writes fail fast; reads keep working.
    do {
      _ = try await start(registry)
      Issue.record("a write succeeded while the store cannot write")
    } catch {
      #expect(error.code == .unavailable)
    }
    let queues = try registry.listQueueConfigs(caller: Self.admin, pageSize: 10, pageToken: "")
    #expect(queues.items.map(\.queueID) == ["q"])
    #expect(store.loads == 2, "loaded at start and once after the failure")
    #expect(registry.read { state, _ in state.conversations.isEmpty }, "the undone conversation is gone")
    // Streams reopen (they only read); one that would change presence is refused.
    let reconnected = try await registry.notifications(caller: .agent("a"), becomeAvailable: false)
    var again = reconnected.makeAsyncIterator()
    let snapshot: SwitchboardCore.Notification? = try await again.next()
    guard case .snapshot? = snapshot?.kind else {
      Issue.record("no snapshot on reconnect")
      return
    }
    do {
      _ = try await registry.notifications(caller: .agent("a"), becomeAvailable: true)
      Issue.record("a reconnect that makes the agent available was accepted while the store cannot write")
    } catch {
      #expect(error.code == .unavailable)
    }

    store.setFailWrites(false)
    try await waitUntilWritable(registry)
    let conversation = try await start(registry)
    #expect(registry.read { state, _ in state.conversations[conversation] != nil })
    let started = store.records.filter { if case .conversationStarted = $0 { true } else { false } }
    #expect(started.count == 1)
  }
}
