internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardServices
internal import Synchronization
internal import Testing

@Suite("InteropTestService")
struct InteropTestServiceTests {
  typealias Methods = GRPCTesting.TestService
  typealias OutputRequest = GRPCTesting.StreamingOutputCallRequest
  typealias OutputResponse = GRPCTesting.StreamingOutputCallResponse

  /// What happened during a call, in order: the pauses the service asked for and, for some tests,
  /// what the client did.
  final class Events: Sendable {
    private let events = Mutex<[String]>([])
    func append(_ event: String) { events.withLock { $0.append(event) } }
    var all: [String] { events.withLock { $0 } }
  }

  let events = Events()
  let log = ResponseLog()
  let client: GRPCClient

  init() {
    let events = self.events
    let service = InteropTestService(sleep: { duration in events.append("sleep \(duration)") })
    client = .inProcess(log: log) { service.register(into: &$0) }
  }

  static func simpleRequest(
    responseSize: Int32,
    _ configure: (inout GRPCTesting.SimpleRequest) -> Void = { _ in }
  ) -> GRPCTesting.SimpleRequest {
    var request = GRPCTesting.SimpleRequest()
    request.responseSize = responseSize
    request.payload = .with { $0.body = [UInt8](repeating: 0, count: 100) }
    configure(&request)
    return request
  }

  static func outputRequest(
    _ sizes: [Int32],
    intervalUs: Int32 = 0,
    compressed: [Bool?]? = nil
  ) -> OutputRequest {
    .with {
      $0.responseParameters = sizes.enumerated().map { index, size in
        .with {
          $0.size = size
          $0.intervalUs = intervalUs
          if let flag = compressed?[index] { $0.compressed = .with { $0.value = flag } }
        }
      }
    }
  }

  func unary(
    _ request: GRPCTesting.SimpleRequest,
    options: CallOptions = CallOptions()
  ) async throws -> ClientResponse<GRPCTesting.SimpleResponse> {
    try await client.unary(path: Methods.unaryCall.path, request: request, options: options)
  }

  /// Runs `call` and returns the RPCError it throws (failing the test if it throws none).
  func rpcError(_ call: () async throws -> Void) async -> RPCError? {
    do {
      try await call()
      Issue.record("expected an RPCError")
      return nil
    } catch {
      return error as? RPCError
    }
  }

  // MARK: EmptyCall, UnaryCall

  @Test("EmptyCall answers an empty message")
  func emptyCall() async throws {
    let response: ClientResponse<GRPCTesting.Empty> = try await client.unary(
      path: Methods.emptyCall.path,
      request: GRPCTesting.Empty()
    )
    #expect(response.message == GRPCTesting.Empty())
  }

  @Test("UnaryCall answers response_size zero bytes", arguments: [0, 1, 314_159] as [Int32])
  func unaryCall(size: Int32) async throws {
    let response = try await unary(Self.simpleRequest(responseSize: size))
    #expect(response.message.payload?.body == [UInt8](repeating: 0, count: Int(size)))
    #expect(response.message.payload?.type == .compressable)
  }

  @Test("UnaryCall with a negative response_size is INVALID_ARGUMENT")
  func negativeSize() async {
    let error = await rpcError { _ = try await unary(Self.simpleRequest(responseSize: -1)) }
    #expect(error?.code == .invalidArgument)
  }

  @Test(
    "UnaryCall echoes response_status",
    arguments: [
      (2, "test status message"), (5, "NOT_FOUND"), (16, "UNAUTHENTICATED"),
      (2, "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"),
    ] as [(Int32, String)]
  )
  func echoStatus(code: Int32, message: String) async {
    let request = Self.simpleRequest(responseSize: 10) {
      $0.responseStatus = .with {
        $0.code = code
        $0.message = message
      }
    }
    let error = await rpcError { _ = try await unary(request) }
    #expect(error?.code.rawValue == code)
    #expect(error?.message == message)
  }

  @Test("UnaryCall with response_status OK answers normally")
  func echoStatusOK() async throws {
    let request = Self.simpleRequest(responseSize: 3) { $0.responseStatus = .with { $0.code = 0 } }
    #expect(try await unary(request).message.payload?.body.count == 3)
  }

  @Test("a response_status code gRPC does not define is echoed as UNKNOWN")
  func echoUndefinedStatus() async {
    let request = Self.simpleRequest(responseSize: 1) {
      $0.responseStatus = .with {
        $0.code = 99
        $0.message = "odd"
      }
    }
    #expect(await rpcError { _ = try await unary(request) }?.code == .unknown)
  }

  @Test("UnaryCall that expects compression rejects an uncompressed request")
  func expectCompressedRejected() async {
    let request = Self.simpleRequest(responseSize: 1) {
      $0.expectCompressed = .with { $0.value = true }
    }
    let error = await rpcError { _ = try await unary(request) }
    #expect(error?.code == .invalidArgument)
  }

  @Test(
    "UnaryCall that expects compression accepts a compressed request",
    arguments: [CompressionAlgorithm.gzip, .deflate]
  )
  func expectCompressedAccepted(algorithm: CompressionAlgorithm) async throws {
    let request = Self.simpleRequest(responseSize: 7) {
      $0.expectCompressed = .with { $0.value = true }
    }
    let response = try await unary(request, options: CallOptions(compression: algorithm))
    #expect(response.message.payload?.body.count == 7)
  }

  @Test(
    "UnaryCall that expects no compression accepts both",
    arguments: [nil, CompressionAlgorithm.gzip]
  )
  func expectUncompressed(algorithm: CompressionAlgorithm?) async throws {
    let request = Self.simpleRequest(responseSize: 2) {
      $0.expectCompressed = .with { $0.value = false }
    }
    #expect(
      try await unary(request, options: CallOptions(compression: algorithm)).message.payload?.body
        .count == 2
    )
  }

  @Test("UnaryCall compresses its response as response_compressed asks", arguments: [true, false])
  func responseCompressed(compressed: Bool) async throws {
    let request = Self.simpleRequest(responseSize: 1000) {
      $0.responseCompressed = .with { $0.value = compressed }
    }
    let response = try await unary(request)
    #expect(response.message.payload?.body.count == 1000)
    #expect(log.compressedFlags == [compressed])
  }

  @Test("UnaryCall echoes x-grpc-test-echo-initial and x-grpc-test-echo-trailing-bin")
  func echoMetadataUnary() async throws {
    var metadata: Metadata = [:]
    metadata.add("x-grpc-test-echo-initial", "test_initial_metadata_value")
    metadata.add("x-grpc-test-echo-trailing-bin", binary: [0xAB, 0xAB, 0xAB])
    metadata.add("x-other", "not echoed")
    let response = try await unary(
      Self.simpleRequest(responseSize: 1),
      options: CallOptions(metadata: metadata)
    )
    #expect(
      response.initialMetadata[stringValue: "x-grpc-test-echo-initial"]
        == "test_initial_metadata_value"
    )
    #expect(
      response.trailingMetadata[binaryValue: "x-grpc-test-echo-trailing-bin"] == [0xAB, 0xAB, 0xAB]
    )
    #expect(response.initialMetadata[stringValue: "x-other"] == nil)
    #expect(response.trailingMetadata[stringValue: "x-other"] == nil)
  }

  @Test("UnimplementedCall is UNIMPLEMENTED")
  func unimplemented() async {
    let error = await rpcError {
      let _: ClientResponse<GRPCTesting.Empty> = try await client.unary(
        path: Methods.unimplementedCall.path,
        request: GRPCTesting.Empty()
      )
    }
    #expect(error?.code == .unimplemented)
  }

  // MARK: Streaming

  @Test(
    "StreamingOutputCall answers one payload per ResponseParameters, pausing interval_us before each"
  )
  func streamingOutput() async throws {
    let sizes: [Int32] = [31415, 9, 2653, 58979]
    let received: [Int] = try await client.serverStreaming(
      path: Methods.streamingOutputCall.path,
      request: Self.outputRequest(sizes, intervalUs: 1500)
    ) { (responses: ClientResponseStream<OutputResponse>) in
      var received: [Int] = []
      for try await response in responses {
        #expect(response.payload?.body.allSatisfy { $0 == 0 } == true)
        received.append(response.payload?.body.count ?? -1)
      }
      return received
    }
    #expect(received == sizes.map(Int.init))
    #expect(events.all == Array(repeating: "sleep \(Duration.microseconds(1500))", count: 4))
  }

  @Test("StreamingOutputCall does not pause for interval_us 0")
  func noPause() async throws {
    let count: Int = try await client.serverStreaming(
      path: Methods.streamingOutputCall.path,
      request: Self.outputRequest([1, 2])
    ) { (responses: ClientResponseStream<OutputResponse>) in
      var count = 0
      for try await _ in responses { count += 1 }
      return count
    }
    #expect(count == 2)
    #expect(events.all.isEmpty)
  }

  @Test("StreamingOutputCall compresses each response as its parameters ask")
  func streamingOutputCompressed() async throws {
    let request = Self.outputRequest([31415, 92653, 10], compressed: [true, false, true])
    let count: Int = try await client.serverStreaming(
      path: Methods.streamingOutputCall.path,
      request: request
    ) { (responses: ClientResponseStream<OutputResponse>) in
      var count = 0
      for try await _ in responses { count += 1 }
      return count
    }
    #expect(count == 3)
    #expect(log.compressedFlags == [true, false, true])
  }

  @Test("StreamingOutputCall echoes response_status")
  func streamingOutputEchoStatus() async {
    var echo = Self.outputRequest([1])
    echo.responseStatus = .with {
      $0.code = 9
      $0.message = "failed precondition"
    }
    let request = echo
    let error = await rpcError {
      try await client.serverStreaming(path: Methods.streamingOutputCall.path, request: request) {
        (responses: ClientResponseStream<OutputResponse>) in
        for try await _ in responses {}
      }
    }
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message == "failed precondition")
  }

  @Test("StreamingInputCall answers the aggregated payload size")
  func streamingInput() async throws {
    let response: ClientResponse<GRPCTesting.StreamingInputCallResponse> =
      try await client.clientStreaming(path: Methods.streamingInputCall.path) {
        (writer: RequestWriter<GRPCTesting.StreamingInputCallRequest>) in
        for size in [27182, 8, 1828, 45904] {
          try await writer.write(
            GRPCTesting.StreamingInputCallRequest.with {
              $0.payload = .with { $0.body = [UInt8](repeating: 0, count: size) }
            }
          )
        }
      }
    #expect(response.message.aggregatedPayloadSize == 74922)
  }

  @Test(
    "StreamingInputCall checks expect_compressed on every message",
    arguments: [nil, CompressionAlgorithm.gzip]
  )
  func streamingInputExpectCompressed(algorithm: CompressionAlgorithm?) async throws {
    let request = GRPCTesting.StreamingInputCallRequest.with {
      $0.payload = .with { $0.body = [1, 2, 3] }
      $0.expectCompressed = .with { $0.value = true }
    }
    let call = {
      let _: ClientResponse<GRPCTesting.StreamingInputCallResponse> =
        try await client.clientStreaming(
          path: Methods.streamingInputCall.path,
          options: CallOptions(compression: algorithm)
        ) { writer in try await writer.write(request) }
    }
    if algorithm == nil {
      let error = await rpcError(call)
      #expect(error?.code == .invalidArgument)
    } else {
      try await call()
    }
  }

  @Test("StreamingInputCall with no requests answers size 0")
  func streamingInputEmpty() async throws {
    let response: ClientResponse<GRPCTesting.StreamingInputCallResponse> =
      try await client.clientStreaming(path: Methods.streamingInputCall.path) {
        (_: RequestWriter<GRPCTesting.StreamingInputCallRequest>) in
      }
    #expect(response.message.aggregatedPayloadSize == 0)
  }

  @Test("FullDuplexCall answers each request before the next one is sent")
  func fullDuplexPingPong() async throws {
    let sizes: [Int32] = [31415, 9, 2653, 58979]
    let (turns, continuation) = AsyncStream.makeStream(of: Void.self)
    let received: [Int] = try await client.bidirectional(
      path: Methods.fullDuplexCall.path,
      requests: { writer in
        var turnIterator = turns.makeAsyncIterator()
        for size in sizes {
          try await writer.write(Self.outputRequest([size]))
          await turnIterator.next()
        }
      },
      responses: { (responses: ClientResponseStream<OutputResponse>) in
        var received: [Int] = []
        for try await response in responses {
          received.append(response.payload?.body.count ?? -1)
          continuation.yield()
        }
        return received
      }
    )
    #expect(received == sizes.map(Int.init))
  }

  @Test("FullDuplexCall with no requests ends OK with no responses")
  func fullDuplexEmpty() async throws {
    let count: Int = try await client.bidirectional(
      path: Methods.fullDuplexCall.path,
      requests: { (_: RequestWriter<OutputRequest>) in },
      responses: { (responses: ClientResponseStream<OutputResponse>) in
        var count = 0
        for try await _ in responses { count += 1 }
        return count
      }
    )
    #expect(count == 0)
  }

  @Test("FullDuplexCall echoes response_status")
  func fullDuplexEchoStatus() async {
    var echo = Self.outputRequest([])
    echo.responseStatus = .with {
      $0.code = 2
      $0.message = "test status message"
    }
    let request = echo
    let error = await rpcError {
      try await client.bidirectional(
        path: Methods.fullDuplexCall.path,
        requests: { writer in try await writer.write(request) },
        responses: { (responses: ClientResponseStream<OutputResponse>) in
          for try await _ in responses {}
        }
      )
    }
    #expect(error?.code == .unknown)
    #expect(error?.message == "test status message")
  }

  @Test("HalfDuplexCall answers only after the client's last request, in order")
  func halfDuplex() async throws {
    let events = self.events
    let received: [Int] = try await client.bidirectional(
      path: Methods.halfDuplexCall.path,
      requests: { writer in
        for size: Int32 in [31415, 9, 2653] {
          try await writer.write(Self.outputRequest([size], intervalUs: 1))
        }
        events.append("requests done")
      },
      responses: { (responses: ClientResponseStream<OutputResponse>) in
        var received: [Int] = []
        for try await response in responses { received.append(response.payload?.body.count ?? -1) }
        return received
      }
    )
    #expect(received == [31415, 9, 2653])
    let pause = "sleep \(Duration.microseconds(1))"
    #expect(events.all == ["requests done", pause, pause, pause])
  }
}
