internal import ArgumentParser
internal import Logging
internal import SwitchboardCore
internal import SwitchboardServices

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
        token_key_file = PATH              SWITCHBOARD_TOKEN_KEY_FILE
        data_dir = ./switchboard-data      SWITCHBOARD_DATA_DIR
        store = sqlite  (or memory)        SWITCHBOARD_STORE
        sync = full  (or normal)           SWITCHBOARD_SYNC
        retention_days = 0  (0: keep)      SWITCHBOARD_RETENTION_DAYS
        demo = false                       SWITCHBOARD_DEMO
        agent_disconnect_grace = 10s       SWITCHBOARD_AGENT_DISCONNECT_GRACE
        max_message_bytes = 4096           SWITCHBOARD_MAX_MESSAGE_BYTES

      Every change is in the database <data_dir>/switchboard.sqlite (SQLite, WAL) before the \
      call that made it returns and before any stream shows it; on start the server rebuilds \
      its state from it. sync=full makes acknowledged changes survive power loss, sync=normal \
      a crash of the process. A database that is corrupt, from a newer version or in use by \
      another server stops the start with a message (exit 1); it is never reset. When the \
      disk cannot take a write, the call fails UNAVAILABLE, open streams end UNAVAILABLE \
      (reconnect and resume), reads keep working, and writes resume once the disk can write.

      Every switchboard.v1 call needs `authorization: Bearer <token>`; tokens are signed with \
      the key in token_key_file (at least 32 bytes, less a trailing newline), or in \
      SWITCHBOARD_TOKEN_KEY itself, or else in <data_dir>/token.key, made with a random key on \
      the first start. `switchboard token create` mints tokens with the same key.

      With demo (--demo), the server starts with the queues billing and technical, agents \
      alice, bob and carol, supervisor sam and resolution categories, and prints after the \
      listening line one token per demo principal (demo-admin, demo-bot, sam, alice, bob, \
      carol), one line each:

        demo token  role=agent subject=alice  TOKEN

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

  @Option(help: "The file holding the token signing key.")
  var tokenKeyFile: String?

  @Option(help: "Where the server keeps its data (default ./switchboard-data).")
  var dataDir: String?

  @Option(help: "Where the registry's state is kept: sqlite (default) or memory (nothing survives).")
  var store: String?

  @Option(help: "What an acknowledged change survives: full (power loss; default) or normal (a crash).")
  var sync: String?

  @Option(help: "Purge transcripts of conversations closed more than this many days ago (0: keep).")
  var retentionDays: Int?

  @Flag(help: "Start with demo queues, agents and categories, and print tokens for them.")
  var demo = false

  @Option(
    help: """
      How long after an agent's last Notifications stream closed it goes offline (default \
      10s; e.g. 500ms, 2s, 1m).
      """
  )
  var agentDisconnectGrace: String?

  @Option(help: "The longest message text in UTF-8 bytes (default 4096).")
  var maxMessageBytes: Int?

  func run() async throws {
    var settings = try ServerSettings.fromFileAndEnvironment(config: config)
    if let host { try settings.set("host", host, source: "--host") }
    if let port { try settings.set("port", String(port), source: "--port") }
    if let logLevel { try settings.set("log_level", logLevel, source: "--log-level") }
    if let tokenKeyFile {
      try settings.set("token_key_file", tokenKeyFile, source: "--token-key-file")
    }
    if let dataDir { try settings.set("data_dir", dataDir, source: "--data-dir") }
    if let store { try settings.set("store", store, source: "--store") }
    if let sync { try settings.set("sync", sync, source: "--sync") }
    if let retentionDays {
      try settings.set("retention_days", String(retentionDays), source: "--retention-days")
    }
    if demo {
      try settings.set("demo", "true", source: "--demo")
    }
    if let agentDisconnectGrace {
      try settings.set(
        "agent_disconnect_grace",
        agentDisconnectGrace,
        source: "--agent-disconnect-grace"
      )
    }
    if let maxMessageBytes {
      try settings.set("max_message_bytes", String(maxMessageBytes), source: "--max-message-bytes")
    }
    let authority = TokenAuthority(
      key: try settings.loadTokenKey(),
      revocationLog: try RevocationLog(inDirectory: settings.dataDirectory)
    )

    let logger = bootstrapLogging(level: settings.logLevel)
    let setup = try await RegistrySetup.open(settings: settings, logger: logger)
    do {
      try await serve(settings: settings, logger: logger, registry: setup.registry, authority: authority)
    } catch {
      await setup.close()
      throw error
    }
    await setup.close()
  }

  /// Loads the demo data if asked, then serves until SIGTERM or SIGINT.
  private func serve(
    settings: ServerSettings,
    logger: Logger,
    registry: Registry,
    authority: TokenAuthority
  ) async throws {
    let announcements =
      settings.domain.demo ? try await DemoSetup.load(into: registry, authority: authority) : []
    let domain = DomainEnvironment(registry: registry, authority: authority)
    try await ServerRunner(
      settings: settings,
      logger: logger,
      interceptors: [AuthInterceptor(authority: authority)],
      registerServices: { domain.registerServices(into: &$0) },
      announcements: announcements,
      beforeDraining: { domain.drain.beginDraining() }
    ).run()
  }
}
