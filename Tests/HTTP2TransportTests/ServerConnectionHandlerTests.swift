internal import NIOCore
internal import NIOEmbedded
internal import RPCCore
internal import Testing

@testable internal import HTTP2Transport

/// The server connection on an embedded channel: timers on an injected clock, streams served by
/// handler tasks that run on the embedded loop, every frame visible.
@Suite struct ServerConnectionHandlerTests {
  @Test func settingsIsTheFirstFrameAndPingIsAnswered() throws {
    let server = try EmbeddedServer()
    let frames = try server.exchange()
    #expect(frames.first?.type == Frame.settings && frames.first?.flags == 0)

    server.client.submitPing(opaqueData: 42)
    try server.exchange()
    #expect(server.clientEvents.events.contains(.pingAck(42)))
  }

  @Test func aStreamIsServedByItsHandlerTask() throws {
    let server = try EmbeddedServer()
    let request = try server.request("/unary")
    let streamID = request.streamID
    server.client.enqueue([1, 2, 3], on: request)
    server.client.finishOutbound(request, trailers: nil)
    try server.exchange()

    #expect(
      server.clientEvents.take().filter { if case .closed = $0 { false } else { true } } == [
        .headers(streamID, responseHeaders, .response, endStream: false),
        .data(streamID, [1, 2, 3]),
        .headers(streamID, okTrailers, .trailers, endStream: true),
      ]
    )
  }

  @Test func peerResetFailsTheHandlersReadAndCancelsItsTask() throws {
    let server = try EmbeddedServer()
    let request = try server.request("/echo")
    let streamID = request.streamID
    server.client.enqueue([7], on: request)
    try server.exchange()
    #expect(server.clientEvents.events.contains(.data(streamID, [7])))

    server.client.resetStream(streamID: streamID, errorCode: HTTP2ErrorCode.cancel)
    try server.exchange()

    #expect(server.probe.entries == ["/echo failed: 8, cancelled: true"])
    // The connection goes on.
    let nextBody = try server.request("/unary")
    let next = nextBody.streamID
    server.client.finishOutbound(nextBody, trailers: nil)
    try server.exchange()
    #expect(
      server.clientEvents.events.contains(.headers(next, okTrailers, .trailers, endStream: true))
    )
  }

  @Test func gracefulDrainingFinishesTheStreamInFlightAndRefusesNewOnes() throws {
    let server = try EmbeddedServer()
    let inFlightBody = try server.request("/echo")
    let inFlight = inFlightBody.streamID
    server.client.enqueue([1], on: inFlightBody)
    try server.exchange()

    server.handler.beginDraining()
    let refusedBody = try server.request("/echo")
    let refused = refusedBody.streamID
    let frames = try server.exchange()

    let goAway = try #require(frames.first { $0.type == Frame.goAway })
    #expect(goAway.leading31Bits == UInt32(inFlight))
    #expect(server.clientEvents.events.contains(.closed(refused, errorCode: 7)))  // REFUSED_STREAM
    #expect(server.channel.isActive)

    server.client.enqueue([2], on: inFlightBody)
    server.client.finishOutbound(inFlightBody, trailers: nil)
    try server.exchange()
    #expect(server.clientEvents.data(on: inFlight) == [1, 2])
    #expect(server.clientEvents.events.contains(.closed(inFlight, errorCode: 0)))
    #expect(!server.channel.isActive)
  }

  @Test func anIdleConnectionIsClosedAfterTheTimeout() throws {
    let server = try EmbeddedServer { $0.idleTimeout = .seconds(30) }
    try server.exchange()

    server.loop.advanceTime(by: .seconds(29))
    try server.exchange()
    #expect(server.channel.isActive)

    server.loop.advanceTime(by: .seconds(1))
    let frames = try server.exchange()
    #expect(frames.contains { $0.type == Frame.goAway })
    #expect(!server.channel.isActive)
  }

  @Test func theIdleTimeoutCountsFromTheLastStreamsClose() throws {
    let server = try EmbeddedServer { $0.idleTimeout = .seconds(30) }
    server.loop.advanceTime(by: .seconds(20))
    let request = try server.request("/unary")
    server.client.finishOutbound(request, trailers: nil)
    try server.exchange()

    server.loop.advanceTime(by: .seconds(29))
    try server.exchange()
    #expect(server.channel.isActive)

    server.loop.advanceTime(by: .seconds(1))
    try server.exchange()
    #expect(!server.channel.isActive)
  }

  @Test func keepalivePingsASilentPeerAndKeepsItWhileItAnswers() throws {
    let server = try EmbeddedServer {
      $0.keepalive = .init(interval: .seconds(10), timeout: .seconds(2))
    }
    try server.exchange()

    server.loop.advanceTime(by: .seconds(9))
    #expect(try server.exchange().filter { $0.type == Frame.ping }.isEmpty)

    server.loop.advanceTime(by: .seconds(1))
    let pings = try server.exchange().filter { $0.type == Frame.ping }
    #expect(pings.count == 1 && pings.first?.flags == 0)

    server.loop.advanceTime(by: .seconds(5))
    try server.exchange()
    #expect(server.channel.isActive)

    server.loop.advanceTime(by: .seconds(5))  // ten seconds after the PING ACK
    #expect(try server.exchange().filter { $0.type == Frame.ping }.count == 1)
  }

  @Test func keepaliveClosesAPeerThatDoesNotAnswer() throws {
    let server = try EmbeddedServer {
      $0.keepalive = .init(interval: .seconds(10), timeout: .seconds(2))
    }
    try server.exchange()

    server.loop.advanceTime(by: .seconds(10))
    let pings = try server.exchange(deliverToServer: false).filter { $0.type == Frame.ping }
    #expect(pings.count == 1)

    server.loop.advanceTime(by: .milliseconds(1999))
    #expect(server.channel.isActive)
    server.loop.advanceTime(by: .milliseconds(1))
    #expect(!server.channel.isActive)
  }

  @Test func garbageFromThePeerIsAConnectionError() throws {
    let server = try EmbeddedServer()
    try server.channel.writeInbound(ByteBuffer(bytes: Array("GET / HTTP/1.1\r\n\r\n".utf8)))
    server.loop.run()
    #expect(!server.channel.isActive)
  }
}
