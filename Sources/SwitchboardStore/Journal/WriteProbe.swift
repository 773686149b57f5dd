internal import SwitchboardCore

/// The write probe behind `SQLiteStore.probeWrite()`: one small transaction outside the journal,
/// on the writer's connection (so with its `synchronous` level), that records the probe's time
/// in `meta` and writes and deletes a 16 KiB row.
///
/// The row makes the probe need a few free pages, as the next journal batch will: while the
/// disk is full (or `max_page_count` is reached) the probe fails until the database can grow
/// again, instead of succeeding on an in-place update while every real batch still fails. The
/// pages it frees stay in the file for the next batch.
enum WriteProbe {
  /// Size of the row written and deleted, in bytes (`hex(zeroblob(n))` doubles `n`).
  static let roomBytes = 16_384

  /// Runs the probe in its own transaction; throws what SQLite reports if it cannot commit.
  static func write(_ connection: SQLiteConnection, at time: WallTime) throws(SQLiteError) {
    try connection.transaction(immediate: true) { () throws(SQLiteError) in
      try connection.cached(
        "INSERT INTO meta (key, value) VALUES ('write_probe_room', hex(zeroblob(?)))"
      ).run([.int(roomBytes / 2)])
      try connection.cached("DELETE FROM meta WHERE key = 'write_probe_room'").run()
      try connection.cached("UPDATE meta SET value = ? WHERE key = 'write_probe'").run([
        .text(String(time.nanosecondsSinceEpoch))
      ])
    }
  }
}

extension CoreError {
  /// The error for a write the store could not make (disk full, read-only file or directory,
  /// I/O error, a record that contradicts the stored state): `unavailable`, naming the
  /// database, SQLite's message and `consequence`.
  static func storeCannotWrite(
    to path: String,
    _ error: SQLiteError,
    _ consequence: String
  ) -> CoreError {
    CoreError(
      .unavailable,
      "the store could not write to \(path): \(error.message); \(consequence)"
    )
  }
}
