public import RPCCore
public import SwitchboardAPI

/// Calls `grpc.testing.TestService`, the service of the gRPC interoperability tests: every call
/// kind, with payloads, status echo, metadata echo and compression checks.
///
/// The unary and client-streaming methods also come in a `…WithMetadata` form that returns the
/// response's initial and trailing metadata, which the interop tests check.
public struct TestServiceClient: Sendable {
  private typealias Methods = GRPCTesting.TestService

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// One empty request followed by one empty response.
  public func emptyCall(
    _ request: GRPCTesting.Empty = .init(),
    options: CallOptions = .init()
  ) async throws -> GRPCTesting.Empty {
    try await emptyCallWithMetadata(request, options: options).message
  }

  /// `emptyCall`, returning the response metadata too.
  public func emptyCallWithMetadata(
    _ request: GRPCTesting.Empty = .init(),
    options: CallOptions = .init()
  ) async throws -> ClientResponse<GRPCTesting.Empty> {
    try await client.unary(path: Methods.emptyCall.path, request: request, options: options)
  }

  /// One request followed by one response.
  public func unaryCall(
    _ request: GRPCTesting.SimpleRequest,
    options: CallOptions = .init()
  ) async throws -> GRPCTesting.SimpleResponse {
    try await unaryCallWithMetadata(request, options: options).message
  }

  /// `unaryCall`, returning the response metadata too.
  public func unaryCallWithMetadata(
    _ request: GRPCTesting.SimpleRequest,
    options: CallOptions = .init()
  ) async throws -> ClientResponse<GRPCTesting.SimpleResponse> {
    try await client.unary(path: Methods.unaryCall.path, request: request, options: options)
  }

  /// One request followed by one response that a caching HTTP proxy may answer.
  public func cacheableUnaryCall(
    _ request: GRPCTesting.SimpleRequest,
    options: CallOptions = .init()
  ) async throws -> GRPCTesting.SimpleResponse {
    try await client.unary(
      path: Methods.cacheableUnaryCall.path,
      request: request,
      options: options
    ).message
  }

  /// One request followed by a sequence of responses of the sizes the request asks for.
  public func streamingOutputCall<Result>(
    _ request: GRPCTesting.StreamingOutputCallRequest,
    options: CallOptions = .init(),
    responses:
      @Sendable (ClientResponseStream<GRPCTesting.StreamingOutputCallResponse>) async throws ->
      Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.streamingOutputCall.path,
      request: request,
      options: options,
      responses: responses
    )
  }

  /// A sequence of requests followed by one response with their aggregated payload size.
  public func streamingInputCall(
    options: CallOptions = .init(),
    requests: @Sendable (RequestWriter<GRPCTesting.StreamingInputCallRequest>) async throws -> Void
  ) async throws -> GRPCTesting.StreamingInputCallResponse {
    try await streamingInputCallWithMetadata(options: options, requests: requests).message
  }

  /// `streamingInputCall`, returning the response metadata too.
  public func streamingInputCallWithMetadata(
    options: CallOptions = .init(),
    requests: @Sendable (RequestWriter<GRPCTesting.StreamingInputCallRequest>) async throws -> Void
  ) async throws -> ClientResponse<GRPCTesting.StreamingInputCallResponse> {
    try await client.clientStreaming(
      path: Methods.streamingInputCall.path,
      options: options,
      requests: requests
    )
  }

  /// A sequence of requests, each served by the server as soon as it arrives.
  public func fullDuplexCall<Result>(
    options: CallOptions = .init(),
    requests:
      @Sendable (RequestWriter<GRPCTesting.StreamingOutputCallRequest>) async throws -> Void,
    responses:
      @Sendable (ClientResponseStream<GRPCTesting.StreamingOutputCallResponse>) async throws ->
      Result
  ) async throws -> Result {
    try await client.bidirectional(
      path: Methods.fullDuplexCall.path,
      options: options,
      requests: requests,
      responses: responses
    )
  }

  /// A sequence of requests that the server buffers, then serves in order once the requests end.
  public func halfDuplexCall<Result>(
    options: CallOptions = .init(),
    requests:
      @Sendable (RequestWriter<GRPCTesting.StreamingOutputCallRequest>) async throws -> Void,
    responses:
      @Sendable (ClientResponseStream<GRPCTesting.StreamingOutputCallResponse>) async throws ->
      Result
  ) async throws -> Result {
    try await client.bidirectional(
      path: Methods.halfDuplexCall.path,
      options: options,
      requests: requests,
      responses: responses
    )
  }

  /// A method the test server does not implement, to check that clients see UNIMPLEMENTED.
  public func unimplementedCall(
    _ request: GRPCTesting.Empty = .init(),
    options: CallOptions = .init()
  ) async throws -> GRPCTesting.Empty {
    try await client.unary(
      path: Methods.unimplementedCall.path,
      request: request,
      options: options
    ).message
  }
}
