// HTTP2Transport: HTTP/2 (h2c, prior knowledge) over SwiftNIO, with nghttp2 as the protocol core.
//
// Layers, bottom up:
// - `NGHTTP2Session` is one nghttp2 session, sans-IO: bytes in, bytes out, events to a delegate
//   from free C callback thunks. It owns the per-stream queues of unsent DATA that nghttp2's data
//   provider reads, and guards against being re-entered from its own callbacks.
// - `ServerConnectionHandler` / `ClientConnectionHandler` are NIO channel handlers, one per
//   connection, each owning a session: they feed it what the socket reads, write what it produces
//   (once per read cycle, or once per loop turn for output made elsewhere), and turn its events
//   into streams. Everything about a connection happens on its event loop.
// - `ServerStream` / `HTTP2ClientStream` are the streams as RPCCore's transport contracts see
//   them. Their methods work on the loop. A server handler runs there by default: its task has
//   the loop as executor preference and starts immediately (`Task.immediate`) right after the
//   read that opened the stream, so a unary call whose request arrived whole is read, answered
//   and flushed within one read cycle, with no job scheduled and no thread hop. A handler that
//   suspends resumes on the loop; `HandlerExecution.globalExecutor` is for handlers that block.
//
// Backpressure both ways: received DATA is given back to flow control (`nghttp2_session_consume`,
// hence WINDOW_UPDATE) only when the reader takes it, so a reader that stops stops the peer; sent
// DATA waits in a queue bounded per stream (`outboundQueueLimit`), and a writer over the bound
// waits until nghttp2 takes bytes, which it does only within the peer's windows and while the
// socket is writable.
//
// Lifetimes: a stream reset by the peer, or a connection that closes, fails the stream's pending
// operations and cancels its handler's task. Stream errors reset one stream; connection errors
// send GOAWAY and close. `HTTP2Server.shutdown` sends GOAWAY on every connection, lets the
// streams in flight finish within a grace period, then closes what is left, and shuts its event
// loops down only once every handler task returned (they run on those loops).
//
// Guards: SETTINGS_MAX_CONCURRENT_STREAMS, a header list limit checked as headers arrive, the
// rapid-reset and CONTINUATION-flood options where the loaded nghttp2 has them, a connection
// limit, keepalive PINGs and an idle timeout per connection.

internal import Logging
public import NIOCore
internal import NIOPosix
public import RPCCore

/// An HTTP/2 server that hands every request stream to a `ServerStreamHandler`.
public final class HTTP2Server: Sendable {
  /// The port the server listens on (the one the system chose, when started on port 0).
  public let port: Int

  private let serverChannel: any Channel
  private let group: any EventLoopGroup
  private let ownsGroup: Bool
  private let registry: ConnectionRegistry
  private let logger: Logger

  private init(
    serverChannel: any Channel,
    group: any EventLoopGroup,
    ownsGroup: Bool,
    registry: ConnectionRegistry,
    logger: Logger
  ) {
    self.port = serverChannel.localAddress?.port ?? 0
    self.serverChannel = serverChannel
    self.group = group
    self.ownsGroup = ownsGroup
    self.registry = registry
    self.logger = logger
  }

  /// Binds `host:port` (port 0 lets the system choose) and serves every stream with `handler`.
  ///
  /// Without a `group`, the server creates one event loop per core
  /// (`configuration.eventLoopThreads`) and shuts them down in `shutdown`.
  public static func start(
    host: String,
    port: Int,
    configuration: Configuration = .init(),
    handler: some ServerStreamHandler,
    group: (any EventLoopGroup)? = nil
  ) async throws -> HTTP2Server {
    for option in NGHTTP2Session.missingGuards {
      configuration.logger.warning("the loaded nghttp2 lacks \(option); that HTTP/2 guard is off")
    }
    let ownsGroup = group == nil
    let group =
      group ?? MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)
    let registry = ConnectionRegistry(maxConnections: configuration.maxConnections)
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 1024)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelOption(.maxMessagesPerRead, value: 16)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          guard registry.add(channel) else {
            throw HTTP2TransportError(.connectionLimit, "connection limit reached")
          }
          let connection: ServerConnectionHandler
          do {
            connection = try ServerConnectionHandler(
              configuration: configuration,
              streamHandler: handler,
              eventLoop: channel.eventLoop,
              onFinished: { registry.remove(channel) }
            )
          } catch {
            registry.remove(channel)
            throw error
          }
          // Once added, the handler reports `onFinished` when the channel closes, whatever
          // closes it.
          do {
            try channel.pipeline.syncOperations.addHandler(connection)
          } catch {
            connection.tearDown()
            throw error
          }
        }
      }
    do {
      let channel = try await bootstrap.bind(host: host, port: port).get()
      return HTTP2Server(
        serverChannel: channel,
        group: group,
        ownsGroup: ownsGroup,
        registry: registry,
        logger: configuration.logger
      )
    } catch {
      if ownsGroup {
        try? await group.shutdownGracefully()
      }
      throw error
    }
  }

  /// Stops the server gracefully: stops accepting connections, sends GOAWAY on every connection
  /// (naming the last stream it will serve), lets the streams in flight finish within
  /// `gracePeriod`, then closes every connection left and, if it created them, the event loops.
  ///
  /// `beforeDraining` runs first, while everything is still served: the place to report
  /// NOT_SERVING to health checks.
  public func shutdown(
    gracePeriod: Duration,
    beforeDraining: @Sendable () async -> Void = {}
  ) async {
    await beforeDraining()
    try? await serverChannel.close()
    for channel in registry.stopAccepting() {
      channel.pipeline.fireUserInboundEventTriggered(ServerConnectionHandler.Drain())
    }
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await self.registry.waitUntilEmpty() }
      group.addTask { try? await Task.sleep(for: gracePeriod) }
      await group.next()
      group.cancelAll()
      let remaining = registry.channels
      if !remaining.isEmpty {
        logger.info("grace period over; closing \(remaining.count) connections")
      }
      for channel in remaining {
        channel.close(promise: nil)
      }
    }
    if ownsGroup {
      try? await group.shutdownGracefully()
    }
  }
}
