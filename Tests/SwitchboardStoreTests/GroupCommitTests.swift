import Foundation
import SwitchboardCore
import Synchronization
import Testing

@testable import SwitchboardStore

/// Blocks the writer thread (inside `perform`) until released.
final class WriterGate: Sendable {
  private let state = Mutex((holding: false, released: false))

  var isHolding: Bool { state.withLock { $0.holding } }

  /// Runs on the writer thread: waits until `release()`.
  func hold() {
    state.withLock { $0.holding = true }
    while !state.withLock({ $0.released }) { usleep(1_000) }
  }

  func release() { state.withLock { $0.released = true } }
}

@Suite("Group commit and write failures")
struct GroupCommitTests {
  @Test("many concurrent appends share few transactions, and each returns only once committed")
  func concurrentAppends() async throws {
    let policy = GroupCommitPolicy(maxDelay: .milliseconds(20), maxRecords: 10_000)
    try await withStore(sync: .full, groupCommit: policy) { store, directory in
      let callers = 200
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0 ..< callers {
          group.addTask {
            try await store.append([
              .presenceChanged(
                agentID: "agent-\(index)",
                presence: .available,
                reason: "",
                at: Records.time(0)
              )
            ])
            // Returned: the record is committed, visible to any other connection.
            let visible = try directory.committed(
              "SELECT count(*) FROM agent_presence WHERE agent_id = 'agent-\(index)'"
            )
            #expect(visible == 1)
          }
        }
        try await group.waitForAll()
      }
      let statistics = store.journal.statistics
      #expect(statistics.committedAppends == callers)
      #expect(statistics.committedRecords == callers)
      #expect(statistics.committedTransactions < callers / 4)
      #expect(statistics.failedTransactions == 0)
    }
  }

  @Test("a batch commits early once it reaches the record limit")
  func sizeLimit() async throws {
    let policy = GroupCommitPolicy(maxDelay: .seconds(30), maxRecords: 5)
    try await withStore(groupCommit: policy) { store, _ in
      let clock = ContinuousClock()
      let started = clock.now
      try await store.append((0 ..< 5).map { Records.queue("q\($0)") })
      #expect(clock.now - started < .seconds(10))
      #expect(store.journal.statistics.committedTransactions == 1)
    }
  }

  @Test("a failing batch fails all its callers, stores nothing of it, and the next batch commits")
  func failedBatchRollsBack() async throws {
    try await withStore { store, directory in
      try await store.append([Records.queue("billing")])
      // Fault injection: a trigger that rejects one marked row, as a full disk would reject a write.
      let admin = try SQLiteConnection(path: directory.options().databasePath)
      admin.setBusyTimeout(milliseconds: 5_000)
      try admin.execute(
        """
        CREATE TRIGGER inject_failure BEFORE INSERT ON conversations WHEN NEW.subject = 'FAIL'
        BEGIN SELECT RAISE(ABORT, 'injected write failure'); END
        """
      )
      // Hold the writer thread until both appends are queued, so they form one batch.
      let gate = WriterGate()
      defer { gate.release() }
      let held = Task { try await store.journal.perform { _ throws(SQLiteError) in gate.hold() } }
      while !gate.isHolding { try await Task.sleep(for: .milliseconds(1)) }
      let good = Task { try await store.append([Records.started("c-1", subject: "fine")]) }
      let bad = Task { try await store.append([Records.started("c-2", subject: "FAIL")]) }
      while store.journal.queuedAppends < 2 { try await Task.sleep(for: .milliseconds(1)) }
      gate.release()
      try await held.value
      let goodError = await #expect(throws: CoreError.self) { try await good.value }
      let badError = await #expect(throws: CoreError.self) { try await bad.value }
      for error in [goodError, badError] {
        #expect(error?.code == .unavailable)
        #expect(
          error?.message
            == "the store could not write to \(directory.options().databasePath): injected write failure; "
            + "nothing of the change was stored; retry later"
        )
      }
      #expect(try directory.committed("SELECT count(*) FROM conversations") == 0)
      #expect(try directory.committed("SELECT count(*) FROM conversation_queues") == 0)
      #expect(try directory.committed("SELECT count(*) FROM id_counters") == 0)
      #expect(store.journal.statistics.failedTransactions == 1)

      // The next batch is written normally (a failure does not poison the writer).
      try await store.append([
        Records.started("c-1", subject: "fine"), Records.started("c-3", subject: "also fine"),
      ])
      #expect(try directory.committed("SELECT count(*) FROM conversations") == 2)
      #expect(store.journal.statistics.committedTransactions == 2)
    }
  }

  @Test(
    "while the database refuses writes, appends fail with unavailable; reads go on; writes resume"
  )
  func readOnlyFault() async throws {
    try await withStore { store, directory in
      try await store.append([Records.queue("billing"), Records.started("c-1")])
      try await store.append(Records.closed("c-1", 1, at: 10, feed: 1))
      // The writer's connection stops accepting writes, as on a read-only file system.
      try await store.journal.perform { connection throws(SQLiteError) in
        try connection.execute("PRAGMA query_only = ON")
      }
      let error = await #expect(throws: CoreError.self) {
        try await store.append([Records.started("c-2")])
      }
      #expect(error?.code == .unavailable)
      #expect(
        error?.message
          == "the store could not write to \(directory.options().databasePath): attempt to write a "
          + "readonly database; nothing of the change was stored; retry later"
      )
      let probe = await #expect(throws: CoreError.self) { try await store.probeWrite() }
      #expect(probe?.code == .unavailable)
      #expect(probe?.message.contains("attempt to write a readonly database") == true)
      #expect(try await store.transcript(conversationID: "c-1") != nil)
      #expect(
        try await store.loadForRecovery(RecoveryRequest(now: Records.time(20))).recentlyClosed.count
          == 1
      )

      try await store.journal.perform { connection throws(SQLiteError) in
        try connection.execute("PRAGMA query_only = OFF")
      }
      try await store.probeWrite()
      try await store.append([Records.started("c-2")])
      let recovered = try await store.loadForRecovery(RecoveryRequest(now: Records.time(20)))
      #expect(recovered.openConversations.map(\.conversationID) == ["c-2"])
    }
  }

  @Test("records that contradict the stored state fail their batch with a clear message")
  func inconsistentRecords() async throws {
    try await withStore { store, _ in
      try await store.append([Records.queue("billing"), Records.started("c-1")])
      let cases: [([JournalRecord], String)] = [
        (
          [.offerEnded(offerID: "o-9", outcome: .accepted, at: Records.time(1))],
          "offer o-9 ended but was never made"
        ),
        ([Records.message("c-1", 2, "skips sequence 1")], "conversation event out of sequence"),
        ([Records.message("c-404", 1, "unknown conversation")], "FOREIGN KEY constraint failed"),
        (
          [.conversationQueued(conversationID: "c-404", queueID: "billing", at: Records.time(1))],
          "never started"
        ),
      ]
      for (records, expected) in cases {
        let error = await #expect(throws: CoreError.self) { try await store.append(records) }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
      }
      // A retried send with the same author and client message id is rejected by the store too.
      try await store.append([Records.message("c-1", 1, "hello", clientMessageID: "cm-1")])
      let duplicate = await #expect(throws: CoreError.self) {
        try await store.append([Records.message("c-1", 2, "hello", clientMessageID: "cm-1")])
      }
      #expect(duplicate?.message.contains("UNIQUE constraint failed") == true)
      // Another author may use the same client message id.
      try await store.append([
        Records.message("c-1", 2, "hi", author: Records.agent("bob"), clientMessageID: "cm-1")
      ])
    }
  }

  @Test("appends after close fail with unavailable")
  func closed() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let store = try await SQLiteStore.open(directory.options())
    await store.close()
    let error = await #expect(throws: CoreError.self) {
      try await store.append([Records.queue("q")])
    }
    #expect(error?.code == .unavailable)
  }
}
