internal import Synchronization

/// The armed registry timers by key, so that a timer can be cancelled or re-armed. Timer
/// commands are applied by the caller right after it releases the registry's lock.
///
/// Timers belong to a generation of the registry's state. When the registry replaces its state
/// (a reload after a failed write), `startGeneration` cancels every timer; commands computed on
/// the old state but applied later, and old timers that fire anyway, are ignored, so an old
/// timer can never act on the new state (whose ids may repeat those of undone changes).
final class TimerTable: Sendable {
  private struct Armed {
    var generation: UInt64 = 0
    var timers: [TimerKey: any ScheduledTimer] = [:]
  }

  private let armed = Mutex(Armed())
  /// `armed.generation`, readable without the lock: every change reads it (under the
  /// registry's lock, where `startGeneration` changes it).
  private let currentGeneration = Atomic<UInt64>(0)

  /// The current generation; read it under the registry's lock with the commands it goes with.
  var generation: UInt64 { currentGeneration.load(ordering: .relaxed) }

  /// Applies commands of `generation` in order (none if it is over); `fire` is what an armed
  /// timer runs, with the timer's generation.
  func apply(
    _ commands: [TimerCommand], generation: UInt64, clock: any RegistryClock,
    fire: @escaping @Sendable (TimerKey, UInt64) -> Void
  ) {
    for command in commands {
      switch command {
      case .arm(let key, let deadline):
        let timer = clock.schedule(at: deadline) { fire(key, generation) }
        let replaced = armed.withLock { armed -> (any ScheduledTimer)? in
          guard armed.generation == generation else { return timer }
          return armed.timers.updateValue(timer, forKey: key)
        }
        replaced?.cancel()
      case .cancel(let key):
        armed.withLock { armed in
          armed.generation == generation ? armed.timers.removeValue(forKey: key) : nil
        }?.cancel()
      }
    }
  }

  /// Ends the current generation: every armed timer is cancelled; returns the new generation.
  /// Call it under the registry's lock, where the state is replaced.
  func startGeneration() -> UInt64 {
    let (generation, all) = armed.withLock { armed in
      armed.generation += 1
      currentGeneration.store(armed.generation, ordering: .relaxed)
      defer { armed.timers.removeAll() }
      return (armed.generation, Array(armed.timers.values))
    }
    for timer in all { timer.cancel() }
    return generation
  }

  /// Forgets a timer of `generation` that fired; false if the generation is over (ignore it).
  func fired(_ key: TimerKey, generation: UInt64) -> Bool {
    armed.withLock { armed in
      guard armed.generation == generation else { return false }
      armed.timers.removeValue(forKey: key)
      return true
    }
  }
}
