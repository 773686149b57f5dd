internal import CSQLite

/// A failed SQLite call: the (extended) result code, SQLite's message, and the statement that
/// failed, if any.
struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The extended result code (`SQLITE_IOERR_WRITE` …); `primaryCode` is its low byte.
  var code: Int32
  /// SQLite's message (`sqlite3_errmsg`), e.g. "database or disk is full".
  var message: String
  /// The SQL that failed, when the failure belongs to one statement.
  var sql: String?

  /// An error with a code, a message and optionally the failing SQL.
  init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  /// The primary result code (`SQLITE_FULL`, `SQLITE_CORRUPT` …).
  var primaryCode: Int32 { code & 0xFF }

  /// SQLite's name-like description of the primary code ("database or disk is full").
  var codeDescription: String { String(cString: sqlite3_errstr(primaryCode)) }

  /// True for the codes that mean the file is not a usable database.
  var isCorruption: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }

  var description: String {
    var text = "SQLite error \(code) (\(codeDescription)): \(message)"
    if let sql { text += " [in: \(sql)]" }
    return text
  }
}

extension SQLiteError {
  /// A stored value the store cannot read back (`SQLITE_CORRUPT`): `what` names it (table and
  /// column, or JSON field), `reason` says what is wrong.
  static func corruptValue(_ what: String, _ reason: String) -> SQLiteError {
    SQLiteError(code: SQLITE_CORRUPT, message: "stored \(what) is unreadable: \(reason)")
  }

  /// A journal record that contradicts what is stored (an offer ended that was never made, an
  /// event for an unknown conversation …), reported as a constraint failure.
  static func inconsistent(_ message: String) -> SQLiteError {
    SQLiteError(code: SQLITE_CONSTRAINT, message: message)
  }
}
