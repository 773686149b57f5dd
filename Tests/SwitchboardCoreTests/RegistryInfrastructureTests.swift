import Synchronization
import Testing

@testable import SwitchboardCore

@Suite("Registry infrastructure")
struct RegistryInfrastructureTests {
  @Test("the manual clock fires due timers in deadline order, and never cancelled ones")
  func manualClock() {
    let clock = ManualClock(start: .epoch)
    let fired = Mutex<[String]>([])
    _ = clock.schedule(at: .epoch + .seconds(3)) { fired.withLock { $0.append("c") } }
    _ = clock.schedule(at: .epoch + .seconds(1)) { fired.withLock { $0.append("a") } }
    let cancelled = clock.schedule(at: .epoch + .seconds(2)) { fired.withLock { $0.append("x") } }
    _ = clock.schedule(at: .epoch + .seconds(1)) {
      fired.withLock { $0.append("b") }
      // Scheduled while advancing and due before the target: runs in the same advance.
      _ = clock.schedule(at: .epoch + .milliseconds(2500)) { fired.withLock { $0.append("b2") } }
    }
    cancelled.cancel()
    #expect(clock.pendingTimers == 3)
    clock.advance(by: .seconds(2))
    #expect(fired.withLock { $0 } == ["a", "b"])
    #expect(clock.now == .epoch + .seconds(2))
    clock.advance(by: .seconds(5))
    #expect(fired.withLock { $0 } == ["a", "b", "b2", "c"])
    #expect(clock.pendingTimers == 0)
  }

  @Test("wall time prints as RFC 3339 and does exact arithmetic")
  func wallTime() {
    #expect(WallTime.epoch.description == "1970-01-01T00:00:00.000Z")
    let time = WallTime(secondsSinceEpoch: 1_735_689_600) + .milliseconds(1_250)
    #expect(time.description == "2025-01-01T00:00:01.250Z")
    #expect(WallTime(nanosecondsSinceEpoch: -1).description == "1969-12-31T23:59:59.999Z")
    #expect(time - WallTime(secondsSinceEpoch: 1_735_689_600) == .milliseconds(1_250))
    #expect((time - .seconds(1)) < time)
  }

  @Test("page requests validate size and token and cut pages")
  func paging() throws {
    let request = try PageRequest(size: 2, token: "", defaultSize: 50, maximumSize: 100)
    let first = request.page(of: [1, 2, 3])
    #expect(first == Page(items: [1, 2], nextPageToken: "p2"))
    let second = try PageRequest(size: 2, token: "p2", defaultSize: 50, maximumSize: 100).page(of: [1, 2, 3])
    #expect(second == Page(items: [3], nextPageToken: ""))
    #expect(try PageRequest(size: 0, token: "", defaultSize: 50, maximumSize: 100).size == 50)
    for (size, token) in [(-1, ""), (101, ""), (1, "2"), (1, "p-1"), (1, "px")] {
      #expect(throws: CoreError.self) { try PageRequest(size: size, token: token, defaultSize: 50, maximumSize: 100) }
    }
  }

  @Test("every change is journaled before it reaches any stream, in state order")
  func journalBeforeDelivery() async throws {
    let seen = Mutex<[String]>([])
    let journal = RecordingJournal { records in
      seen.withLock { $0.append(contentsOf: records.map { "journal \($0.label)" }) }
    }
    let clock = ManualClock()
    let registry = Registry(clock: clock, journal: journal)
    _ = try await registry.createQueue(caller: .admin("root"), QueueConfig(queueID: "q", name: "Q"))
    _ = try await registry.upsertAgent(caller: .admin("root"), AgentProfile(agentID: "alice", displayName: "A", queueIDs: ["q"]))
    let stream = try await registry.notifications(caller: .agent("alice"), becomeAvailable: true)
    let reader = Task {
      var iterator = stream.makeAsyncIterator()
      for _ in 0..<2 {
        guard let item = try await iterator.next() else { return }
        let label = if case .offer = item.kind { "offer" } else { "snapshot" }
        seen.withLock { $0.append("deliver \(label)") }
      }
    }
    _ = try await registry.startConversation(
      caller: .bot("b"), NewConversation(destination: .queue("q"), customer: CustomerInfo(displayName: "C")))
    try await reader.value
    let log = seen.withLock { $0 }
    let offerJournaled = try #require(log.firstIndex(of: "journal offerMade"))
    let offerDelivered = try #require(log.firstIndex(of: "deliver offer"))
    #expect(offerJournaled < offerDelivered)
    #expect(log.firstIndex(of: "journal conversationStarted")! < offerJournaled)
  }

  @Test("a journal failure fails the call that produced the records")
  func journalFailure() async throws {
    let journal = RecordingJournal { _ throws(CoreError) in throw CoreError(.unavailable, "disk full") }
    let registry = Registry(clock: ManualClock(), journal: journal)
    await expectCode(.unavailable) { try await registry.createQueue(caller: Caller.admin("root"), QueueConfig(queueID: "q", name: "Q")) }
  }

  @Test("a reader that falls too far behind is ended with resourceExhausted")
  func slowReader() async throws {
    let f = RoutingFixture(options: RegistryOptions(subscriberBufferLimit: 3))
    try await f.queue("q")
    try await f.agent("alice", queues: ["q"], capacity: 10)
    let stream = try await f.connect("alice")
    for _ in 0..<5 { _ = try await f.start("q") }
    var iterator = stream.makeAsyncIterator()
    var received = 0
    do {
      while try await iterator.next() != nil { received += 1 }
      Issue.record("the stream ended normally")
    } catch {
      #expect(error.code == .resourceExhausted)
    }
    #expect(received == 3)
    // The ended stream disconnected the agent.
    await f.registry.settle()
    #expect(f.state { $0.agents["alice"]!.connected } == false)
  }
}

/// A journal that hands each batch to a closure (which may fail).
private struct RecordingJournal: Journal {
  let body: @Sendable ([JournalRecord]) throws(CoreError) -> Void
  init(_ body: @escaping @Sendable ([JournalRecord]) throws(CoreError) -> Void) { self.body = body }
  func append(_ records: [JournalRecord]) async throws(CoreError) { try body(records) }
}

extension JournalRecord {
  /// The case name, for order checks.
  var label: String {
    switch self {
    case .offerMade: "offerMade"
    case .conversationStarted: "conversationStarted"
    default: "other"
    }
  }
}
