public import RPCCore
public import SwitchboardAPI

/// Calls `grpc.reflection.v1.ServerReflection`, which describes the server's services and
/// messages to tools that lack the `.proto` files.
public struct ServerReflectionClient: Sendable {
  private typealias Methods = GRPCReflectionV1.ServerReflection

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// Answers each request on the stream in turn.
  public func serverReflectionInfo<Result>(
    options: CallOptions = .init(),
    requests:
      @Sendable (RequestWriter<GRPCReflectionV1.ServerReflectionRequest>) async throws -> Void,
    responses:
      @Sendable (ClientResponseStream<GRPCReflectionV1.ServerReflectionResponse>) async throws ->
      Result
  ) async throws -> Result {
    try await client.bidirectional(
      path: Methods.serverReflectionInfo.path,
      options: options,
      requests: requests,
      responses: responses
    )
  }
}
