internal import CSQLite

/// A dedicated thread with its own read connection, running read jobs one after another, so
/// transcript reads and searches neither block the Swift pool nor wait for the journal writer
/// (in WAL mode readers see the last committed state while the writer writes).
final class ReaderThread: Sendable {
  private struct State: ConnectionThreadState {
    var jobs: [@Sendable (SQLiteConnection) -> Void] = []
    var closing = false
    var exited = false
    var exitWaiters: [CheckedContinuation<Void, Never>] = []

    mutating func enqueue(_ job: @escaping @Sendable (SQLiteConnection) -> Void) {
      jobs.append(job)
    }
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
    try await state.runOnThread(body)
  }

  /// Finishes the queued jobs, then stops the thread and closes the connection.
  func close() async {
    await state.closeThread()
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
