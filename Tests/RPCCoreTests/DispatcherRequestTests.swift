internal import ProtoWire
internal import RPCCore
internal import Testing

/// How the dispatcher reads requests: framing, limits, cardinality, decoding, compression.
@Suite("Dispatcher requests")
struct DispatcherRequestTests {
  let dispatcher = GRPCServerDispatcher(router: TestService.router())

  private func echo(_ outbound: RecordingOutbound) throws -> EchoMessage {
    let response = RecordedResponse(outbound.parts)
    return try EchoMessage(serializedBytes: try #require(response.messages.first).bytes)
  }

  @Test("a request split across chunks at every byte")
  func splitRequest() async throws {
    let framed = frame(EchoMessage("split", payload: [1, 2, 3]).serializedBytes())
    for cut in 1 ..< framed.count {
      let outbound = await serve(
        dispatcher,
        path: "/test.Echo/Unary",
        chunks: [Array(framed[..<cut]), Array(framed[cut...])]
      )
      #expect(try echo(outbound).text == "split")
    }
  }

  @Test("an empty request message is the default message")
  func emptyMessage() async throws {
    let outbound = await serve(dispatcher, path: "/test.Echo/Unary", chunks: [frame([])])
    #expect(try echo(outbound) == EchoMessage())
  }

  @Test("zero or two requests for a unary method are UNIMPLEMENTED")
  func cardinality() async {
    let one = frame(EchoMessage("x").serializedBytes())
    for chunks in [[], [one + one], [one, one]] {
      let outbound = await serve(dispatcher, path: "/test.Echo/Unary", chunks: chunks)
      let response = RecordedResponse(outbound.parts)
      #expect(response.isTrailersOnly)
      #expect(response.grpcStatus == 12)
    }
  }

  @Test("a request ending mid-message is INTERNAL")
  func truncated() async {
    let framed = frame(EchoMessage("cut").serializedBytes())
    for chunk in [Array(framed.dropLast()), [0, 0, 0]] {
      let outbound = await serve(dispatcher, path: "/test.Echo/Unary", chunks: [chunk])
      #expect(RecordedResponse(outbound.parts).grpcStatus == 13)
    }
  }

  @Test("a request that is not valid protobuf is INTERNAL")
  func undecodable() async {
    let outbound = await serve(dispatcher, path: "/test.Echo/Unary", chunks: [frame([0xFF, 0xFF])])
    let response = RecordedResponse(outbound.parts)
    #expect(response.grpcStatus == 13)
    #expect(response.header("grpc-message")?.contains("rpccore.test.Echo") == true)
  }

  @Test("a request over the limit is RESOURCE_EXHAUSTED, the stream ended cleanly")
  func oversize() async {
    let small = GRPCServerDispatcher(
      router: TestService.router(),
      configuration: RPCConfiguration(maxReceiveMessageSize: 16)
    )
    let big = frame(EchoMessage(String(repeating: "x", count: 32)).serializedBytes())
    for path in ["/test.Echo/Unary", "/test.Echo/Collect", "/test.Echo/Chat"] {
      // Only the prefix: the dispatcher must not wait for the body it refuses.
      let outbound = await serve(small, path: path, chunks: [Array(big.prefix(5))])
      let response = RecordedResponse(outbound.parts)
      #expect(response.isTrailersOnly)
      #expect(response.grpcStatus == 8)
      #expect(outbound.resetCode == nil)
    }
    let fits = frame(EchoMessage(String(repeating: "x", count: 14)).serializedBytes())
    let outbound = await serve(small, path: "/test.Echo/Unary", chunks: [fits])
    #expect(RecordedResponse(outbound.parts).grpcStatus == 0)
  }

  @Test(
    "a compressed request is decompressed and its flag reported",
    arguments: ["gzip", "deflate"]
  )
  func compressedRequest(encoding: String) async throws {
    let algorithm = try #require(CompressionAlgorithm(rawValue: encoding))
    let compressed = Compression.compress(
      EchoMessage("", payload: [7, 7, 7]).serializedBytes(),
      algorithm
    )
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Flags",
      headers: grpcHeaders([HeaderField("grpc-encoding", encoding)]),
      chunks: [frame(compressed, compressed: true)]
    )
    #expect(try echo(outbound) == EchoMessage("compressed", payload: [7, 7, 7]))
    // An uncompressed message in a call with an encoding is fine too.
    let plain = await serve(
      dispatcher,
      path: "/test.Echo/Flags",
      headers: grpcHeaders([HeaderField("grpc-encoding", encoding)]),
      chunks: [frame(EchoMessage().serializedBytes())]
    )
    #expect(try echo(plain).text == "plain")
  }

  @Test("an unsupported grpc-encoding is UNIMPLEMENTED listing what is supported")
  func unsupportedEncoding() async {
    for (configuration, accepted) in [
      (RPCConfiguration(), "identity,gzip,deflate"),
      (RPCConfiguration(compressionAlgorithms: []), "identity"),
    ] {
      let server = GRPCServerDispatcher(router: TestService.router(), configuration: configuration)
      let outbound = await serve(
        server,
        path: "/test.Echo/Unary",
        headers: grpcHeaders([
          HeaderField(
            "grpc-encoding",
            configuration.compressionAlgorithms.isEmpty ? "gzip" : "snappy"
          )
        ]),
        chunks: [frame([])]
      )
      let response = RecordedResponse(outbound.parts)
      #expect(response.isTrailersOnly)
      #expect(response.grpcStatus == 12)
      #expect(response.header("grpc-accept-encoding") == accepted)
    }
  }

  @Test("a compressed flag without grpc-encoding, or with identity, is INTERNAL")
  func flagWithoutEncoding() async {
    for extra in [[], [HeaderField("grpc-encoding", "identity")]] {
      let outbound = await serve(
        dispatcher,
        path: "/test.Echo/Unary",
        headers: grpcHeaders(extra),
        chunks: [frame([1, 2, 3], compressed: true)]
      )
      #expect(RecordedResponse(outbound.parts).grpcStatus == 13)
    }
  }

  @Test("a compression bomb is RESOURCE_EXHAUSTED")
  func bomb() async {
    let bomb = Compression.compress(Array(repeating: 0, count: 5 << 20), .gzip)
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Unary",
      headers: grpcHeaders([HeaderField("grpc-encoding", "gzip")]),
      chunks: [frame(bomb, compressed: true)]
    )
    #expect(RecordedResponse(outbound.parts).grpcStatus == 8)
  }

  @Test(
    "responses are compressed only with what the client accepts",
    arguments: [
      ("identity,deflate,gzip", "gzip"), ("deflate", "deflate"), ("identity", nil),
      (nil, nil),
    ] as [(String?, String?)]
  )
  func responseCompression(accept: String?, expected: String?) async throws {
    let extra = accept.map { [HeaderField("grpc-accept-encoding", $0)] } ?? []
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Flags",
      headers: grpcHeaders(extra),
      chunks: [
        frame(
          EchoMessage("compress-response", payload: Array(repeating: 3, count: 300))
            .serializedBytes()
        )
      ]
    )
    let response = RecordedResponse(outbound.parts)
    #expect(response.header("grpc-encoding") == expected)
    let message = try #require(response.messages.first)
    #expect(message.compressed == (expected != nil))
    let bytes =
      if let expected, let algorithm = CompressionAlgorithm(rawValue: expected) {
        try Compression.decompress(message.bytes, algorithm)
      } else {
        message.bytes
      }
    #expect(try EchoMessage(serializedBytes: bytes).payload.count == 300)
  }

  @Test("a handler that does not ask for compression gets none")
  func defaultUncompressed() async throws {
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Flags",
      headers: grpcHeaders([HeaderField("grpc-accept-encoding", "gzip")]),
      chunks: [frame(EchoMessage("x").serializedBytes())]
    )
    let response = RecordedResponse(outbound.parts)
    #expect(response.header("grpc-encoding") == nil)
    #expect(response.messages.first?.compressed == false)
  }

  @Test("streamed responses: the first write fixes the encoding, flags are per message")
  func streamedCompression() async throws {
    let accept = grpcHeaders([HeaderField("grpc-accept-encoding", "gzip")])
    let first = await serve(
      dispatcher,
      path: "/test.Echo/Expand",
      headers: accept,
      chunks: [frame(EchoMessage("c", payload: [1, 0, 1]).serializedBytes())]
    )
    let response = RecordedResponse(first.parts)
    #expect(response.header("grpc-encoding") == "gzip")
    #expect(response.messages.map(\.compressed) == [true, false, true])
    let texts = try response.messages.map {
      try EchoMessage(
        serializedBytes: $0.compressed ? try Compression.decompress($0.bytes, .gzip) : $0.bytes
      ).text
    }
    #expect(texts == ["c0", "c1", "c2"])

    let uncompressedFirst = await serve(
      dispatcher,
      path: "/test.Echo/Expand",
      headers: accept,
      chunks: [frame(EchoMessage("u", payload: [0, 1]).serializedBytes())]
    )
    let plain = RecordedResponse(uncompressedFirst.parts)
    #expect(plain.header("grpc-encoding") == nil)
    #expect(plain.messages.map(\.compressed) == [false, false])
  }

  @Test("client streaming sees per-message compression flags")
  func clientStreamFlags() async throws {
    let chunk =
      frame(Compression.compress(EchoMessage("a").serializedBytes(), .deflate), compressed: true)
      + frame(EchoMessage("b").serializedBytes())
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Collect",
      headers: grpcHeaders([HeaderField("grpc-encoding", "deflate")]),
      chunks: [chunk]
    )
    #expect(try echo(outbound) == EchoMessage("a,b", payload: [1, 0]))
  }

  @Test("a handler sees its context: path, peer, metadata, encoding")
  func context() async throws {
    let probe = Probe()
    var router = RPCRouter()
    router.unary("/ctx/Get") { (request: EchoMessage, context: ServerContext) in
      probe.record("\(context.path) \(context.peer) \(context.requestEncoding ?? "-")")
      probe.record(context.metadata.map(\.key).joined(separator: ","))
      probe.record(context.deadline == nil ? "no deadline" : "deadline")
      return request
    }
    let server = GRPCServerDispatcher(router: router)
    _ = await serve(
      server,
      path: "/ctx/Get",
      headers: grpcHeaders([
        HeaderField("user-agent", "x"), HeaderField("grpc-encoding", "gzip"),
        HeaderField("x-a", "1"), HeaderField("x-b-bin", "AA"), HeaderField("grpc-timeout", "1H"),
      ]),
      chunks: [frame([])]
    )
    #expect(probe.recorded == ["/ctx/Get 127.0.0.1:1 gzip", "x-a,x-b-bin", "deadline"])
  }

  @Test("router paths are sorted")
  func paths() {
    #expect(
      TestService.router().paths == [
        "/test.Echo/Chat", "/test.Echo/Collect", "/test.Echo/Expand", "/test.Echo/Fail",
        "/test.Echo/Flags", "/test.Echo/Hang", "/test.Echo/StreamThenHang", "/test.Echo/Unary",
      ]
    )
  }
}
