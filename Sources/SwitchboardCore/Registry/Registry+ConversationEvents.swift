/// The external event feed stream.
///
/// The registry keeps the feed's newest events in memory (`RegistryOptions.eventFeedRetention`).
/// A stream whose cursor is within them replays them and continues live: both happen in one
/// locked section (`openFeed`), so no event is missed or delivered twice. With a store, a
/// stream whose cursor is older first reads the older events from the store, page by page at
/// the reader's pace, and then opens like any other stream (`FeedCatchUp`).
extension Registry {
  /// Open feed streams allowed per caller; one more is `resourceExhausted`.
  static let maxFeedStreamsPerCaller = 5

  /// Streams the external event feed (Events.WatchEvents): the kept events after
  /// `afterCursor` (empty: from the oldest kept, or, with `fromNow`, only new ones), then live
  /// events, in feed order, each position exactly once. `kinds` filters (empty: all). The
  /// stream never ends on its own. Kept means retained in memory or, with a store, stored.
  ///
  /// Roles: admin (integrations use admin tokens). Errors: `invalidArgument` (malformed cursor
  /// or one ahead of the feed), `outOfRange` (cursor older than the kept feed),
  /// `resourceExhausted` (too many open feeds for this caller), `permissionDenied`,
  /// `unavailable` (the store cannot be read).
  public func watchEvents(
    caller: Caller,
    afterCursor: String,
    fromNow: Bool,
    kinds: Set<ExternalEventKind>
  ) async throws(CoreError) -> Subscription<ExternalEvent> {
    guard caller.role == .admin else {
      throw CoreError(.permissionDenied, "only admin callers may watch the event feed")
    }
    let fromStoredStart = store != nil && afterCursor.isEmpty && !fromNow
    let opening = try await openFeed(caller: caller, kinds: kinds) { feed throws(CoreError) in
      fromStoredStart ? 0 : try feed.requestedPosition(afterCursor: afterCursor, fromNow: fromNow)
    }
    switch opening {
    case .opened(let subscription):
      return subscription
    case .notRetained(let start, let tooOld):
      guard let store else { throw tooOld }
      if !fromStoredStart { try await checkStored(store, after: start, cursor: afterCursor) }
      let catchUp = FeedCatchUp(
        registry: self,
        store: store,
        caller: caller,
        kinds: kinds,
        after: start
      )
      return Subscription.unfolding { () throws(CoreError) in try await catchUp.next() }
    }
  }

  /// How `openFeed` went.
  enum FeedOpening: Sendable {
    /// The stream: retained events after the start, then live ones.
    case opened(Subscription<ExternalEvent>)
    /// Memory no longer holds every event after `start`; `tooOld` says so to the client.
    case notRetained(start: UInt64, tooOld: CoreError)
  }

  /// In one locked section: checks the caller's open feeds, computes the start position with
  /// `start`, and — if memory still holds every event after it — sends the retained ones and
  /// registers the stream for live events, which therefore continue exactly after them.
  func openFeed(
    caller: Caller,
    kinds: Set<ExternalEventKind>,
    start: (ExternalEventLog) throws(CoreError) -> UInt64
  ) async throws(CoreError) -> FeedOpening {
    let retention = options.eventFeedRetention
    let (subscription, sink) = makeSubscription(
      of: ExternalEvent.self,
      extraBuffer: retention + retention / 4
    ) { state, _, _, subscriberID in
      state.content.feedWatchers.removeValue(forKey: subscriberID)
    }
    let notRetained: (start: UInt64, tooOld: CoreError)?
    do {
      notRetained = try await mutate(opensStream: true) { state, _, effects throws(CoreError) in
        let key = CallerKey(caller)
        let open = state.content.feedWatchers.values.count { $0.caller == key }
        guard open < Self.maxFeedStreamsPerCaller else {
          throw CoreError(
            .resourceExhausted,
            "\(caller) already has \(open) open event feeds (limit \(Self.maxFeedStreamsPerCaller))"
          )
        }
        let feed = state.content.feed
        let position = try start(feed)
        guard feed.retains(after: position) else {
          return (position, feed.tooOld(cursor: String(position)))
        }
        for event in feed.events(after: position, kinds: kinds) {
          effects.send(event, to: sink)
        }
        if !sink.isTerminated {
          state.content.feedWatchers[sink.id] = FeedWatcher(sink: sink, caller: key, kinds: kinds)
        }
        return nil
      }
    } catch {
      sink.finish()
      throw error
    }
    guard let notRetained else { return .opened(subscription) }
    sink.finish()
    return .notRetained(start: notRetained.start, tooOld: notRetained.tooOld)
  }

  /// Throws `outOfRange` unless the store still has the event right after `position` (the
  /// oldest ones may have been purged). Called after memory was found not to hold it.
  private func checkStored(
    _ store: any RegistryStore,
    after position: UInt64,
    cursor: String
  ) async throws(CoreError) {
    // Events older than the memory's oldest were appended before this call; once settled
    // they are journaled, so a missing one was purged: the consumer missed it and must
    // reconcile (outOfRange) rather than silently skip it.
    await settle()
    let next = try await store.feedEvents(after: position, kinds: [], limit: 1).first
    guard let next, try FeedCatchUp.position(of: next) == position + 1 else {
      throw CoreError(
        .outOfRange,
        "cursor \(cursor) is older than the stored feed (\(next.map { "oldest event \($0.cursor)" } ?? "nothing after it is stored")); restart with an empty cursor and from_now, or reconcile"
      )
    }
  }
}
