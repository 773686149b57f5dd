internal import DequeModule
internal import Synchronization

/// The ordered outbox: batches of effects appended under the registry's lock (so their order is
/// the order of the state changes), then drained by one task at a time, which journals each
/// batch's records and then runs its deliveries.
///
/// A mutating call enqueues its batch while still holding the registry's lock, releases it, then
/// `flush`es its ticket: it drains itself if nobody is draining, or waits until the drainer has
/// processed its batch. Timer and stream-termination paths cannot wait and `kick` a drainer
/// task instead. Consecutive batches are journaled in one `append` (group commit).
///
/// **Failure.** A failed append fails every batch of its group and runs none of their
/// deliveries. The outbox is then *poisoned*: the registry's state contains changes the journal
/// does not, so every later batch fails too, unjournaled and undelivered, until the registry
/// has reloaded its state from the store and called `beginEpoch` (under its lock): batches
/// enqueued before that belong to the discarded state and fail as well. When the registry
/// reloads, the failed batches' callers are answered only after `beginEpoch`, so that a caller
/// told of the failure can no longer read the undone change.
final class Outbox: Sendable {
  private struct Batch {
    var ticket: UInt64
    var records: [JournalRecord]
    var deliveries: [Delivery]
    /// A caller will `flush` this ticket and wants to learn about a journal failure.
    var awaited: Bool
    /// The state epoch the batch was computed in.
    var epoch: UInt64
  }

  private struct State {
    var pending: Deque<Batch> = []
    var nextTicket: UInt64 = 1
    /// Every ticket up to this one has been journaled and delivered.
    var completed: UInt64 = 0
    var draining = false
    var waiters: [(ticket: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
    var failures: [UInt64: CoreError] = [:]
    /// Bumped each time the registry replaces its state; older batches are discarded.
    var epoch: UInt64 = 0
    /// Set by a failed append until the next epoch: later batches fail with it.
    var poison: CoreError?
    /// The failure handler promised a reload, which ends with `beginEpoch`.
    var epochExpected = false
    /// Drainers waiting for the next epoch before answering failed batches.
    var epochWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let journal: any Journal
  private let state = Mutex(State())
  private let failureHandler = Mutex<(@Sendable (CoreError) -> Bool)?>(nil)

  init(journal: any Journal) {
    self.journal = journal
  }

  /// Sets what runs (once per poisoning, outside every lock) when an append fails; it returns
  /// whether a reload will follow (ending with `beginEpoch`).
  func onFailure(_ handler: @escaping @Sendable (CoreError) -> Bool) {
    failureHandler.withLock { $0 = handler }
  }

  /// Starts a new epoch and lifts the poison: call it under the registry's lock, right after
  /// the registry replaced its state. Batches enqueued before fail without being journaled.
  func beginEpoch() {
    let waiters = state.withLock { state in
      state.epoch += 1
      state.poison = nil
      state.epochExpected = false
      defer { state.epochWaiters.removeAll() }
      return state.epochWaiters
    }
    for waiter in waiters { waiter.resume() }
  }

  /// Returns once the epoch is past `epoch`, if a reload was promised; at once otherwise.
  private func waitForEpoch(after epoch: UInt64) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let resumeNow = state.withLock { state -> Bool in
        if state.epoch > epoch || !state.epochExpected { return true }
        state.epochWaiters.append(continuation)
        return false
      }
      if resumeNow { continuation.resume() }
    }
  }

  /// Appends the batch; call it while holding the registry's lock. Returns the ticket to flush,
  /// or `nil` if there is nothing to do.
  func enqueue(_ effects: Effects, awaited: Bool) -> UInt64? {
    guard !effects.records.isEmpty || !effects.deliveries.isEmpty else { return nil }
    return state.withLock { state in
      let ticket = state.nextTicket
      state.nextTicket += 1
      state.pending.append(
        Batch(
          ticket: ticket, records: effects.records, deliveries: effects.deliveries, awaited: awaited,
          epoch: state.epoch))
      return ticket
    }
  }

  /// Returns once the batch `ticket` has been journaled and delivered; throws the journal's
  /// error if it failed.
  func flush(_ ticket: UInt64) async throws(CoreError) {
    enum Step {
      case done(CoreError?)
      case wait
      case drain
    }
    while true {
      let step = state.withLock { state -> Step in
        if state.completed >= ticket { return .done(state.failures.removeValue(forKey: ticket)) }
        if state.draining { return .wait }
        state.draining = true
        return .drain
      }
      switch step {
      case .done(let failure):
        if let failure { throw failure }
        return
      case .drain:
        await drain()
      case .wait:
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
          let resumeNow = state.withLock { state -> Bool in
            if state.completed >= ticket || !state.draining { return true }
            state.waiters.append((ticket, continuation))
            return false
          }
          if resumeNow { continuation.resume() }
        }
      }
    }
  }

  /// Makes sure somebody drains: starts a drainer task unless one is running.
  func kick() {
    let start = state.withLock { state -> Bool in
      if state.draining || state.pending.isEmpty { return false }
      state.draining = true
      return true
    }
    if start {
      Task { await self.drain() }
    }
  }

  /// Returns once everything enqueued before the call has been journaled and delivered.
  func settle() async {
    let last = state.withLock { $0.nextTicket - 1 }
    guard last > 0 else { return }
    do { try await flush(last) } catch {
      // A journal failure belongs to the call that produced the batch; settling only waits.
    }
  }

  /// Drains until the outbox is empty; the caller has set `draining`.
  private func drain() async {
    while true {
      let taken = state.withLock { state -> (group: [Batch], epoch: UInt64, poison: CoreError?)? in
        if state.pending.isEmpty {
          state.draining = false
          return nil
        }
        let group = Array(state.pending)
        state.pending.removeAll(keepingCapacity: true)
        return (group, state.epoch, state.poison)
      }
      guard let taken, let last = taken.group.last?.ticket else { return }
      // Batches of a discarded state come first; normally there are none, and the group is
      // used as it is.
      let current =
        taken.group.first?.epoch == taken.epoch
        ? taken.group[...] : taken.group.drop { $0.epoch != taken.epoch }
      var failure = taken.poison
      var poisoned = false
      let records = current.flatMap(\.records)
      if failure == nil && !records.isEmpty {
        do { try await journal.append(records) } catch {
          failure = error
          poisoned = true
        }
      }
      if failure == nil {
        for batch in current {
          for delivery in batch.deliveries { delivery.run() }
        }
      } else if !current.isEmpty {
        if poisoned, let failure {
          state.withLock { state in if state.epoch == taken.epoch { state.poison = failure } }
          let reloads = failureHandler.withLock({ $0 })?(failure) ?? false
          state.withLock { state in if state.epoch == taken.epoch { state.epochExpected = reloads } }
        }
        await waitForEpoch(after: taken.epoch)
      }
      let resumed = state.withLock { state -> [CheckedContinuation<Void, Never>] in
        state.completed = max(state.completed, last)
        for batch in taken.group where batch.awaited {
          if batch.epoch != taken.epoch {
            state.failures[batch.ticket] = Self.discarded
          } else if let failure {
            state.failures[batch.ticket] = failure
          }
        }
        var resumed: [CheckedContinuation<Void, Never>] = []
        state.waiters.removeAll { waiter in
          guard waiter.ticket <= last else { return false }
          resumed.append(waiter.continuation)
          return true
        }
        return resumed
      }
      for continuation in resumed { continuation.resume() }
    }
  }

  /// The failure of a batch computed in a state the registry has since discarded.
  private static let discarded = CoreError(
    .unavailable,
    "the store could not write an earlier change, so this one was undone with it; retry")
}
