public import Logging
internal import NIOCore

extension HTTP2Server {
  /// How a server speaks HTTP/2 and which limits it enforces.
  public struct Configuration: Sendable {
    /// SETTINGS_MAX_CONCURRENT_STREAMS: streams a client may have open on one connection.
    public var maxConcurrentStreams = 1000
    /// SETTINGS_INITIAL_WINDOW_SIZE: request bytes a client may send on a stream before the
    /// handler reads them; also the most the server buffers per stream.
    public var initialStreamWindowSize = 1 << 20
    /// The connection's receive window: request bytes buffered per connection at most.
    public var connectionWindowSize = 8 << 20
    /// SETTINGS_MAX_FRAME_SIZE, within RFC 9113's 16 KiB to 16 MiB - 1.
    public var maxFrameSize = 16_384
    /// SETTINGS_MAX_HEADER_LIST_SIZE, enforced on request headers: a larger header block resets
    /// its stream.
    public var maxHeaderListSize = 16_384
    /// Unsent response DATA per stream above which `ServerStreamOutbound.send` suspends.
    public var outboundQueueLimit = 128 * 1024
    /// Open connections at most; one more is closed as soon as it is accepted.
    public var maxConnections = 10_000
    /// PINGs to connections that were silent for a while, to find dead peers; nil turns them off.
    public var keepalive: Keepalive? = Keepalive()
    /// A connection without open streams for this long is closed (GOAWAY first); nil keeps idle
    /// connections forever.
    public var idleTimeout: Duration? = .seconds(300)
    /// RST_STREAM frames a client may send in a burst, and regain per second, before the
    /// connection is closed (the rapid-reset guard), if the loaded nghttp2 has the option.
    public var streamResetBurst = 1000
    /// See `streamResetBurst`.
    public var streamResetRatePerSecond = 33
    /// CONTINUATION frames accepted after one HEADERS (the CONTINUATION-flood guard), if the
    /// loaded nghttp2 has the option.
    public var maxContinuations = 8
    /// Event loops (threads) the server creates when it is not given a group: one per core.
    public var eventLoopThreads = System.coreCount
    /// Where stream handlers run.
    public var handlerExecution = HandlerExecution.eventLoop
    /// Where connection events and errors are logged.
    public var logger = Logger(label: "switchboard.http2")

    /// The defaults.
    public init() {}

    var session: NGHTTP2Session.Configuration {
      var session = NGHTTP2Session.Configuration()
      session.maxConcurrentStreams = UInt32(clamping: maxConcurrentStreams)
      session.initialWindowSize = UInt32(clamping: min(initialStreamWindowSize, Int(Int32.max)))
      session.connectionWindowSize = UInt32(clamping: min(connectionWindowSize, Int(Int32.max)))
      session.maxFrameSize = UInt32(min(max(maxFrameSize, 16_384), 16_777_215))
      session.maxHeaderListSize = UInt32(clamping: maxHeaderListSize)
      session.streamResetBurst = UInt64(clamping: streamResetBurst)
      session.streamResetRatePerSecond = UInt64(clamping: streamResetRatePerSecond)
      session.maxContinuations = maxContinuations
      return session
    }
  }

  /// Keepalive PINGs.
  public struct Keepalive: Sendable {
    /// Silence (no frame received) after which the server sends a PING.
    public var interval: Duration
    /// Time the peer has to answer the PING before the connection is closed.
    public var timeout: Duration

    /// Keepalive with gRPC's server defaults: a PING after two hours of silence, 20 seconds to
    /// answer.
    public init(interval: Duration = .seconds(7200), timeout: Duration = .seconds(20)) {
      self.interval = interval
      self.timeout = timeout
    }
  }

  /// Where stream handlers run.
  public enum HandlerExecution: Sendable {
    /// On the connection's event loop (as the task executor preference): a handler reads and
    /// writes without thread hops. Handlers must not block; those that await other executors
    /// come back to the loop.
    case eventLoop
    /// On Swift's global concurrent executor: each read or write that must wait hops to the
    /// loop. For handlers that block a thread.
    case globalExecutor
  }
}
