internal import HTTP2Transport
internal import Logging
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardServices

/// Runs a server from start to graceful stop: builds the router (health, the given services, then
/// reflection, which lists them all), binds, reports SERVING, and on SIGTERM or SIGINT reports
/// NOT_SERVING, sends GOAWAY, lets calls in flight finish within the grace period, and closes.
struct ServerRunner {
  var settings: ServerSettings
  var logger: Logger
  /// What runs before every handler, such as `AuthInterceptor`.
  var interceptors: [any ServerInterceptor] = []
  /// Registers the services beyond health and reflection.
  var registerServices: (inout RPCRouter) -> Void = { _ in }
  /// Lines written to standard output right after `listening on HOST:PORT` (such as the demo
  /// tokens), each on its own line.
  var announcements: [String] = []
  /// Runs when shutdown starts, with health's NOT_SERVING, before GOAWAY: where the domain
  /// services end their streams.
  var beforeDraining: @Sendable () -> Void = {}

  func run() async throws {
    // Caught from now on, so that a signal during start-up still ends in a graceful shutdown.
    let signals = TerminationSignals()

    let health = HealthStatusRegistry()
    var router = RPCRouter()
    HealthService(registry: health).register(into: &router)
    registerServices(&router)
    ReflectionService().register(into: &router)

    var configuration = HTTP2Server.Configuration()
    configuration.logger = Logger(label: "switchboard.http2")
    let server = try await HTTP2Server.start(
      host: settings.host,
      port: settings.port,
      configuration: configuration,
      handler: GRPCServerDispatcher(router: router, interceptors: interceptors)
    )

    let services = router.registeredServiceNames
    for service in [""] + services { health.setStatus(.serving, forService: service) }
    writeUnbuffered("listening on \(settings.host):\(server.port)\n", toFileDescriptor: 1)
    for line in announcements { writeUnbuffered(line + "\n", toFileDescriptor: 1) }
    logger.info(
      "listening",
      metadata: [
        "host": "\(settings.host)", "port": "\(server.port)",
        "services": "\(services.joined(separator: ","))",
      ]
    )

    let signal = await signals.next()
    logger.info(
      "shutting down",
      metadata: [
        "signal": "\(TerminationSignals.name(signal))",
        "grace_period": "\(settings.shutdownGracePeriod)",
      ]
    )
    await server.shutdown(gracePeriod: settings.shutdownGracePeriod) { [beforeDraining] in
      health.markAllNotServing()
      beforeDraining()
    }
    logger.info("stopped")
  }
}
