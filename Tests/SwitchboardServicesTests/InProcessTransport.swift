// A client transport wired straight to a server stream handler, with no network and no HTTP/2:
// each opened stream runs `handler.handle` in a task of its own, its request bytes flow through one
// in-memory pipe and its response parts through another. Services are tested through the real
// dispatcher and client (framing, compression, metadata, status), only the transport is fake.

internal import RPCCore
internal import Synchronization

/// A `ClientTransport` that serves every stream with `handler` in process.
struct InProcessTransport: ClientTransport {
  let handler: any ServerStreamHandler
  /// Where every response part the handler sends is recorded, if anywhere.
  var log: ResponseLog? = nil

  func openStream(headers: [HeaderField]) async throws -> any ClientStream {
    let requests = Pipe<[UInt8]>()
    let responses = Pipe<ResponsePart>()
    var head = ServerStreamHead(
      method: "",
      path: "",
      authority: nil,
      scheme: nil,
      headers: [],
      peer: "in-process"
    )
    for field in headers {
      switch field.name {
      case ":method": head.method = field.value
      case ":path": head.path = field.value
      case ":authority": head.authority = field.value
      case ":scheme": head.scheme = field.value
      default: head.headers.append(field)
      }
    }
    let handler = self.handler
    let outbound = Outbound(pipe: responses, log: log)
    let task = Task { [head] in
      await handler.handle(head: head, inbound: Inbound(pipe: requests), outbound: outbound)
      responses.finish()
    }
    return Stream(requests: requests, responses: responses, task: task)
  }

  private struct Inbound: ServerStreamInbound {
    let pipe: Pipe<[UInt8]>
    func next() async throws -> [UInt8]? { try await pipe.receive() }
  }

  private struct Outbound: ServerStreamOutbound {
    let pipe: Pipe<ResponsePart>
    let log: ResponseLog?
    func send(_ parts: [ResponsePart]) async throws {
      for part in parts {
        log?.record(part)
        try pipe.send(part)
      }
    }
    func reset(errorCode: UInt32) { pipe.fail(StreamReset(errorCode: errorCode)) }
  }

  private struct Stream: ClientStream {
    let requests: Pipe<[UInt8]>
    let responses: Pipe<ResponsePart>
    let task: Task<Void, Never>

    func send(_ bytes: [UInt8], endStream: Bool) async throws {
      if !bytes.isEmpty { try requests.send(bytes) }
      if endStream { requests.finish() }
    }

    func next() async throws -> ClientResponsePart? {
      switch try await responses.receive() {
      case .headers(let fields, let endStream)?: .headers(fields, endStream: endStream)
      case .data(let bytes)?: .data(bytes)
      case .trailers(let fields)?: .trailers(fields)
      case nil: nil
      }
    }

    func cancel() {
      task.cancel()
      requests.fail(StreamReset(errorCode: 0x8))
      responses.fail(StreamReset(errorCode: 0x8))
    }
  }
}

/// The response parts a server sent, in order.
final class ResponseLog: Sendable {
  private let parts = Mutex<[ResponsePart]>([])

  func record(_ part: ResponsePart) {
    parts.withLock { $0.append(part) }
  }

  /// The compressed flag of every response message, in order (DATA split into gRPC frames).
  var compressedFlags: [Bool] {
    var bytes: [UInt8] = []
    for case .data(let data) in parts.withLock({ $0 }) { bytes += data }
    var flags: [Bool] = []
    var offset = 0
    while offset + 5 <= bytes.count {
      flags.append(bytes[offset] == 1)
      let length = bytes[offset + 1 ..< offset + 5].reduce(0) { $0 << 8 | Int($1) }
      offset += 5 + length
    }
    return flags
  }

  /// The value of the response header `name`, if the response headers had it.
  func header(_ name: String) -> String? {
    for case .headers(let fields, _) in parts.withLock({ $0 }) {
      return fields.first { $0.name == name }?.value
    }
    return nil
  }
}

/// The stream was reset (RST_STREAM) with an HTTP/2 error code.
struct StreamReset: Error, Hashable {
  var errorCode: UInt32
}

/// A one-way queue between two tasks: unbounded, ended by `finish` or `fail`, read by one task.
final class Pipe<Element: Sendable>: Sendable {
  private struct State {
    var buffer: [Element] = []
    var end: Result<Void, StreamReset>?
    var waiter: CheckedContinuation<Element?, any Error>?
  }

  private let state = Mutex(State())

  /// Queues `element`; throws if the pipe was reset.
  func send(_ element: Element) throws {
    let waiter = try state.withLock { state throws -> CheckedContinuation<Element?, any Error>? in
      if case .failure(let reset)? = state.end { throw reset }
      guard state.end == nil else { return nil }
      if let waiter = state.waiter {
        state.waiter = nil
        return waiter
      }
      state.buffer.append(element)
      return nil
    }
    waiter?.resume(returning: element)
  }

  /// Ends the pipe after what it holds.
  func finish() {
    end(.success(()))
  }

  /// Ends the pipe now, dropping what it holds: the reader gets `reset`.
  func fail(_ reset: StreamReset) {
    end(.failure(reset))
  }

  private func end(_ result: Result<Void, StreamReset>) {
    let waiter = state.withLock { state -> CheckedContinuation<Element?, any Error>? in
      guard state.end == nil else { return nil }
      state.end = result
      if case .failure = result { state.buffer.removeAll() }
      defer { state.waiter = nil }
      return state.waiter
    }
    switch result {
    case .success: waiter?.resume(returning: nil)
    case .failure(let reset): waiter?.resume(throwing: reset)
    }
  }

  /// The next element, or nil once the pipe finished; throws once it failed, or when the reading
  /// task is cancelled.
  func receive() async throws -> Element? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        let outcome = state.withLock { state -> Result<Element?, StreamReset>? in
          if !state.buffer.isEmpty { return .success(state.buffer.removeFirst()) }
          switch state.end {
          case .success?: return .success(nil)
          case .failure(let reset)?: return .failure(reset)
          case nil:
            state.waiter = continuation
            return nil
          }
        }
        if let outcome { continuation.resume(with: outcome) }
      }
    } onCancel: {
      fail(StreamReset(errorCode: 0x8))
    }
  }
}

extension GRPCClient {
  /// A client of a server whose router `register` fills, served in process.
  static func inProcess(
    log: ResponseLog? = nil,
    _ register: (inout RPCRouter) -> Void
  ) -> GRPCClient {
    var router = RPCRouter()
    register(&router)
    return GRPCClient(
      transport: InProcessTransport(handler: GRPCServerDispatcher(router: router), log: log),
      authority: "in-process"
    )
  }
}
