internal import NIOCore
internal import RPCCore
internal import Testing

@testable internal import HTTP2Transport

/// The sans-IO session, driven by an nghttp2 client session in memory: no sockets, no loops.
@Suite struct NGHTTP2SessionTests {
  @Test func serverSendsItsSettingsFirstThenRaisesTheConnectionWindow() throws {
    var configuration = NGHTTP2Session.Configuration()
    configuration.maxConcurrentStreams = 321
    configuration.initialWindowSize = 40_000
    configuration.maxHeaderListSize = 9_000
    configuration.connectionWindowSize = 1 << 20
    let pair = try SessionPair(server: configuration)

    let frames = Frame.parse(try SessionPair.output(of: pair.server))

    try #require(frames.count == 2)
    #expect(frames[0].type == Frame.settings && frames[0].flags == 0 && frames[0].streamID == 0)
    let settings = Dictionary(uniqueKeysWithValues: frames[0].settings)
    #expect(settings[0x3] == 321)  // MAX_CONCURRENT_STREAMS
    #expect(settings[0x4] == 40_000)  // INITIAL_WINDOW_SIZE
    #expect(settings[0x5] == 16_384)  // MAX_FRAME_SIZE
    #expect(settings[0x6] == 9_000)  // MAX_HEADER_LIST_SIZE
    #expect(frames[1].type == Frame.windowUpdate && frames[1].streamID == 0)
    #expect(frames[1].leading31Bits == (1 << 20) - 65_535)
  }

  @Test func pingIsAnsweredWithTheSameData() throws {
    let pair = try SessionPair()
    try pair.exchange()
    pair.client.submitPing(opaqueData: 0x0102_0304_0506_0708)
    try pair.exchange()
    #expect(pair.clientEvents.events.contains(.pingAck(0x0102_0304_0506_0708)))
  }

  @Test func requestAndResponseWithTrailers() throws {
    let pair = try SessionPair()
    let request = try pair.request("/a/b")
    let streamID = request.streamID
    pair.client.enqueue([1, 2, 3], on: request)
    pair.client.finishOutbound(request, trailers: nil)
    try pair.exchange()

    #expect(
      pair.serverEvents.take() == [
        .headers(streamID, requestHeaders("/a/b"), .request, endStream: false),
        .data(streamID, [1, 2, 3]), .endStream(streamID),
      ]
    )

    let response = try #require(
      try pair.server.submitResponse(streamID: streamID, headers: responseHeaders, endStream: false)
    )
    pair.server.enqueue([4, 5], on: response)
    pair.server.finishOutbound(response, trailers: okTrailers)
    try pair.exchange()

    #expect(
      pair.clientEvents.take() == [
        .headers(streamID, responseHeaders, .response, endStream: false),
        .data(streamID, [4, 5]),
        .headers(streamID, okTrailers, .trailers, endStream: true),
        .closed(streamID, errorCode: 0),
      ]
    )
    #expect(pair.serverEvents.take() == [.closed(streamID, errorCode: 0)])
  }

  @Test func trailersOnlyResponseIsOneHeadersFrameEndingTheStream() throws {
    let pair = try SessionPair()
    let request = try pair.request()
    let streamID = request.streamID
    pair.client.finishOutbound(request, trailers: nil)
    try pair.exchange()
    let fields = responseHeaders + [HeaderField("grpc-status", "12")]

    try pair.server.submitResponse(streamID: streamID, headers: fields, endStream: true)
    let frames = Frame.parse(try SessionPair.output(of: pair.server))

    #expect(frames.map(\.type) == [Frame.headers])
    #expect((frames.first?.flags ?? 0) & Frame.endStreamFlag != 0)
  }

  @Test func anEmptyBodyDefersTheDataProviderUntilBytesAreQueued() throws {
    let pair = try SessionPair()
    let request = try pair.request()
    let streamID = request.streamID
    try pair.exchange()
    let response = try #require(
      try pair.server.submitResponse(streamID: streamID, headers: responseHeaders, endStream: false)
    )
    try pair.exchange()
    #expect(
      pair.clientEvents.take() == [.headers(streamID, responseHeaders, .response, endStream: false)]
    )

    pair.server.enqueue([9, 9], on: response)
    try pair.exchange()
    #expect(pair.clientEvents.take() == [.data(streamID, [9, 9])])

    pair.server.finishOutbound(response, trailers: okTrailers)
    try pair.exchange()
    #expect(
      pair.clientEvents.take() == [.headers(streamID, okTrailers, .trailers, endStream: true)]
    )
  }

  @Test func peerResetClosesTheStreamWithItsErrorCode() throws {
    let pair = try SessionPair()
    let request = try pair.request()
    let streamID = request.streamID
    try pair.exchange()
    _ = pair.serverEvents.take()

    pair.client.resetStream(streamID: streamID, errorCode: HTTP2ErrorCode.cancel)
    try pair.exchange()

    #expect(pair.serverEvents.take() == [.closed(streamID, errorCode: HTTP2ErrorCode.cancel)])
    #expect(!pair.client.enqueue([1], on: request))
  }

  @Test func receivedDataIsFlowControlledUntilConsumed() throws {
    var serverConfiguration = NGHTTP2Session.Configuration()
    serverConfiguration.initialWindowSize = 16_384
    serverConfiguration.connectionWindowSize = 65_535
    let pair = try SessionPair(server: serverConfiguration)
    try pair.exchange()  // settings both ways, acknowledged
    let request = try pair.request()
    let streamID = request.streamID
    pair.client.enqueue([UInt8](repeating: 7, count: 40_000), on: request)
    pair.client.finishOutbound(request, trailers: nil)

    try pair.exchange()
    #expect(pair.serverEvents.data(on: streamID).count == 16_384)
    #expect(request.count == 40_000 - 16_384)

    pair.server.consume(streamID: streamID, count: 16_384)
    try pair.exchange()
    #expect(pair.serverEvents.data(on: streamID).count == 32_768)

    pair.server.consume(streamID: streamID, count: 16_384)
    try pair.exchange()
    #expect(pair.serverEvents.data(on: streamID).count == 40_000)
    #expect(pair.serverEvents.events.last == .endStream(streamID))
  }

  @Test func aHeaderListOverTheLimitResetsOnlyItsStream() throws {
    var serverConfiguration = NGHTTP2Session.Configuration()
    serverConfiguration.maxHeaderListSize = 1_024
    let pair = try SessionPair(server: serverConfiguration)
    let large = try pair.client.submitRequest(
      headers: requestHeaders(
        "/x",
        extra: [HeaderField("x-big", String(repeating: "a", count: 2_000))]
      )
    ).streamID
    let smallBody = try pair.request()
    let small = smallBody.streamID
    try pair.exchange()

    #expect(
      pair.clientEvents.events.contains(.closed(large, errorCode: HTTP2ErrorCode.internalError))
    )
    let opened = pair.serverEvents.events.compactMap { event -> Int32? in
      guard case .headers(let streamID, _, .request, _) = event else { return nil }
      return streamID
    }
    #expect(opened == [small])
  }

  @Test func enteringTheSessionFromItsOwnCallbackIsRefused() throws {
    let pair = try SessionPair()
    var errors: [HTTP2TransportError] = []
    pair.serverEvents.onHeaders = { session in
      do {
        try [UInt8]().withUnsafeBytes { try session.receive($0) }
      } catch let error as HTTP2TransportError {
        errors.append(error)
      } catch {
        Issue.record(error)
      }
      do throws(HTTP2TransportError) {
        var buffer = ByteBuffer()
        try session.send(into: &buffer)
      } catch {
        errors.append(error)
      }
    }
    let request = try pair.request()
    let streamID = request.streamID
    try pair.exchange()

    #expect(errors.map(\.code) == [.reentrantCall, .reentrantCall])
    // The session is intact: the stream is served normally afterwards.
    try pair.server.submitResponse(
      streamID: streamID,
      headers: responseHeaders + [HeaderField("grpc-status", "0")],
      endStream: true
    )
    try pair.exchange()
    #expect(
      pair.clientEvents.events.contains(
        .headers(
          streamID,
          responseHeaders + [HeaderField("grpc-status", "0")],
          .response,
          endStream: true
        )
      )
    )
  }

  @Test func closeFromInsideACallbackTakesEffectWhenNGHTTP2Returns() throws {
    let pair = try SessionPair()
    pair.serverEvents.onHeaders = { session in
      session.close()
      #expect(!session.isClosed)
    }
    _ = try pair.request()
    let fromClient = try SessionPair.output(of: pair.client)
    try fromClient.withUnsafeBytes { try pair.server.receive($0) }
    #expect(pair.server.isClosed)
    pair.server.close()  // idempotent
    #expect(throws: HTTP2TransportError.self) {
      try [UInt8](repeating: 0, count: 9).withUnsafeBytes { try pair.server.receive($0) }
    }
  }

  @Test func theLoadedLibraryHasTheAbuseGuards() {
    // Debian 12 backports both options to 1.52; upstream has them from 1.61.
    #expect(NGHTTP2Session.missingGuards.isEmpty)
  }

  @Test func rapidResetsEndTheConnection() throws {
    var serverConfiguration = NGHTTP2Session.Configuration()
    serverConfiguration.streamResetBurst = 4
    serverConfiguration.streamResetRatePerSecond = 1
    let pair = try SessionPair(server: serverConfiguration)
    try pair.exchange()

    for _ in 0 ..< 10 {
      let request = try pair.request()
      try pair.exchange()  // the stream must be open before it is reset
      pair.client.resetStream(streamID: request.streamID, errorCode: HTTP2ErrorCode.cancel)
    }
    try pair.exchange()

    #expect(pair.clientEvents.events.contains { if case .goAway = $0 { true } else { false } })
    #expect(pair.server.isFinished)
  }

  @Test func aFloodOfContinuationFramesEndsTheConnection() throws {
    var serverConfiguration = NGHTTP2Session.Configuration()
    serverConfiguration.maxContinuations = 2
    serverConfiguration.maxHeaderListSize = 1 << 20
    let pair = try SessionPair(server: serverConfiguration)
    try pair.exchange()

    // About 60 KB of headers ("~" does not compress): one HEADERS and three CONTINUATIONs.
    let large = (0 ..< 6).map {
      HeaderField("x-filler-\($0)", String(repeating: "~", count: 10_000))
    }
    _ = try pair.client.submitRequest(headers: requestHeaders("/x", extra: large))

    // A fatal error: the connection handler answers it with GOAWAY and closes.
    let error = #expect(throws: HTTP2TransportError.self) { try pair.exchange() }
    #expect(error?.message.contains("CONTINUATION") == true)
    #expect(!pair.serverEvents.events.contains { if case .headers = $0 { true } else { false } })
  }

  @Test func goAwayRefusesStreamsAboveItsLastStreamID() throws {
    let pair = try SessionPair()
    let firstBody = try pair.request()
    let first = firstBody.streamID
    try pair.exchange()

    pair.server.submitGoAway(lastStreamID: pair.server.lastProcessedStreamID, errorCode: 0)
    let secondBody = try pair.request()
    let second = secondBody.streamID
    try pair.exchange()

    #expect(pair.clientEvents.events.contains(.goAway(lastStreamID: first, errorCode: 0)))
    #expect(pair.clientEvents.events.contains(.closed(second, errorCode: 7)))  // REFUSED_STREAM
    #expect(pair.server.wantsRead)  // `first` is still open
  }
}
