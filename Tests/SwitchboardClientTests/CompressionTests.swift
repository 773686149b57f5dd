internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardClient
internal import Testing

/// Compressed requests and responses with each algorithm, as the interop tests
/// `client_compressed_unary`, `client_compressed_streaming`, `server_compressed_unary` and
/// `server_compressed_streaming` check them. The server's `expect_compressed` check proves a
/// request arrived compressed; the per-message flag proves a response did.
@Suite(.timeLimit(.minutes(1)))
struct CompressionTests {
  @Test(arguments: [CompressionAlgorithm.gzip, .deflate])
  func compressedUnaryRequest(algorithm: CompressionAlgorithm) async throws {
    try await withLoopback { loopback in
      var request = GRPCTesting.SimpleRequest(payloadSize: 271_828, responseSize: 314_159)
      request.expectCompressed = GRPCTesting.BoolValue(true)

      let response = try await loopback.tests.unaryCall(
        request,
        options: CallOptions(compression: algorithm)
      )
      #expect(response.payloadSize == 314_159)

      let error = await #expect(throws: RPCError.self) {
        try await loopback.tests.unaryCall(request)
      }
      #expect(error?.code == .invalidArgument)
    }
  }

  @Test(arguments: [CompressionAlgorithm.gzip, .deflate])
  func compressedStreamingRequests(algorithm: CompressionAlgorithm) async throws {
    try await withLoopback { loopback in
      let response = try await loopback.tests.streamingInputCall(
        options: CallOptions(compression: algorithm)
      ) { writer in
        try await writer.write(
          GRPCTesting.StreamingInputCallRequest(payloadSize: 27_182, expectCompressed: true)
        )
        try await writer.write(
          GRPCTesting.StreamingInputCallRequest(payloadSize: 45_904, expectCompressed: false),
          compressed: false
        )
      }
      #expect(response.aggregatedPayloadSize == 73_086)

      let error = await #expect(throws: RPCError.self) {
        try await loopback.tests.streamingInputCall(
          options: CallOptions(compression: algorithm)
        ) { writer in
          try await writer.write(
            GRPCTesting.StreamingInputCallRequest(payloadSize: 8, expectCompressed: true),
            compressed: false
          )
        }
      }
      #expect(error?.code == .invalidArgument)
    }
  }

  /// The client accepts only `algorithm`, so the server has to respond with it.
  @Test(arguments: [CompressionAlgorithm.gzip, .deflate])
  func compressedResponses(algorithm: CompressionAlgorithm) async throws {
    var configuration = SwitchboardConnection.Configuration()
    configuration.rpc.compressionAlgorithms = [algorithm]
    try await withLoopback(configuration: configuration) { loopback in
      var request = GRPCTesting.SimpleRequest(responseSize: 314_159)
      request.responseCompressed = GRPCTesting.BoolValue(true)
      let response = try await loopback.tests.unaryCall(request)
      #expect(response.payloadSize == 314_159)

      let received = try await loopback.tests.streamingOutputCall(
        GRPCTesting.StreamingOutputCallRequest([
          GRPCTesting.ResponseParameters(size: 31_415, compressed: true),
          GRPCTesting.ResponseParameters(size: 92_653, compressed: false),
        ])
      ) { responses in
        var received: [(size: Int, compressed: Bool)] = []
        while let (response, compressed) = try await responses.nextWithFlags() {
          received.append((response.payloadSize, compressed))
        }
        return received
      }
      #expect(received.map(\.size) == [31_415, 92_653])
      #expect(received.map(\.compressed) == [true, false])
    }
  }
}
