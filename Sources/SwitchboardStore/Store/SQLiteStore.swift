public import SwitchboardCore

/// The embedded `Store`: one SQLite database in WAL mode under the data directory.
///
/// - One writer thread (`JournalWriter`) owns the write connection and group-commits journal
///   appends; retention purges run on it between batches.
/// - One reader thread owns a read connection for recovery and transcripts; in WAL mode it
///   reads the last committed state while the writer writes, so reads keep working when
///   writes fail (a full disk, a read-only file).
/// - `SyncMode.full` (`synchronous=FULL`) makes every commit survive power loss;
///   `SyncMode.normal` survives a process crash and may lose the last commits on power loss.
public final class SQLiteStore: Store {
  /// Where and how to store.
  public struct Options: Sendable, Hashable {
    /// The database's file name inside the data directory.
    public static let fileName = "switchboard.sqlite"

    /// The data directory (created if missing; default `./switchboard-data`).
    public var dataDirectory: String
    /// What a commit survives (default `full`).
    public var sync: SyncMode
    /// When batches commit.
    public var groupCommit: GroupCommitPolicy

    /// Options; the defaults are the server's.
    public init(
      dataDirectory: String = "./switchboard-data",
      sync: SyncMode = .full,
      groupCommit: GroupCommitPolicy = GroupCommitPolicy()
    ) {
      self.dataDirectory = dataDirectory
      self.sync = sync
      self.groupCommit = groupCommit
    }

    /// The database file's path.
    public var databasePath: String { dataDirectory + "/" + Self.fileName }
  }

  /// What a commit survives (`--sync`).
  public enum SyncMode: String, Sendable, Hashable, CaseIterable {
    /// `synchronous=FULL`: every commit is on disk before it returns (survives power loss).
    case full
    /// `synchronous=NORMAL`: commits survive a crash of the process; power loss may take the
    /// last ones.
    case normal
  }

  /// The options it was opened with.
  public let options: Options
  /// The journal the registry writes to.
  public let journal: JournalWriter
  private let reader: ReaderThread
  private let directory: DataDirectory

  /// Transactions per purge step, so journal appends interleave with a long purge.
  static let purgeBatch = 200

  private init(
    options: Options,
    journal: JournalWriter,
    reader: ReaderThread,
    directory: DataDirectory
  ) {
    self.options = options
    self.journal = journal
    self.reader = reader
    self.directory = directory
  }

  /// Opens (creating or migrating) the database under `options.dataDirectory`. Throws a
  /// `StoreError` that says what to do if the directory is unusable or locked, or the file is
  /// corrupt, foreign or from a newer version; never resets a database.
  public static func open(_ options: Options = Options()) async throws(StoreError) -> SQLiteStore {
    let directory = try DataDirectory(path: options.dataDirectory)
    let path = options.databasePath
    let sync = options.sync
    let journal = try await JournalWriter.start(policy: options.groupCommit) {
      () throws(StoreError) in
      try openWriter(path: path, sync: sync)
    }
    let reader: ReaderThread
    do {
      reader = try await ReaderThread.start { () throws(StoreError) in try openReader(path: path) }
    } catch {
      await journal.close()
      throw error
    }
    return SQLiteStore(options: options, journal: journal, reader: reader, directory: directory)
  }

  private static func openWriter(
    path: String,
    sync: SyncMode
  ) throws(StoreError) -> SQLiteConnection {
    let connection: SQLiteConnection
    do {
      connection = try SQLiteConnection(path: path, mode: .create)
    } catch {
      throw StoreError(.cannotOpen, error.message)
    }
    _ = try Migrator.inspect(connection)
    do throws(SQLiteError) {
      let mode = try connection.texts("PRAGMA journal_mode = WAL")
      guard mode == ["wal"] else {
        throw SQLiteError(
          code: 1,
          message: "the database cannot use WAL mode (journal_mode is \(mode))"
        )
      }
      try connection.execute("PRAGMA synchronous = \(sync == .full ? "FULL" : "NORMAL")")
      try connection.execute("PRAGMA foreign_keys = ON")
      connection.setBusyTimeout(milliseconds: 5_000)
    } catch {
      throw StoreError(error, path: path, doing: "configuring the connection")
    }
    try Migrator.migrate(connection)
    return connection
  }

  private static func openReader(path: String) throws(StoreError) -> SQLiteConnection {
    do {
      let connection = try SQLiteConnection(path: path, mode: .readWrite)
      try connection.execute("PRAGMA query_only = ON")
      connection.setBusyTimeout(milliseconds: 5_000)
      return connection
    } catch {
      throw StoreError(error, path: path, doing: "opening the read connection")
    }
  }

  // MARK: Store

  public func append(_ records: [JournalRecord]) async throws(CoreError) {
    try await journal.append(records)
  }

  public func loadForRecovery(_ request: RecoveryRequest) async throws(StoreError) -> RecoveredState
  {
    do {
      return try await reader.read { connection throws(SQLiteError) in
        try RecoveryReader(connection: connection, request: request).read()
      }
    } catch {
      throw StoreError(error, path: options.databasePath, doing: "reading the state to recover")
    }
  }

  public func probeWrite() async throws(CoreError) {
    let now = SystemClock().now
    do {
      try await journal.perform { connection throws(SQLiteError) in
        try WriteProbe.write(connection, at: now)
      }
    } catch {
      throw CoreError.storeCannotWrite(
        to: options.databasePath,
        error,
        "writes stay refused until it can"
      )
    }
  }

  public func feedEvents(
    after position: UInt64,
    kinds: Set<ExternalEventKind>,
    limit: Int
  ) async throws(CoreError)
    -> [ExternalEvent]
  {
    let codes = kinds.map { SQLiteValue.text($0.storedCode) }
    let filter =
      codes.isEmpty
      ? "" : "AND kind IN (\(Array(repeating: "?", count: codes.count).joined(separator: ", ")))"
    return try await read("read the event feed") { connection throws(SQLiteError) in
      try connection.prepare(
        "SELECT \(StoredRows.feedColumns) FROM external_events WHERE position > ? \(filter) ORDER BY position LIMIT ?"
      ).query([.uint64(position)] + codes + [.int(max(0, limit))], StoredRows.feedEvent)
    }
  }

  public func transcript(conversationID: String) async throws(CoreError) -> StoredTranscript? {
    try await read("read the transcript of \(conversationID)") { connection throws(SQLiteError) in
      try connection.transaction(immediate: false) { () throws(SQLiteError) in
        try TranscriptReader(connection: connection).transcript(conversationID)
      }
    }
  }

  public func searchTranscripts(
    _ filter: TranscriptFilter,
    text: String,
    reach: TranscriptReach,
    pageSize: Int,
    pageToken: String
  ) async throws(CoreError) -> TranscriptSearchResult {
    guard pageSize >= 1 else {
      throw CoreError(.invalidArgument, "page_size \(pageSize) must be at least 1")
    }
    let after = pageToken.isEmpty ? nil : try TranscriptKey(token: pageToken, field: "page_token")
    return try await read("search transcripts") { connection throws(SQLiteError) in
      try connection.transaction(immediate: false) { () throws(SQLiteError) in
        try TranscriptReader(connection: connection).search(
          filter,
          text: text,
          reach: reach,
          pageSize: pageSize,
          after: after
        )
      }
    }
  }

  public func exportTranscripts(
    _ filter: TranscriptFilter,
    reach: TranscriptReach,
    resumeToken: String,
    limit: Int
  ) async throws(CoreError) -> [ExportedTranscript] {
    let after =
      resumeToken.isEmpty ? nil : try TranscriptKey(token: resumeToken, field: "resume_token")
    return try await read("export transcripts") { connection throws(SQLiteError) in
      try connection.transaction(immediate: false) { () throws(SQLiteError) in
        try TranscriptReader(connection: connection).export(
          filter,
          reach: reach,
          after: after,
          limit: max(0, limit)
        )
      }
    }
  }

  public func purgeTranscripts(closedBefore cutoff: WallTime) async throws(CoreError) -> Int {
    var purged = 0
    while true {
      let deleted: Int
      do {
        deleted = try await journal.perform { connection throws(SQLiteError) in
          try Retention.purgeStep(connection, closedBefore: cutoff, limit: Self.purgeBatch)
        }
      } catch {
        throw CoreError(
          .unavailable,
          "storage: could not purge transcripts: \(error.message); retry later"
        )
      }
      purged += deleted
      if deleted < Self.purgeBatch { return purged }
    }
  }

  public func close() async {
    await journal.close()
    await reader.close()
    directory.unlock()
  }

  private func read<Value: Sendable>(
    _ action: String,
    _ body: @escaping @Sendable (SQLiteConnection) throws(SQLiteError) -> Value
  ) async throws(CoreError) -> Value {
    do {
      return try await reader.read(body)
    } catch {
      throw CoreError(.unavailable, "storage: could not \(action): \(error.message)")
    }
  }
}
