internal import RPCCore
internal import Synchronization

@testable internal import HTTP2Transport

/// What the test handler did, for tests to check or wait for.
final class Probe: Sendable {
  /// Response bytes `/produce` had accepted by `send` so far.
  let produced = Atomic<Int>(0)
  private let log = Mutex<[String]>([])
  private let events: AsyncStream<String>
  private let eventSink: AsyncStream<String>.Continuation
  private let gate: AsyncStream<Void>
  private let gateOpener: AsyncStream<Void>.Continuation

  init() {
    (events, eventSink) = AsyncStream.makeStream()
    (gate, gateOpener) = AsyncStream.makeStream()
  }

  func record(_ entry: String) {
    log.withLock { $0.append(entry) }
    eventSink.yield(entry)
  }

  /// Everything recorded so far.
  var entries: [String] { log.withLock { $0 } }

  /// Returns once `entry` has been recorded, before or after the call; consumes the events up to
  /// it, for the next `wait`.
  func wait(for entry: String) async {
    for await recorded in events where recorded == entry {
      return
    }
  }

  /// Lets `/gated` finish.
  func openGate() {
    gateOpener.yield()
  }

  fileprivate func waitForGate() async {
    for await _ in gate {
      return
    }
  }
}

/// A stream handler with one behaviour per path:
/// - `/echo`: response headers at once, every request chunk echoed as it arrives, OK trailers;
/// - `/gated`: like `/echo`, but the trailers wait for `Probe.openGate()`;
/// - `/unary`: reads the whole request, then headers, the same bytes and trailers in one send;
/// - `/produce/N`: ignores the request and sends N bytes in 16 KiB pieces, counting in `Probe`;
/// - `/hang`: response headers, then sleeps until its task is cancelled.
struct TestHandler: ServerStreamHandler {
  let probe: Probe

  func handle(
    head: ServerStreamHead,
    inbound: some ServerStreamInbound,
    outbound: some ServerStreamOutbound
  ) async {
    do {
      switch head.path {
      case "/echo": try await echo(inbound, outbound, gated: false)
      case "/gated": try await echo(inbound, outbound, gated: true)
      case "/unary": try await unary(inbound, outbound)
      case "/hang": try await hang(outbound)
      case let path where path.hasPrefix("/produce/"):
        try await produce(Int(path.dropFirst("/produce/".count)) ?? 0, outbound)
      default:
        try await outbound.send([.headers([HeaderField(":status", "404")], endStream: true)])
      }
    } catch {
      let code = (error as? HTTP2TransportError)?.http2ErrorCode.map { "\($0)" } ?? "\(error)"
      probe.record("\(head.path) failed: \(code), cancelled: \(Task.isCancelled)")
    }
  }

  private func echo(
    _ inbound: some ServerStreamInbound,
    _ outbound: some ServerStreamOutbound,
    gated: Bool
  ) async throws {
    try await outbound.send([.headers(responseHeaders, endStream: false)])
    while let chunk = try await inbound.next() {
      try await outbound.send([.data(chunk)])
    }
    if gated {
      await probe.waitForGate()
    }
    try await outbound.send([.trailers(okTrailers)])
  }

  private func unary(
    _ inbound: some ServerStreamInbound,
    _ outbound: some ServerStreamOutbound
  ) async throws {
    var request: [UInt8] = []
    while let chunk = try await inbound.next() {
      request += chunk
    }
    try await outbound.send([
      .headers(responseHeaders, endStream: false), .data(request), .trailers(okTrailers),
    ])
  }

  private func produce(_ total: Int, _ outbound: some ServerStreamOutbound) async throws {
    try await outbound.send([.headers(responseHeaders, endStream: false)])
    var sent = 0
    while sent < total {
      let piece = [UInt8](
        repeating: UInt8(truncatingIfNeeded: sent / 16_384),
        count: min(16_384, total - sent)
      )
      try await outbound.send([.data(piece)])
      sent += piece.count
      probe.produced.add(piece.count, ordering: .relaxed)
    }
    try await outbound.send([.trailers(okTrailers)])
  }

  private func hang(_ outbound: some ServerStreamOutbound) async throws {
    try await outbound.send([.headers(responseHeaders, endStream: false)])
    do {
      try await Task.sleep(for: .seconds(3600))
    } catch {
      probe.record("hang: cancelled")
    }
  }
}
