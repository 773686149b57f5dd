// grpc.health.v1.Health, as the gRPC repository's doc/health-checking.md describes it.
//
// The statuses live in a `HealthStatusRegistry` that the server owns and updates; this service
// only reads it. Check answers the current status, or NOT_FOUND for a service the registry does
// not know. Watch sends the current status (SERVICE_UNKNOWN for an unknown service) and then every
// change, until the client ends the call; statuses that change faster than the client reads may
// be skipped, as the protocol allows, but the last one is always sent. When the server shuts down,
// a Watch sends NOT_SERVING and ends with UNAVAILABLE, so that it does not hold the grace period.

internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI

/// Serves `grpc.health.v1.Health` (`Check` and `Watch`) from a `HealthStatusRegistry`.
public struct HealthService: Sendable {
  private typealias Request = GRPCHealthV1.HealthCheckRequest
  private typealias Response = GRPCHealthV1.HealthCheckResponse

  /// The statuses this service reports.
  public let registry: HealthStatusRegistry

  /// A service that reports the statuses of `registry`.
  public init(registry: HealthStatusRegistry) {
    self.registry = registry
  }

  /// Adds `Check` and `Watch` to `router`.
  public func register(into router: inout RPCRouter) {
    let registry = self.registry
    router.unary(GRPCHealthV1.Health.check.path) {
      (request: Request, _: ServerContext) async throws -> Response in
      guard let status = registry.status(ofService: request.service) else {
        throw RPCError(.notFound, "unknown service '\(request.service)'")
      }
      return Response.with { $0.status = status }
    }
    router.serverStreaming(GRPCHealthV1.Health.watch.path) {
      (request: Request, writer: ResponseWriter<Response>, _: ServerContext) async throws in
      var sent: Response.ServingStatus?
      for await _ in registry.changes(ofService: request.service) {
        let status = registry.status(ofService: request.service) ?? .serviceUnknown
        if status != sent {
          try await writer.write(Response.with { $0.status = status })
          sent = status
        }
      }
      if registry.isShutDown {
        throw RPCError(.unavailable, "the server is shutting down")
      }
    }
  }
}
