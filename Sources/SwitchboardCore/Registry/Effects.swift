/// What a state change asks to be done after the registry's lock is released, in order:
/// journal records (awaited before anything is delivered), deliveries to subscribers, and timer
/// commands. Every mutating code path receives an `inout Effects` next to the state.
struct Effects {
  /// Records for the journal, in the order of the changes.
  private(set) var records: [JournalRecord] = []
  /// Deliveries to subscribers, in order.
  private(set) var deliveries: [Delivery] = []
  /// Timers to arm or cancel.
  private(set) var timers: [TimerCommand] = []

  /// Journals a state change.
  mutating func journal(_ record: JournalRecord) {
    records.append(record)
  }

  /// Sends a durable element to a subscriber.
  mutating func send<Element>(_ element: Element, to sink: Sink<Element>) {
    deliveries.append(Delivery { sink.send(element) })
  }

  /// Sends an ephemeral element to a subscriber (lost if its buffer is full).
  mutating func sendEphemeral<Element>(_ element: Element, to sink: Sink<Element>) {
    deliveries.append(Delivery { sink.sendEphemeral(element) })
  }

  /// Ends a subscriber's stream after the elements sent to it before.
  mutating func finish<Element>(_ sink: Sink<Element>, throwing error: CoreError? = nil) {
    deliveries.append(Delivery { sink.finish(throwing: error) })
  }

  /// Arms (or re-arms) the timer `key` for `deadline`.
  mutating func arm(_ key: TimerKey, at deadline: WallTime) {
    timers.append(.arm(key, deadline))
  }

  /// Cancels the timer `key` if it is armed.
  mutating func cancel(_ key: TimerKey) {
    timers.append(.cancel(key))
  }
}

/// One delivery to a subscriber, run by the outbox after the journal accepted the batch.
struct Delivery: Sendable {
  let run: @Sendable () -> Void
}

/// Arm or cancel one registry timer.
enum TimerCommand: Sendable {
  case arm(TimerKey, WallTime)
  case cancel(TimerKey)
}

/// The registry's timers. A fired timer re-enters the registry, which checks against its state
/// whether the timer still matters (a stale timer does nothing), so the order in which timer
/// commands of concurrent callers are applied never matters for correctness.
enum TimerKey: Hashable, Sendable {
  /// A pending offer's timeout.
  case offerExpiry(offerID: String)
  /// A waiting conversation's max wait in the queue it entered with `entry`.
  case maxWait(conversationID: String, entry: UInt64)
  /// The grace period after an agent's last notifications stream closed (`generation` counts
  /// disconnections).
  case disconnectGrace(agentID: String, generation: UInt64)
  /// The next coalesced figures update of a queue watcher.
  case watchFlush(watcherID: UInt64)
  /// The periodic removal of closed conversations from memory (registries with a store).
  case evictionSweep
}
