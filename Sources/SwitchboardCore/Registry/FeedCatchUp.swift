/// A feed stream whose cursor is older than the events the registry keeps in memory: it reads
/// the older events from the store, a page at a time as the reader consumes them, and then
/// switches to an ordinary feed stream (`Registry.openFeed`).
///
/// ## Each position exactly once, in order
///
/// `position` is the feed position up to which every event of the wanted kinds has been read
/// from the store (and handed out or buffered in `pending`). Once `pending` is empty, the
/// stream tries `openFeed` after `position`: in one locked section the registry checks that
/// memory still holds every event after `position`, sends those, and registers the stream for
/// live events, so the switch neither loses nor repeats an event. If memory has moved on (it
/// drops its oldest events as new ones arrive), the stream reads the next page instead:
///
/// 1. it has noted the memory's oldest position `oldest` under the lock; it waits until every
///    change made so far is journaled (`Registry.settle`), so the store now holds every event
///    before `oldest`;
/// 2. it reads up to `pageSize` events of the wanted kinds after `position`. A full page
///    advances `position` to its last event; a shorter page means the store holds no further
///    wanted event, so `position` advances to at least `oldest - 1`, which memory holds the
///    successors of (unless it moved on again, and the loop reads another page).
///
/// Events the retention purge deletes while a stream is between pages are skipped; the purge
/// removes events days old, and the stream checked at its start that its cursor was still kept.
/// The per-caller limit of open feeds is checked when the stream starts and again when it
/// switches (it may end there with `resourceExhausted`); while reading the store it is not
/// registered with the registry, so it does not count against the limit.
actor FeedCatchUp {
  /// Events read from the store per page.
  static let pageSize = 256

  private let registry: Registry
  private let store: any RegistryStore
  private let caller: Caller
  private let kinds: Set<ExternalEventKind>
  /// Every wanted event up to this position has been handed out or is in `pending`.
  private var position: UInt64
  /// Events read from the store, not yet handed out.
  private var pending: ArraySlice<ExternalEvent> = []
  /// The ordinary feed stream, once switched to it.
  private var live: Subscription<ExternalEvent>.AsyncIterator?

  /// A stream of the events after `position`, older than the memory's.
  init(
    registry: Registry,
    store: any RegistryStore,
    caller: Caller,
    kinds: Set<ExternalEventKind>,
    after position: UInt64
  ) {
    self.registry = registry
    self.store = store
    self.caller = caller
    self.kinds = kinds
    self.position = position
  }

  /// The next event (never `nil` before the live part ends).
  func next() async throws(CoreError) -> ExternalEvent? {
    while true {
      if var iterator = live {
        let event = try await iterator.next(isolation: self)
        live = iterator
        return event
      }
      if let event = pending.popFirst() { return event }
      let after = position
      let oldest = registry.read { state, _ in state.content.feed.firstPosition }
      if after + 1 >= oldest,
        case .opened(let subscription) = try await registry.openFeed(
          caller: caller,
          kinds: kinds,
          start: { _ in after }
        )
      {
        live = subscription.makeAsyncIterator()
      } else {
        try await readPage(oldest: oldest)
      }
    }
  }

  /// Reads the next page from the store into `pending` and advances `position` (see the type's
  /// documentation); `oldest` is the memory's oldest position, noted before.
  private func readPage(oldest: UInt64) async throws(CoreError) {
    await registry.settle()
    let page = try await store.feedEvents(after: position, kinds: kinds, limit: Self.pageSize)
    if let last = page.last { position = try Self.position(of: last) }
    if page.count < Self.pageSize { position = max(position, oldest - 1) }
    pending = page[...]
  }

  /// The feed position of a stored event (its cursor).
  static func position(of event: ExternalEvent) throws(CoreError) -> UInt64 {
    guard let position = UInt64(event.cursor) else {
      throw CoreError(
        .unavailable,
        "storage: the stored feed event \(event.eventID) has a malformed cursor"
      )
    }
    return position
  }
}
