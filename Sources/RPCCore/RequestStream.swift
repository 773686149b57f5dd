public import ProtoWire
internal import Synchronization

/// The requests of a client-streaming or bidirectional call, in order.
///
/// Iterate it from one task. It ends when the client ends its side of the stream; it throws an
/// `RPCError` for a malformed, oversized or undecodable message, or when the stream is reset.
public struct RequestStream<Message: ProtoMessage>: AsyncSequence, Sendable {
  /// Each element is one request.
  public typealias Element = Message
  /// Failures are `RPCError`s.
  public typealias Failure = any Error

  let reader: ServerRequestReader

  init(reader: ServerRequestReader) {
    self.reader = reader
  }

  /// The next request and whether it arrived compressed, or nil at the end of the stream.
  public func nextWithFlags() async throws -> (message: Message, compressed: Bool)? {
    guard let received = try await reader.next() else { return nil }
    return (try received.decode(Message.self), received.compressed)
  }

  /// Iterates the requests.
  public struct AsyncIterator: AsyncIteratorProtocol {
    let stream: RequestStream

    /// The next request, or nil at the end of the stream.
    public mutating func next() async throws -> Message? {
      try await stream.nextWithFlags()?.message
    }
  }

  /// An iterator over the requests.
  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(stream: self)
  }
}

/// Reads a call's request messages from the transport: deframes, checks sizes, decompresses.
///
/// The lock guards the deframer between reads; by the single-consumer contract of
/// `RequestStream` it is never contended, so holding it while decompressing costs nothing.
final class ServerRequestReader: Sendable {
  private struct State {
    var deframer: MessageDeframer
    var decoder: MessageDecoder
    var ended = false
    /// Once reading failed, every later read fails the same way.
    var failure: RPCError?
  }

  private enum Step {
    case message(ReceivedMessage)
    case end
    case needMore
  }

  private let inbound: any ServerStreamInbound
  private let context: ServerContext
  private let state: Mutex<State>

  init(
    inbound: any ServerStreamInbound,
    context: ServerContext,
    encoding: CompressionAlgorithm?
  ) {
    self.inbound = inbound
    self.context = context
    let maxSize = context.shared.configuration.maxReceiveMessageSize
    self.state = Mutex(
      State(
        deframer: MessageDeframer(maxMessageSize: maxSize),
        decoder: MessageDecoder(encoding: encoding, maxMessageSize: maxSize)
      )
    )
  }

  /// The next message (decompressed), or nil at the end of the stream.
  func next() async throws(RPCError) -> ReceivedMessage? {
    while true {
      switch try state.withLock({ (state) throws(RPCError) -> Step in try Self.step(&state) }) {
      case .message(let message): return message
      case .end: return nil
      case .needMore: break
      }
      let chunk: [UInt8]?
      do {
        chunk = try await inbound.next()
      } catch {
        context.markTransportFailed()
        let failure = RPCError(.cancelled, "the request stream was reset", cause: error)
        state.withLock { $0.failure = failure }
        throw failure
      }
      state.withLock { state in
        if let chunk { state.deframer.append(chunk) } else { state.ended = true }
      }
    }
  }

  private static func step(_ state: inout State) throws(RPCError) -> Step {
    if let failure = state.failure { throw failure }
    do throws(RPCError) {
      if let message = try state.deframer.next() {
        return .message(try state.decoder.decompress(message))
      }
      guard state.ended else { return .needMore }
      guard state.deframer.isEmpty else {
        throw RPCError(.internalError, "the request stream ended in the middle of a message")
      }
      return .end
    } catch {
      state.failure = error
      throw error
    }
  }
}
