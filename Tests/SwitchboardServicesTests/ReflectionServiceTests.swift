internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import Testing

@testable internal import SwitchboardServices

@Suite("ReflectionService")
struct ReflectionServiceTests {
  typealias Request = GRPCReflectionV1.ServerReflectionRequest
  typealias Response = GRPCReflectionV1.ServerReflectionResponse

  static let paths = [
    GRPCReflectionV1.ServerReflection.serverReflectionInfo.path,
    ReflectionService.v1alphaServerReflectionInfo.path,
  ]

  /// A server with health and reflection (over `index`, the bundled one by default).
  static func client(index: DescriptorIndex = .bundled) -> GRPCClient {
    .inProcess { router in
      HealthService(registry: HealthStatusRegistry()).register(into: &router)
      ReflectionService(index: index).register(into: &router)
    }
  }

  /// Sends `requests` on one ServerReflectionInfo stream at `path`; returns the responses.
  static func reflect(
    _ requests: [Request],
    path: String = paths[0],
    client: GRPCClient = client()
  ) async throws -> [Response] {
    try await client.bidirectional(
      path: path,
      requests: { writer in
        for request in requests { try await writer.write(request) }
      },
      responses: { (responses: ClientResponseStream<Response>) in
        var received: [Response] = []
        for try await response in responses { received.append(response) }
        return received
      }
    )
  }

  static func request(_ messageRequest: Request.MessageRequest) -> Request {
    .with {
      $0.host = "example.test"
      $0.messageRequest = messageRequest
    }
  }

  static func fileNames(_ response: Response) throws -> [String] {
    guard case .fileDescriptorResponse(let files)? = response.messageResponse else {
      Issue.record("not a file_descriptor_response: \(response)")
      return []
    }
    return try files.fileDescriptorProto.map { try FileDescriptorProto(serializedBytes: $0).name }
  }

  static func errorCode(_ response: Response) -> Int32? {
    guard case .errorResponse(let error)? = response.messageResponse else { return nil }
    return error.errorCode
  }

  @Test("list_services names the registered services only, under v1 and v1alpha", arguments: paths)
  func listServices(path: String) async throws {
    let responses = try await Self.reflect([Self.request(.listServices(""))], path: path)
    try #require(responses.count == 1)
    guard case .listServicesResponse(let list)? = responses[0].messageResponse else {
      Issue.record("not a list_services_response: \(responses[0])")
      return
    }
    #expect(
      list.service.map(\.name) == [
        "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
      ]
    )
    #expect(responses[0].validHost == "example.test")
    #expect(responses[0].originalRequest == Self.request(.listServices("")))
  }

  @Test("file_by_filename answers the file and what it imports", arguments: paths)
  func fileByFilename(path: String) async throws {
    let responses = try await Self.reflect(
      [Self.request(.fileByFilename("grpc/testing/test.proto"))],
      path: path
    )
    try #require(responses.count == 1)
    let names = try Self.fileNames(responses[0])
    #expect(names.first == "grpc/testing/test.proto")
    #expect(
      Set(names) == [
        "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto",
      ]
    )
  }

  @Test("file_containing_symbol finds messages, services and methods")
  func fileContainingSymbol() async throws {
    let responses = try await Self.reflect([
      Self.request(.fileContainingSymbol("grpc.testing.SimpleRequest")),
      Self.request(.fileContainingSymbol("grpc.testing.TestService")),
      Self.request(.fileContainingSymbol("grpc.testing.TestService.UnaryCall")),
      Self.request(.fileContainingSymbol("grpc.health.v1.HealthCheckResponse.ServingStatus")),
    ])
    try #require(responses.count == 4)
    #expect(try Self.fileNames(responses[0]) == ["grpc/testing/messages.proto"])
    #expect(try Self.fileNames(responses[1]).first == "grpc/testing/test.proto")
    #expect(try Self.fileNames(responses[2]).first == "grpc/testing/test.proto")
    #expect(try Self.fileNames(responses[3]) == ["grpc/health/v1/health.proto"])
  }

  @Test("answers the exact bytes protoc produced")
  func exactBytes() async throws {
    let responses = try await Self.reflect([
      Self.request(.fileByFilename("grpc/health/v1/health.proto"))
    ])
    guard case .fileDescriptorResponse(let files)? = responses.first?.messageResponse else {
      Issue.record("not a file_descriptor_response")
      return
    }
    #expect(
      files.fileDescriptorProto == [
        DescriptorIndex.bundled.file(named: "grpc/health/v1/health.proto")!.bytes
      ]
    )
  }

  @Test(
    "unknown files, symbols and extensions get a NOT_FOUND error_response, and the stream goes on",
    arguments: [
      Request.MessageRequest.fileByFilename("no/such.proto"),
      .fileContainingSymbol("no.such.Symbol"),
      .fileContainingExtension(
        .with {
          $0.containingType = "grpc.testing.SimpleRequest"
          $0.extensionNumber = 100
        }
      ),
      .allExtensionNumbersOfType("no.such.Message"),
    ]
  )
  func notFound(messageRequest: Request.MessageRequest) async throws {
    let responses = try await Self.reflect([
      Self.request(messageRequest), Self.request(.listServices("")),
    ])
    try #require(responses.count == 2)
    #expect(Self.errorCode(responses[0]) == Status.Code.notFound.rawValue)
    #expect(responses[0].originalRequest == Self.request(messageRequest))
    #expect(Self.errorCode(responses[1]) == nil)
  }

  @Test("a request that asks for nothing gets an INVALID_ARGUMENT error_response")
  func emptyRequest() async throws {
    let responses = try await Self.reflect([Request()])
    try #require(responses.count == 1)
    #expect(Self.errorCode(responses[0]) == Status.Code.invalidArgument.rawValue)
  }

  @Test("all_extension_numbers_of_type answers a known message's extension numbers")
  func extensionNumbers() async throws {
    let responses = try await Self.reflect([
      Self.request(.allExtensionNumbersOfType("grpc.testing.SimpleRequest"))
    ])
    guard case .allExtensionNumbersResponse(let numbers)? = responses.first?.messageResponse else {
      Issue.record("not an all_extension_numbers_response: \(responses)")
      return
    }
    #expect(numbers.baseTypeName == "grpc.testing.SimpleRequest")
    #expect(numbers.extensionNumber == [])
  }

  @Test("file_containing_extension and all_extension_numbers_of_type use the index's extensions")
  func extensions() async throws {
    let index = try DescriptorIndex(
      serializedFileDescriptorSet: DescriptorIndexTests.syntheticSet()
    )
    let responses = try await Self.reflect(
      [
        Self.request(
          .fileContainingExtension(
            .with {
              $0.containingType = "pkg.Base"
              $0.extensionNumber = 200
            }
          )
        ),
        Self.request(.allExtensionNumbersOfType("pkg.Base")),
      ],
      client: Self.client(index: index)
    )
    try #require(responses.count == 2)
    #expect(try Self.fileNames(responses[0]) == ["pkg/ext.proto", "pkg/base.proto"])
    guard case .allExtensionNumbersResponse(let numbers)? = responses[1].messageResponse else {
      Issue.record("not an all_extension_numbers_response: \(responses[1])")
      return
    }
    #expect(numbers.extensionNumber == [100, 150, 200])
  }

  @Test("every service of the interop server is described by the bundled set")
  func everyServiceDescribed() {
    var router = RPCRouter()
    HealthService(registry: HealthStatusRegistry()).register(into: &router)
    InteropTestService().register(into: &router)
    ReflectionService().register(into: &router)
    for name in router.registeredServiceNames {
      #expect(DescriptorIndex.bundled.file(containingSymbol: name) != nil, "\(name)")
    }
    #expect(router.registeredServiceNames.contains("grpc.testing.TestService"))
  }

  @Test("service names come from method paths, each once, sorted")
  func serviceNamesOfPaths() {
    #expect(
      RPCRouter.serviceNames(ofPaths: ["/b.S/M", "/a.S/M", "/b.S/N", "bad", "//M", "/x/y/z"])
        == ["a.S", "b.S"]
    )
  }
}
