public import ProtoWire
internal import Synchronization

/// Writes the responses of a server-streaming or bidirectional call.
///
/// Write from one task at a time. The first write sends the response headers (with the initial
/// metadata set so far) together with the message. A write suspends while the transport's queue
/// for the stream is full, so a fast handler is slowed to the client's pace.
public struct ResponseWriter<Message: ProtoMessage>: Sendable {
  let sender: ServerResponseSender

  init(sender: ServerResponseSender) {
    self.sender = sender
  }

  /// Sends `message`, uncompressed.
  public func write(_ message: Message) async throws {
    try await sender.write(message, compressed: false)
  }

  /// Sends `message`, compressed if `compressed` and an algorithm was negotiated with the client.
  /// The first write fixes the call's `grpc-encoding`: when it is uncompressed, later messages
  /// are sent uncompressed too.
  public func write(_ message: Message, compressed: Bool) async throws {
    try await sender.write(message, compressed: compressed)
  }
}

/// Sends a call's streamed responses: frames, compresses, sends headers before the first.
final class ServerResponseSender: Sendable {
  private let outbound: any ServerStreamOutbound
  private let context: ServerContext
  /// Used by the single writer only; the lock is never contended.
  private let framer: Mutex<MessageFramer>

  init(outbound: any ServerStreamOutbound, context: ServerContext) {
    self.outbound = outbound
    self.context = context
    self.framer = Mutex(
      MessageFramer(maxMessageSize: context.shared.configuration.maxSendMessageSize)
    )
  }

  func write<Message: ProtoMessage>(_ message: Message, compressed: Bool) async throws {
    try Task.checkCancellation()
    // Which algorithm: the headers' if sent already, else the one negotiated now.
    let encoding: CompressionAlgorithm?
    switch try context.state.withLock({ (state) throws(RPCError) in try Self.open(state) }) {
    case .first: encoding = context.responseCompression(compressed)
    case .later(let announced): encoding = compressed ? announced : nil
    }
    let frame = try framer.withLock { (framer) throws(RPCError) in
      try framer.frame(message, compression: encoding)
    }
    let parts = try context.state.withLock { (state) throws(RPCError) -> [ResponsePart] in
      _ = try Self.open(state)
      state.writeInFlight = true
      guard case .idle = state.phase else { return [.data(frame)] }
      state.phase = .streaming(encoding: encoding)
      let headers = context.shared.responseHeaders(
        encoding: encoding,
        metadata: state.initialMetadata
      )
      return [.headers(headers, endStream: false), .data(frame)]
    }
    defer { context.state.withLock { $0.writeInFlight = false } }
    do {
      try await outbound.send(parts)
    } catch {
      context.markTransportFailed()
      throw RPCError(.cancelled, "the response stream was reset", cause: error)
    }
  }

  /// Where a write stands in the response.
  private enum WritePhase {
    /// The first write: the headers go with it.
    case first
    /// After the headers, which announced this encoding.
    case later(announced: CompressionAlgorithm?)
  }

  /// The write's phase, if writes may go on: throws once the call is over or its deadline passed.
  private static func open(_ state: ServerCallState) throws(RPCError) -> WritePhase {
    if state.deadlineExpired { throw ServerContext.deadlineExceededError }
    if state.transportFailed { throw callIsOver }
    switch state.phase {
    case .idle: return .first
    case .streaming(let encoding): return .later(announced: encoding)
    case .finished: throw callIsOver
    }
  }

  private static let callIsOver = RPCError(.cancelled, "the call is over")
}
