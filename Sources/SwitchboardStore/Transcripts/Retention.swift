internal import SwitchboardCore

/// Retention: deleting the transcripts of conversations closed before a cutoff.
enum Retention {
  /// Deletes up to `limit` conversations closed before `cutoff`, oldest first, in one
  /// transaction; returns how many. Their child rows follow by `ON DELETE CASCADE`, their index
  /// entry and feed events by the `conversations_purged` trigger; `id_counters` and
  /// `sqlite_sequence` keep the highest ids and feed position.
  static func purgeStep(
    _ connection: SQLiteConnection,
    closedBefore cutoff: WallTime,
    limit: Int
  )
    throws(SQLiteError) -> Int
  {
    try connection.transaction(immediate: true) { () throws(SQLiteError) -> Int in
      try connection.cached(
        """
        DELETE FROM conversations WHERE row_key IN (
          SELECT row_key FROM conversations WHERE closed_at IS NOT NULL AND closed_at < ?
          ORDER BY closed_at LIMIT ?)
        """
      ).run([.integer(cutoff.nanosecondsSinceEpoch), .int(limit)])
      return connection.changes
    }
  }
}
