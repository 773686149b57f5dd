internal import ProtoWire
internal import RPCCore
internal import Testing

/// The shapes of responses: HTTP errors, trailers-only, the unary batch, header contents.
@Suite("Dispatcher response shapes")
struct DispatcherShapeTests {
  let dispatcher = GRPCServerDispatcher(router: TestService.router())
  let hello = frame(EchoMessage("hello").serializedBytes())

  @Test("a method other than POST is HTTP 405, headers only", arguments: ["GET", "PUT", "HEAD"])
  func methodNotAllowed(method: String) async {
    let outbound = await serve(
      dispatcher,
      method: method,
      path: "/test.Echo/Unary",
      chunks: [hello]
    )
    #expect(outbound.sends.count == 1)
    let response = RecordedResponse(outbound.parts)
    #expect(response.headers == [HeaderField(":status", "405")])
    #expect(response.isTrailersOnly)
  }

  @Test(
    "a content-type other than gRPC protobuf is HTTP 415",
    arguments: [
      nil, "text/plain", "application/json", "application/grpc+json", "application/grpcx",
    ]
  )
  func unsupportedMediaType(contentType: String?) async {
    let headers = contentType.map { [HeaderField("content-type", $0)] } ?? []
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Unary",
      headers: headers,
      chunks: [hello]
    )
    let response = RecordedResponse(outbound.parts)
    #expect(response.headers == [HeaderField(":status", "415")])
    #expect(response.isTrailersOnly)
  }

  @Test(
    "gRPC content-types, with parameters or in another case, are served",
    arguments: [
      "application/grpc", "application/grpc+proto", "application/grpc; charset=utf-8",
      "application/grpc+proto;foo=bar", "Application/GRPC",
    ]
  )
  func grpcContentTypes(contentType: String) async {
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Unary",
      headers: [HeaderField("content-type", contentType)],
      chunks: [hello]
    )
    #expect(RecordedResponse(outbound.parts).grpcStatus == 0)
  }

  @Test("a request without te: trailers is still served")
  func withoutTE() async {
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Unary",
      headers: [HeaderField("content-type", "application/grpc")],
      chunks: [hello]
    )
    #expect(RecordedResponse(outbound.parts).grpcStatus == 0)
  }

  @Test("an unknown method is UNIMPLEMENTED, trailers-only in one HEADERS")
  func unknownMethod() async {
    for path in ["/test.Echo/Nope", "/other.Service/Unary", "/", ""] {
      let outbound = await serve(dispatcher, path: path, chunks: [hello])
      #expect(outbound.sends.count == 1)
      #expect(outbound.parts.count == 1)
      let response = RecordedResponse(outbound.parts)
      #expect(response.isTrailersOnly)
      #expect(response.headers.first == HeaderField(":status", "200"))
      #expect(response.header("content-type") == "application/grpc")
      #expect(response.grpcStatus == 12)
      #expect(response.header("grpc-message")?.isEmpty == false)
    }
  }

  @Test("unary: headers, data and trailers in one send")
  func unaryBatch() async throws {
    let outbound = await serve(dispatcher, path: "/test.Echo/Unary", chunks: [hello])
    #expect(outbound.sends.count == 1)
    let parts = try #require(outbound.sends.first)
    #expect(parts.count == 3)
    guard case .headers(let headers, endStream: false) = parts[0],
      case .data(let data) = parts[1], case .trailers(let trailers) = parts[2]
    else {
      Issue.record("unexpected shape \(parts)")
      return
    }
    #expect(
      headers == [
        HeaderField(":status", "200"), HeaderField("content-type", "application/grpc"),
        HeaderField("grpc-accept-encoding", "identity,gzip,deflate"),
      ]
    )
    #expect(data == hello)
    #expect(trailers == [HeaderField("grpc-status", "0")])
  }

  @Test("initial and trailing metadata go in headers and trailers")
  func metadataPlacement() async {
    let outbound = await serve(
      dispatcher,
      path: "/test.Echo/Unary",
      headers: grpcHeaders([HeaderField("echo-a", "1"), HeaderField("echo-b-bin", "AQI")]),
      chunks: [hello]
    )
    let response = RecordedResponse(outbound.parts)
    #expect(response.header("echo-a") == "1")
    #expect(response.header("echo-b-bin") == "AQI=")
    #expect(response.trailer("echo-a-t") == "1")
    #expect(response.trailer("echo-b-t-bin") == "AQI=")
  }

  @Test("an error before any message is trailers-only with both metadata sets")
  func errorTrailersOnly() async throws {
    let request = frame(EchoMessage("not there\t✓ 100%").serializedBytes())
    let outbound = await serve(dispatcher, path: "/test.Echo/Fail", chunks: [request])
    #expect(outbound.sends.count == 1)
    let response = RecordedResponse(outbound.parts)
    #expect(response.isTrailersOnly)
    #expect(response.grpcStatus == 5)
    #expect(response.header("grpc-message") == "not there%09%E2%9C%93 100%25")
    #expect(response.header("x-initial") == "i")
    #expect(response.header("x-trailing") == "t")
    #expect(response.header("x-error-bin") == "AQI=")
  }

  @Test("a handler's other errors are UNKNOWN with a short message; CancellationError is CANCELLED")
  func otherErrors() async {
    let plain = await serve(
      dispatcher,
      path: "/test.Echo/Fail",
      chunks: [frame(EchoMessage("plain").serializedBytes())]
    )
    let response = RecordedResponse(plain.parts)
    #expect(response.grpcStatus == 2)
    #expect(response.header("grpc-message") == "handler failed: PlainError")
    let cancelled = await serve(
      dispatcher,
      path: "/test.Echo/Fail",
      chunks: [frame(EchoMessage("cancellation").serializedBytes())]
    )
    #expect(RecordedResponse(cancelled.parts).grpcStatus == 1)
  }

  @Test("a server stream: headers with the first message, trailers with metadata")
  func serverStream() async throws {
    let request = frame(EchoMessage("m", payload: [0, 0, 0]).serializedBytes())
    let outbound = await serve(dispatcher, path: "/test.Echo/Expand", chunks: [request])
    let sends = outbound.sends
    #expect(sends.count == 4)
    #expect(sends.first?.count == 2)
    let response = RecordedResponse(outbound.parts)
    #expect(response.header("x-stream") == "yes")
    #expect(response.header("grpc-encoding") == nil)
    let texts = try response.messages.map { try EchoMessage(serializedBytes: $0.bytes).text }
    #expect(texts == ["m0", "m1", "m2"])
    #expect(response.trailers?.first == HeaderField("grpc-status", "0"))
    #expect(response.trailer("x-count") == "3")
  }

  @Test("a server stream failing after messages ends with trailers carrying the error")
  func serverStreamFailure() async {
    let request = frame(EchoMessage("fail", payload: [0, 0]).serializedBytes())
    let outbound = await serve(dispatcher, path: "/test.Echo/Expand", chunks: [request])
    let response = RecordedResponse(outbound.parts)
    #expect(response.messages.count == 2)
    #expect(response.grpcStatus == 10)
    #expect(response.trailer("grpc-message") == "failed after 2")
    #expect(response.trailer("x-count") == "2")
  }

  @Test("a server stream with no message and OK is trailers-only with the initial metadata")
  func emptyServerStream() async {
    let request = frame(EchoMessage("none").serializedBytes())
    let outbound = await serve(dispatcher, path: "/test.Echo/Expand", chunks: [request])
    let response = RecordedResponse(outbound.parts)
    #expect(response.isTrailersOnly)
    #expect(response.grpcStatus == 0)
    #expect(response.header("x-stream") == "yes")
  }

  @Test("client streaming and bidirectional calls over the dispatcher")
  func streamingRequests() async throws {
    let chunk = ["a", "b", "c"].map { frame(EchoMessage($0).serializedBytes()) }.reduce([], +)
    let collected = await serve(dispatcher, path: "/test.Echo/Collect", chunks: [chunk])
    let collectedResponse = RecordedResponse(collected.parts)
    #expect(collected.sends.count == 1)
    let message = try EchoMessage(
      serializedBytes: try #require(collectedResponse.messages.first).bytes
    )
    #expect(message.text == "a,b,c")

    let chat = await serve(dispatcher, path: "/test.Echo/Chat", chunks: [chunk])
    let texts = try RecordedResponse(chat.parts).messages.map {
      try EchoMessage(serializedBytes: $0.bytes).text
    }
    #expect(texts == ["echo:a", "echo:b", "echo:c"])
  }

  @Test("an empty client stream and an empty bidirectional stream")
  func emptyStreams() async throws {
    let collected = await serve(dispatcher, path: "/test.Echo/Collect", chunks: [])
    let response = RecordedResponse(collected.parts)
    #expect(response.grpcStatus == 0)
    #expect(response.messages.first?.bytes == [])
    let chat = await serve(dispatcher, path: "/test.Echo/Chat", chunks: [])
    #expect(RecordedResponse(chat.parts).isTrailersOnly)
    #expect(RecordedResponse(chat.parts).grpcStatus == 0)
  }
}
