internal import ProtoWire
internal import RPCCore
internal import Testing

/// A transport whose one stream answers with scripted response parts, for protocol violations.
private struct ScriptedTransport: ClientTransport {
  let parts: [ClientResponsePart]
  var failure: (any Error)?
  var openFailure: (any Error)?

  func openStream(headers: [HeaderField]) async throws -> any ClientStream {
    if let openFailure { throw openFailure }
    let queue = AsyncQueue<ClientResponsePart>()
    for part in parts { queue.push(part) }
    queue.finish(throwing: failure)
    return ScriptedStream(queue: queue)
  }
}

private final class ScriptedStream: ClientStream {
  let queue: AsyncQueue<ClientResponsePart>
  init(queue: AsyncQueue<ClientResponsePart>) { self.queue = queue }
  func send(_ bytes: [UInt8], endStream: Bool) async throws {}
  func next() async throws -> ClientResponsePart? { try await queue.next() }
  func cancel() { queue.finish(throwing: StreamResetError(errorCode: 8)) }
}

private let okHeaders = ClientResponsePart.headers(
  [HeaderField(":status", "200"), HeaderField("content-type", "application/grpc")],
  endStream: false
)
private let okTrailers = ClientResponsePart.trailers([HeaderField("grpc-status", "0")])
private let message = ClientResponsePart.data(frame(EchoMessage("m").serializedBytes()))

@Suite("Client protocol handling")
struct ClientProtocolTests {
  private func unary(
    _ parts: [ClientResponsePart],
    failure: (any Error)? = nil
  ) async -> Result<EchoMessage, RPCError> {
    let client = GRPCClient(
      transport: ScriptedTransport(parts: parts, failure: failure),
      authority: "a"
    )
    do {
      let response: ClientResponse<EchoMessage> = try await client.unary(
        path: "/a/b",
        request: EchoMessage()
      )
      return .success(response.message)
    } catch let error as RPCError {
      return .failure(error)
    } catch {
      Issue.record("not an RPCError: \(error)")
      return .failure(RPCError(.unknown, "\(error)"))
    }
  }

  private func code(
    _ parts: [ClientResponsePart],
    failure: (any Error)? = nil
  ) async -> Status.Code? {
    if case .failure(let error) = await unary(parts, failure: failure) { return error.code }
    return nil
  }

  @Test("a well-formed response")
  func wellFormed() async throws {
    #expect(try await unary([okHeaders, message, okTrailers]).get() == EchoMessage("m"))
  }

  @Test("a response split into one-byte DATA parts")
  func byteByByte() async throws {
    let bytes = frame(EchoMessage("split").serializedBytes())
    let parts = [okHeaders] + bytes.map { ClientResponsePart.data([$0]) } + [okTrailers]
    #expect(try await unary(parts).get() == EchoMessage("split"))
  }

  @Test(
    "HTTP statuses other than 200 map to gRPC codes",
    arguments: [
      ("400", Status.Code.internalError), ("401", .unauthenticated), ("403", .permissionDenied),
      ("404", .unimplemented), ("429", .unavailable), ("502", .unavailable), ("503", .unavailable),
      ("504", .unavailable), ("500", .unknown), ("415", .unknown),
    ]
  )
  func httpStatus(status: String, expected: Status.Code) async {
    let headers = ClientResponsePart.headers([HeaderField(":status", status)], endStream: true)
    #expect(await code([headers]) == expected)
  }

  @Test("trailers-only responses")
  func trailersOnly() async {
    let base = [HeaderField(":status", "200"), HeaderField("content-type", "application/grpc")]
    #expect(
      await code([.headers(base + [HeaderField("grpc-status", "7")], endStream: true)])
        == .permissionDenied
    )
    #expect(await code([.headers(base, endStream: true)]) == .unknown)
    #expect(
      await code([.headers(base + [HeaderField("grpc-status", "x")], endStream: true)]) == .unknown
    )
    #expect(
      await code([.headers(base + [HeaderField("grpc-status", "99")], endStream: true)]) == .unknown
    )
    // OK with no message violates unary cardinality.
    #expect(
      await code([.headers(base + [HeaderField("grpc-status", "0")], endStream: true)])
        == .unimplemented
    )
  }

  @Test("status message and trailing metadata from trailers")
  func trailers() async {
    let result = await unary([
      okHeaders,
      .trailers([
        HeaderField("grpc-status", "3"), HeaderField("grpc-message", "bad%20%E2%9C%93"),
        HeaderField("x-why", "because"), HeaderField("x-raw-bin", "AQI"),
        HeaderField("x-padded-bin", "AQI="),
      ]),
    ])
    guard case .failure(let error) = result else {
      Issue.record("expected an error")
      return
    }
    #expect(error.code == .invalidArgument)
    #expect(error.message == "bad ✓")
    #expect(error.metadata.map(\.key) == ["x-why", "x-raw-bin", "x-padded-bin"])
    #expect(error.metadata[binaryValue: "x-raw-bin"] == [1, 2])
    #expect(error.metadata[binaryValue: "x-padded-bin"] == [1, 2])
  }

  @Test("protocol violations")
  func violations() async {
    let html = ClientResponsePart.headers(
      [HeaderField(":status", "200"), HeaderField("content-type", "text/html")],
      endStream: false
    )
    let snappy = ClientResponsePart.headers(
      [
        HeaderField(":status", "200"), HeaderField("content-type", "application/grpc"),
        HeaderField("grpc-encoding", "snappy"),
      ],
      endStream: false
    )
    let cases: [([ClientResponsePart], Status.Code)] = [
      ([message, okTrailers], .internalError),  // DATA before headers
      ([okTrailers], .internalError),  // trailers before headers
      ([okHeaders, message], .internalError),  // no trailers
      ([okHeaders, okHeaders], .internalError),  // second headers
      ([okHeaders, .trailers([])], .unknown),  // no grpc-status
      ([okHeaders, .data([0, 0, 0]), okTrailers], .internalError),  // ends mid-message
      ([html, message, okTrailers], .unknown),
      ([snappy, message, okTrailers], .internalError),
      ([okHeaders, .data(frame([1], compressed: true)), okTrailers], .internalError),
      ([okHeaders, message, message, okTrailers], .unimplemented),
      ([okHeaders, okTrailers], .unimplemented),
      ([okHeaders, .data(frame([0xFF])), okTrailers], .internalError),  // undecodable
      ([okHeaders, .data([5, 0, 0, 0, 0]), okTrailers], .internalError),  // bad flag
      ([], .internalError),  // nothing at all
    ]
    for (parts, expected) in cases {
      #expect(await code(parts) == expected, "\(parts)")
    }
  }

  @Test("a compressed response with its grpc-encoding")
  func compressedResponse() async throws {
    let compressed = Compression.compress(EchoMessage("z").serializedBytes(), .deflate)
    let headers = ClientResponsePart.headers(
      [
        HeaderField(":status", "200"), HeaderField("content-type", "application/grpc+proto"),
        HeaderField("grpc-encoding", "deflate"),
      ],
      endStream: false
    )
    #expect(
      try await unary([headers, .data(frame(compressed, compressed: true)), okTrailers]).get()
        == EchoMessage("z")
    )
  }

  @Test("transport failures are UNAVAILABLE")
  func transportFailures() async {
    #expect(await code([okHeaders], failure: StreamResetError(errorCode: 2)) == .unavailable)
    let client = GRPCClient(
      transport: ScriptedTransport(parts: [], openFailure: PlainError()),
      authority: "a"
    )
    do {
      let _: ClientResponse<EchoMessage> = try await client.unary(
        path: "/a/b",
        request: EchoMessage()
      )
      Issue.record("expected UNAVAILABLE")
    } catch let error as RPCError {
      #expect(error.code == .unavailable)
    } catch {
      Issue.record("not an RPCError: \(error)")
    }
  }
}
