public import SwitchboardCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif

/// Read-only access to the transcripts in a data directory, for tools that run beside the
/// server (`switchboard transcripts export`).
///
/// Unlike `SQLiteStore.open` it neither creates nor migrates anything and does not take the
/// directory's lock: in WAL mode it reads the last committed state while a server writes. Its
/// connection is `query_only`, on a reader thread of its own like the store's.
public final class TranscriptArchive: Sendable {
  /// The database file's path.
  public let databasePath: String
  private let reader: ReaderThread

  private init(databasePath: String, reader: ReaderThread) {
    self.databasePath = databasePath
    self.reader = reader
  }

  /// Opens the database in `dataDirectory` for reading. Throws a `StoreError` that says what is
  /// wrong if there is no database, or it is corrupt, foreign, or of another schema version
  /// than this build's.
  public static func open(dataDirectory: String) async throws(StoreError) -> TranscriptArchive {
    let path = SQLiteStore.Options(dataDirectory: dataDirectory).databasePath
    guard access(path, F_OK) == 0 else {
      throw StoreError(
        .cannotOpen,
        "there is no database at \(path) (\(String(cString: strerror(errno)))); "
          + "check --data-dir: a server writes it there once it has started"
      )
    }
    let reader = try await ReaderThread.start { () throws(StoreError) in
      let connection: SQLiteConnection
      do throws(SQLiteError) {
        connection = try SQLiteConnection(path: path, mode: .readWrite)
        try connection.execute("PRAGMA query_only = ON")
        connection.setBusyTimeout(milliseconds: 5_000)
      } catch {
        throw StoreError(error, path: path, doing: "opening the database for reading")
      }
      let version = try Migrator.inspect(connection)
      guard version == Migrator.latestVersion else {
        throw StoreError(
          .cannotOpen,
          "the database \(path) has schema version \(version), this build reads version "
            + "\(Migrator.latestVersion); start `switchboard serve` of this version on it once "
            + "to migrate it"
        )
      }
      return connection
    }
    return TranscriptArchive(databasePath: path, reader: reader)
  }

  /// Up to `limit` full transcripts (the internal view) that `filter` and `reach` select,
  /// oldest closed first, after the one whose resume token is `resumeToken` (empty: from the
  /// start); as `Store.exportTranscripts`.
  public func exportTranscripts(
    _ filter: TranscriptFilter,
    reach: TranscriptReach,
    resumeToken: String,
    limit: Int
  ) async throws(CoreError) -> [ExportedTranscript] {
    let after =
      resumeToken.isEmpty ? nil : try TranscriptKey(token: resumeToken, field: "resume_token")
    do {
      return try await reader.read { connection throws(SQLiteError) in
        try connection.transaction(immediate: false) { () throws(SQLiteError) in
          try TranscriptReader(connection: connection).export(
            filter,
            reach: reach,
            after: after,
            limit: max(0, limit)
          )
        }
      }
    } catch {
      throw CoreError(.unavailable, "storage: could not export transcripts: \(error.message)")
    }
  }

  /// Closes the connection and ends the reader thread.
  public func close() async {
    await reader.close()
  }
}
