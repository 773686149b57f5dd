internal import Synchronization

/// The consumer-driven state of one running export: the resume token and a buffer of the
/// current batch, read from the registry's index or, when the registry has one, from its
/// store. It frees the caller's export slot when the export ends, fails, or is dropped
/// unfinished.
final class TranscriptExport: Sendable {
  private struct Progress {
    var resumeToken: String
    var buffer: [ExportedTranscript] = []
    var finished = false
  }

  /// Transcripts fetched per batch.
  private static let batchSize = 32

  private let registry: Registry
  private let caller: Caller
  private let key: CallerKey
  private let filter: TranscriptFilter
  private let includeInternal: Bool
  private let progress: Mutex<Progress>

  /// An export after `resumeToken` (empty: from the start), whose slot `key` is taken.
  init(
    registry: Registry,
    caller: Caller,
    key: CallerKey,
    filter: TranscriptFilter,
    includeInternal: Bool,
    resumeToken: String
  ) {
    self.registry = registry
    self.caller = caller
    self.key = key
    self.filter = filter
    self.includeInternal = includeInternal
    self.progress = Mutex(Progress(resumeToken: resumeToken))
  }

  deinit { finish() }

  /// The next transcript, or `nil` at the end. Throws (and ends the export) if the store
  /// cannot be read.
  func next() async throws(CoreError) -> ExportedTranscript? {
    let item = progress.withLock { progress -> ExportedTranscript?? in
      if progress.finished { return .some(nil) }
      return progress.buffer.isEmpty ? nil : .some(progress.buffer.removeFirst())
    }
    if let item { return item }
    let after = progress.withLock { $0.resumeToken }
    let batch: [ExportedTranscript]
    do {
      batch = try await fetch(after: after)
    } catch {
      finish()
      throw error
    }
    guard let first = batch.first, let last = batch.last else {
      finish()
      return nil
    }
    progress.withLock { progress in
      progress.resumeToken = last.resumeToken
      progress.buffer = Array(batch.dropFirst())
    }
    return first
  }

  /// Ends the export and frees the caller's slot (idempotent).
  func finish() {
    let wasRunning = progress.withLock { progress -> Bool in
      defer { progress.finished = true }
      return !progress.finished
    }
    if wasRunning {
      registry.state.withLock { _ = $0.content.runningExports.remove(key) }
    }
  }

  /// The next batch after `token`, in the requested view. The caller's reach is recomputed
  /// for every batch, so a supervisor who lost a queue stops receiving its transcripts (and
  /// one who lost every right gets an empty batch, which ends the export).
  private func fetch(after token: String) async throws(CoreError) -> [ExportedTranscript] {
    guard let store = registry.store else { return indexBatch(after: token) }
    let reach = registry.state.withLock { state in
      try? state.transcriptReach(of: caller, filter: filter, export: true)
    }
    guard let reach else { return [] }
    let batch = try await store.exportTranscripts(
      filter,
      reach: reach,
      resumeToken: token,
      limit: Self.batchSize
    )
    return includeInternal
      ? batch
      : batch.map {
        ExportedTranscript(transcript: $0.transcript.publicView, resumeToken: $0.resumeToken)
      }
  }

  /// The next batch from the in-memory index (a registry without a store).
  private func indexBatch(after token: String) -> [ExportedTranscript] {
    // The token was checked when the export started, or made by the index.
    let after = try? TranscriptIndex.Key(token: token, field: "resume_token")
    return registry.state.withLock { state -> [ExportedTranscript] in
      guard let reach = try? state.transcriptReach(of: caller, filter: filter, export: true) else {
        return []
      }
      let now = registry.clock.now
      return state.content.transcripts.export(
        filter,
        after: after,
        limit: Self.batchSize,
        reach: { reach.admits(queueIDs: $0.queueIDs, agentIDs: $0.agentIDs) }
      )
      .compactMap { key in
        state.conversations[key.conversationID].map {
          ExportedTranscript(
            transcript: $0.transcript(includeInternal: includeInternal, now: now),
            resumeToken: key.token
          )
        }
      }
    }
  }
}
