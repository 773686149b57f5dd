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
final class Outbox: Sendable {
  private struct Batch {
    var ticket: UInt64
    var records: [JournalRecord]
    var deliveries: [Delivery]
    /// A caller will `flush` this ticket and wants to learn about a journal failure.
    var awaited: Bool
  }

  private struct State {
    var pending: Deque<Batch> = []
    var nextTicket: UInt64 = 1
    /// Every ticket up to this one has been journaled and delivered.
    var completed: UInt64 = 0
    var draining = false
    var waiters: [(ticket: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
    var failures: [UInt64: CoreError] = [:]
  }

  private let journal: any Journal
  private let state = Mutex(State())

  init(journal: any Journal) {
    self.journal = journal
  }

  /// Appends the batch; call it while holding the registry's lock. Returns the ticket to flush,
  /// or `nil` if there is nothing to do.
  func enqueue(_ effects: Effects, awaited: Bool) -> UInt64? {
    guard !effects.records.isEmpty || !effects.deliveries.isEmpty else { return nil }
    return state.withLock { state in
      let ticket = state.nextTicket
      state.nextTicket += 1
      state.pending.append(
        Batch(ticket: ticket, records: effects.records, deliveries: effects.deliveries, awaited: awaited))
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
      let group = state.withLock { state -> [Batch]? in
        if state.pending.isEmpty {
          state.draining = false
          return nil
        }
        let group = Array(state.pending)
        state.pending.removeAll(keepingCapacity: true)
        return group
      }
      guard let group, let last = group.last?.ticket else { return }
      let records = group.flatMap(\.records)
      var failure: CoreError?
      if !records.isEmpty {
        do { try await journal.append(records) } catch { failure = error }
      }
      for batch in group {
        for delivery in batch.deliveries { delivery.run() }
      }
      let resumed = state.withLock { state -> [CheckedContinuation<Void, Never>] in
        state.completed = last
        if let failure {
          for batch in group where batch.awaited { state.failures[batch.ticket] = failure }
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
}
