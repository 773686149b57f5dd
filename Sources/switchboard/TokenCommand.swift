internal import ArgumentParser
internal import SwitchboardServices

/// `switchboard token`: access tokens for the Switchboard API.
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract: "Mints access tokens.",
    subcommands: [Create.self]
  )

  /// `switchboard token create`: mints one token with the server's key and prints it.
  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mints an access token and prints it on standard output.",
      discussion: """
        The token is signed with the key `switchboard serve` uses, found the same way: \
        --token-key-file, else SWITCHBOARD_TOKEN_KEY_FILE or SWITCHBOARD_TOKEN_KEY, else the \
        configuration file's token_key_file, else <data dir>/token.key (made with a random key \
        if missing, so that a server started later uses it too).
        """
    )

    @Option(help: "customer, bot, agent, supervisor or admin.")
    var role: String

    @Option(help: "Whom the token identifies: an agent id, a bot id, a customer id, a name.")
    var subject: String

    @Option(help: "For a customer token: the one conversation it may touch.")
    var conversation: String?

    @Option(
      help: "Lifetime: seconds, or a number with s, m, h or d (default: customer 24h, others 12h)."
    )
    var ttl: String?

    @Option(help: "A configuration file of `key = value` lines, as for `serve`.")
    var config: String?

    @Option(help: "The file holding the token signing key.")
    var tokenKeyFile: String?

    @Option(help: "Where the server keeps its data (default ./switchboard-data).")
    var dataDir: String?

    func validate() throws {
      _ = try Self.principalRole(role)
      _ = try ttl.map(Self.lifetime)
    }

    func run() throws {
      var settings = try ServerSettings.fromFileAndEnvironment(config: config)
      if let tokenKeyFile {
        try settings.set("token_key_file", tokenKeyFile, source: "--token-key-file")
      }
      if let dataDir { try settings.set("data_dir", dataDir, source: "--data-dir") }
      let issued = try TokenAuthority(key: try settings.loadTokenKey()).mint(
        role: try Self.principalRole(role),
        subject: subject,
        conversationID: conversation,
        ttl: try ttl.map(Self.lifetime)
      )
      print(issued.token)
    }

    /// The role `name` names.
    static func principalRole(_ name: String) throws -> PrincipalRole {
      guard let role = PrincipalRole(rawValue: name) else {
        let roles = PrincipalRole.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("unknown role '\(name)' (known: \(roles))")
      }
      return role
    }

    /// The duration `text` says: a whole number of seconds, or one followed by s, m, h or d.
    static func lifetime(_ text: String) throws -> Duration {
      let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
      var digits = Substring(text)
      var unit: Int64 = 1
      if let last = digits.last, let seconds = units[last] {
        unit = seconds
        digits.removeLast()
      }
      guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int64(digits), count > 0,
        count <= Int64.max / unit
      else {
        throw ValidationError("--ttl '\(text)' is not a duration such as 3600, 30m, 12h or 7d")
      }
      return .seconds(count * unit)
    }
  }
}
