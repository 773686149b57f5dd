/// The external event feed: an ordered, bounded log of business events for outside systems.
///
/// Each event has a position (1, 2, 3 …, never reused); its cursor is the position in decimal.
/// Reading "after cursor c" returns the events with a position greater than c, so a consumer that
/// remembers the cursor of the last event it processed gets every later event exactly once per
/// position. The log keeps (at least) the newest `retention` events; a cursor older than the
/// oldest retained event (whose successors were dropped) is `outOfRange`.
struct ExternalEventLog: Sendable {
  /// The retained events, oldest first; `events[i]` has position `firstPosition + i`.
  private var events: [ExternalEvent] = []
  /// Position of `events[0]` (or of the next event while empty).
  private(set) var firstPosition: UInt64 = 1

  /// An empty log.
  init() {}

  /// The log as recovered: `tail` holds the newest events, oldest first, and `lastPosition`
  /// is the newest position ever used (the next event continues after it, even if the tail is
  /// empty because older events were purged).
  init(restoring tail: [ExternalEvent], lastPosition: UInt64) {
    // Memory holds a gap-free run ending at `lastPosition` (`events[i]` sits at
    // `firstPosition + i`); a retention purge may have left gaps further back, which the
    // store serves.
    var kept: [ExternalEvent] = []
    var expected = lastPosition
    for event in tail.reversed() {
      guard expected > 0, UInt64(event.cursor) == expected else { break }
      kept.append(event)
      expected -= 1
    }
    events = kept.reversed()
    firstPosition = expected + 1
  }

  /// Position of the newest event, 0 before the first.
  var lastPosition: UInt64 { firstPosition + UInt64(events.count) - 1 }

  /// Appends an event and returns it with its cursor and id; drops the oldest events beyond the
  /// newest `retention` (at least 1).
  mutating func append(
    conversationID: String,
    at time: WallTime,
    _ payload: ExternalEvent.Payload,
    retention: Int
  ) -> ExternalEvent {
    let retention = max(1, retention)
    let position = lastPosition + 1
    let event = ExternalEvent(
      cursor: String(position),
      eventID: "evt-\(position)",
      conversationID: conversationID,
      occurredAt: time,
      payload: payload
    )
    events.append(event)
    // Trim in chunks so appends stay amortized O(1).
    if events.count >= retention + max(1, retention / 4) {
      let excess = events.count - retention
      events.removeFirst(excess)
      firstPosition += UInt64(excess)
    }
    return event
  }

  /// True if every event after `position` is still retained.
  func retains(after position: UInt64) -> Bool { position + 1 >= firstPosition }

  /// The `outOfRange` error for a cursor whose successors are no longer retained.
  func tooOld(cursor: String) -> CoreError {
    CoreError(
      .outOfRange,
      "cursor \(cursor) is older than the retained feed (oldest event \(firstPosition)); restart with an empty cursor and from_now, or reconcile"
    )
  }

  /// Parses a client's cursor: empty means "before the oldest retained event" (or "after the
  /// newest" with `fromNow`); otherwise a decimal position not ahead of the newest event. Whether
  /// the events after it are still retained is `retains(after:)`'s question (a durable
  /// registry reads older ones from its store).
  func requestedPosition(afterCursor cursor: String, fromNow: Bool) throws(CoreError) -> UInt64 {
    guard !cursor.isEmpty else { return fromNow ? lastPosition : firstPosition - 1 }
    guard cursor.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let position = UInt64(cursor)
    else {
      throw CoreError(
        .invalidArgument,
        "cursor \"\(cursor)\" is malformed; pass back an event's cursor unchanged"
      )
    }
    guard position <= lastPosition else {
      throw CoreError(
        .invalidArgument,
        "cursor \(cursor) is ahead of the newest event (\(lastPosition))"
      )
    }
    return position
  }

  /// Events after `position` whose kind is in `kinds` (every kind if empty), oldest first.
  func events(after position: UInt64, kinds: Set<ExternalEventKind>) -> [ExternalEvent] {
    let start = Int(max(position + 1, firstPosition) - firstPosition)
    guard start < events.count else { return [] }
    return events[start...].filter { kinds.isEmpty || kinds.contains($0.kind) }
  }
}
