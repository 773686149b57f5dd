internal import NIOCore
internal import Synchronization

/// The server's open connections: enforces the connection limit, reaches every connection at
/// shutdown, and tells when the last one is done.
final class ConnectionRegistry: Sendable {
  private struct State {
    var channels: [ObjectIdentifier: any Channel] = [:]
    var isAccepting = true
    var emptyWaiters: [CheckedContinuation<Void, Never>] = []
  }

  private let maxConnections: Int
  private let state = Mutex(State())

  init(maxConnections: Int) {
    self.maxConnections = maxConnections
  }

  /// Adds a connection; false (and nothing added) at the limit or once shutdown began.
  func add(_ channel: any Channel) -> Bool {
    state.withLock { state in
      guard state.isAccepting, state.channels.count < maxConnections else { return false }
      state.channels[ObjectIdentifier(channel)] = channel
      return true
    }
  }

  /// Removes a connection that closed and whose handler tasks all returned.
  func remove(_ channel: any Channel) {
    let waiters = state.withLock { state in
      state.channels[ObjectIdentifier(channel)] = nil
      guard state.channels.isEmpty else { return [CheckedContinuation<Void, Never>]() }
      defer { state.emptyWaiters.removeAll() }
      return state.emptyWaiters
    }
    for waiter in waiters {
      waiter.resume()
    }
  }

  /// Refuses further connections; returns the open ones.
  func stopAccepting() -> [any Channel] {
    state.withLock { state in
      state.isAccepting = false
      return Array(state.channels.values)
    }
  }

  /// The open connections.
  var channels: [any Channel] {
    state.withLock { Array($0.channels.values) }
  }

  /// Returns once no connection is left.
  func waitUntilEmpty() async {
    await withCheckedContinuation { continuation in
      let isEmpty = state.withLock { state in
        guard !state.channels.isEmpty else { return true }
        state.emptyWaiters.append(continuation)
        return false
      }
      if isEmpty {
        continuation.resume()
      }
    }
  }
}
