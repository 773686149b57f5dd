internal import RPCCore
internal import Synchronization

/// The request body of a fake stream: chunks pushed by the test or the in-process client.
struct QueueInbound: ServerStreamInbound {
  let queue: AsyncQueue<[UInt8]>

  func next() async throws -> [UInt8]? {
    try await queue.next()
  }
}

/// The error a fake stream reports once it was reset.
struct StreamResetError: Error, Equatable {
  var errorCode: UInt32
}

/// Records what the dispatcher sends, call by call, and forwards it to an optional queue (the
/// in-process client's response side).
final class RecordingOutbound: ServerStreamOutbound {
  private struct State {
    var sends: [[ResponsePart]] = []
    var resetCode: UInt32?
    var ended = false
  }

  private let state = Mutex(State())
  private let forward: AsyncQueue<ClientResponsePart>?

  init(forwardingTo forward: AsyncQueue<ClientResponsePart>? = nil) {
    self.forward = forward
  }

  func send(_ parts: [ResponsePart]) async throws {
    try state.withLock { state in
      if let code = state.resetCode { throw StreamResetError(errorCode: code) }
      state.sends.append(parts)
    }
    guard let forward else { return }
    for part in parts {
      switch part {
      case .headers(let fields, let endStream):
        forward.push(.headers(fields, endStream: endStream))
        if endStream { forward.finish() }
      case .data(let bytes):
        forward.push(.data(bytes))
      case .trailers(let fields):
        forward.push(.trailers(fields))
        forward.finish()
      }
    }
  }

  func reset(errorCode: UInt32) {
    state.withLock { $0.resetCode = errorCode }
    forward?.finish(throwing: StreamResetError(errorCode: errorCode))
  }

  /// Every `send` call's parts, in order.
  var sends: [[ResponsePart]] { state.withLock { $0.sends } }

  /// Every part sent, in order.
  var parts: [ResponsePart] { sends.flatMap { $0 } }

  var resetCode: UInt32? { state.withLock { $0.resetCode } }
}

/// A response as the tests look at it.
struct RecordedResponse {
  var headers: [HeaderField] = []
  var headersEndStream = false
  var data: [UInt8] = []
  var trailers: [HeaderField]?

  init(_ parts: [ResponsePart]) {
    for part in parts {
      switch part {
      case .headers(let fields, let endStream):
        headers = fields
        headersEndStream = endStream
      case .data(let bytes): data += bytes
      case .trailers(let fields): trailers = fields
      }
    }
  }

  /// The value of `name` in the headers.
  func header(_ name: String) -> String? {
    headers.first { $0.name == name }?.value
  }

  /// The value of `name` in the trailers, or in the headers of a trailers-only response.
  func trailer(_ name: String) -> String? {
    (trailers ?? (headersEndStream ? headers : [])).first { $0.name == name }?.value
  }

  /// Whether this is a trailers-only response: one HEADERS with END_STREAM.
  var isTrailersOnly: Bool { headersEndStream && trailers == nil && data.isEmpty }

  /// The `grpc-status` as a number.
  var grpcStatus: Int32? { trailer("grpc-status").flatMap { Int32($0) } }

  /// The messages in the DATA, as (flag, bytes).
  var messages: [(compressed: Bool, bytes: [UInt8])] {
    var result: [(Bool, [UInt8])] = []
    var index = 0
    while index + 5 <= data.count {
      let length =
        Int(data[index + 1]) << 24 | Int(data[index + 2]) << 16 | Int(data[index + 3]) << 8
        | Int(data[index + 4])
      result.append((data[index] == 1, Array(data[(index + 5) ..< (index + 5 + length)])))
      index += 5 + length
    }
    return result
  }
}

/// A framed gRPC message.
func frame(_ bytes: [UInt8], compressed: Bool = false) -> [UInt8] {
  let length = UInt32(bytes.count)
  return [
    compressed ? 1 : 0, UInt8(length >> 24), UInt8(length >> 16 & 0xFF),
    UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF),
  ] + bytes
}

/// The request headers of a well-formed gRPC call, plus `extra`.
func grpcHeaders(_ extra: [HeaderField] = []) -> [HeaderField] {
  [HeaderField("content-type", "application/grpc"), HeaderField("te", "trailers")] + extra
}

/// Runs one stream through `dispatcher` with a request body of `chunks` (then its end) and
/// returns what it sent.
func serve(
  _ dispatcher: GRPCServerDispatcher,
  method: String = "POST",
  path: String,
  headers: [HeaderField] = grpcHeaders(),
  chunks: [[UInt8]]
) async -> RecordingOutbound {
  let queue = AsyncQueue<[UInt8]>()
  for chunk in chunks { queue.push(chunk) }
  queue.finish()
  let outbound = RecordingOutbound()
  let head = ServerStreamHead(
    method: method,
    path: path,
    authority: "test",
    scheme: "http",
    headers: headers,
    peer: "127.0.0.1:1"
  )
  await dispatcher.handle(head: head, inbound: QueueInbound(queue: queue), outbound: outbound)
  return outbound
}
