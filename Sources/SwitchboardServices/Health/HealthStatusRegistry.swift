public import SwitchboardAPI
internal import Synchronization

/// The serving status of each service, and of the server as a whole under the empty name, as
/// `grpc.health.v1.Health` reports it.
///
/// The server sets a status when a service starts or stops taking calls; `Watch` calls see every
/// change. `markAllNotServing()` is for shutdown: it turns every status to NOT_SERVING, ends the
/// watches and ignores any later change, so that clients and load balancers stop sending calls
/// while the server drains.
public final class HealthStatusRegistry: Sendable {
  /// A serving status.
  public typealias ServingStatus = GRPCHealthV1.HealthCheckResponse.ServingStatus

  private struct State {
    var statuses: [String: ServingStatus] = [:]
    /// Open watches, per service name, by watch id: each is woken on a change of its service.
    var watchers: [String: [Int: AsyncStream<Void>.Continuation]] = [:]
    var nextWatcherID = 0
    var isShutDown = false
  }

  private let state = Mutex(State())

  /// A registry that knows no service yet (Check answers NOT_FOUND even for the empty name).
  public init() {}

  /// Sets the status of `service` (a fully qualified service name, or "" for the whole server).
  /// Ignored after `markAllNotServing()`.
  public func setStatus(_ status: ServingStatus, forService service: String) {
    let woken = state.withLock { state -> [AsyncStream<Void>.Continuation] in
      guard !state.isShutDown, state.statuses[service] != status else { return [] }
      state.statuses[service] = status
      return state.watchers[service].map { Array($0.values) } ?? []
    }
    for watcher in woken { watcher.yield() }
  }

  /// The status of `service`, or nil if it was never set.
  public func status(ofService service: String) -> ServingStatus? {
    state.withLock { $0.statuses[service] }
  }

  /// Turns every known status to NOT_SERVING and ignores later `setStatus` calls: the first step
  /// of a graceful shutdown. Every watch, and any started later, gets this last status and ends,
  /// so that open Watch calls do not hold the server's grace period.
  public func markAllNotServing() {
    let watchers = state.withLock { state -> [AsyncStream<Void>.Continuation] in
      state.isShutDown = true
      for (service, status) in state.statuses where status != .notServing {
        state.statuses[service] = .notServing
      }
      defer { state.watchers = [:] }
      return state.watchers.values.flatMap(\.values)
    }
    for watcher in watchers {
      watcher.yield()
      watcher.finish()
    }
  }

  /// Whether `markAllNotServing()` was called.
  var isShutDown: Bool {
    state.withLock { $0.isShutDown }
  }

  /// A stream with one element now and one after each change of `service`'s status. An element
  /// says only "look again": a watcher reads `status(ofService:)` when it takes one, so it never
  /// acts on a stale status, and changes that come faster than it reads fold into one element.
  /// The stream ends after `markAllNotServing()`; the watch ends when the stream is dropped or its
  /// consuming task is cancelled.
  func changes(ofService service: String) -> AsyncStream<Void> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: Void.self,
      bufferingPolicy: .bufferingNewest(1)
    )
    continuation.yield()
    let id = state.withLock { state -> Int? in
      guard !state.isShutDown else { return nil }
      let id = state.nextWatcherID
      state.nextWatcherID += 1
      state.watchers[service, default: [:]][id] = continuation
      return id
    }
    guard let id else {
      continuation.finish()
      return stream
    }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { state in
        state.watchers[service]?[id] = nil
        if state.watchers[service]?.isEmpty == true { state.watchers[service] = nil }
      }
    }
    return stream
  }
}
