internal import NIOCore
internal import NIOEmbedded
internal import RPCCore
internal import Testing

@testable internal import HTTP2Transport

/// NIO may call back into the connection handler from inside a flush the handler started: a
/// read that arrives while the socket is written, a writability change. The handler then asks
/// for output again. Before `SessionOutput` turned such a nested write into another pass of the
/// outer one, the nested write entered the output buffer a second time, which crashed under
/// load with "Fatal access conflict detected" (commits 03a739d and 6dc3481).
@Suite struct FlushReentrancyTests {
  @Test func aReadDeliveredFromInsideAFlushIsAnsweredWithoutReenteringTheFlush() throws {
    let loop = EmbeddedEventLoop()
    let channel = EmbeddedChannel(loop: loop)
    let reentering = ReenterFromFlush()
    var configuration = HTTP2Server.Configuration()
    configuration.keepalive = nil
    configuration.idleTimeout = nil
    let handler = try ServerConnectionHandler(
      configuration: configuration,
      streamHandler: TestHandler(probe: Probe()),
      eventLoop: loop,
      onFinished: {}
    )
    // `reentering` is nearer the socket: every flush of `handler` passes through it.
    try channel.pipeline.syncOperations.addHandler(reentering)
    try channel.pipeline.syncOperations.addHandler(handler)
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 4242)).wait()
    let client = try NGHTTP2Session(role: .client, configuration: .init())
    defer {
      client.close()
      _ = try? channel.finish(acceptAlreadyClosed: true)
    }

    // The client's preface and SETTINGS arrive as an ordinary read; its PING arrives from inside
    // the flush that answers them (with the SETTINGS ACK).
    let preface = try SessionPair.output(of: client)
    client.submitPing(opaqueData: 42)
    reentering.duringNextFlush = ByteBuffer(bytes: try SessionPair.output(of: client))
    try channel.writeInbound(ByteBuffer(bytes: preface))
    loop.run()

    #expect(reentering.duringNextFlush == nil, "the PING was not delivered")
    #expect(reentering.deepestFlush == 1, "a flush was started from inside another flush")
    var written: [UInt8] = []
    while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
      written += buffer.readableBytesView
    }
    let frames = Frame.parse(written)
    let pingAck = Frame(
      type: Frame.ping,
      flags: 0x1,
      streamID: 0,
      payload: [0, 0, 0, 0, 0, 0, 0, 42]
    )
    #expect(frames.contains(pingAck), "the PING read during the flush was not answered")
    #expect(channel.isActive)
  }
}

/// A handler in front of the connection handler that, from inside the next flush, passes the
/// flush on and then does what NIO may do there: reports the channel unwritable and writable
/// again, and delivers `duringNextFlush` as a read. Records how deeply flushes nest.
private final class ReenterFromFlush: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer
  typealias OutboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// Bytes to deliver as a read from inside the next flush.
  var duringNextFlush: ByteBuffer?
  /// The most flushes that were in progress at once.
  private(set) var deepestFlush = 0
  private var flushDepth = 0

  func flush(context: ChannelHandlerContext) {
    flushDepth += 1
    deepestFlush = max(deepestFlush, flushDepth)
    defer { flushDepth -= 1 }
    context.flush()
    guard let bytes = duringNextFlush, let channel = context.channel as? EmbeddedChannel else {
      return
    }
    duringNextFlush = nil
    channel.isWritable = false
    context.fireChannelWritabilityChanged()
    channel.isWritable = true
    context.fireChannelWritabilityChanged()
    context.fireChannelRead(wrapInboundOut(bytes))
    context.fireChannelReadComplete()
  }
}
