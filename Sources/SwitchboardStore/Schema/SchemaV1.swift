/// Schema version 1: a table per kind of journal record, the full-text index of closed
/// transcripts, and the triggers that keep event sequences gapless and purges complete.
///
/// Conventions: times are integer nanoseconds since the Unix epoch (UTC), durations integer
/// nanoseconds, enumerations their `StoredCode` text (priorities their number, so they sort),
/// lists and nested values JSON text. Tables whose rows are read in insertion order have an
/// integer `row_key`.
enum SchemaV1 {
  static let sql = """
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Highest number used per id prefix ("c" for c-17, "o" for o-5): survives purges, so new ids
    -- never reuse old ones.
    CREATE TABLE id_counters (
      prefix TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE queues (
      queue_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      topics TEXT NOT NULL,
      offer_timeout_ns INTEGER,
      offer_mode TEXT NOT NULL,
      max_wait_ns INTEGER,
      overflow_queue_id TEXT,
      default_priority INTEGER NOT NULL,
      supervisor_ids TEXT NOT NULL,
      required_skills TEXT NOT NULL,
      version INTEGER NOT NULL,
      updated_at INTEGER
    ) WITHOUT ROWID;

    CREATE TABLE agents (
      agent_id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL,
      queue_ids TEXT NOT NULL,
      capacity INTEGER NOT NULL,
      skills TEXT NOT NULL,
      updated_at INTEGER
    ) WITHOUT ROWID;

    CREATE TABLE agent_presence (
      agent_id TEXT PRIMARY KEY,
      presence TEXT NOT NULL,
      reason TEXT NOT NULL,
      since INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- Every category ever stored (retired ones too); `position` keeps the order they were given in.
    CREATE TABLE resolution_categories (
      category_id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      description TEXT NOT NULL,
      requires_notes INTEGER NOT NULL,
      active INTEGER NOT NULL,
      sort_order INTEGER NOT NULL,
      position INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE survey_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      enabled INTEGER NOT NULL,
      response_window_ns INTEGER,
      prompt TEXT NOT NULL
    );

    -- One row per conversation. `row_key` is its arrival order and the rowid of its
    -- transcript_fts row. The close columns are set by its `closed` event, `closed_record` by
    -- the feed's conversationClosed event (summary and final metrics, computed by the core).
    CREATE TABLE conversations (
      row_key INTEGER PRIMARY KEY,
      conversation_id TEXT NOT NULL UNIQUE,
      queue_id TEXT NOT NULL,
      priority INTEGER NOT NULL,
      channel TEXT NOT NULL,
      subject TEXT NOT NULL,
      customer_display_name TEXT NOT NULL,
      request TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      entered_queue_at INTEGER NOT NULL,
      closed_at INTEGER,
      close_reason TEXT,
      resolution_category_id TEXT,
      closed_record TEXT,
      survey_offer TEXT,
      survey_expires_at INTEGER
    );
    CREATE INDEX conversations_open ON conversations (row_key) WHERE closed_at IS NULL;
    CREATE INDEX conversations_closed ON conversations (closed_at, conversation_id)
      WHERE closed_at IS NOT NULL;
    CREATE INDEX conversations_survey ON conversations (survey_expires_at)
      WHERE survey_expires_at IS NOT NULL;

    -- Every queue a conversation passed through, in order.
    CREATE TABLE conversation_queues (
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      queue_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (conversation_id, queue_id)
    ) WITHOUT ROWID;
    CREATE INDEX conversation_queues_queue ON conversation_queues (queue_id);

    -- Every agent who owned a conversation, in order.
    CREATE TABLE conversation_agents (
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      agent_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (conversation_id, agent_id)
    ) WITHOUT ROWID;
    CREATE INDEX conversation_agents_agent ON conversation_agents (agent_id);

    -- The durable event log. Messages use the message columns, every other kind `detail`.
    CREATE TABLE conversation_events (
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      sequence INTEGER NOT NULL,
      occurred_at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      message_id TEXT,
      client_message_id TEXT,
      author_id TEXT,
      author_role TEXT,
      author_name TEXT,
      text TEXT,
      visibility TEXT,
      recipient_agent_id TEXT,
      sent_at INTEGER,
      detail TEXT,
      PRIMARY KEY (conversation_id, sequence)
    ) WITHOUT ROWID;
    -- A retried send (same author, same client message id) is never stored twice.
    CREATE UNIQUE INDEX conversation_events_client_message
      ON conversation_events (conversation_id, author_role, author_id, client_message_id)
      WHERE client_message_id <> '';
    CREATE TRIGGER conversation_events_gapless BEFORE INSERT ON conversation_events
    WHEN NEW.sequence <> 1 + coalesce(
      (SELECT max(sequence) FROM conversation_events WHERE conversation_id = NEW.conversation_id), 0)
    BEGIN
      SELECT RAISE(ABORT, 'conversation event out of sequence: sequences must be gapless');
    END;

    CREATE TABLE offers (
      row_key INTEGER PRIMARY KEY,
      offer_id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      agent_id TEXT NOT NULL,
      offered_at INTEGER NOT NULL,
      offer TEXT NOT NULL,
      outcome TEXT,
      decline_reason TEXT,
      decline_note TEXT,
      withdrawn_reason TEXT,
      ended_at INTEGER
    );
    CREATE INDEX offers_conversation ON offers (conversation_id, row_key);

    CREATE TABLE routing_decisions (
      row_key INTEGER PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      decided_at INTEGER NOT NULL,
      decision TEXT NOT NULL
    );
    CREATE INDEX routing_decisions_conversation ON routing_decisions (conversation_id, row_key);

    CREATE TABLE tickets (
      row_key INTEGER PRIMARY KEY,
      ticket_id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      subject TEXT NOT NULL,
      description TEXT NOT NULL,
      priority INTEGER NOT NULL,
      created_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      request_subject TEXT NOT NULL,
      request_description TEXT NOT NULL,
      request_priority INTEGER,
      idempotency_key TEXT NOT NULL
    );
    CREATE INDEX tickets_conversation ON tickets (conversation_id, row_key);
    CREATE UNIQUE INDEX tickets_idempotency ON tickets (conversation_id, idempotency_key)
      WHERE idempotency_key <> '';

    -- Assistance requests in their latest state.
    CREATE TABLE assistance (
      row_key INTEGER PRIMARY KEY,
      assistance_id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      queue_id TEXT NOT NULL,
      agent_id TEXT NOT NULL,
      question TEXT NOT NULL,
      urgency INTEGER NOT NULL,
      status TEXT NOT NULL,
      requested_at INTEGER NOT NULL,
      answer TEXT NOT NULL,
      resolved_by TEXT NOT NULL,
      resolved_at INTEGER
    );
    CREATE INDEX assistance_conversation ON assistance (conversation_id, row_key);

    CREATE TABLE channel_moves (
      row_key INTEGER PRIMARY KEY,
      move_id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      target_channel TEXT NOT NULL,
      contact TEXT NOT NULL,
      note TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      requested_at INTEGER NOT NULL
    );
    CREATE INDEX channel_moves_conversation ON channel_moves (conversation_id, row_key);

    CREATE TABLE surveys (
      conversation_id TEXT PRIMARY KEY REFERENCES conversations (conversation_id) ON DELETE CASCADE,
      survey_id TEXT NOT NULL,
      rating INTEGER NOT NULL,
      comment TEXT NOT NULL,
      submitted_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- The external event feed; `position` is the event's cursor. AUTOINCREMENT keeps the highest
    -- position ever used in sqlite_sequence, so a purge never lets a cursor be reused.
    CREATE TABLE external_events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      occurred_at INTEGER NOT NULL,
      payload TEXT NOT NULL
    );
    CREATE INDEX external_events_conversation ON external_events (conversation_id);

    -- Full-text index of closed conversations (rowid = conversations.row_key): the subject, the
    -- public messages and internal notes, and the closing notes. Whispers are not indexed.
    CREATE VIRTUAL TABLE transcript_fts USING fts5 (
      subject, body, notes, tokenize = 'unicode61 remove_diacritics 0'
    );

    -- Purging a conversation takes its index entry and its feed events with it (the child
    -- tables follow by ON DELETE CASCADE).
    CREATE TRIGGER conversations_purged AFTER DELETE ON conversations
    BEGIN
      DELETE FROM transcript_fts WHERE rowid = OLD.row_key;
      DELETE FROM external_events WHERE conversation_id = OLD.conversation_id;
    END;
    """
}
