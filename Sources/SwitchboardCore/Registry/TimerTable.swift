internal import Synchronization

/// The armed registry timers by key, so that a timer can be cancelled or re-armed. Timer
/// commands are applied by the caller right after it releases the registry's lock.
final class TimerTable: Sendable {
  private let armed = Mutex<[TimerKey: any ScheduledTimer]>([:])

  /// Applies commands in order; `fire` is what an armed timer runs.
  func apply(
    _ commands: [TimerCommand], clock: any RegistryClock,
    fire: @escaping @Sendable (TimerKey) -> Void
  ) {
    for command in commands {
      switch command {
      case .arm(let key, let deadline):
        let timer = clock.schedule(at: deadline) { fire(key) }
        armed.withLock { $0.updateValue(timer, forKey: key) }?.cancel()
      case .cancel(let key):
        armed.withLock { $0.removeValue(forKey: key) }?.cancel()
      }
    }
  }

  /// Cancels every armed timer (the registry replaced its state).
  func cancelAll() {
    let all = armed.withLock { armed in
      defer { armed.removeAll() }
      return Array(armed.values)
    }
    for timer in all { timer.cancel() }
  }

  /// Forgets a timer that fired.
  func fired(_ key: TimerKey) {
    _ = armed.withLock { $0.removeValue(forKey: key) }
  }
}
