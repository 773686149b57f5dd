/// The registry's source of time and timers, injected so that tests drive time by hand
/// (`ManualClock`) and production uses the system's (`SystemClock`).
public protocol RegistryClock: Sendable {
  /// The current wall-clock time.
  var now: WallTime { get }

  /// Runs `action` once at (or soon after) `deadline`, unless the returned timer is cancelled
  /// first. `action` runs on no particular thread and must not assume any lock is held.
  func schedule(at deadline: WallTime, _ action: @escaping @Sendable () -> Void) -> any ScheduledTimer
}

/// A timer armed by `RegistryClock.schedule(at:_:)`.
public protocol ScheduledTimer: Sendable {
  /// Prevents the action from running if it has not run yet; cancelling twice is harmless.
  func cancel()
}
