public import NIOCore
internal import NIOPosix
public import RPCCore

/// A client's HTTP/2 connection (h2c with prior knowledge) on which any number of request
/// streams are multiplexed.
public final class HTTP2ClientConnection: ClientTransport {
  /// How the client speaks HTTP/2.
  public struct Configuration: Sendable {
    /// SETTINGS_INITIAL_WINDOW_SIZE: response bytes the server may send on a stream before the
    /// caller reads them.
    public var initialStreamWindowSize = 1 << 20
    /// The connection's receive window.
    public var connectionWindowSize = 8 << 20
    /// SETTINGS_MAX_FRAME_SIZE, within RFC 9113's 16 KiB to 16 MiB - 1.
    public var maxFrameSize = 16_384
    /// SETTINGS_MAX_HEADER_LIST_SIZE, enforced on response headers.
    public var maxHeaderListSize = 16_384
    /// Unsent request DATA per stream above which `ClientStream.send` suspends.
    public var outboundQueueLimit = 128 * 1024
    /// How long connecting may take.
    public var connectTimeout = Duration.seconds(10)

    /// The defaults.
    public init() {}

    var session: NGHTTP2Session.Configuration {
      var session = NGHTTP2Session.Configuration()
      session.initialWindowSize = UInt32(clamping: min(initialStreamWindowSize, Int(Int32.max)))
      session.connectionWindowSize = UInt32(clamping: min(connectionWindowSize, Int(Int32.max)))
      session.maxFrameSize = UInt32(min(max(maxFrameSize, 16_384), 16_777_215))
      session.maxHeaderListSize = UInt32(clamping: maxHeaderListSize)
      return session
    }
  }

  private let channel: any Channel
  private let handler: NIOLoopBound<ClientConnectionHandler>
  private let goingAway: EventLoopFuture<Void>

  private init(
    channel: any Channel,
    handler: NIOLoopBound<ClientConnectionHandler>,
    goingAway: EventLoopFuture<Void>
  ) {
    self.channel = channel
    self.handler = handler
    self.goingAway = goingAway
  }

  /// Connects to `host:port` and starts HTTP/2. Without a `group`, the connection runs on NIO's
  /// shared event loops.
  public static func connect(
    host: String,
    port: Int,
    configuration: Configuration = .init(),
    group: (any EventLoopGroup)? = nil
  ) async throws -> HTTP2ClientConnection {
    try await ClientBootstrap(group: group ?? MultiThreadedEventLoopGroup.singleton)
      .connectTimeout(TimeAmount(configuration.connectTimeout))
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .connect(host: host, port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          let handler = try ClientConnectionHandler(
            configuration: configuration,
            eventLoop: channel.eventLoop
          )
          do {
            try channel.pipeline.syncOperations.addHandler(handler)
          } catch {
            handler.tearDown()
            throw error
          }
          return HTTP2ClientConnection(
            channel: channel,
            handler: NIOLoopBound(handler, eventLoop: channel.eventLoop),
            goingAway: handler.goingAway.futureResult
          )
        }
      }
  }

  /// Opens a stream and sends the request HEADERS. Throws when the connection is closed or going
  /// away (the server sent GOAWAY).
  public func openStream(headers: [HeaderField]) async throws -> any ClientStream {
    try await channel.eventLoop.submit {
      try self.handler.value.openStream(headers: headers)
    }.get()
  }

  /// Sends GOAWAY, closes the connection (failing the streams still open) and returns once it is
  /// closed.
  public func close() async {
    channel.eventLoop.execute {
      self.handler.value.closeGracefully()
    }
    try? await channel.closeFuture.get()
  }

  /// Returns once the server sent GOAWAY or the connection closed: from then on new streams are
  /// refused, and new calls belong on a new connection.
  public func waitUntilGoingAway() async {
    try? await goingAway.get()
  }

  /// Returns once the connection is closed, by either side.
  public func waitUntilClosed() async {
    try? await channel.closeFuture.get()
  }
}
