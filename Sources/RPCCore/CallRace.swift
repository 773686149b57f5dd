internal import Synchronization

/// How a call with a deadline was decided: it completed, or its deadline passed first.
enum CallRaceResult: Sendable {
  case completed
  case expired
}

/// A one-shot race between a call's completion and its deadline: the first `resolve` wins and
/// wakes the waiter; later ones do nothing.
final class CallRace: Sendable {
  private struct State {
    var result: CallRaceResult?
    var waiter: CheckedContinuation<CallRaceResult, Never>?
  }

  private let state = Mutex(State())

  func resolve(_ result: CallRaceResult) {
    let waiter = state.withLock { state -> CheckedContinuation<CallRaceResult, Never>? in
      guard state.result == nil else { return nil }
      state.result = result
      defer { state.waiter = nil }
      return state.waiter
    }
    waiter?.resume(returning: result)
  }

  /// Waits for the first `resolve`.
  func wait() async -> CallRaceResult {
    await withCheckedContinuation { continuation in
      let result = state.withLock { state -> CallRaceResult? in
        if let result = state.result { return result }
        state.waiter = continuation
        return nil
      }
      if let result { continuation.resume(returning: result) }
    }
  }
}
