/// Why a store could not be opened (or went away): start-up reports it and exits non-zero.
///
/// The store never repairs or resets a database on its own: a file from a newer version, a
/// corrupt file or a file of another program stays untouched, and the message says what to do.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kind of failure.
  public enum Code: Sendable, Hashable, CaseIterable {
    /// The data directory or the database file cannot be created or opened.
    case cannotOpen
    /// Another process holds the data directory's lock.
    case locked
    /// The database was written by a newer Switchboard (its schema version is unknown here).
    case newerSchema
    /// The file is not an SQLite database, or SQLite found it damaged.
    case corrupt
    /// An SQLite database, but not one of Switchboard's.
    case foreignDatabase
    /// Any other SQLite failure while opening, migrating or reading.
    case storage
  }

  /// The kind of failure.
  public var code: Code
  /// What went wrong and what to do, for an operator.
  public var message: String

  /// An error with a code and a message.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}

extension StoreError {
  /// The store error for an SQLite failure on the database at `path` while `doing` something.
  init(_ error: SQLiteError, path: String, doing: String) {
    if error.isCorruption {
      self.init(
        .corrupt,
        "the database \(path) is corrupt or not an SQLite database (\(error.message)) while \(doing); "
          + "restore it from a backup or move it away to start empty (Switchboard never resets it itself)"
      )
    } else {
      self.init(.storage, "storage failure on \(path) while \(doing): \(error.message)")
    }
  }
}
