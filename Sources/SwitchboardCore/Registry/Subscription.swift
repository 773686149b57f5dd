internal import Synchronization

/// A live stream from the registry (notifications, conversation events, queue figures, the event
/// feed). It ends normally when the registry finishes it (e.g. after a conversation's `closed`
/// event) and with a `CoreError` when it must stop (e.g. `resourceExhausted` for a reader that
/// fell more than `RegistryOptions.subscriberBufferLimit` events behind). Dropping or cancelling
/// the iteration unsubscribes.
public struct Subscription<Element: Sendable>: AsyncSequence, Sendable {
  /// Streams fail only with `CoreError`.
  public typealias Failure = CoreError

  private let stream: AsyncThrowingStream<Element, any Error>

  fileprivate init(stream: AsyncThrowingStream<Element, any Error>) {
    self.stream = stream
  }

  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(base: stream.makeAsyncIterator())
  }

  /// Iterates the stream's elements.
  public struct AsyncIterator: AsyncIteratorProtocol {
    private var base: AsyncThrowingStream<Element, any Error>.AsyncIterator

    fileprivate init(base: AsyncThrowingStream<Element, any Error>.AsyncIterator) {
      self.base = base
    }

    public mutating func next() async throws(CoreError) -> Element? {
      try await next(isolation: nil)
    }

    public mutating func next(isolation actor: isolated (any Actor)?) async throws(CoreError) -> Element? {
      do {
        return try await base.next(isolation: actor)
      } catch let error as CoreError {
        throw error
      } catch {
        throw CoreError(.unavailable, "stream failed: \(error)")
      }
    }
  }

  /// Creates a stream and the sink that feeds it. `onTermination` runs once, when the consumer
  /// stops iterating or the sink finishes the stream, never under the registry's lock.
  static func make(
    id: UInt64, bufferLimit: Int, onTermination: @escaping @Sendable () -> Void
  ) -> (Subscription, Sink<Element>) {
    let (stream, continuation) = AsyncThrowingStream.makeStream(
      of: Element.self, throwing: (any Error).self, bufferingPolicy: .bufferingOldest(bufferLimit))
    let terminated = TerminationFlag()
    continuation.onTermination = { _ in
      terminated.set()
      onTermination()
    }
    let sink = Sink(id: id, bufferLimit: bufferLimit, continuation: continuation, terminated: terminated)
    return (Subscription(stream: stream), sink)
  }

  /// A stream whose elements `produce` computes one at a time, as the consumer asks for them
  /// (`nil` ends it, an error ends it with that error): for streams read from the store at the
  /// reader's pace. Dropping the stream releases `produce` and what it holds.
  static func unfolding(
    _ produce: @escaping @Sendable () async throws(CoreError) -> Element?
  ) -> Subscription {
    Subscription(stream: AsyncThrowingStream(unfolding: { try await produce() }))
  }
}

/// Set once a stream has terminated, so that a registration racing with the consumer's
/// cancellation can see it.
final class TerminationFlag: Sendable {
  private let value = Atomic<Bool>(false)
  func set() { value.store(true, ordering: .releasing) }
  var isSet: Bool { value.load(ordering: .acquiring) }
}

/// The registry's end of one subscriber's stream. It is stored in `RegistryState` and only ever
/// used through effects, after the lock is released: `send` may wake the consumer and `finish`
/// runs the termination handler, which takes the lock.
final class Sink<Element: Sendable>: Sendable, Hashable {
  /// Unique among all subscribers of a registry.
  let id: UInt64
  private let bufferLimit: Int
  private let continuation: AsyncThrowingStream<Element, any Error>.Continuation
  private let terminated: TerminationFlag

  fileprivate init(
    id: UInt64, bufferLimit: Int, continuation: AsyncThrowingStream<Element, any Error>.Continuation,
    terminated: TerminationFlag
  ) {
    self.id = id
    self.bufferLimit = bufferLimit
    self.continuation = continuation
    self.terminated = terminated
  }

  /// True once the consumer stopped or the stream was finished; such a sink is not registered.
  var isTerminated: Bool { terminated.isSet }

  /// Delivers a durable element. A reader whose buffer is full is finished with
  /// `resourceExhausted`: losing a durable event silently would break its stream's promises.
  func send(_ element: Element) {
    if case .dropped = continuation.yield(element) {
      continuation.finish(
        throwing: CoreError(
          .resourceExhausted,
          "the stream's reader fell more than \(bufferLimit) events behind; reconnect to resume"))
    }
  }

  /// Delivers an ephemeral element (typing, queue position), which is simply lost if the
  /// reader's buffer is full.
  func sendEphemeral(_ element: Element) {
    _ = continuation.yield(element)
  }

  /// Ends the stream, normally or with an error.
  func finish(throwing error: CoreError? = nil) {
    if let error {
      continuation.finish(throwing: error)
    } else {
      continuation.finish()
    }
  }

  static func == (lhs: Sink, rhs: Sink) -> Bool { lhs.id == rhs.id }
  func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
