internal import ArgumentParser
internal import Logging

/// `switchboard serve`: the server, with its settings from flags, environment and a file.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Runs the Switchboard server until SIGTERM or SIGINT.",
    discussion: """
      Settings, each overriding the one before: the defaults, the configuration file (--config \
      or SWITCHBOARD_CONFIG), the environment, the flags. The file has one `key = value` per \
      line; lines starting with `#` are comments. The keys, with the environment variables \
      that override them:

        host = 0.0.0.0                     SWITCHBOARD_HOST
        port = 50051  (0: any free port)   SWITCHBOARD_PORT
        log_level = info                   SWITCHBOARD_LOG_LEVEL
        shutdown_grace_period_seconds = 5  SWITCHBOARD_SHUTDOWN_GRACE_PERIOD_SECONDS

      Prints `listening on HOST:PORT` on standard output once it serves; logs go to standard \
      error as key=value lines. On SIGTERM or SIGINT it reports NOT_SERVING on health, sends \
      GOAWAY, lets calls in flight finish within the grace period, then exits 0.
      """
  )

  @Option(help: "The address to bind (default 0.0.0.0).")
  var host: String?

  @Option(help: "The TCP port (default 50051; 0 picks a free one).")
  var port: Int?

  @Option(help: "A configuration file of `key = value` lines.")
  var config: String?

  @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error, critical.")
  var logLevel: String?

  @Flag(help: "Load demo data (arrives with the workflow issue; accepted and ignored until then).")
  var demo = false

  func run() async throws {
    var settings = ServerSettings()
    if let path = config ?? environmentValue("SWITCHBOARD_CONFIG") {
      try settings.apply(configuration: try readTextFile(path), path: path)
    }
    try settings.apply(environment: environmentValue)
    if let host { try settings.set("host", host, source: "--host") }
    if let port { try settings.set("port", String(port), source: "--port") }
    if let logLevel { try settings.set("log_level", logLevel, source: "--log-level") }

    let logger = bootstrapLogging(level: settings.logLevel)
    if demo {
      logger.notice(
        "--demo accepted: demo data arrives with the workflow issue; serving health and reflection only"
      )
    }
    try await ServerRunner(settings: settings, logger: logger).run()
  }
}
