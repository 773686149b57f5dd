internal import CSQLite
public import SwitchboardCore

/// The store's `Journal`: appends from any number of concurrent callers are queued and written
/// by one dedicated writer thread, many records per transaction (group commit, see
/// `GroupCommitPolicy`). Each caller's `append` returns once the transaction holding its
/// records has committed.
///
/// A failed write or commit (disk full, read-only file, I/O error, a record that contradicts
/// the stored state) rolls the whole transaction back, so nothing of the batch is stored, and
/// fails every caller of that batch with `unavailable`; the next batch is tried afresh, so
/// writes resume once the fault clears. Maintenance work (retention purges) runs on the same
/// thread between batches.
///
/// SQLite calls block, so they never run on the Swift cooperative pool or a NIO event loop:
/// callers suspend on a continuation that the writer thread resumes.
public final class JournalWriter: Journal {
  private struct PendingAppend {
    var records: [JournalRecord]
    var enqueuedAt: UInt64
    var continuation: CheckedContinuation<CoreError?, Never>
  }

  private struct State: ConnectionThreadState {
    var appends: [PendingAppend] = []
    var tasks: [@Sendable (SQLiteConnection) -> Void] = []
    var closing = false
    var statistics = JournalStatistics()
    var exitWaiters: [CheckedContinuation<Void, Never>] = []
    var exited = false

    mutating func enqueue(_ job: @escaping @Sendable (SQLiteConnection) -> Void) {
      tasks.append(job)
    }
  }

  private let state = ConditionLock(State())
  private let policy: GroupCommitPolicy

  private init(policy: GroupCommitPolicy) {
    self.policy = policy
  }

  /// Starts the writer thread, which opens its connection with `open` (on the thread, where the
  /// connection stays); throws what `open` throws.
  static func start(
    policy: GroupCommitPolicy,
    open: @escaping @Sendable () throws(StoreError) -> SQLiteConnection
  ) async throws(StoreError) -> JournalWriter {
    let writer = JournalWriter(policy: policy)
    let opened = await withCheckedContinuation {
      (continuation: CheckedContinuation<StoreError?, Never>) in
      let started = DedicatedThread.start {
        do throws(StoreError) {
          let connection = try open()
          continuation.resume(returning: nil)
          writer.run(on: connection)
        } catch {
          continuation.resume(returning: error)
        }
        // The connection is closed here, before anyone waiting in `close()` resumes.
        writer.markExited()
      }
      if !started {
        continuation.resume(
          returning: StoreError(.cannotOpen, "could not start the journal writer thread")
        )
      }
    }
    if let opened { throw opened }
    return writer
  }

  /// Appends `records` in one transaction with whatever else is queued; returns once committed.
  /// Throws `unavailable` if the batch could not be made durable or the store is closed.
  public func append(_ records: [JournalRecord]) async throws(CoreError) {
    guard !records.isEmpty else { return }
    let failure: CoreError? = await withCheckedContinuation { continuation in
      let accepted = state.withLock { state -> Bool in
        guard !state.closing else { return false }
        state.appends.append(
          PendingAppend(records: records, enqueuedAt: MonotonicTime.now, continuation: continuation)
        )
        return true
      }
      if accepted {
        state.broadcast()
      } else {
        continuation.resume(returning: Self.closedError)
      }
    }
    if let failure { throw failure }
  }

  /// Commits and rollbacks so far.
  public var statistics: JournalStatistics { state.withLock { $0.statistics } }

  /// Appends waiting for the writer thread to take them into a batch.
  var queuedAppends: Int { state.withLock { $0.appends.count } }

  /// Runs `body` on the writer thread between batches, with the writer's connection.
  func perform<Value: Sendable>(
    _ body: @escaping @Sendable (SQLiteConnection) throws(SQLiteError) -> Value
  ) async throws(SQLiteError) -> Value {
    try await state.runOnThread(body)
  }

  /// Commits what is queued, then stops the thread and closes the connection; later appends
  /// fail with `unavailable`.
  func close() async {
    await state.closeThread()
  }

  private static let closedError = CoreError(
    .unavailable,
    "the store is closed; the change was not made durable"
  )

  // MARK: The writer thread

  private enum Work {
    case batch(first: [PendingAppend])
    case task(@Sendable (SQLiteConnection) -> Void)
    case exit
  }

  /// The thread's loop: batches first, maintenance tasks when no record waits.
  private func run(on connection: SQLiteConnection) {
    let applier = RecordApplier(connection: connection)
    while true {
      state.lock()
      while state.state.appends.isEmpty && state.state.tasks.isEmpty && !state.state.closing {
        state.wait()
      }
      let work: Work
      if !state.state.appends.isEmpty {
        work = .batch(first: takeAppends())
      } else if !state.state.tasks.isEmpty {
        work = .task(state.state.tasks.removeFirst())
      } else {
        work = .exit
      }
      state.unlock()
      switch work {
      case .batch(let first):
        commitBatch(startingWith: first, connection: connection, applier: applier)
      case .task(let task): task(connection)
      case .exit:
        return
      }
    }
  }

  /// Takes queued appends up to the record limit; call with the lock held.
  private func takeAppends(alreadyTaken: Int = 0) -> [PendingAppend] {
    var taken: [PendingAppend] = []
    var count = alreadyTaken
    while let next = state.state.appends.first,
      taken.isEmpty || count + next.records.count <= policy.maxRecords
    {
      taken.append(state.state.appends.removeFirst())
      count += next.records.count
      if count >= policy.maxRecords { break }
    }
    return taken
  }

  /// Writes one batch: opens the transaction, applies appends as they arrive until the delay
  /// has passed or the batch is full, commits (or rolls back) and resumes every caller.
  private func commitBatch(
    startingWith first: [PendingAppend],
    connection: SQLiteConnection,
    applier: RecordApplier
  ) {
    let deadline = first[0].enqueuedAt + UInt64(max(0, policy.maxDelay.storedNanoseconds))
    var batch = first
    var recordCount = 0
    var failure: SQLiteError?
    do {
      try connection.execute("BEGIN IMMEDIATE")
      var next = first
      while true {
        for append in next {
          for record in append.records { try applier.apply(record) }
          recordCount += append.records.count
        }
        guard recordCount < policy.maxRecords else { break }
        state.lock()
        while state.state.appends.isEmpty && !state.state.closing && MonotonicTime.now < deadline {
          state.wait(until: deadline)
        }
        next = takeAppends(alreadyTaken: recordCount)
        state.unlock()
        if next.isEmpty { break }
        batch += next
      }
      try connection.execute("COMMIT")
    } catch {
      failure = error
      connection.rollback()
    }
    finish(batch, recordCount: recordCount, failure: failure, path: connection.path)
  }

  private func finish(
    _ batch: [PendingAppend],
    recordCount: Int,
    failure: SQLiteError?,
    path: String
  ) {
    state.withLock { state in
      if failure == nil {
        state.statistics.committedTransactions += 1
        state.statistics.committedRecords += recordCount
        state.statistics.committedAppends += batch.count
      } else {
        state.statistics.failedTransactions += 1
      }
    }
    let error = failure.map {
      CoreError.storeCannotWrite(to: path, $0, "nothing of the change was stored; retry later")
    }
    for append in batch { append.continuation.resume(returning: error) }
  }

  private func markExited() {
    let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.exited = true
      state.closing = true
      defer { state.exitWaiters = [] }
      return state.exitWaiters
    }
    // No append or task is left behind: `closing` stops new ones, and the loop exits only when
    // none is queued.
    for waiter in waiters { waiter.resume() }
  }
}
