internal import NIOCore
internal import NIOEmbedded
internal import RPCCore

@testable internal import HTTP2Transport

/// A `ServerConnectionHandler` on an `EmbeddedChannel`, driven by an nghttp2 client session, on
/// a loop whose clock the test advances: no sockets, no waiting.
final class EmbeddedServer {
  let loop = EmbeddedEventLoop()
  let channel: EmbeddedChannel
  let handler: ServerConnectionHandler
  let client: NGHTTP2Session
  let clientEvents = SessionRecorder()
  let probe = Probe()

  init(_ configure: (inout HTTP2Server.Configuration) -> Void = { _ in }) throws {
    var configuration = HTTP2Server.Configuration()
    configuration.keepalive = nil
    configuration.idleTimeout = nil
    configure(&configuration)
    channel = EmbeddedChannel(loop: loop)
    handler = try ServerConnectionHandler(
      configuration: configuration,
      streamHandler: TestHandler(probe: probe),
      eventLoop: loop,
      onFinished: {}
    )
    try channel.pipeline.syncOperations.addHandler(handler)
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 4242)).wait()
    client = try NGHTTP2Session(role: .client, configuration: .init())
    client.delegate = clientEvents
  }

  deinit {
    client.close()
    _ = try? channel.finish(acceptAlreadyClosed: true)
    loop.run()  // lets the cancelled handler tasks return
  }

  /// Runs the loop and moves bytes both ways until neither side sends anything; returns the
  /// frames the server sent. With `deliverToServer` false, the client's output is held back.
  @discardableResult
  func exchange(deliverToServer: Bool = true) throws -> [Frame] {
    var frames: [Frame] = []
    while true {
      loop.run()
      var fromClient: [UInt8] = []
      if deliverToServer {
        fromClient = try SessionPair.output(of: client)
        if !fromClient.isEmpty && channel.isActive {
          try channel.writeInbound(ByteBuffer(bytes: fromClient))
        }
        loop.run()
      }
      var fromServer: [UInt8] = []
      while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
        fromServer += buffer.readableBytesView
      }
      frames += Frame.parse(fromServer)
      try fromServer.withUnsafeBytes { try client.receive($0) }
      if fromClient.isEmpty && fromServer.isEmpty {
        return frames
      }
    }
  }

  /// Opens a request stream on the client; returns its body queue, which names the stream.
  func request(_ path: String) throws -> OutboundQueue {
    try client.submitRequest(headers: requestHeaders(path))
  }
}
