internal import NIOCore

/// A stream operation (read or write) suspended until its event loop can complete it.
///
/// `@unchecked Sendable`: the continuation is stored before the call is handed to the loop (the
/// hop orders that write before every later access) and from then on the call is only touched on
/// that loop.
final class ParkedCall<Value: Sendable>: @unchecked Sendable {
  private var continuation: UnsafeContinuation<Value, any Error>?
  /// The waiting task was cancelled; an owner that would store the call fails it instead.
  private(set) var isCancelled = false

  fileprivate init() {}

  /// Completes the call; later completions are ignored.
  func resume(_ result: Result<Value, any Error>) {
    continuation?.resume(with: result)
    continuation = nil
  }

  /// Suspends the current task until the operation completes, running everything on `loop`:
  /// `park` decides at once (resume now) or keeps the call to resume later; task cancellation
  /// marks the call and runs `cancel`, which fails it if it is still kept. Values are returned
  /// even to a cancelled task if they were ready: cancellation only interrupts waiting.
  static func suspend(
    on loop: any EventLoop,
    park: @escaping @Sendable (ParkedCall<Value>) -> Void,
    cancel: @escaping @Sendable (ParkedCall<Value>) -> Void
  ) async throws -> Value {
    let call = ParkedCall<Value>()
    return try await withTaskCancellationHandler {
      try await withUnsafeThrowingContinuation { continuation in
        call.continuation = continuation
        if loop.inEventLoop {
          park(call)
        } else {
          loop.execute { park(call) }
        }
      }
    } onCancel: {
      loop.execute {
        call.isCancelled = true
        cancel(call)
      }
    }
  }
}
