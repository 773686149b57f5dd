// A real server and a real client in one process: `HTTP2Server` on 127.0.0.1 (a port the system
// chooses) serving `grpc.testing.TestService`, `grpc.health.v1.Health` and reflection through
// `GRPCServerDispatcher`, and a `SwitchboardConnection` to it.

internal import HTTP2Transport
internal import RPCCore
internal import SwitchboardClient
internal import SwitchboardServices

/// The client side of a loopback server, and the server's health registry.
struct Loopback {
  /// The connection to the server.
  let connection: SwitchboardConnection
  /// The statuses the server's health service reports.
  let health: HealthStatusRegistry

  /// The interop test service's stub.
  var tests: TestServiceClient { connection.testService }
}

/// Starts a server whose interop service pauses with `pauses`, connects to it with
/// `configuration`, runs `body`, then closes the connection and shuts the server down
/// gracefully, whether `body` succeeded or not.
func withLoopback<Result>(
  pauses: ServerPauses = ServerPauses(),
  configuration: SwitchboardConnection.Configuration = .init(),
  _ body: (Loopback) async throws -> Result
) async throws -> Result {
  let health = HealthStatusRegistry()
  var router = RPCRouter()
  InteropTestService(sleep: pauses.sleep).register(into: &router)
  HealthService(registry: health).register(into: &router)
  ReflectionService().register(into: &router)
  var serverConfiguration = HTTP2Server.Configuration()
  serverConfiguration.eventLoopThreads = 1
  let server = try await HTTP2Server.start(
    host: "127.0.0.1",
    port: 0,
    configuration: serverConfiguration,
    handler: GRPCServerDispatcher(router: router)
  )

  let outcome: Swift.Result<Result, any Error>
  do {
    let connection = try await SwitchboardConnection.connect(
      host: "127.0.0.1",
      port: server.port,
      configuration: configuration
    )
    do {
      outcome = .success(try await body(Loopback(connection: connection, health: health)))
    } catch {
      outcome = .failure(error)
    }
    await connection.close()
  } catch {
    outcome = .failure(error)
  }
  await server.shutdown(gracePeriod: .seconds(5))
  return try outcome.get()
}
