import Foundation
import Testing

@testable import SwitchboardStore

@Suite("SQLite wrapper")
struct SQLiteWrapperTests {
  @Test("binds and reads every value type, empty and non-ASCII text included")
  func bindAndRead() throws {
    let connection = try SQLiteConnection(path: ":memory:")
    try connection.execute("CREATE TABLE t (i INTEGER, s TEXT, b INTEGER, n TEXT)")
    let insert = try connection.prepare("INSERT INTO t VALUES (?, ?, ?, ?)")
    try insert.run([.integer(Int64.min), .text("grüße 👋 \u{0}after NUL"), .bool(true), .null])
    try insert.run([.uint64(UInt64.max), .text(""), .bool(false), .text(nil)])
    try insert.run([.int(7), .text("x"), .integer(nil), .text(Optional("set"))])
    #expect(connection.changes == 1)
    let rows = try connection.prepare("SELECT i, s, b, n FROM t ORDER BY rowid").query {
      row throws(SQLiteError) in
      (
        try row.int64(0), try row.string(1), try row.optionalInt64(2), try row.optionalString(3),
        row.isNull(3)
      )
    }
    #expect(rows.count == 3)
    #expect(rows[0].0 == Int64.min && rows[0].1 == "grüße 👋 \u{0}after NUL" && rows[0].2 == 1)
    #expect(rows[0].3 == nil && rows[0].4)
    #expect(UInt64(bitPattern: rows[1].0) == UInt64.max)
    // Empty text stays text (not NULL).
    #expect(rows[1].1 == "" && rows[1].2 == 0 && rows[1].4)
    #expect(rows[2].2 == nil && rows[2].3 == "set" && !rows[2].4)
    #expect(try connection.integer("SELECT count(*) FROM t WHERE s = ''") == 1)
    let reread = try connection.prepare("SELECT i, b FROM t WHERE rowid = 2").first {
      row throws(SQLiteError) in
      (try row.uint64(0), try row.bool(1), try row.int(1))
    }
    #expect(reread?.0 == UInt64.max && reread?.1 == false && reread?.2 == 0)
  }

  @Test("a statement error carries the code, SQLite's message and the SQL")
  func prepareError() throws {
    let connection = try SQLiteConnection(path: ":memory:")
    let error = #expect(throws: SQLiteError.self) { try connection.prepare("SELEC 1") }
    #expect(error?.primaryCode == 1)
    #expect(error?.message.contains("syntax error") == true)
    #expect(error?.sql == "SELEC 1")
    #expect(error?.description.contains("SQL logic error") == true)
  }

  @Test("a constraint violation reports the extended code and leaves the statement reusable")
  func constraintError() throws {
    let connection = try SQLiteConnection(path: ":memory:")
    try connection.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
    let insert = try connection.cached("INSERT INTO t VALUES (?)")
    try insert.run([.text("a")])
    let error = #expect(throws: SQLiteError.self) { try insert.run([.text("a")]) }
    #expect(error?.code == 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
    #expect(error?.primaryCode == 19)  // SQLITE_CONSTRAINT
    #expect(error?.message.contains("UNIQUE constraint failed: t.k") == true)
    try insert.run([.text("b")])
    #expect(try connection.integer("SELECT count(*) FROM t") == 2)
  }

  @Test("reading a column with the wrong type or a wrong parameter count throws, not crashes")
  func mismatches() throws {
    let connection = try SQLiteConnection(path: ":memory:")
    let mismatch = #expect(throws: SQLiteError.self) {
      _ = try connection.prepare("SELECT 'text' AS word").first { row throws(SQLiteError) in
        try row.int64(0)
      }
    }
    #expect(mismatch?.primaryCode == 20)  // SQLITE_MISMATCH
    #expect(mismatch?.message == "column word holds text, expected an integer")
    let missingNull = #expect(throws: SQLiteError.self) {
      _ = try connection.prepare("SELECT NULL AS missing").first { row throws(SQLiteError) in
        try row.string(0)
      }
    }
    #expect(missingNull?.message == "column missing holds NULL, expected text")
    let range = #expect(throws: SQLiteError.self) {
      try connection.prepare("SELECT ?, ?").run([.int(1)])
    }
    #expect(range?.primaryCode == 25)  // SQLITE_RANGE
  }

  @Test("a transaction commits when its body returns and rolls back when it throws")
  func transactions() throws {
    let connection = try SQLiteConnection(path: ":memory:")
    try connection.execute("CREATE TABLE t (k INTEGER)")
    try connection.transaction(immediate: true) { () throws(SQLiteError) in
      try connection.execute("INSERT INTO t VALUES (1)")
    }
    #expect(throws: SQLiteError.self) {
      try connection.transaction(immediate: true) { () throws(SQLiteError) in
        try connection.execute("INSERT INTO t VALUES (2)")
        try connection.execute("INSERT INTO missing VALUES (3)")
      }
    }
    #expect(!connection.isInTransaction)
    #expect(try connection.integer("SELECT count(*) FROM t") == 1)
    #expect(try connection.integer("SELECT k FROM t") == 1)
  }

  @Test("Debian's libsqlite3 has FTS5 and JSON built in (the store relies on both)")
  func compileOptions() throws {
    let connection = try SQLiteConnection(path: ":memory:")
    let options = try connection.texts("PRAGMA compile_options")
    #expect(options.contains("ENABLE_FTS5"))
    #expect(try connection.texts("SELECT json_extract('{\"a\":\"b\"}', '$.a')") == ["b"])
  }

  @Test("a file of random bytes is reported as not a database on the first statement")
  func notADatabase() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path + "/random.sqlite"
    var generator = SystemRandomNumberGenerator()
    let bytes = (0 ..< 8192).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    let connection = try SQLiteConnection(path: path)
    let error = #expect(throws: SQLiteError.self) {
      _ = try connection.integer("PRAGMA user_version")
    }
    #expect(error?.primaryCode == 26)  // SQLITE_NOTADB
    #expect(error?.isCorruption == true)
  }
}
