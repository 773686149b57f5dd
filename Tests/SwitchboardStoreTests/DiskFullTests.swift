import SwitchboardCore
import Testing

@testable import SwitchboardStore

/// A full disk, simulated portably with `PRAGMA max_page_count` on the writer's connection (the
/// database may not grow past it, and SQLite reports `SQLITE_FULL` as on a full disk; chmod
/// cannot simulate a read-only file for root).
@Suite("Disk full: failed batches, the write probe, and writes resuming")
struct DiskFullTests {
  /// A conversation with 200 messages of 1,000 bytes (about 200 KiB).
  private let large: [JournalRecord] =
    [Records.started("c-2")]
    + (1 ... 200).map { Records.message("c-2", UInt64($0), String(repeating: "x", count: 1_000)) }

  /// Caps the writer's database at its current size plus `spare` pages; returns the cap.
  private func fill(_ store: SQLiteStore, spare: Int64) async throws -> Int64 {
    try await store.journal.perform { connection throws(SQLiteError) in
      let pages = try connection.integer("PRAGMA page_count") ?? 0
      return try connection.integer("PRAGMA max_page_count = \(pages + spare)") ?? 0
    }
  }

  /// Lifts the cap again (SQLite's largest).
  private func makeRoom(_ store: SQLiteStore) async throws {
    _ = try await store.journal.perform { connection throws(SQLiteError) in
      try connection.integer("PRAGMA max_page_count = 4294967294")
    }
  }

  @Test(
    "a batch that fills the disk stores nothing; probes fail until space returns; writes resume"
  )
  func diskFull() async throws {
    try await withStore { store, directory in
      let path = directory.options().databasePath
      try await store.append([Records.queue("billing"), Records.started("c-1")])
      try await store.append(Records.closed("c-1", 1, at: 10, feed: 1))
      #expect(try directory.committed("PRAGMA freelist_count") == 0)
      let cap = try await fill(store, spare: 2)

      // The first rows fit in the spare pages, the rest do not: the whole batch rolls back.
      let error = await #expect(throws: CoreError.self) { try await store.append(large) }
      #expect(error?.code == .unavailable)
      #expect(
        error?.message
          == "the store could not write to \(path): database or disk is full; "
          + "nothing of the change was stored; retry later"
      )
      #expect(try directory.committed("SELECT count(*) FROM conversations") == 1)
      #expect(try directory.committed("SELECT count(*) FROM conversation_events") == 1)
      #expect(try directory.committed("PRAGMA page_count") <= cap)

      // The probe needs a few pages too, so it fails while the disk is full.
      let before = try directory.committed(
        "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'write_probe'"
      )
      let probe = await #expect(throws: CoreError.self) { try await store.probeWrite() }
      #expect(probe?.code == .unavailable)
      #expect(
        probe?.message
          == "the store could not write to \(path): database or disk is full; "
          + "writes stay refused until it can"
      )
      #expect(
        try directory.committed("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'write_probe'")
          == before
      )

      // Reads keep working.
      #expect(try await store.transcript(conversationID: "c-1") != nil)
      let recovered = try await store.loadForRecovery(RecoveryRequest(now: Records.time(20)))
      #expect(recovered.recentlyClosed.map(\.conversationID) == ["c-1"])
      #expect(recovered.openConversations.isEmpty)

      // Space returns: the probe commits (recording its time), and so does the same batch.
      try await makeRoom(store)
      try await store.probeWrite()
      #expect(
        try directory.committed("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'write_probe'")
          > 0
      )
      #expect(
        try directory.committed("SELECT count(*) FROM meta WHERE key = 'write_probe_room'") == 0
      )
      try await store.append(large)
      #expect(try directory.committed("SELECT count(*) FROM conversation_events") == 201)
      #expect(store.journal.statistics.failedTransactions == 1)
    }
  }

  @Test("the writer's connection survives repeated faults and recovers each time")
  func repeatedFaults() async throws {
    try await withStore { store, directory in
      try await store.append([Records.queue("billing")])
      for round in 1 ... 3 {
        let id = "c-\(round)"
        let records =
          [Records.started(id)]
          + (1 ... 100).map {
            Records.message(id, UInt64($0), String(repeating: "y", count: 1_000))
          }
        _ = try await fill(store, spare: 0)
        await #expect(throws: CoreError.self) { try await store.append(records) }
        await #expect(throws: CoreError.self) { try await store.probeWrite() }
        #expect(try directory.committed("SELECT count(*) FROM conversations") == Int64(round - 1))
        try await makeRoom(store)
        try await store.probeWrite()
        try await store.append(records)
        #expect(try directory.committed("SELECT count(*) FROM conversations") == Int64(round))
      }
      let recovered = try await store.loadForRecovery(RecoveryRequest(now: Records.time(20)))
      #expect(recovered.openConversations.map(\.lastSequence) == [100, 100, 100])
    }
  }
}
