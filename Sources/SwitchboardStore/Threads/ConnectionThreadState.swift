internal import CSQLite

/// What a store thread's guarded state holds for `ConditionLock` to hand the thread jobs and to
/// stop it: jobs that run with the thread's connection, and the shutdown handshake. The journal
/// writer and the reader thread share these two operations.
protocol ConnectionThreadState {
  /// True once `close()` was called: no new jobs are accepted.
  var closing: Bool { get set }
  /// True once the thread has left its loop (and closed its connection).
  var exited: Bool { get }
  /// `close()` callers waiting for the thread to exit.
  var exitWaiters: [CheckedContinuation<Void, Never>] { get set }
  /// Queues a job for the thread.
  mutating func enqueue(_ job: @escaping @Sendable (SQLiteConnection) -> Void)
}

extension ConditionLock where State: ConnectionThreadState {
  /// Runs `body` on the thread with its connection and returns its result; fails with
  /// `SQLITE_MISUSE` once the thread is closing.
  func runOnThread<Value: Sendable>(
    _ body: @escaping @Sendable (SQLiteConnection) throws(SQLiteError) -> Value
  ) async throws(SQLiteError) -> Value {
    let result: Result<Value, SQLiteError> = await withCheckedContinuation { continuation in
      let accepted = withLock { state -> Bool in
        guard !state.closing else { return false }
        state.enqueue { connection in
          continuation.resume(returning: Result { () throws(SQLiteError) in try body(connection) })
        }
        return true
      }
      if accepted {
        broadcast()
      } else {
        continuation.resume(
          returning: .failure(SQLiteError(code: SQLITE_MISUSE, message: "the store is closed"))
        )
      }
    }
    return try result.get()
  }

  /// Asks the thread to finish its queued work and exit, and returns once it has.
  func closeThread() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let done = withLock { state -> Bool in
        state.closing = true
        if state.exited { return true }
        state.exitWaiters.append(continuation)
        return false
      }
      if done { continuation.resume() } else { broadcast() }
    }
  }
}
