internal import Dispatch

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// SIGTERM and SIGINT, taken over from their default action (ending the process) from the
/// moment this is made, so that the server can shut down gracefully instead.
final class TerminationSignals {
  private let stream: AsyncStream<Int32>
  private let sources: [any DispatchSourceSignal]

  /// Starts catching SIGTERM and SIGINT; a signal that arrives before `next()` is kept for it.
  init() {
    let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
    self.stream = stream
    self.sources = [SIGTERM, SIGINT].map { number in
      // Dispatch sees the signal only if the default action no longer ends the process.
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { continuation.yield(number) }
      source.resume()
      return source
    }
  }

  deinit {
    for source in sources { source.cancel() }
  }

  /// Waits for the next SIGTERM or SIGINT and returns its number.
  func next() async -> Int32 {
    var iterator = stream.makeAsyncIterator()
    return await iterator.next() ?? SIGTERM
  }

  /// The name of signal `number`, for logs.
  static func name(_ number: Int32) -> String {
    switch number {
    case SIGTERM: "SIGTERM"
    case SIGINT: "SIGINT"
    default: "signal \(number)"
    }
  }
}
