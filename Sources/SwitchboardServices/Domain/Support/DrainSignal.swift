internal import Synchronization

/// Tells long-running calls that the server is shutting down.
///
/// The server calls `beginDraining()` when its shutdown starts (before GOAWAY and the grace
/// period); every open domain stream then ends at once with UNAVAILABLE ("server draining;
/// reconnect"), so clients reconnect elsewhere instead of holding the grace period, and streams
/// opened afterwards end the same way at once.
public final class DrainSignal: Sendable {
  private struct State {
    var draining = false
    var nextWaiter: UInt64 = 0
    var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
  }

  private let state = Mutex(State())

  /// A signal that has not fired.
  public init() {}

  /// Whether draining has begun.
  public var isDraining: Bool { state.withLock { $0.draining } }

  /// Starts draining: wakes every waiting stream. Calling it again does nothing.
  public func beginDraining() {
    let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
      guard !state.draining else { return [] }
      state.draining = true
      defer { state.waiters = [:] }
      return Array(state.waiters.values)
    }
    for waiter in waiters { waiter.resume(returning: true) }
  }

  /// Returns true once draining has begun, or false as soon as the calling task is cancelled.
  func waitUntilDraining() async -> Bool {
    let id = state.withLock { state -> UInt64 in
      state.nextWaiter += 1
      return state.nextWaiter
    }
    return await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        // Checked under the lock: a cancellation after the check finds the waiter registered.
        let immediate = state.withLock { state -> Bool? in
          if state.draining { return true }
          if Task.isCancelled { return false }
          state.waiters[id] = continuation
          return nil
        }
        if let immediate { continuation.resume(returning: immediate) }
      }
    } onCancel: {
      state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: false)
    }
  }
}
