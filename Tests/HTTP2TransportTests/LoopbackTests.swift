internal import NIOCore
internal import RPCCore
internal import Synchronization
internal import Testing

@testable internal import HTTP2Transport

/// `HTTP2Server` and `HTTP2ClientConnection` against each other over loopback TCP.
@Suite struct LoopbackTests {
  @Test(arguments: [HTTP2Server.HandlerExecution.eventLoop, .globalExecutor])
  func manyConcurrentStreamsOnOneConnection(execution: HTTP2Server.HandlerExecution) async throws {
    try await withServer(.testing { $0.handlerExecution = execution }) { server, _ in
      let client = try await HTTP2ClientConnection.connect(host: "127.0.0.1", port: server.port)
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0 ..< 200 {
          group.addTask {
            let body = [UInt8](repeating: UInt8(index % 251), count: 1 + index * 37)
            let response = try await call(client, "/unary", body)
            #expect(response.data == body)
            #expect(response.trailers == okTrailers)
          }
        }
        try await group.waitForAll()
      }
      await client.close()
    }
  }

  @Test func aLargeBodyCrossesSmallWindowsBothWays() async throws {
    let configuration = HTTP2Server.Configuration.testing {
      $0.initialStreamWindowSize = 16_384
      $0.connectionWindowSize = 65_535
      $0.outboundQueueLimit = 16_384
    }
    try await withServer(configuration) { server, _ in
      var configuration = HTTP2ClientConnection.Configuration()
      configuration.initialStreamWindowSize = 16_384
      configuration.connectionWindowSize = 65_535
      configuration.outboundQueueLimit = 16_384
      let client = try await HTTP2ClientConnection.connect(
        host: "127.0.0.1",
        port: server.port,
        configuration: configuration
      )
      let body = (0 ..< (1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }

      let response = try await call(client, "/echo", body, pieceSize: 10_000)

      #expect(response.data == body)
      #expect(response.trailers == okTrailers)
      await client.close()
    }
  }

  @Test func aSlowReaderHoldsTheWriterAtTheQueueBound() async throws {
    let queueLimit = 64 * 1024
    let total = 4 << 20
    try await withServer(.testing { $0.outboundQueueLimit = queueLimit }) { server, probe in
      var configuration = HTTP2ClientConnection.Configuration()
      configuration.initialStreamWindowSize = 16_384
      configuration.connectionWindowSize = 65_535
      let client = try await HTTP2ClientConnection.connect(
        host: "127.0.0.1",
        port: server.port,
        configuration: configuration
      )
      let stream = try await client.openStream(headers: requestHeaders("/produce/\(total)"))
      try await stream.send([], endStream: true)

      // The server holds at most its queue (plus the piece that crossed the bound) and what the
      // client's stream window lets through, however far ahead the writer would like to be.
      let slack = queueLimit + 16_384 + 16_384
      var received = 0
      var mostAhead = 0
      while let part = try await stream.next() {
        guard case .data(let bytes) = part else { continue }
        received += bytes.count
        let ahead = probe.produced.load(ordering: .relaxed) - received
        mostAhead = max(mostAhead, ahead)
        #expect(ahead <= slack)
        if received < 256 * 1024 {
          await Task.yield()
        }
      }
      #expect(received == total)
      #expect(mostAhead <= slack)
      await client.close()
    }
  }

  @Test func resettingAStreamCancelsItsHandlerTask() async throws {
    try await withServer { server, probe in
      let client = try await HTTP2ClientConnection.connect(host: "127.0.0.1", port: server.port)
      let stream = try await client.openStream(headers: requestHeaders("/hang"))
      guard case .headers = try await stream.next() else {
        Issue.record("expected the response headers")
        return
      }

      stream.cancel()

      await probe.wait(for: "hang: cancelled")
      await #expect(throws: HTTP2TransportError.self) { try await stream.next() }
      let response = try await call(client, "/unary", [1, 2])
      #expect(response.data == [1, 2])
      await client.close()
    }
  }

  @Test func shutdownSendsGoAwayAndLetsTheStreamInFlightFinish() async throws {
    let probe = Probe()
    let server = try await HTTP2Server.start(
      host: "127.0.0.1",
      port: 0,
      configuration: .testing(),
      handler: TestHandler(probe: probe)
    )
    let client = try await HTTP2ClientConnection.connect(host: "127.0.0.1", port: server.port)
    let stream = try await client.openStream(headers: requestHeaders("/gated"))
    try await stream.send([5], endStream: false)
    guard case .headers = try await stream.next(), case .data([5]) = try await stream.next() else {
      Issue.record("expected the response headers and the echo")
      return
    }

    let shutdown = Task {
      await server.shutdown(gracePeriod: .seconds(60)) { probe.record("before draining") }
    }
    await client.waitUntilGoingAway()

    #expect(probe.entries == ["before draining"])
    await #expect(throws: HTTP2TransportError.goingAway) {
      _ = try await client.openStream(headers: requestHeaders("/unary"))
    }
    try await stream.send([6], endStream: true)
    probe.openGate()
    #expect(try await stream.next().flatMap(data) == [6])
    guard case .trailers(okTrailers) = try await stream.next() else {
      Issue.record("expected OK trailers")
      return
    }
    await shutdown.value
    await client.waitUntilClosed()
    await #expect(throws: (any Error).self) {
      _ = try await HTTP2ClientConnection.connect(host: "127.0.0.1", port: server.port)
    }
  }

  @Test func anIdleConnectionIsClosed() async throws {
    try await withServer(.testing { $0.idleTimeout = .milliseconds(50) }) { server, _ in
      let client = try await HTTP2ClientConnection.connect(host: "127.0.0.1", port: server.port)
      await client.waitUntilClosed()
      await #expect(throws: HTTP2TransportError.self) {
        _ = try await client.openStream(headers: requestHeaders("/unary"))
      }
    }
  }

  @Test func connectionsOverTheLimitAreClosedAtOnce() async throws {
    try await withServer(.testing { $0.maxConnections = 1 }) { server, _ in
      let first = try await HTTP2ClientConnection.connect(host: "127.0.0.1", port: server.port)
      #expect(try await call(first, "/unary", [1]).data == [1])

      // The kernel completes the TCP handshake; the server closes the connection once accepted,
      // which the client sees either while it connects or right after.
      if let second = try? await HTTP2ClientConnection.connect(host: "127.0.0.1", port: server.port)
      {
        await second.waitUntilClosed()
      }

      #expect(try await call(first, "/unary", [2]).data == [2])
      await first.close()
    }
  }
}

extension HTTP2Server.Configuration {
  /// A one-thread server's configuration, adjusted by `configure`.
  fileprivate static func testing(_ configure: (inout Self) -> Void = { _ in }) -> Self {
    var configuration = Self()
    configuration.eventLoopThreads = 1
    configure(&configuration)
    return configuration
  }
}

/// Runs `body` against a server serving `TestHandler`, then shuts the server down.
private func withServer(
  _ configuration: HTTP2Server.Configuration = .testing(),
  _ body: (HTTP2Server, Probe) async throws -> Void
) async throws {
  let probe = Probe()
  let server = try await HTTP2Server.start(
    host: "127.0.0.1",
    port: 0,
    configuration: configuration,
    handler: TestHandler(probe: probe)
  )
  do {
    try await body(server, probe)
  } catch {
    await server.shutdown(gracePeriod: .zero)
    throw error
  }
  await server.shutdown(gracePeriod: .zero)
}

private struct Response {
  var headers: [HeaderField] = []
  var data: [UInt8] = []
  var trailers: [HeaderField] = []
}

private func data(_ part: ClientResponsePart) -> [UInt8]? {
  guard case .data(let bytes) = part else { return nil }
  return bytes
}

/// One call: sends `body` in pieces while reading the whole response.
private func call(
  _ client: HTTP2ClientConnection,
  _ path: String,
  _ body: [UInt8],
  pieceSize: Int = .max
) async throws -> Response {
  let stream = try await client.openStream(headers: requestHeaders(path))
  async let sent: Void = {
    var offset = 0
    repeat {
      let end = min(body.count, offset + pieceSize)
      try await stream.send(Array(body[offset ..< end]), endStream: end == body.count)
      offset = end
    } while offset < body.count
  }()
  var response = Response()
  while let part = try await stream.next() {
    switch part {
    case .headers(let fields, _): response.headers = fields
    case .data(let bytes): response.data += bytes
    case .trailers(let fields): response.trailers = fields
    }
  }
  try await sent
  return response
}
