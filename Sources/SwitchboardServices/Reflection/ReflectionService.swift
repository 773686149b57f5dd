// gRPC server reflection (the gRPC repository's doc/server-reflection.md), under both
// `grpc.reflection.v1` and the older `grpc.reflection.v1alpha` that many tools still call; the two
// are the same messages on the wire.
//
// What it describes comes from a FileDescriptorSet compiled into the server
// (`Tools/generate-descriptor-set.sh` writes DescriptorSet.swift; `DescriptorIndex` indexes it),
// so the answers are the exact `FileDescriptorProto` bytes protoc produced. A file is always sent
// with everything it imports, even when an earlier answer on the same stream sent some of them:
// the protocol allows leaving those out, but no client needs it and resending keeps the service
// stateless. `list_services` names only the services registered on the server, not every service
// of the descriptor set. Each request gets one response; a request that cannot be answered gets an
// `error_response` (NOT_FOUND, or INVALID_ARGUMENT for an empty request) and the stream goes on.

internal import ProtoWire
public import RPCCore
public import SwitchboardAPI

/// Serves `ServerReflectionInfo` of `grpc.reflection.v1.ServerReflection` and
/// `grpc.reflection.v1alpha.ServerReflection`.
public struct ReflectionService: Sendable {
  private typealias Request = GRPCReflectionV1.ServerReflectionRequest
  private typealias Response = GRPCReflectionV1.ServerReflectionResponse

  /// `ServerReflectionInfo` under the v1alpha service name.
  public static let v1alphaServerReflectionInfo = MethodDescriptor(
    service: "grpc.reflection.v1alpha.ServerReflection",
    method: "ServerReflectionInfo",
    kind: .bidirectionalStreaming
  )

  private let index: DescriptorIndex

  /// A service describing the files of `Protos/` and what they import.
  public init() {
    self.init(index: .bundled)
  }

  /// A service describing the files of `index`.
  init(index: DescriptorIndex) {
    self.index = index
  }

  /// Adds `ServerReflectionInfo` (v1 and v1alpha) to `router`. `list_services` answers the
  /// services registered in `router` so far and the reflection service itself: register the
  /// other services first.
  public func register(into router: inout RPCRouter) {
    let paths = [
      GRPCReflectionV1.ServerReflection.serverReflectionInfo.path,
      Self.v1alphaServerReflectionInfo.path,
    ]
    let answerer = ReflectionAnswerer(
      index: index,
      services: RPCRouter.serviceNames(ofPaths: router.paths + paths)
    )
    for path in paths {
      router.bidirectional(path) {
        (requests: RequestStream<Request>, writer: ResponseWriter<Response>, _: ServerContext) in
        for try await request in requests {
          try await writer.write(answerer.answer(request))
        }
      }
    }
  }
}

/// Answers reflection requests from an index and a list of services.
struct ReflectionAnswerer: Sendable {
  private typealias Request = GRPCReflectionV1.ServerReflectionRequest
  private typealias Response = GRPCReflectionV1.ServerReflectionResponse

  let index: DescriptorIndex
  /// The names `list_services` answers, sorted.
  let services: [String]

  /// The response to `request`.
  func answer(
    _ request: GRPCReflectionV1.ServerReflectionRequest
  )
    -> GRPCReflectionV1.ServerReflectionResponse
  {
    var response = Response()
    response.validHost = request.host
    response.originalRequest = request
    response.messageResponse = messageResponse(request.messageRequest)
    return response
  }

  private func messageResponse(
    _ request: Request.MessageRequest?
  ) -> Response.MessageResponse {
    switch request {
    case .listServices?:
      return .listServicesResponse(
        .with { list in list.service = services.map { name in .with { $0.name = name } } }
      )
    case .fileByFilename(let name)?:
      return files(index.file(named: name), orError: "no file named '\(name)'")
    case .fileContainingSymbol(let symbol)?:
      return files(index.file(containingSymbol: symbol), orError: "no symbol '\(symbol)'")
    case .fileContainingExtension(let request)?:
      return files(
        index.file(containingExtension: request.extensionNumber, of: request.containingType),
        orError: "no extension \(request.extensionNumber) of '\(request.containingType)'"
      )
    case .allExtensionNumbersOfType(let type)?:
      guard let numbers = index.extensionNumbers(of: type) else {
        return error(.notFound, "no message type '\(type)'")
      }
      return .allExtensionNumbersResponse(
        .with {
          $0.baseTypeName = type
          $0.extensionNumber = numbers
        }
      )
    case nil:
      return error(.invalidArgument, "the request asks for nothing")
    }
  }

  private func files(
    _ file: DescriptorIndex.File?,
    orError message: String
  ) -> Response.MessageResponse {
    guard let file else { return error(.notFound, message) }
    return .fileDescriptorResponse(
      .with { $0.fileDescriptorProto = index.serializedWithDependencies(file) }
    )
  }

  private func error(
    _ code: Status.Code,
    _ message: String
  ) -> Response.MessageResponse {
    .errorResponse(
      .with {
        $0.errorCode = code.rawValue
        $0.errorMessage = message
      }
    )
  }
}
