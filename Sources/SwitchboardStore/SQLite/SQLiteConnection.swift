internal import CSQLite

/// One connection to an SQLite database: statements, a statement cache and transactions.
///
/// Not thread-safe by design: each connection is opened, used and closed on one dedicated
/// thread (see `DatabaseThread`), so it is opened without SQLite's per-connection mutex.
final class SQLiteConnection {
  /// How to open the file.
  enum Mode {
    /// Read and write; create the file if it does not exist.
    case create
    /// Read and write an existing file.
    case readWrite
  }

  /// The database file's path.
  let path: String
  private let handle: OpaquePointer
  private var statements: [String: SQLiteStatement] = [:]

  /// Opens `path`. Opening does not read the file: a file that is not a database fails on the
  /// first statement (`SQLITE_NOTADB`).
  init(path: String, mode: Mode = .create) throws(SQLiteError) {
    var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
    switch mode {
    case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    case .readWrite: flags |= SQLITE_OPEN_READWRITE
    }
    var opened: OpaquePointer?
    let result = sqlite3_open_v2(path, &opened, flags, nil)
    guard result == SQLITE_OK, let opened else {
      let message =
        opened.map { String(cString: sqlite3_errmsg($0)) }
        ?? String(cString: sqlite3_errstr(result))
      sqlite3_close_v2(opened)
      throw SQLiteError(code: result, message: "cannot open \(path): \(message)")
    }
    self.path = path
    self.handle = opened
    sqlite3_extended_result_codes(opened, 1)
  }

  deinit {
    // Statements are finalized first; `close_v2` would otherwise keep a zombie connection.
    statements.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Runs one or more SQL statements that return no rows.
  func execute(_ sql: String) throws(SQLiteError) {
    var message: UnsafeMutablePointer<CChar>?
    let result = sqlite3_exec(handle, sql, nil, nil, &message)
    guard result == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(result))
      sqlite3_free(message)
      throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
    }
  }

  /// Prepares a statement owned by the caller.
  func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
    try prepare(sql, flags: 0)
  }

  /// The cached statement for `sql`, prepared on first use and kept for the connection's life.
  func cached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
    if let statement = statements[sql] { return statement }
    let statement = try prepare(sql, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
    statements[sql] = statement
    return statement
  }

  /// Runs `body` in a transaction: `BEGIN IMMEDIATE` (takes the write lock at once) for writes,
  /// `BEGIN DEFERRED` for reads (a consistent snapshot in WAL mode). Commits if `body` returns,
  /// rolls back if it throws or the commit fails.
  func transaction<Result>(
    immediate: Bool,
    _ body: () throws(SQLiteError) -> Result
  ) throws(SQLiteError) -> Result {
    try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      rollback()
      throw error
    }
  }

  /// Rolls back the open transaction, if any (SQLite may already have rolled it back after an
  /// I/O error or a full disk).
  func rollback() {
    if isInTransaction { _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
  }

  /// True while a transaction is open.
  var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

  /// Rows changed by the last INSERT, UPDATE or DELETE.
  var changes: Int { Int(sqlite3_changes64(handle)) }

  /// How long a statement waits for another connection's lock before failing with
  /// `SQLITE_BUSY`.
  func setBusyTimeout(milliseconds: Int32) {
    sqlite3_busy_timeout(handle, milliseconds)
  }

  /// The integer in the first column of the first row (a `PRAGMA` such as `user_version`), or
  /// `nil` without a row.
  func integer(_ sql: String) throws(SQLiteError) -> Int64? {
    try prepare(sql).first { row throws(SQLiteError) in try row.int64(0) }
  }

  /// The text of the first column of every row (`PRAGMA compile_options`, `journal_mode` …).
  func texts(_ sql: String) throws(SQLiteError) -> [String] {
    try prepare(sql).query { row throws(SQLiteError) in try row.string(0) }
  }

  private func prepare(_ sql: String, flags: UInt32) throws(SQLiteError) -> SQLiteStatement {
    var statement: OpaquePointer?
    let result = sqlite3_prepare_v3(handle, sql, -1, flags, &statement, nil)
    guard result == SQLITE_OK, let statement else {
      throw SQLiteError(handle: handle, code: result, sql: sql)
    }
    return SQLiteStatement(sql: sql, handle: statement, database: handle)
  }
}

extension SQLiteError {
  /// The error SQLite reports on `database` for a call that returned `code`.
  init(handle database: OpaquePointer, code: Int32, sql: String?) {
    let extended = sqlite3_extended_errcode(database)
    self.init(
      code: extended & 0xFF == code & 0xFF ? extended : code,
      message: String(cString: sqlite3_errmsg(database)),
      sql: sql
    )
  }
}
