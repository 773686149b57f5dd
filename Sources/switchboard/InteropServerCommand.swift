internal import ArgumentParser
internal import Logging
internal import SwitchboardServices

/// `switchboard interop-server`: `grpc.testing.TestService` with health and reflection, the server
/// that the gRPC interoperability tests (and Tests/Interop) run against.
struct InteropServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interop-server",
    abstract: "Serves grpc.testing.TestService, health and reflection for interop tests.",
    discussion: """
      Prints `listening on HOST:PORT` on standard output once it serves; exits 0 on SIGTERM or \
      SIGINT after a graceful shutdown.
      """
  )

  @Option(help: "The address to bind.")
  var host = "127.0.0.1"

  @Option(help: "The TCP port (0 picks a free one).")
  var port = 0

  @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error, critical.")
  var logLevel = "info"

  @Option(help: "Seconds that calls in flight may run on after SIGTERM or SIGINT.")
  var shutdownGracePeriod = 2.0

  func run() async throws {
    var settings = ServerSettings()
    try settings.set("host", host, source: "--host")
    try settings.set("port", String(port), source: "--port")
    try settings.set("log_level", logLevel, source: "--log-level")
    try settings.set(
      "shutdown_grace_period_seconds",
      String(shutdownGracePeriod),
      source: "--shutdown-grace-period"
    )
    let logger = bootstrapLogging(level: settings.logLevel)
    try await ServerRunner(settings: settings, logger: logger) { router in
      InteropTestService().register(into: &router)
    }.run()
  }
}
