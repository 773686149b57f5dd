public import ProtoWire

/// Writes the requests of a client-streaming or bidirectional call. Write from one task at a
/// time; the request stream ends when the `requests` closure returns.
public struct RequestWriter<Message: ProtoMessage>: Sendable {
  let call: ClientCall

  /// Sends `message`, compressed if the call's options chose an algorithm.
  public func write(_ message: Message) async throws {
    try await call.send(message, compressed: true, endStream: false)
  }

  /// Sends `message`, compressed with the call's algorithm only if `compressed` (and the call's
  /// options chose one).
  public func write(_ message: Message, compressed: Bool) async throws {
    try await call.send(message, compressed: compressed, endStream: false)
  }
}

/// The responses of a server-streaming or bidirectional call, in order.
///
/// Iterate it from one task. Iteration ends when the server ends the call with OK, and throws
/// an `RPCError` carrying the status and trailing metadata when it ends otherwise.
public struct ClientResponseStream<Message: ProtoMessage>: AsyncSequence, Sendable {
  /// Each element is one response.
  public typealias Element = Message
  /// Failures are `RPCError`s.
  public typealias Failure = any Error

  let call: ClientCall

  /// The next response and whether it arrived compressed, or nil once the call ended with OK.
  public func nextWithFlags() async throws -> (message: Message, compressed: Bool)? {
    guard let received = try await call.nextMessage() else { return nil }
    return (try received.decode(Message.self), received.compressed)
  }

  /// The metadata of the response headers, waiting for them if needed.
  public func initialMetadata() async throws -> Metadata {
    try await call.initialMetadata()
  }

  /// The metadata of the trailers; complete once iteration has ended.
  public var trailingMetadata: Metadata { call.trailingMetadata }

  /// Iterates the responses.
  public struct AsyncIterator: AsyncIteratorProtocol {
    let stream: ClientResponseStream

    /// The next response, or nil once the call ended with OK.
    public mutating func next() async throws -> Message? {
      try await stream.nextWithFlags()?.message
    }
  }

  /// An iterator over the responses.
  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(stream: self)
  }
}
