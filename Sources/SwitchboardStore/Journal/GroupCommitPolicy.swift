/// When the journal writer commits a batch.
///
/// The writer opens a transaction as soon as the first record of a batch is queued, writes
/// records as they arrive, and commits when `maxDelay` has passed since that first record, or
/// earlier once the batch holds `maxRecords` records. Every caller of the batch returns when the
/// commit is durable; a busy server thereby pays one fsync per batch, not one per change.
public struct GroupCommitPolicy: Sendable, Hashable {
  /// Longest a queued record waits for company before its batch commits (default 1 ms).
  public var maxDelay: Duration
  /// A batch commits at once when it holds this many records (default 10,000).
  public var maxRecords: Int

  /// A policy; the defaults commit within about a millisecond.
  public init(maxDelay: Duration = .milliseconds(1), maxRecords: Int = 10_000) {
    self.maxDelay = maxDelay
    self.maxRecords = max(1, maxRecords)
  }
}

/// How the journal writer's commits are doing, for tests, benchmarks and logs.
public struct JournalStatistics: Sendable, Hashable {
  /// Transactions committed.
  public var committedTransactions = 0
  /// Records committed.
  public var committedRecords = 0
  /// `append` calls whose records were committed.
  public var committedAppends = 0
  /// Transactions rolled back because a write or the commit failed.
  public var failedTransactions = 0

  /// Statistics starting at zero.
  public init() {}
}
