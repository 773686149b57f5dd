internal import CSQLite

/// A dedicated thread with its own read connection, running read jobs one after another, so
/// transcript reads and searches neither block the Swift pool nor wait for the journal writer
/// (in WAL mode readers see the last committed state while the writer writes).
final class ReaderThread: Sendable {
  private struct State {
    var jobs: [@Sendable (SQLiteConnection) -> Void] = []
    var closing = false
    var exited = false
    var exitWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let state = ConditionLock(State())

  private init() {}

  /// Starts the thread, which opens its connection with `open`; throws what `open` throws.
  static func start(
    open: @escaping @Sendable () throws(StoreError) -> SQLiteConnection
  ) async throws(StoreError) -> ReaderThread {
    let reader = ReaderThread()
    let opened = await withCheckedContinuation {
      (continuation: CheckedContinuation<StoreError?, Never>) in
      let started = DedicatedThread.start {
        do throws(StoreError) {
          let connection = try open()
          continuation.resume(returning: nil)
          reader.run(on: connection)
        } catch {
          continuation.resume(returning: error)
        }
        reader.markExited()
      }
      if !started {
        continuation.resume(
          returning: StoreError(.cannotOpen, "could not start the store's reader thread")
        )
      }
    }
    if let opened { throw opened }
    return reader
  }

  /// Runs `body` on the thread with its connection and returns its result.
  func read<Value: Sendable>(
    _ body: @escaping @Sendable (SQLiteConnection) throws(SQLiteError) -> Value
  ) async throws(SQLiteError) -> Value {
    let result: Result<Value, SQLiteError> = await withCheckedContinuation { continuation in
      let accepted = state.withLock { state -> Bool in
        guard !state.closing else { return false }
        state.jobs.append { connection in
          continuation.resume(returning: Result { () throws(SQLiteError) in try body(connection) })
        }
        return true
      }
      if accepted {
        state.broadcast()
      } else {
        continuation.resume(
          returning: .failure(SQLiteError(code: SQLITE_MISUSE, message: "the store is closed"))
        )
      }
    }
    return try result.get()
  }

  /// Finishes the queued jobs, then stops the thread and closes the connection.
  func close() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let done = state.withLock { state -> Bool in
        state.closing = true
        if state.exited { return true }
        state.exitWaiters.append(continuation)
        return false
      }
      if done { continuation.resume() } else { state.broadcast() }
    }
  }

  private func run(on connection: SQLiteConnection) {
    while true {
      state.lock()
      while state.state.jobs.isEmpty && !state.state.closing { state.wait() }
      let job = state.state.jobs.isEmpty ? nil : state.state.jobs.removeFirst()
      state.unlock()
      guard let job else { return }
      job(connection)
    }
  }

  private func markExited() {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.exited = true
      state.closing = true
      defer { state.exitWaiters = [] }
      return state.exitWaiters
    }
    for waiter in waiters { waiter.resume() }
  }
}
