/// Versioned schema migrations, recorded in `PRAGMA user_version`, with `PRAGMA application_id`
/// marking the file as Switchboard's.
///
/// Each migration runs in its own transaction together with the version bump, so a crash
/// leaves the database at the previous version, never half migrated. A database whose version
/// is newer than the newest migration here, a file of another program, or a corrupt file stops
/// the start with a `StoreError`; nothing is ever reset.
enum Migrator {
  /// "SWBD": written into the database header by the first migration.
  static let applicationID: Int64 = 0x5357_4244

  /// Every migration, oldest first; version N is the N-th.
  static let migrations: [String] = [SchemaV1.sql, SchemaV2.sql]

  /// The schema version this build writes.
  static var latestVersion: Int64 { Int64(migrations.count) }

  /// Checks the file's version and owner, then applies the missing migrations.
  static func migrate(_ connection: SQLiteConnection) throws(StoreError) {
    let path = connection.path
    let version = try inspect(connection)
    guard version < latestVersion else { return }
    for (index, sql) in migrations.enumerated() where Int64(index + 1) > version {
      let target = index + 1
      do {
        try connection.transaction(immediate: true) { () throws(SQLiteError) in
          try connection.execute(sql)
          try connection.execute("PRAGMA application_id = \(applicationID)")
          try connection.execute("PRAGMA user_version = \(target)")
        }
      } catch {
        throw StoreError(error, path: path, doing: "migrating the schema to version \(target)")
      }
    }
  }

  /// The file's schema version (0 for a new, empty file); throws for a newer, foreign or
  /// corrupt file.
  static func inspect(_ connection: SQLiteConnection) throws(StoreError) -> Int64 {
    let path = connection.path
    let version: Int64
    let owner: Int64
    let objects: Int64
    do {
      version = try connection.integer("PRAGMA user_version") ?? 0
      owner = try connection.integer("PRAGMA application_id") ?? 0
      objects = try connection.integer("SELECT count(*) FROM sqlite_master") ?? 0
    } catch {
      throw StoreError(error, path: path, doing: "reading the schema version")
    }
    if version == 0 && objects == 0 { return 0 }
    guard owner == applicationID else {
      throw StoreError(
        .foreignDatabase,
        "\(path) is an SQLite database but not Switchboard's (application_id \(owner), user_version "
          + "\(version)); point --data-dir at another directory"
      )
    }
    guard version <= latestVersion else {
      throw StoreError(
        .newerSchema,
        "the database \(path) has schema version \(version), newer than this build's "
          + "\(latestVersion); run a newer switchboard, or restore a backup made by this version"
      )
    }
    return version
  }
}
