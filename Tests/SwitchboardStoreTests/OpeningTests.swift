import Foundation
import SwitchboardCore
import Testing

@testable import SwitchboardStore

@Suite("Opening, schema versions and damaged files")
struct OpeningTests {
  @Test("a new data directory gets the current schema, WAL mode and the chosen synchronous level")
  func newDatabase() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let options = directory.options("nested/data", sync: .full)
    let store = try await SQLiteStore.open(options)
    let synchronous = try await store.journal.perform { connection throws(SQLiteError) in
      try connection.integer("PRAGMA synchronous")
    }
    #expect(synchronous == 2)  // FULL
    await store.close()
    let normal = try await SQLiteStore.open(directory.options("nested/data", sync: .normal))
    #expect(
      try await normal.journal.perform { connection throws(SQLiteError) in
        try connection.integer("PRAGMA synchronous")
      } == 1
    )
    await normal.close()
    let connection = try SQLiteConnection(path: options.databasePath, mode: .readWrite)
    #expect(try connection.integer("PRAGMA user_version") == Migrator.latestVersion)
    #expect(try connection.integer("PRAGMA application_id") == Migrator.applicationID)
    #expect(try connection.texts("PRAGMA journal_mode") == ["wal"])
    #expect(FileManager.default.fileExists(atPath: options.dataDirectory + "/switchboard.lock"))
  }

  @Test("a database from a newer version stops the start and is left untouched")
  func newerVersion() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let options = directory.options()
    let store = try await SQLiteStore.open(options)
    try await store.append([Records.queue("billing")])
    await store.close()
    let connection = try SQLiteConnection(path: options.databasePath)
    try connection.execute("PRAGMA user_version = \(Migrator.latestVersion + 1)")
    let error = await #expect(throws: StoreError.self) { _ = try await SQLiteStore.open(options) }
    #expect(error?.code == .newerSchema)
    #expect(
      error?.message
        == "the database \(options.databasePath) has schema version \(Migrator.latestVersion + 1), newer than "
        + "this build's \(Migrator.latestVersion); run a newer switchboard, or restore a backup made by this version"
    )
    #expect(try connection.integer("SELECT count(*) FROM queues") == 1)
  }

  @Test("a corrupt file (random bytes) stops the start with a clear message and is kept")
  func corruptFile() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let options = directory.options()
    try FileManager.default.createDirectory(
      atPath: options.dataDirectory,
      withIntermediateDirectories: true
    )
    var generator = SystemRandomNumberGenerator()
    let bytes = Data((0 ..< 65_536).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
    _ = FileManager.default.createFile(atPath: options.databasePath, contents: bytes)
    let error = await #expect(throws: StoreError.self) { _ = try await SQLiteStore.open(options) }
    #expect(error?.code == .corrupt)
    #expect(error?.message.contains("is corrupt or not an SQLite database") == true)
    #expect(error?.message.contains("never resets it") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: options.databasePath)) == bytes)
  }

  @Test("another program's SQLite database is refused")
  func foreignDatabase() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let options = directory.options()
    try FileManager.default.createDirectory(
      atPath: options.dataDirectory,
      withIntermediateDirectories: true
    )
    let connection = try SQLiteConnection(path: options.databasePath)
    try connection.execute("CREATE TABLE notes (body TEXT)")
    let error = await #expect(throws: StoreError.self) { _ = try await SQLiteStore.open(options) }
    #expect(error?.code == .foreignDatabase)
  }

  @Test("a data directory in use by another store is refused until it closes")
  func locked() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let options = directory.options()
    let first = try await SQLiteStore.open(options)
    let error = await #expect(throws: StoreError.self) { _ = try await SQLiteStore.open(options) }
    #expect(error?.code == .locked)
    await first.close()
    let second = try await SQLiteStore.open(options)
    await second.close()
  }

  @Test("a data directory that cannot be created is reported")
  func cannotCreate() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    _ = FileManager.default.createFile(atPath: directory.path + "/file", contents: Data())
    let error = await #expect(throws: StoreError.self) {
      _ = try await SQLiteStore.open(
        SQLiteStore.Options(dataDirectory: directory.path + "/file/data")
      )
    }
    #expect(error?.code == .cannotOpen)
    #expect(
      error?.message.hasPrefix("cannot create the data directory \(directory.path)/file/data")
        == true
    )
  }
}
