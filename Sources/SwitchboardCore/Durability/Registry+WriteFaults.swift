internal import OrderedCollections
internal import Synchronization

/// What the registry does when the store cannot write.
///
/// A change is applied in memory under the lock and journaled right after; if the append fails,
/// the in-memory state holds changes the store does not. Nothing of them may become visible, so
/// the registry:
///
/// 1. stops accepting changes (`writeFault`: they fail fast with `unavailable`; timers and the
///    routing pass wait; streams may still be opened, as they only read), and the outbox
///    discards every batch not yet journaled (no delivery runs; their callers get
///    `unavailable`);
/// 2. reloads its state from the store (`loadForRecovery`, retried until it reads), swaps it in
///    under the lock, starts a new outbox epoch, replaces every timer, and ends every open
///    stream with `unavailable` ("reconnect"): clients reconnect and resume from their cursors,
///    which only ever saw journaled events;
/// 3. probes the store with a small write until one succeeds, then accepts changes again and
///    runs the routing that waited. A failure while it probes asks for one more reload.
///
/// The callers of the failed changes are answered after the swap, so none of them can read
/// its change afterwards. Reads keep working throughout; like any read, one running between a
/// change and its commit (about a millisecond) sees the change before it is durable, and, if
/// that commit fails, before it is undone.
extension Registry {
  /// How often a faulted registry probes the store, and how long a timer waits while it is
  /// faulted.
  static let faultRetryInterval: Duration = .milliseconds(500)

  /// True while the store cannot write (for health reporting and tests).
  public var storeCannotWrite: Bool {
    read { state, _ in state.writeFault != nil }
  }

  /// An append failed (the outbox is poisoned): fence off changes and make sure the recovery
  /// task runs (it reloads once more if it is already running). Returns whether a reload will
  /// follow: not without a store, which leaves the registry refusing changes for good.
  func journalFailed(_ error: CoreError) -> Bool {
    let start = state.withLock { state -> Bool in
      state.writeFault = error
      state.needsReload = true
      guard !state.reloading else { return false }
      state.reloading = true
      return true
    }
    guard let store else { return false }
    if start { Task { await self.recover(using: store) } }
    return true
  }

  /// Reloads while a failed append asks for it, then probes until the store can write, then
  /// accepts changes again and runs the routing that waited.
  private func recover(using store: any RegistryStore) async {
    while true {
      let reload = state.withLock { state -> CoreError? in
        guard state.needsReload else { return nil }
        state.needsReload = false
        return state.writeFault
      }
      if let reload {
        await self.reload(from: store, after: reload)
        continue
      }
      do {
        try await store.probeWrite()
      } catch {
        try? await Task.sleep(for: Self.faultRetryInterval)
        continue
      }
      let recovered = state.withLock { state -> Bool in
        guard !state.needsReload else { return false }
        state.writeFault = nil
        state.reloading = false
        var deferred = Effects()
        for record in state.deferredRecords { deferred.journal(record) }
        state.deferredRecords = []
        _ = outbox.enqueue(deferred, awaited: false)
        return true
      }
      if recovered { break }
    }
    // The deferred records are journaled, and the routing that waited for the store (queues
    // marked while it could not write) runs, now.
    mutateDetached { _, _, _ in }
  }

  /// Reads the state from `store` (retrying until it reads) and swaps it in; ends every open
  /// stream of the discarded state.
  private func reload(from store: any RegistryStore, after error: CoreError) async {
    var recovered: RecoveredState?
    while recovered == nil {
      do {
        recovered = try await store.loadForRecovery(
          RecoveryRequest(now: clock.now, feedRetention: options.eventFeedRetention))
      } catch {
        try? await Task.sleep(for: Self.faultRetryInterval)
      }
    }
    guard let recovered else { return }
    let ending = CoreError(
      .unavailable,
      "the store could not write (\(error.message)); the server reloaded its state; reconnect and "
        + "resume from your last cursor")
    let (endStreams, commands, generation) = state.withLock {
      state -> ([@Sendable () -> Void], [TimerCommand], UInt64) in
      var effects = Effects()
      var fresh = RegistryState(restoring: recovered, options: options, now: clock.now, effects: &effects)
      fresh.writeFault = state.writeFault
      fresh.reloading = state.reloading
      fresh.needsReload = state.needsReload
      // The withdrawals of offers that were pending wait until the store can write.
      fresh.deferredRecords = effects.records
      let endStreams = state.streamEnders(with: ending)
      state = fresh
      outbox.beginEpoch()
      return (endStreams, effects.timers, timers.startGeneration())
    }
    applyTimers(commands, generation: generation)
    for end in endStreams { end() }
  }
}

extension RegistryState {
  /// Throws `unavailable` while the store cannot write.
  func requireWritable() throws(CoreError) {
    if let fault = writeFault {
      throw CoreError(
        .unavailable,
        "the store cannot write (\(fault.message)); nothing was changed; retry when it recovers")
    }
  }

  /// Closures that end every open stream (follow and monitor, notifications, queue watches,
  /// the event feed) with `error`; run them after unlocking.
  func streamEnders(with error: CoreError) -> [@Sendable () -> Void] {
    var enders: [@Sendable () -> Void] = []
    for watchers in followers.values {
      for follower in watchers.values { enders.append { follower.sink.finish(throwing: error) } }
    }
    for agent in agents.values {
      for sink in agent.streams.values { enders.append { sink.finish(throwing: error) } }
    }
    for watcher in queueWatchers.values { enders.append { watcher.sink.finish(throwing: error) } }
    for watcher in content.feedWatchers.values {
      enders.append { watcher.sink.finish(throwing: error) }
    }
    return enders
  }
}
