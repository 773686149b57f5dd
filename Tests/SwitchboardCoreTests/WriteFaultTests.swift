import Synchronization
import Testing

@testable import SwitchboardCore

/// A store that keeps appended records in memory and fails appends and probes while told to;
/// it recovers to the state its accepted records describe as far as the tests need (queues and
/// agents), which is what a real store would return after refusing the failed changes.
final class FaultyStore: RegistryStore {
  private struct State {
    var failing = false
    var records: [JournalRecord] = []
    var loads = 0
  }

  private let state = Mutex(State())

  /// Makes appends and probes fail (true) or succeed (false).
  func setFailing(_ failing: Bool) { state.withLock { $0.failing = failing } }
  /// The records accepted so far.
  var records: [JournalRecord] { state.withLock { $0.records } }
  /// How often the registry reloaded.
  var loads: Int { state.withLock { $0.loads } }

  func append(_ records: [JournalRecord]) async throws(CoreError) {
    try state.withLock { (state) throws(CoreError) in
      if state.failing { throw CoreError(.unavailable, "the store could not write: disk full (test)") }
      state.records += records
    }
  }

  func probeWrite() async throws(CoreError) {
    if state.withLock({ $0.failing }) { throw CoreError(.unavailable, "still full (test)") }
  }

  func loadForRecovery(_ request: RecoveryRequest) async throws -> RecoveredState {
    let records = state.withLock { state in
      state.loads += 1
      return state.records
    }
    var queues: [QueueConfig] = []
    var agents: [AgentProfile] = []
    for record in records {
      if case .queueSaved(let queue) = record { queues.append(queue) }
      if case .agentSaved(let agent) = record { agents.append(agent) }
    }
    return RecoveredState(
      queues: queues, agents: agents, presence: [], resolutionCategories: nil, surveySettings: nil,
      openConversations: [], recentlyClosed: [], feed: [], lastFeedPosition: 0, idCounters: [:],
      lastArrivalOrder: 0)
  }

  func feedEvents(after position: UInt64, kinds: Set<ExternalEventKind>, limit: Int) async throws(CoreError)
    -> [ExternalEvent]
  { [] }

  func transcript(conversationID: String) async throws(CoreError) -> StoredTranscript? { nil }

  func searchTranscripts(
    _ filter: TranscriptFilter, text: String, reach: TranscriptReach, pageSize: Int, pageToken: String
  ) async throws(CoreError) -> TranscriptSearchResult {
    TranscriptSearchResult(page: Page(items: [], nextPageToken: ""), totalEstimate: 0)
  }

  func exportTranscripts(
    _ filter: TranscriptFilter, reach: TranscriptReach, resumeToken: String, limit: Int
  ) async throws(CoreError) -> [ExportedTranscript] { [] }
}

/// A failed append: the change is undone (never delivered, gone after the reload), streams end
/// with `unavailable`, writes fail fast until the store can write, reads keep working.
@Suite struct WriteFaultTests {
  static let admin = Caller.admin("root")
  static let bot = Caller.bot("bot-1")

  private func registry(_ store: FaultyStore, clock: ManualClock) async throws -> Registry {
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
    let store = FaultyStore()
    let clock = ManualClock()
    let registry = try await registry(store, clock: clock)
    let notifications = try await registry.notifications(caller: .agent("a"), becomeAvailable: true)
    var events = notifications.makeAsyncIterator()
    let first: SwitchboardCore.Notification? = try await events.next()
    guard case .snapshot? = first?.kind else {
      Issue.record("no snapshot")
      return
    }

    store.setFailing(true)
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

    store.setFailing(false)
    try await waitUntilWritable(registry)
    let conversation = try await start(registry)
    #expect(registry.read { state, _ in state.conversations[conversation] != nil })
    let started = store.records.filter { if case .conversationStarted = $0 { true } else { false } }
    #expect(started.count == 1)
  }
}
