internal import CSQLite

/// A prepared statement: bind parameters, step through rows, reset to run again.
///
/// Not thread-safe: it belongs to its connection's thread, like the connection.
final class SQLiteStatement {
  /// The SQL it was prepared from.
  let sql: String
  private let handle: OpaquePointer
  /// The connection's handle, for error messages; it outlives its statements because
  /// `sqlite3_close_v2` waits for them to be finalized.
  private let database: OpaquePointer

  init(sql: String, handle: OpaquePointer, database: OpaquePointer) {
    self.sql = sql
    self.handle = handle
    self.database = database
  }

  deinit { sqlite3_finalize(handle) }

  /// Number of `?` parameters.
  var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

  /// Resets the statement and binds `values` to its parameters, in order; the count must match.
  func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
    sqlite3_reset(handle)
    guard values.count == parameterCount else {
      throw SQLiteError(
        code: SQLITE_RANGE,
        message: "statement has \(parameterCount) parameters, \(values.count) values given",
        sql: sql
      )
    }
    for (offset, value) in values.enumerated() {
      try check(bind(value, at: Int32(offset + 1)))
    }
  }

  /// Advances to the next row: true while there is one, false when done.
  func step() throws(SQLiteError) -> Bool {
    let result = sqlite3_step(handle)
    switch result {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      // Read the message before resetting: `sqlite3_reset` may overwrite it.
      let error = SQLiteError(handle: database, code: result, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Binds `values` and runs the statement to completion (for statements returning no rows).
  func run(_ values: [SQLiteValue] = []) throws(SQLiteError) {
    try bind(values)
    while try step() {}
    sqlite3_reset(handle)
  }

  /// Binds `values` and maps every row with `transform`.
  func query<Row>(
    _ values: [SQLiteValue] = [],
    _ transform: (SQLiteRow) throws(SQLiteError) -> Row
  ) throws(SQLiteError) -> [Row] {
    try bind(values)
    defer { sqlite3_reset(handle) }
    var rows: [Row] = []
    while try step() { rows.append(try transform(SQLiteRow(handle: handle, sql: sql))) }
    return rows
  }

  /// Binds `values` and maps the first row, or returns `nil` if there is none.
  func first<Row>(
    _ values: [SQLiteValue] = [],
    _ transform: (SQLiteRow) throws(SQLiteError) -> Row
  ) throws(SQLiteError) -> Row? {
    try bind(values)
    defer { sqlite3_reset(handle) }
    guard try step() else { return nil }
    return try transform(SQLiteRow(handle: handle, sql: sql))
  }

  private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
    switch value {
    case .null:
      return sqlite3_bind_null(handle, index)
    case .integer(let integer):
      return sqlite3_bind_int64(handle, index, integer)
    case .text(var text):
      return text.withUTF8 { bytes in
        // An empty buffer may have no base address; SQLite would bind NULL for a null pointer.
        guard let base = bytes.baseAddress else {
          return CSQLite_bind_text_transient(handle, index, "", 0)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
          CSQLite_bind_text_transient(handle, index, $0, Int32(bytes.count))
        }
      }
    }
  }

  private func check(_ result: Int32) throws(SQLiteError) {
    guard result == SQLITE_OK else { throw SQLiteError(handle: database, code: result, sql: sql) }
  }
}

/// The current row of a statement, read by column index (0-based).
///
/// Valid only inside the closure it is passed to. Reading a column with the wrong type or a
/// NULL where a value is required throws: stored data never crashes the reader.
struct SQLiteRow {
  fileprivate let handle: OpaquePointer
  fileprivate let sql: String

  /// True if the column is NULL.
  func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(handle, column) == SQLITE_NULL
  }

  /// An integer column; NULL is an error.
  func int64(_ column: Int32) throws(SQLiteError) -> Int64 {
    try require(column, SQLITE_INTEGER, "an integer")
    return sqlite3_column_int64(handle, column)
  }

  /// An integer column or `nil` for NULL.
  func optionalInt64(_ column: Int32) throws(SQLiteError) -> Int64? {
    isNull(column) ? nil : try int64(column)
  }

  /// An integer column as `Int`.
  func int(_ column: Int32) throws(SQLiteError) -> Int { Int(try int64(column)) }

  /// An integer column as `UInt64` (the bit pattern stored by `SQLiteValue.uint64`).
  func uint64(_ column: Int32) throws(SQLiteError) -> UInt64 {
    UInt64(bitPattern: try int64(column))
  }

  /// An integer column as a Boolean (non-zero is true).
  func bool(_ column: Int32) throws(SQLiteError) -> Bool { try int64(column) != 0 }

  /// A text column; NULL is an error.
  func string(_ column: Int32) throws(SQLiteError) -> String {
    try require(column, SQLITE_TEXT, "text")
    guard let text = sqlite3_column_text(handle, column) else { return "" }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// A text column or `nil` for NULL.
  func optionalString(_ column: Int32) throws(SQLiteError) -> String? {
    isNull(column) ? nil : try string(column)
  }

  private func require(_ column: Int32, _ type: Int32, _ name: String) throws(SQLiteError) {
    guard sqlite3_column_type(handle, column) == type else { throw mismatch(column, name) }
  }

  private func mismatch(_ column: Int32, _ expected: String) -> SQLiteError {
    let name = sqlite3_column_name(handle, column).map { String(cString: $0) } ?? "#\(column)"
    return SQLiteError(
      code: SQLITE_MISMATCH,
      message: "column \(name) holds \(describeType(column)), expected \(expected)",
      sql: sql
    )
  }

  private func describeType(_ column: Int32) -> String {
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: "an integer"
    case SQLITE_FLOAT: "a real"
    case SQLITE_TEXT: "text"
    case SQLITE_BLOB: "a blob"
    default: "NULL"
    }
  }
}
