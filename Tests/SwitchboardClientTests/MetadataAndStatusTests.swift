internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardClient
internal import Testing

/// Custom metadata both ways and status echo, as the interop tests `custom_metadata`,
/// `status_code_and_message` and `special_status_message` check them.
@Suite(.timeLimit(.minutes(1)))
struct MetadataAndStatusTests {
  private static let initialKey = "x-grpc-test-echo-initial"
  private static let trailingKey = "x-grpc-test-echo-trailing-bin"
  private static let initialValue = "test_initial_metadata_value"
  /// Every byte value, so that base64 meets each of its symbols and padding.
  private static let trailingValue = (0 ... 255).map { UInt8($0) } + [0xab, 0xab]

  private static var echoOptions: CallOptions {
    var metadata = Metadata()
    metadata.add(initialKey, initialValue)
    metadata.add(trailingKey, binary: trailingValue)
    return CallOptions(metadata: metadata)
  }

  @Test func unaryCallEchoesInitialAndTrailingMetadata() async throws {
    try await withLoopback { loopback in
      let response = try await loopback.tests.unaryCallWithMetadata(
        GRPCTesting.SimpleRequest(payloadSize: 271_828, responseSize: 314_159),
        options: Self.echoOptions
      )
      #expect(response.message.payloadSize == 314_159)
      #expect(response.initialMetadata[stringValue: Self.initialKey] == Self.initialValue)
      #expect(response.trailingMetadata[binaryValue: Self.trailingKey] == Self.trailingValue)
    }
  }

  @Test func fullDuplexCallEchoesInitialAndTrailingMetadata() async throws {
    try await withLoopback { loopback in
      let (initial, trailing, sizes) = try await loopback.tests.fullDuplexCall(
        options: Self.echoOptions
      ) { writer in
        try await writer.write(
          GRPCTesting.StreamingOutputCallRequest(responseSizes: [314_159], payloadSize: 271_828)
        )
      } responses: { responses in
        let initial = try await responses.initialMetadata()
        var sizes: [Int] = []
        for try await response in responses { sizes.append(response.payloadSize) }
        return (initial, responses.trailingMetadata, sizes)
      }
      #expect(sizes == [314_159])
      #expect(initial[stringValue: Self.initialKey] == Self.initialValue)
      #expect(trailing[binaryValue: Self.trailingKey] == Self.trailingValue)
    }
  }

  @Test func anErrorStatusCarriesTheTrailingMetadata() async throws {
    try await withLoopback { loopback in
      var request = GRPCTesting.SimpleRequest()
      request.responseStatus = GRPCTesting.EchoStatus(code: 2, message: "test status message")
      let error = await #expect(throws: RPCError.self) {
        try await loopback.tests.unaryCall(request, options: Self.echoOptions)
      }
      #expect(error?.code == .unknown)
      #expect(error?.metadata[binaryValue: Self.trailingKey] == Self.trailingValue)
    }
  }

  @Test(arguments: [
    "test status message",
    "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n",
    "100% percent-looking %41 text, quotes \" and 'emoji' 🎉",
  ])
  func unaryCallEchoesTheStatus(message: String) async throws {
    try await withLoopback { loopback in
      var request = GRPCTesting.SimpleRequest()
      request.responseStatus = GRPCTesting.EchoStatus(code: 2, message: message)
      let error = await #expect(throws: RPCError.self) {
        try await loopback.tests.unaryCall(request)
      }
      #expect(error?.code == .unknown)
      #expect(error?.message == message)
    }
  }

  @Test func fullDuplexCallEchoesTheStatus() async throws {
    let message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"
    try await withLoopback { loopback in
      var failing = GRPCTesting.StreamingOutputCallRequest(responseSizes: [1])
      failing.responseStatus = GRPCTesting.EchoStatus(code: 9, message: message)
      let request = failing
      let error = await #expect(throws: RPCError.self) {
        try await loopback.tests.fullDuplexCall { writer in
          try await writer.write(request)
        } responses: { responses in
          for try await _ in responses {}
        }
      }
      #expect(error?.code == .failedPrecondition)
      #expect(error?.message == message)
    }
  }
}
