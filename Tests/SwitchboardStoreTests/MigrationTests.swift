import Foundation
import SwitchboardCore
import Testing

@testable import SwitchboardStore

@Suite("Schema migrations")
struct MigrationTests {
  /// Writes a database as a version-1 build did: the version-1 schema and one waiting
  /// conversation, in the columns version 1 had.
  private func writeVersion1(_ options: SQLiteStore.Options, request: NewConversation) throws {
    try FileManager.default.createDirectory(
      atPath: options.dataDirectory,
      withIntermediateDirectories: true
    )
    let connection = try SQLiteConnection(path: options.databasePath)
    #expect(try connection.texts("PRAGMA journal_mode = WAL") == ["wal"])
    try connection.transaction(immediate: true) { () throws(SQLiteError) in
      try connection.execute(SchemaV1.sql)
      try connection.execute("PRAGMA application_id = \(Migrator.applicationID)")
      try connection.execute("PRAGMA user_version = 1")
      try connection.prepare(
        """
        INSERT INTO conversations (conversation_id, queue_id, priority, channel, subject,
          customer_display_name, request, created_at, entered_queue_at)
        VALUES ('c-1', 'billing', 2, 'web', ?, ?, ?, ?, ?)
        """
      ).run([
        .text(request.subject), .text(request.customer.displayName), .text(request.json.text),
        .integer(Records.time(0).nanosecondsSinceEpoch),
        .integer(Records.time(0).nanosecondsSinceEpoch),
      ])
      try connection.execute(
        """
        INSERT INTO conversation_queues (conversation_id, queue_id, position) VALUES ('c-1', 'billing', 1);
        INSERT INTO id_counters (prefix, value) VALUES ('c', 1);
        """
      )
    }
  }

  @Test(
    "a version-1 database is migrated to version 2 in place; its rows come back without a starter"
  )
  func version1To2() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let options = directory.options()
    let request = NewConversation(
      destination: .queue("billing"),
      customer: Records.customer,
      subject: "From version 1"
    )
    try writeVersion1(options, request: request)

    let store = try await SQLiteStore.open(options)
    #expect(try directory.committed("PRAGMA user_version") == 2)
    #expect(Migrator.latestVersion == 2)
    #expect(try directory.committed("SELECT count(*) FROM meta WHERE key = 'write_probe'") == 1)
    // New starts store their caller; the old row has none.
    try await store.append([Records.started("c-2", by: .customer("cust-9"), at: 5)])
    try await store.probeWrite()
    let recovered = try await store.loadForRecovery(RecoveryRequest(now: Records.time(10)))
    #expect(recovered.openConversations.map(\.conversationID) == ["c-1", "c-2"])
    let old = try #require(recovered.openConversations.first)
    #expect(old.startedBy == nil)
    #expect(old.request == request)
    #expect(old.queueIDs == ["billing"])
    #expect(old.priority == .normal)
    #expect(recovered.openConversations.last?.startedBy == .customer("cust-9"))
    #expect(recovered.idCounters == ["c": 2])
    await store.close()

    // Opening again applies nothing more.
    let reopened = try await SQLiteStore.open(options)
    #expect(try directory.committed("PRAGMA user_version") == 2)
    #expect(try await reopened.loadForRecovery(RecoveryRequest(now: Records.time(10))) == recovered)
    await reopened.close()
  }

  @Test("a half-written starter (one of its two columns) is reported as corrupt, not guessed")
  func halfStarter() async throws {
    try await withStore { store, directory in
      try await store.append([Records.queue("billing"), Records.started("c-1")])
      let connection = try SQLiteConnection(
        path: directory.options().databasePath,
        mode: .readWrite
      )
      connection.setBusyTimeout(milliseconds: 5_000)
      try connection.execute("UPDATE conversations SET started_by_id = NULL")
      let error = await #expect(throws: StoreError.self) {
        _ = try await store.loadForRecovery(RecoveryRequest(now: Records.time(10)))
      }
      #expect(error?.code == .corrupt)
      #expect(error?.message.contains("started_by_role and started_by_id") == true)
    }
  }
}
