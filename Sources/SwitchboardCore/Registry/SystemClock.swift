#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Wall time from `clock_gettime(CLOCK_REALTIME)`; each timer is a task sleeping on the
/// continuous clock for the remaining time, so wall-clock jumps do not shift running timers.
public struct SystemClock: RegistryClock {
  /// The system clock.
  public init() {}

  public var now: WallTime {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return WallTime(nanosecondsSinceEpoch: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
  }

  public func schedule(
    at deadline: WallTime, _ action: @escaping @Sendable () -> Void
  ) -> any ScheduledTimer {
    let delay = deadline - now
    let task = Task {
      if delay > .zero {
        do { try await Task.sleep(for: delay) } catch { return }
      }
      action()
    }
    return TaskTimer(task: task)
  }

  private struct TaskTimer: ScheduledTimer {
    let task: Task<Void, Never>
    func cancel() { task.cancel() }
  }
}
