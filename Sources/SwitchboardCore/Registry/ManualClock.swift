internal import Synchronization
internal import HeapModule

/// A clock that moves only when told to, for tests of the core and of the services.
///
/// `advance(by:)` moves time forward and runs every timer that falls due on the way, in deadline
/// order (ties in scheduling order), synchronously, before it returns. A timer scheduled while
/// advancing (by an action) runs in the same call if it falls due before the target time.
public final class ManualClock: RegistryClock {
  private struct Entry: Comparable {
    var deadline: WallTime
    var serial: UInt64
    var action: @Sendable () -> Void

    static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.serial == rhs.serial }
    static func < (lhs: Entry, rhs: Entry) -> Bool {
      (lhs.deadline, lhs.serial) < (rhs.deadline, rhs.serial)
    }
  }

  private struct State {
    var now: WallTime
    var nextSerial: UInt64 = 0
    var timers = Heap<Entry>()
    /// Serials of timers neither fired nor cancelled; a cancelled entry stays in the heap and is
    /// skipped when it comes up.
    var armed: Set<UInt64> = []
  }

  private let state: Mutex<State>

  /// A clock standing at `start` (by default 2025-01-01T00:00:00Z).
  public init(start: WallTime = WallTime(secondsSinceEpoch: 1_735_689_600)) {
    state = Mutex(State(now: start))
  }

  public var now: WallTime { state.withLock { $0.now } }

  /// Timers armed and neither fired nor cancelled.
  public var pendingTimers: Int { state.withLock { $0.armed.count } }

  public func schedule(
    at deadline: WallTime, _ action: @escaping @Sendable () -> Void
  ) -> any ScheduledTimer {
    let serial = state.withLock { state in
      let serial = state.nextSerial
      state.nextSerial += 1
      state.timers.insert(Entry(deadline: deadline, serial: serial, action: action))
      state.armed.insert(serial)
      return serial
    }
    return Timer(clock: self, serial: serial)
  }

  /// Moves time forward by `duration`, running every timer due by then, in deadline order.
  public func advance(by duration: Duration) {
    let target = now + duration
    while let action = state.withLock({ state -> (@Sendable () -> Void)? in
      while let first = state.timers.min, first.deadline <= target {
        state.timers.removeMin()
        if state.armed.remove(first.serial) == nil { continue }
        state.now = max(state.now, first.deadline)
        return first.action
      }
      state.now = max(state.now, target)
      return nil
    }) {
      action()
    }
  }

  private func cancel(serial: UInt64) {
    _ = state.withLock { $0.armed.remove(serial) }
  }

  private struct Timer: ScheduledTimer {
    let clock: ManualClock
    let serial: UInt64
    func cancel() { clock.cancel(serial: serial) }
  }
}
