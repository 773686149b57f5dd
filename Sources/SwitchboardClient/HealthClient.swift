public import RPCCore
public import SwitchboardAPI

/// Calls `grpc.health.v1.Health`, the standard health-checking service.
public struct HealthClient: Sendable {
  private typealias Methods = GRPCHealthV1.Health

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// The current status of a service; NOT_FOUND when the server does not know the service.
  public func check(
    _ request: GRPCHealthV1.HealthCheckRequest,
    options: CallOptions = .init()
  ) async throws -> GRPCHealthV1.HealthCheckResponse {
    try await client.unary(path: Methods.check.path, request: request, options: options).message
  }

  /// The status of a service now and every time it changes, until the call ends.
  public func watch<Result>(
    _ request: GRPCHealthV1.HealthCheckRequest,
    options: CallOptions = .init(),
    responses:
      @Sendable (ClientResponseStream<GRPCHealthV1.HealthCheckResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.watch.path,
      request: request,
      options: options,
      responses: responses
    )
  }
}
