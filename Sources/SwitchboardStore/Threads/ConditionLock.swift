#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif

/// A pthread mutex and condition variable guarding a value, for the store's dedicated threads,
/// which block while they wait for work (something neither `Mutex` nor the Swift concurrency
/// pool may do).
///
/// Callers bracket every access to `state` with `lock()`/`unlock()` (or use `withLock`), and may
/// `wait` while holding the lock.
final class ConditionLock<State>: @unchecked Sendable {
  // @unchecked Sendable: `state` lives behind a raw pointer and is read or written only while
  // `mutex` is held; the pthread mutex and condition variable are themselves thread-safe and
  // are allocated once, never moved, and destroyed in `deinit`.
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>
  private let storage: UnsafeMutablePointer<State>

  /// A lock guarding `initial`.
  init(_ initial: State) {
    mutex = .allocate(capacity: 1)
    condition = .allocate(capacity: 1)
    storage = .allocate(capacity: 1)
    storage.initialize(to: initial)
    pthread_mutex_init(mutex, nil)
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    // Deadlines are measured on the monotonic clock, immune to wall-clock changes.
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(condition, &attributes)
    pthread_condattr_destroy(&attributes)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    storage.deinitialize(count: 1)
    storage.deallocate()
    condition.deallocate()
    mutex.deallocate()
  }

  /// The guarded value; touch it only between `lock()` and `unlock()`.
  var state: State {
    get { storage.pointee }
    _modify { yield &storage.pointee }
  }

  /// Takes the lock.
  func lock() { pthread_mutex_lock(mutex) }

  /// Releases the lock.
  func unlock() { pthread_mutex_unlock(mutex) }

  /// Runs `body` with the lock held; `body` must not wait.
  func withLock<Result>(_ body: (inout State) -> Result) -> Result {
    lock()
    defer { unlock() }
    return body(&storage.pointee)
  }

  /// Releases the lock until signalled (or spuriously woken), then takes it again.
  func wait() { pthread_cond_wait(condition, mutex) }

  /// Like `wait()`, but returns at the latest at `deadline` (monotonic nanoseconds, see
  /// `MonotonicTime`).
  func wait(until deadline: UInt64) {
    var time = timespec(
      tv_sec: Int(deadline / 1_000_000_000),
      tv_nsec: Int(deadline % 1_000_000_000)
    )
    pthread_cond_timedwait(condition, mutex, &time)
  }

  /// Wakes every waiting thread.
  func broadcast() { pthread_cond_broadcast(condition) }
}

/// Monotonic time in nanoseconds (`CLOCK_MONOTONIC`), the clock of `ConditionLock` deadlines.
enum MonotonicTime {
  /// Now.
  static var now: UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
