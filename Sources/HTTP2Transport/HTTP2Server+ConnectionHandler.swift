package import NIOCore
package import RPCCore

extension HTTP2Server {
  /// The channel handler that serves one HTTP/2 connection, as `start` installs it on every
  /// accepted channel, but for a channel the caller owns: no listening socket, no connection
  /// limit. The server-connection fuzzer (Tools/ServerConnectionFuzzer) drives one on an
  /// `EmbeddedChannel`.
  ///
  /// Add it to a channel whose event loop is `eventLoop`; it serves from `channelActive` on.
  /// `onFinished` runs once the channel closed and every stream handler task it started
  /// returned.
  package static func connectionHandler(
    configuration: Configuration,
    handler: some ServerStreamHandler,
    eventLoop: any EventLoop,
    onFinished: @escaping () -> Void
  ) throws(HTTP2TransportError) -> any ChannelHandler {
    try ServerConnectionHandler(
      configuration: configuration,
      streamHandler: handler,
      eventLoop: eventLoop,
      onFinished: onFinished
    )
  }
}
