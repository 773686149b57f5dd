// One server connection fed arbitrary client bytes: HTTP2Transport's connection handler on an
// `EmbeddedChannel`, RPCCore's dispatcher and the interop server's services (TestService, health,
// reflection), all on one thread, with no socket and no waiting.

internal import HTTP2Transport
internal import NIOCore
internal import NIOEmbedded
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardServices

/// Serves one connection from a fuzzer input and checks what must hold whatever the input.
///
/// An input's first byte says how the rest arrives: its low 7 bits are the size of each read
/// (0: the whole rest in one read), and its top bit advances the loop's clock by two hours and a
/// bit before the connection is closed, which fires the keepalive PING, its timeout and the idle
/// timeout. The embedded loop runs after every read, so handler tasks answer between reads.
///
/// Checked (a failed check traps, which libFuzzer reports as a crash):
/// - the server writes whole HTTP/2 frames, SETTINGS first;
/// - once the channel is closed and the loop has run, every stream handler task has returned
///   (the connection reports `onFinished`; a real server's shutdown waits for it).
enum FuzzedConnection {
  /// What the server did with one input, for the replay tool.
  struct Outcome {
    /// The type of every frame the server sent, in order.
    var frameTypes: [UInt8] = []
    /// The reads the input was split into.
    var reads = 0
    /// Whether the server closed the connection before the input ran out.
    var closedByServer = false
  }

  /// The stream handler: the interop server's router behind RPCCore's dispatcher.
  static let handler = WithoutDeadlines(dispatcher: makeDispatcher())

  private static let twoHoursAndABit = TimeAmount.seconds(7200 + 300)

  /// Serves `input` (selector byte first) on a fresh connection.
  static func serve(_ input: UnsafeRawBufferPointer) -> Outcome {
    var outcome = Outcome()
    guard let selector = input.first else { return outcome }
    let body = UnsafeRawBufferPointer(rebasing: input.dropFirst())
    let readSize = Int(selector & 0x7f) == 0 ? max(body.count, 1) : Int(selector & 0x7f)

    let loop = EmbeddedEventLoop()
    let channel = EmbeddedChannel(loop: loop)
    var finished = false
    do {
      let connection = try HTTP2Server.connectionHandler(
        configuration: HTTP2Server.Configuration(),
        handler: handler,
        eventLoop: loop,
        onFinished: { finished = true }
      )
      try channel.pipeline.syncOperations.addHandler(connection)
      try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 50051)).wait()
    } catch {
      preconditionFailure("the connection did not start: \(error)")
    }
    var output = FrameChecker()
    output.take(channel)

    var offset = 0
    while offset < body.count {
      guard channel.isActive else {
        outcome.closedByServer = true
        break
      }
      let read = body[offset ..< min(offset + readSize, body.count)]
      offset += read.count
      outcome.reads += 1
      // An error the handler passed on (none is expected) ends the connection like any other.
      _ = try? channel.writeInbound(ByteBuffer(bytes: read))
      loop.run()
      output.take(channel)
    }
    if selector & 0x80 != 0 {
      loop.advanceTime(by: twoHoursAndABit)
      output.take(channel)
    }
    _ = try? channel.finish(acceptAlreadyClosed: true)
    loop.run()
    output.take(channel)
    try? loop.syncShutdownGracefully()

    outcome.frameTypes = output.finish()
    precondition(finished, "a stream handler task was still running after the connection closed")
    return outcome
  }

  private static func makeDispatcher() -> GRPCServerDispatcher {
    let health = HealthStatusRegistry()
    var router = RPCRouter()
    HealthService(registry: health).register(into: &router)
    // `interval_us` pauses are not waited for: the loop is the fuzzer's thread.
    InteropTestService(sleep: { _ in }).register(into: &router)
    ReflectionService().register(into: &router)
    for service in [""] + router.registeredServiceNames {
      health.setStatus(.serving, forService: service)
    }
    return GRPCServerDispatcher(router: router)
  }
}

/// RPCCore's dispatcher, minus `grpc-timeout`: a deadline fires on the dispatcher's timer task,
/// on another thread, and resumes its call from there, which an embedded loop (single-threaded
/// by contract) cannot take. Deadlines are the one part of a request this harness does not fuzz.
struct WithoutDeadlines: ServerStreamHandler {
  let dispatcher: GRPCServerDispatcher

  func handle(
    head: ServerStreamHead,
    inbound: some ServerStreamInbound,
    outbound: some ServerStreamOutbound
  ) async {
    var head = head
    head.headers.removeAll { $0.name == "grpc-timeout" }
    await dispatcher.handle(head: head, inbound: inbound, outbound: outbound)
  }
}

/// Collects what the server writes and checks that it is a sequence of whole HTTP/2 frames,
/// starting with SETTINGS.
struct FrameChecker {
  private var pending: [UInt8] = []
  private var types: [UInt8] = []

  /// Takes everything the channel has written so far.
  mutating func take(_ channel: EmbeddedChannel) {
    while let buffer = try? channel.readOutbound(as: ByteBuffer.self) {
      pending += buffer.readableBytesView
      var start = 0
      while pending.count - start >= 9 {
        let length =
          Int(pending[start]) << 16 | Int(pending[start + 1]) << 8 | Int(pending[start + 2])
        guard pending.count - start >= 9 + length else { break }
        types.append(pending[start + 3])
        start += 9 + length
      }
      pending.removeFirst(start)
    }
  }

  /// The type of every frame, once the server wrote its last byte.
  func finish() -> [UInt8] {
    precondition(pending.isEmpty, "the server's output ends in a partial frame")
    precondition(types.first == 0x4, "the server's first frame is not SETTINGS")
    return types
  }
}
