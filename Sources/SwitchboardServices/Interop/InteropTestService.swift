// grpc.testing.TestService, the server side of the gRPC interoperability tests, as the gRPC
// repository's doc/interop-test-descriptions.md ("Server") describes it:
//
// - Every method echoes `x-grpc-test-echo-initial` into the response headers and
//   `x-grpc-test-echo-trailing-bin` into the trailers (Echo Metadata).
// - A request's `response_status`, when its code is not OK, ends the call with that code and
//   message (Echo Status): UnaryCall before it answers, the streaming calls before they answer
//   that request.
// - `expect_compressed` true on a request that did not arrive compressed fails the call with
//   INVALID_ARGUMENT (CompressedRequest); false accepts either. `response_compressed` and each
//   ResponseParameters' `compressed` ask for that response compressed or not (CompressedResponse),
//   with whatever algorithm the call negotiated; unset leaves it to the server's default.
// - Payloads are `size` zero bytes (a negative size is INVALID_ARGUMENT); `interval_us` is a
//   pause before that response.
// - UnimplementedCall fails with UNIMPLEMENTED; CacheableUnaryCall (which needs a caching proxy)
//   is not served.
//
// The pause is injected so that tests run without waiting.

internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI

/// Serves `grpc.testing.TestService` for the gRPC interoperability tests.
public struct InteropTestService: Sendable {
  private typealias OutputRequest = GRPCTesting.StreamingOutputCallRequest
  private typealias OutputResponse = GRPCTesting.StreamingOutputCallResponse

  /// Waits for a duration; throws when the call's task is cancelled (deadline, client cancel).
  public typealias Sleep = @Sendable (Duration) async throws -> Void

  static let echoInitialKey = "x-grpc-test-echo-initial"
  static let echoTrailingKey = "x-grpc-test-echo-trailing-bin"

  private let sleep: Sleep

  /// A service that pauses with `Task.sleep`.
  public init() {
    self.init(sleep: { duration in try await Task.sleep(for: duration) })
  }

  /// A service that pauses with `sleep` (tests pass one that records instead of waiting).
  public init(sleep: @escaping Sleep) {
    self.sleep = sleep
  }

  /// Adds the methods of `grpc.testing.TestService` but CacheableUnaryCall to `router`.
  public func register(into router: inout RPCRouter) {
    typealias Methods = GRPCTesting.TestService
    let service = self
    router.unary(Methods.emptyCall.path) {
      (_: GRPCTesting.Empty, context: ServerContext) async throws -> GRPCTesting.Empty in
      Self.echoMetadata(context)
      return GRPCTesting.Empty()
    }
    router.unaryWithFlags(Methods.unaryCall.path) {
      (request: GRPCTesting.SimpleRequest, requestCompressed: Bool, context: ServerContext) in
      try service.unaryCall(request, requestCompressed: requestCompressed, context: context)
    }
    router.serverStreaming(Methods.streamingOutputCall.path) {
      (request: OutputRequest, writer: ResponseWriter<OutputResponse>, context: ServerContext) in
      Self.echoMetadata(context)
      try await service.respond(to: request, with: writer)
    }
    router.clientStreaming(Methods.streamingInputCall.path) {
      (requests: RequestStream<GRPCTesting.StreamingInputCallRequest>, context: ServerContext) in
      Self.echoMetadata(context)
      return try await Self.streamingInputCall(requests)
    }
    router.bidirectional(Methods.fullDuplexCall.path) {
      (
        requests: RequestStream<OutputRequest>,
        writer: ResponseWriter<OutputResponse>,
        context: ServerContext
      ) in
      Self.echoMetadata(context)
      for try await request in requests {
        try await service.respond(to: request, with: writer)
      }
    }
    router.bidirectional(Methods.halfDuplexCall.path) {
      (
        requests: RequestStream<OutputRequest>,
        writer: ResponseWriter<OutputResponse>,
        context: ServerContext
      ) in
      Self.echoMetadata(context)
      var buffered: [OutputRequest] = []
      for try await request in requests { buffered.append(request) }
      for request in buffered { try await service.respond(to: request, with: writer) }
    }
    router.unary(Methods.unimplementedCall.path) {
      (_: GRPCTesting.Empty, context: ServerContext) async throws -> GRPCTesting.Empty in
      Self.echoMetadata(context)
      throw RPCError(.unimplemented, "UnimplementedCall is not implemented, on purpose")
    }
  }

  // MARK: Methods

  private func unaryCall(
    _ request: GRPCTesting.SimpleRequest,
    requestCompressed: Bool,
    context: ServerContext
  ) throws -> (GRPCTesting.SimpleResponse, compressed: Bool?) {
    Self.echoMetadata(context)
    try Self.checkCompression(expected: request.expectCompressed, actual: requestCompressed)
    try Self.echoStatus(request.responseStatus)
    let payload = try Self.payload(size: request.responseSize)
    return (.with { $0.payload = payload }, compressed: request.responseCompressed?.value)
  }

  private static func streamingInputCall(
    _ requests: RequestStream<GRPCTesting.StreamingInputCallRequest>
  ) async throws -> GRPCTesting.StreamingInputCallResponse {
    var size = 0
    while let (request, compressed) = try await requests.nextWithFlags() {
      try checkCompression(expected: request.expectCompressed, actual: compressed)
      size += request.payload?.body.count ?? 0
    }
    return .with { $0.aggregatedPayloadSize = Int32(clamping: size) }
  }

  /// Echoes the request's status, or sends one response per ResponseParameters.
  private func respond(
    to request: OutputRequest,
    with writer: ResponseWriter<OutputResponse>
  ) async throws {
    try Self.echoStatus(request.responseStatus)
    for parameters in request.responseParameters {
      if parameters.intervalUs > 0 {
        try await sleep(.microseconds(parameters.intervalUs))
      }
      let payload = try Self.payload(size: parameters.size)
      let response = OutputResponse.with { $0.payload = payload }
      if let compressed = parameters.compressed?.value {
        try await writer.write(response, compressed: compressed)
      } else {
        try await writer.write(response)
      }
    }
  }

  // MARK: Behaviours shared by the methods

  /// Echo Metadata: the request's `x-grpc-test-echo-initial` values into the response headers, its
  /// `x-grpc-test-echo-trailing-bin` values into the trailers.
  private static func echoMetadata(_ context: ServerContext) {
    var initial: Metadata = [:]
    for case .string(let value) in context.metadata.values(for: echoInitialKey) {
      initial.add(echoInitialKey, value)
    }
    if !initial.isEmpty { context.setInitialMetadata(initial) }
    var trailing: Metadata = [:]
    for case .binary(let value) in context.metadata.values(for: echoTrailingKey) {
      trailing.add(echoTrailingKey, binary: value)
    }
    if !trailing.isEmpty { context.addTrailingMetadata(trailing) }
  }

  /// CompressedRequest: a request that expects compression must have arrived compressed.
  private static func checkCompression(expected: GRPCTesting.BoolValue?, actual: Bool) throws {
    if expected?.value == true && !actual {
      throw RPCError(.invalidArgument, "expected a compressed request, got an uncompressed one")
    }
  }

  /// Echo Status: a non-OK `response_status` ends the call with that code and message.
  private static func echoStatus(_ status: GRPCTesting.EchoStatus?) throws {
    guard let status, status.code != 0 else { return }
    throw RPCError(Status.Code(rawValue: status.code) ?? .unknown, status.message)
  }

  /// `size` zero bytes of the only payload type, COMPRESSABLE.
  private static func payload(size: Int32) throws -> GRPCTesting.Payload {
    guard size >= 0 else { throw RPCError(.invalidArgument, "negative response size \(size)") }
    return .with {
      $0.type = .compressable
      $0.body = [UInt8](repeating: 0, count: Int(size))
    }
  }
}
