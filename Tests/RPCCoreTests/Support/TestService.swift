internal import RPCCore
internal import Synchronization

/// Events handlers report, for tests to await or inspect.
final class Probe: Sendable {
  let events = AsyncQueue<String>()
  private let log = Mutex<[String]>([])

  func record(_ event: String) {
    log.withLock { $0.append(event) }
    events.push(event)
  }

  var recorded: [String] { log.withLock { $0 } }

  /// Waits for the next event.
  func next() async throws -> String? {
    try await events.next()
  }
}

/// An error handlers throw that is not an `RPCError`.
struct PlainError: Error {}

/// Methods for the tests, under `/test.Echo/`.
enum TestService {
  static func router(_ probe: Probe = Probe()) -> RPCRouter {
    var router = RPCRouter()
    router.unary("/test.Echo/Unary") { (request: EchoMessage, context: ServerContext) in
      // Echoes request metadata prefixed "echo-" back: initial as is, trailing with "-t".
      var initial = Metadata()
      var trailing = Metadata()
      for (key, value) in context.metadata where key.hasPrefix("echo-") {
        switch value {
        case .string(let string):
          initial.add(key, string)
          trailing.add(key + "-t", string)
        case .binary(let bytes):
          initial.add(key, binary: bytes)
          trailing.add(String(key.dropLast(4)) + "-t-bin", binary: bytes)
        }
      }
      context.setInitialMetadata(initial)
      context.addTrailingMetadata(trailing)
      return EchoMessage(request.text, payload: request.payload)
    }
    router.unaryWithFlags("/test.Echo/Flags") {
      (request: EchoMessage, compressed: Bool, context: ServerContext) in
      (
        EchoMessage(compressed ? "compressed" : "plain", payload: request.payload),
        compressed: request.text == "compress-response" ? true : nil
      )
    }
    router.unary("/test.Echo/Fail") {
      (request: EchoMessage, context: ServerContext) -> EchoMessage in
      context.setInitialMetadata(["x-initial": "i"])
      context.addTrailingMetadata(["x-trailing": "t"])
      switch request.text {
      case "plain": throw PlainError()
      case "cancellation": throw CancellationError()
      default:
        throw RPCError(.notFound, request.text, metadata: ["x-error-bin": .binary([1, 2])])
      }
    }
    router.unary("/test.Echo/Hang") { (request: EchoMessage, context: ServerContext) in
      probe.record("started")
      do {
        try await Task.sleep(for: .seconds(3600))
      } catch {
        probe.record(Task.isCancelled ? "cancelled" : "woke")
        throw error
      }
      return request
    }
    router.clientStreaming("/test.Echo/Collect") {
      (requests: RequestStream<EchoMessage>, context: ServerContext) in
      var texts: [String] = []
      var flags: [Bool] = []
      while let (message, compressed) = try await requests.nextWithFlags() {
        texts.append(message.text)
        flags.append(compressed)
      }
      return EchoMessage(
        texts.joined(separator: ","),
        payload: flags.map { $0 ? 1 : 0 }
      )
    }
    router.serverStreaming("/test.Echo/Expand") {
      (request: EchoMessage, responses: ResponseWriter<EchoMessage>, context: ServerContext) in
      context.setInitialMetadata(["x-stream": "yes"])
      // payload[i] = 1 asks for message i compressed.
      for (index, flag) in request.payload.enumerated() {
        try await responses.write(EchoMessage("\(request.text)\(index)"), compressed: flag == 1)
      }
      context.addTrailingMetadata(["x-count": "\(request.payload.count)"])
      if request.text == "fail" {
        throw RPCError(.aborted, "failed after \(request.payload.count)")
      }
    }
    router.serverStreaming("/test.Echo/StreamThenHang") {
      (request: EchoMessage, responses: ResponseWriter<EchoMessage>, context: ServerContext) in
      try await responses.write(request)
      probe.record("wrote")
      do {
        try await Task.sleep(for: .seconds(3600))
      } catch {
        probe.record(Task.isCancelled ? "cancelled" : "woke")
        throw error
      }
    }
    router.bidirectional("/test.Echo/Chat") {
      (
        requests: RequestStream<EchoMessage>,
        responses: ResponseWriter<EchoMessage>,
        context: ServerContext
      ) in
      for try await message in requests {
        if message.text == "stop" { throw RPCError(.cancelled, "asked to stop") }
        try await responses.write(EchoMessage("echo:" + message.text))
      }
    }
    return router
  }
}
