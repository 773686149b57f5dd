/// The external event feed stream.
extension Registry {
  /// Open feed streams allowed per caller; one more is `resourceExhausted`.
  static let maxFeedStreamsPerCaller = 5

  /// Streams the external event feed (Events.WatchEvents): the retained events after
  /// `afterCursor` (empty: from the oldest retained, or, with `fromNow`, only new ones), then
  /// live events, in feed order, each position exactly once. `kinds` filters (empty: all). The
  /// stream never ends on its own.
  ///
  /// Roles: admin (integrations use admin tokens). Errors: `invalidArgument` (malformed cursor
  /// or one ahead of the feed), `outOfRange` (cursor older than the retained feed),
  /// `resourceExhausted` (too many open feeds for this caller), `permissionDenied`.
  public func watchEvents(
    caller: Caller,
    afterCursor: String,
    fromNow: Bool,
    kinds: Set<ExternalEventKind>
  ) async throws(CoreError) -> Subscription<ExternalEvent> {
    guard caller.role == .admin else {
      throw CoreError(.permissionDenied, "only admin callers may watch the event feed")
    }
    let retention = options.eventFeedRetention
    let (subscription, sink) = makeSubscription(
      of: ExternalEvent.self,
      extraBuffer: retention + retention / 4
    ) { state, _, _, subscriberID in
      state.content.feedWatchers.removeValue(forKey: subscriberID)
    }
    do {
      try await mutate { state, _, effects throws(CoreError) in
        let key = CallerKey(caller)
        let open = state.content.feedWatchers.values.count { $0.caller == key }
        guard open < Self.maxFeedStreamsPerCaller else {
          throw CoreError(
            .resourceExhausted,
            "\(caller) already has \(open) open event feeds (limit \(Self.maxFeedStreamsPerCaller))"
          )
        }
        let start = try state.content.feed.startPosition(afterCursor: afterCursor, fromNow: fromNow)
        for event in state.content.feed.events(after: start, kinds: kinds) {
          effects.send(event, to: sink)
        }
        if !sink.isTerminated {
          state.content.feedWatchers[sink.id] = FeedWatcher(sink: sink, caller: key, kinds: kinds)
        }
      }
    } catch {
      sink.finish()
      throw error
    }
    return subscription
  }
}
