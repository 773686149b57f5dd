/// Schema version 2: who started each conversation (so a start retried with the same
/// idempotency key by the same caller is still a duplicate after a restart), and the `meta` row
/// the write probe updates.
///
/// Rows written by version 1 keep NULL starters: the caller was not stored then.
enum SchemaV2 {
  static let sql = """
    -- The caller who started the conversation: its role (`StoredCode`) and the token's subject.
    ALTER TABLE conversations ADD COLUMN started_by_role TEXT;
    ALTER TABLE conversations ADD COLUMN started_by_id TEXT;

    -- The time (nanoseconds since the epoch) of the last write probe that committed.
    INSERT INTO meta (key, value) VALUES ('write_probe', '0');
    """
}
