internal import Synchronization

/// An unbounded single-consumer async queue: `push` never waits, `next` waits for an element or
/// the end. Cancelling the waiting task makes `next` throw `CancellationError`, as a
/// well-behaved transport does.
final class AsyncQueue<Element: Sendable>: Sendable {
  private struct State {
    var buffer: [Element] = []
    /// Set once finished: nil for a clean end, or the error every later `next` throws.
    var end: Result<Void, any Error>?
    var waiter: CheckedContinuation<Element?, any Error>?
  }

  private let state = Mutex(State())

  func push(_ element: Element) {
    let waiter = state.withLock { state -> CheckedContinuation<Element?, any Error>? in
      guard state.end == nil else { return nil }
      if let waiter = state.waiter {
        state.waiter = nil
        return waiter
      }
      state.buffer.append(element)
      return nil
    }
    waiter?.resume(returning: element)
  }

  /// Ends the queue after the buffered elements; with `error`, later reads throw it instead.
  func finish(throwing error: (any Error)? = nil) {
    let waiter = state.withLock { state -> CheckedContinuation<Element?, any Error>? in
      guard state.end == nil else { return nil }
      state.end = error.map { .failure($0) } ?? .success(())
      if error != nil { state.buffer.removeAll() }
      defer { state.waiter = nil }
      return state.waiter
    }
    if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
  }

  func next() async throws -> Element? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let result = state.withLock { state -> Result<Element?, any Error>? in
          if !state.buffer.isEmpty { return .success(state.buffer.removeFirst()) }
          switch state.end {
          case .success: return .success(nil)
          case .failure(let error): return .failure(error)
          case nil: break
          }
          if Task.isCancelled { return .failure(CancellationError()) }
          state.waiter = continuation
          return nil
        }
        if let result { continuation.resume(with: result) }
      }
    } onCancel: {
      let waiter = state.withLock { state in
        defer { state.waiter = nil }
        return state.waiter
      }
      waiter?.resume(throwing: CancellationError())
    }
  }
}
