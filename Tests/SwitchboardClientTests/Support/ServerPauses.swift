internal import SwitchboardServices
internal import Synchronization

/// The pauses (`interval_us`) of the server's interop service: really waited, counted, and
/// reported when cancelled, so that tests can see how far a streaming handler has got and that
/// a deadline or a client's cancellation stopped it.
final class ServerPauses: Sendable {
  private let started = Atomic<Int>(0)
  private let cancelled: AsyncStream<Duration>
  private let cancellation: AsyncStream<Duration>.Continuation

  init() {
    (cancelled, cancellation) = AsyncStream.makeStream()
  }

  /// The `InteropTestService` sleep that records into this probe.
  var sleep: InteropTestService.Sleep {
    { duration in
      self.started.add(1, ordering: .relaxed)
      do {
        try await Task.sleep(for: duration)
      } catch {
        self.cancellation.yield(duration)
        throw error
      }
    }
  }

  /// How many pauses have begun; a handler pauses before each response that asks for it.
  var startedCount: Int { started.load(ordering: .relaxed) }

  /// Waits until a pause ends by cancellation and returns its duration. Call from one task.
  func nextCancelledPause() async -> Duration? {
    var iterator = cancelled.makeAsyncIterator()
    return await iterator.next()
  }
}
