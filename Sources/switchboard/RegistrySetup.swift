internal import Logging
internal import SwitchboardCore
internal import SwitchboardStore

/// The registry behind the switchboard.v1 services, with its store: in memory only
/// (`store = memory`), or rebuilt from and journaling into `<data_dir>/switchboard.sqlite`.
struct RegistrySetup {
  /// The registry.
  let registry: Registry
  /// The store, if any; `close()` it after the server stopped.
  let store: SQLiteStore?
  /// Purges old transcripts every hour while the server runs (with a retention setting).
  private let retentionTask: Task<Void, Never>?

  /// How often the retention purge runs.
  static let retentionInterval: Duration = .seconds(3600)

  /// Opens the store (creating or migrating the database), reads what the registry needs and
  /// builds the registry from it; throws `StoreError` (a message for the operator) if the
  /// database cannot be used.
  static func open(settings: ServerSettings, logger: Logger) async throws -> RegistrySetup {
    let clock = SystemClock()
    let options = settings.domain.registryOptions
    guard settings.store.kind == .sqlite else {
      logger.notice("store=memory: nothing survives a restart")
      return RegistrySetup(registry: Registry(clock: clock, options: options), store: nil, retentionTask: nil)
    }
    let started = ContinuousClock.now
    // The registry's outbox has at most one append in flight and hands the writer everything
    // that queued during the previous commit in one append, so the batching is already done:
    // the writer commits at once instead of waiting for company that cannot come.
    let store = try await SQLiteStore.open(
      SQLiteStore.Options(
        dataDirectory: settings.dataDirectory, sync: settings.store.sync,
        groupCommit: GroupCommitPolicy(maxDelay: .zero)))
    let recovered: RecoveredState
    do {
      recovered = try await store.loadForRecovery(
        RecoveryRequest(now: clock.now, feedRetention: options.eventFeedRetention))
    } catch {
      await store.close()
      throw error
    }
    let registry = Registry(clock: clock, store: store, restoring: recovered, options: options)
    logger.info(
      "store opened",
      metadata: [
        "path": "\(store.options.databasePath)", "sync": "\(settings.store.sync.rawValue)",
        "open_conversations": "\(recovered.openConversations.count)",
        "recently_closed": "\(recovered.recentlyClosed.count)",
        "feed_position": "\(recovered.lastFeedPosition)",
        "recovery_time": "\(ContinuousClock.now - started)",
      ]
    )
    let retention = settings.store.retention
    let retentionTask = retention == .keepForever ? nil : Task {
      while !Task.isCancelled {
        if let cutoff = retention.cutoff(now: clock.now) {
          do {
            let purged = try await store.purgeTranscripts(closedBefore: cutoff)
            if purged > 0 { logger.info("transcripts purged", metadata: ["count": "\(purged)"]) }
          } catch {
            logger.warning("transcript purge failed", metadata: ["error": "\(error)"])
          }
        }
        try? await Task.sleep(for: retentionInterval)
      }
    }
    return RegistrySetup(registry: registry, store: store, retentionTask: retentionTask)
  }

  /// Stops the retention purge, waits for the registry's last changes to be journaled and
  /// closes the store.
  func close() async {
    retentionTask?.cancel()
    await registry.settle()
    await store?.close()
  }
}
