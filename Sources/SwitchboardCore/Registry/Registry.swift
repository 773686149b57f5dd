internal import Synchronization

/// The in-process domain engine: queues, agents, routing, offers, conversations, supervision
/// and the event feed, behind one lock.
///
/// ## Design
///
/// **State.** `RegistryState` (a plain struct, split into extensions by area) holds everything:
/// queues with their waiting lines, agents with presence, connectivity and load, offers, the
/// per-conversation routing facts (`ConversationRouting`) and content (`ConversationRecord`),
/// admin configuration, and the subscribers of every stream. It lives in `Mutex<RegistryState>`.
///
/// **One change, one lock.** Every state change happens inside one `withLock` (`mutate`), which
/// computes the result and appends what must happen afterwards to `Effects`: journal records,
/// deliveries to subscribers and timer commands. Before unlocking, `mutate` runs the routing
/// pass (`RegistryState.finishChange`: offers for every match the change made possible, queue
/// positions for customers, queue-watch updates), so routing is never left half done. A body
/// validates before it modifies: a body that throws must leave the state untouched.
///
/// **Routing.** A change marks the queues where it may have opened a match as dirty (a
/// conversation became routable there; a member gained room, came back, connected or changed
/// skills). The pass merges the routable conversations of the dirty queues in serving order
/// (priority, then original arrival: urgent first across an agent's queues) and offers each to
/// the best eligible member (least loaded, then idle longest, then id; broadcast queues offer
/// all), stopping as soon as no dirty queue has a member with room. It only adds offers, so it
/// cannot open matches elsewhere. Cost per change: O(dirty queues × members + conversations
/// skipped or offered), never all conversations × all agents. Pending offers count against
/// capacity, which is how capacity is never exceeded (only a forced reassignment may exceed it).
/// Every routing attempt after an event records a `RoutingDecision` with all candidates.
///
/// **Conversation events.** Routing changes content through `ConversationRecord`'s methods and
/// publishes the resulting durable events with `RegistryState.publish` (journal, then each
/// follower's view); queue positions go to followers as ephemeral events.
///
/// **Ordered outbox.** Still under the lock, the effects batch is appended to the `Outbox`, so
/// batches are ordered exactly like the state changes across all callers. After unlocking, the
/// caller applies its timer commands and flushes its batch: the outbox journals the records
/// (awaiting the `Journal`) and then runs the deliveries, one drainer at a time, so no stream
/// ever sees a change before it is journaled, and every stream sees changes in state order. A
/// mutating call returns after its own batch is journaled and delivered.
///
/// **Locking rules.** No `await`, no I/O and no stream `yield`/`finish` under the lock. Lock
/// order is registry → outbox (→ clock); the outbox and the clock never call back while
/// holding their locks. Stream termination handlers and timer actions re-enter the registry
/// through `mutateDetached`, which kicks a drainer task instead of waiting.
///
/// **Time.** `RegistryClock` is injected: `SystemClock` in production, `ManualClock` in tests.
/// Timers are keyed (`TimerKey`); a fired timer re-checks the state (an offer still pending, the
/// same queue entry, the same disconnection), so a stale timer is harmless.
///
/// **Streams.** `Subscription` wraps an `AsyncThrowingStream` with a bounded buffer; a reader
/// that falls too far behind is ended with `resourceExhausted` (ephemeral events are just
/// dropped). The registry stores the feeding `Sink`, registers it in the same locked section
/// that computes a snapshot or replay, and unregisters it when the consumer stops.
///
/// ## Where each area lives
///
/// - `Basics/`: `WallTime`, `Caller`, `CoreError`, `Page`, the shared enums.
/// - `Registry/`: this class, `RegistryState`, `Effects`, `Outbox`, `Journal`, clocks,
///   `Subscription`/`Sink`, timers, ids, options.
/// - `Routing/`: waiting lines, agents and presence, connectivity and the notifications stream,
///   routing decisions and offers, accept/decline/expiry, max wait and overflow, transfer and
///   reassign routing, queue positions, figures and watches, admin configuration, demo data.
/// - `Conversation/` and `Registry+Conversation*.swift`: conversation content, follow
///   streams, messages, closing, surveys, escalation, transcripts, the event feed.
public final class Registry: Sendable {
  let state: Mutex<RegistryState>
  /// The injected clock.
  let clock: any RegistryClock
  /// The options the registry was created with.
  public let options: RegistryOptions
  /// The durable store behind the journal, if any: transcripts of closed conversations and
  /// feed events older than the in-memory tail are read from it, and the registry reloads
  /// from it after a failed append.
  let store: (any RegistryStore)?
  let outbox: Outbox
  let timers = TimerTable()
  private let subscriberIDs = Atomic<UInt64>(0)

  /// A registry with no queues, agents or conversations; only the built-in resolution
  /// categories and the default survey settings. With the default `DiscardingJournal` nothing
  /// survives the process.
  public convenience init(
    clock: any RegistryClock = SystemClock(), journal: any Journal = DiscardingJournal(),
    options: RegistryOptions = RegistryOptions()
  ) {
    self.init(clock: clock, journal: journal, store: nil, state: RegistryState(options: options), options: options)
  }

  /// A registry rebuilt from `recovered` (read from `store` at start), journaling into
  /// `store` from now on: see `RegistryState.init(restoring:)` for what comes back. Offers
  /// that were pending are withdrawn; the withdrawals are journaled right away.
  public convenience init(
    clock: any RegistryClock = SystemClock(), store: any RegistryStore, restoring recovered: RecoveredState,
    options: RegistryOptions = RegistryOptions()
  ) {
    var effects = Effects()
    let state = RegistryState(restoring: recovered, options: options, now: clock.now, effects: &effects)
    self.init(clock: clock, journal: store, store: store, state: state, options: options)
    _ = outbox.enqueue(effects, awaited: false)
    applyTimers(effects.timers, generation: timers.generation)
    outbox.kick()
  }

  private init(
    clock: any RegistryClock, journal: any Journal, store: (any RegistryStore)?, state: RegistryState,
    options: RegistryOptions
  ) {
    self.clock = clock
    self.options = options
    self.store = store
    self.outbox = Outbox(journal: journal)
    self.state = Mutex(state)
    outbox.onFailure { [weak self] error in self?.journalFailed(error) ?? false }
  }

  /// Runs one state change under the lock, then journals and delivers its effects (in state
  /// order) before returning. `body` gets the state, the current time and the effects to add
  /// to; it must validate before modifying, because a throwing body's effects are dropped.
  /// While the store cannot write, the change is refused (`unavailable`) unless `opensStream`:
  /// opening a stream only registers it (a body that would journal must call
  /// `requireWritable` itself), so reads by stream keep working.
  func mutate<Result: Sendable>(
    opensStream: Bool = false,
    _ body: (inout RegistryState, WallTime, inout Effects) throws(CoreError) -> Result
  ) async throws(CoreError) -> Result {
    let (result, ticket, commands, generation) = try state.withLock {
      (state) throws(CoreError) -> (Result, UInt64?, [TimerCommand], UInt64) in
      if !opensStream { try state.requireWritable() }
      let now = clock.now
      var effects = Effects()
      let result = try body(&state, now, &effects)
      state.finishChange(now: now, effects: &effects)
      return (result, outbox.enqueue(effects, awaited: true), effects.timers, timers.generation)
    }
    applyTimers(commands, generation: generation)
    if let ticket { try await outbox.flush(ticket) }
    return result
  }

  /// Runs a state change from a context that cannot wait (a timer, a stream's termination);
  /// its effects are delivered by a drainer task.
  func mutateDetached(_ body: (inout RegistryState, WallTime, inout Effects) -> Void) {
    let (commands, generation) = state.withLock { state -> ([TimerCommand], UInt64) in
      let now = clock.now
      var effects = Effects()
      body(&state, now, &effects)
      state.finishChange(now: now, effects: &effects)
      _ = outbox.enqueue(effects, awaited: false)
      return (effects.timers, timers.generation)
    }
    applyTimers(commands, generation: generation)
    outbox.kick()
  }

  /// Reads the state under the lock (a non-throwing `body` needs no `try`).
  func read<Result: Sendable, Failure: Error>(
    _ body: (borrowing RegistryState, WallTime) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try state.withLock { (state) throws(Failure) -> Result in try body(state, clock.now) }
  }

  /// Creates a stream and its sink; `extraBuffer` raises the buffer limit for a stream that
  /// starts with a known backlog (a replay). When the consumer stops or the stream is finished,
  /// `unregister` runs under the lock with the sink's id (it must cope with a sink that was
  /// never registered).
  func makeSubscription<Element: Sendable>(
    of type: Element.Type = Element.self,
    extraBuffer: Int = 0,
    unregister: @escaping @Sendable (inout RegistryState, WallTime, inout Effects, UInt64) -> Void
  ) -> (Subscription<Element>, Sink<Element>) {
    let id = subscriberIDs.wrappingAdd(1, ordering: .relaxed).newValue
    let bufferLimit = options.subscriberBufferLimit + max(0, extraBuffer)
    return Subscription<Element>.make(id: id, bufferLimit: bufferLimit) {
      [weak self] in
      self?.mutateDetached { state, now, effects in unregister(&state, now, &effects, id) }
    }
  }

  /// Returns once every effect of the changes made so far has been journaled and delivered:
  /// for tests, after a timer fired or a stream ended on its own.
  public func settle() async {
    await outbox.settle()
  }

  /// Applies timer commands computed in timer `generation` (ignored once it is over).
  func applyTimers(_ commands: [TimerCommand], generation: UInt64) {
    guard !commands.isEmpty else { return }
    timers.apply(commands, generation: generation, clock: clock) { [weak self] key, generation in
      self?.timerFired(key, generation: generation)
    }
  }

  private func timerFired(_ key: TimerKey, generation: UInt64) {
    guard timers.fired(key, generation: generation) else { return }
    mutateDetached { state, now, effects in
      // While the store cannot write, a timer's change waits: it is tried again shortly.
      if state.writeFault != nil {
        effects.arm(key, at: now + Self.faultRetryInterval)
      } else {
        state.timerFired(key, now: now, effects: &effects)
      }
    }
  }
}
