internal import NIOCore
internal import NIOEmbedded
internal import RPCCore
internal import Testing

@testable internal import HTTP2Transport

/// `SessionOutput` between a server session and an embedded channel, read by a client session.
@Suite struct SessionOutputTests {
  @Test func theBufferStaysSmallOnAnIdleConnectionAndGrowsForALargeResponse() throws {
    let pair = try SessionPair()
    let channel = EmbeddedChannel(handler: OutputSource())
    defer { _ = try? channel.finish(acceptAlreadyClosed: true) }
    let context = try channel.pipeline.syncOperations.context(handlerType: OutputSource.self)
    let output = SessionOutput(allocator: channel.allocator)

    // The SETTINGS exchange, then nothing: what an idle connection holds.
    try output.write(pair.server, to: context, as: { NIOAny($0) })
    try deliver(channel, to: pair.client)
    try pair.exchange()
    #expect(output.capacity == SessionOutput.initialCapacity)

    // A response of several chunks arrives whole, in order.
    let request = try pair.request("/large")
    pair.client.finishOutbound(request, trailers: nil)
    try pair.exchange()
    let body = (0 ..< 3 * SessionOutput.chunkSize + 1000).map { UInt8(truncatingIfNeeded: $0 / 7) }
    let response = try #require(
      try pair.server.submitResponse(
        streamID: request.streamID,
        headers: responseHeaders,
        endStream: false
      )
    )
    pair.server.enqueue(body, on: response)
    pair.server.finishOutbound(response, trailers: okTrailers)
    try output.write(pair.server, to: context, as: { NIOAny($0) })
    try deliver(channel, to: pair.client)

    #expect(pair.clientEvents.data(on: request.streamID) == body)
    #expect(
      pair.clientEvents.events.contains(
        .headers(request.streamID, okTrailers, .trailers, endStream: true)
      )
    )
    #expect(output.capacity > SessionOutput.initialCapacity)
  }

  /// Feeds everything `channel` has written to `client`.
  private func deliver(_ channel: EmbeddedChannel, to client: NGHTTP2Session) throws {
    var bytes: [UInt8] = []
    while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
      bytes += buffer.readableBytesView
    }
    try bytes.withUnsafeBytes { try client.receive($0) }
  }
}

/// The handler whose context the output writes through.
private final class OutputSource: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
}
