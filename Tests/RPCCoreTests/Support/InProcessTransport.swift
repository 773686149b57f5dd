internal import RPCCore
internal import Synchronization

/// A client transport that connects a `GRPCClient` straight to a `GRPCServerDispatcher`: each
/// stream runs `handle` in a task of its own, as a real transport does, and a client `cancel()`
/// acts as RST_STREAM (it cancels that task and fails both directions).
final class InProcessTransport: ClientTransport {
  let dispatcher: GRPCServerDispatcher
  /// Every stream opened, for tests that look at the server side.
  let opened = Mutex<[InProcessStream]>([])

  init(_ dispatcher: GRPCServerDispatcher) {
    self.dispatcher = dispatcher
  }

  func openStream(headers: [HeaderField]) async throws -> any ClientStream {
    var method = ""
    var path = ""
    var authority: String?
    var scheme: String?
    var regular: [HeaderField] = []
    for field in headers {
      switch field.name {
      case ":method": method = field.value
      case ":path": path = field.value
      case ":authority": authority = field.value
      case ":scheme": scheme = field.value
      default: regular.append(field)
      }
    }
    let head = ServerStreamHead(
      method: method,
      path: path,
      authority: authority,
      scheme: scheme,
      headers: regular,
      peer: "in-process"
    )
    let requests = AsyncQueue<[UInt8]>()
    let responses = AsyncQueue<ClientResponsePart>()
    let outbound = RecordingOutbound(forwardingTo: responses)
    let dispatcher = self.dispatcher
    let task = Task {
      await dispatcher.handle(
        head: head,
        inbound: QueueInbound(queue: requests),
        outbound: outbound
      )
      // A handler that returns without ending the response leaves the client waiting; end it.
      responses.finish()
    }
    let stream = InProcessStream(
      requestHeaders: headers,
      requests: requests,
      responses: responses,
      outbound: outbound,
      server: task
    )
    opened.withLock { $0.append(stream) }
    return stream
  }

  /// The streams opened so far.
  var streams: [InProcessStream] { opened.withLock { $0 } }
}

/// One in-process stream.
final class InProcessStream: ClientStream {
  let requestHeaders: [HeaderField]
  let requests: AsyncQueue<[UInt8]>
  let responses: AsyncQueue<ClientResponsePart>
  let outbound: RecordingOutbound
  let server: Task<Void, Never>
  private let cancelled = Mutex(false)

  init(
    requestHeaders: [HeaderField],
    requests: AsyncQueue<[UInt8]>,
    responses: AsyncQueue<ClientResponsePart>,
    outbound: RecordingOutbound,
    server: Task<Void, Never>
  ) {
    self.requestHeaders = requestHeaders
    self.requests = requests
    self.responses = responses
    self.outbound = outbound
    self.server = server
  }

  func send(_ bytes: [UInt8], endStream: Bool) async throws {
    if wasCancelled { throw StreamResetError(errorCode: 8) }
    if !bytes.isEmpty { requests.push(bytes) }
    if endStream { requests.finish() }
  }

  func next() async throws -> ClientResponsePart? {
    try await responses.next()
  }

  func cancel() {
    cancelled.withLock { $0 = true }
    outbound.reset(errorCode: 8)
    requests.finish(throwing: StreamResetError(errorCode: 8))
    server.cancel()
  }

  var wasCancelled: Bool { cancelled.withLock { $0 } }

  /// Waits for the server side of the stream to finish.
  func serverFinished() async {
    await server.value
  }
}
