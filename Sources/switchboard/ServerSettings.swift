internal import Logging

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The settings of `switchboard serve`, from (each overriding the one before) the defaults, the
/// configuration file, the environment and the command line.
///
/// The configuration file has one `key = value` per line; blank lines and lines starting with `#`
/// are ignored, and surrounding whitespace is trimmed. The keys, and the environment variable
/// that overrides each:
///
///     host = 0.0.0.0                      # SWITCHBOARD_HOST: the address to bind
///     port = 50051                        # SWITCHBOARD_PORT: the TCP port (0: any free one)
///     log_level = info                    # SWITCHBOARD_LOG_LEVEL: trace, debug, info, notice,
///                                         #   warning, error or critical
///     shutdown_grace_period_seconds = 5   # SWITCHBOARD_SHUTDOWN_GRACE_PERIOD_SECONDS: how long
///                                         #   calls in flight may run on after SIGTERM/SIGINT
///     token_key_file = PATH               # SWITCHBOARD_TOKEN_KEY_FILE: the token signing key
///                                         #   (SWITCHBOARD_TOKEN_KEY: the key itself)
///     data_dir = ./switchboard-data       # SWITCHBOARD_DATA_DIR: where the server keeps its
///                                         #   data: the database switchboard.sqlite, and
///                                         #   token.key when no key is given
///
/// the store's keys (`store`, `sync`, `retention_days`), which `StoreSettings` describes, and
/// the domain's keys (`demo`, `agent_disconnect_grace`, `max_message_bytes`), which
/// `DomainSettings` describes.
///
/// An unknown key or a malformed value is an error, so that a typo does not go unnoticed.
struct ServerSettings: Equatable {
  var host = "0.0.0.0"
  var port = 50051
  var logLevel = Logger.Level.info
  var shutdownGracePeriod = Duration.seconds(5)
  /// Where the token signing key comes from; nil: `<dataDirectory>/token.key`.
  var tokenKey: TokenKeySetting?
  /// Where the server keeps its data (the database, `token.key`).
  var dataDirectory = "./switchboard-data"
  /// How the registry's state is made durable.
  var store = StoreSettings()
  /// The settings of the registry behind the switchboard.v1 services.
  var domain = DomainSettings()

  /// A token signing key given in the settings.
  enum TokenKeySetting: Equatable {
    /// The key in this file (`token_key_file`).
    case file(String)
    /// The key itself (`SWITCHBOARD_TOKEN_KEY`, never in the file).
    case value(String)
  }

  /// The environment variable that holds the token key itself.
  static let tokenKeyVariable = "SWITCHBOARD_TOKEN_KEY"

  /// Why settings could not be read.
  struct SettingsError: Error, CustomStringConvertible {
    var description: String
  }

  /// The keys of the file, in the order the documentation lists them.
  static let keys =
    [
      "host", "port", "log_level", "shutdown_grace_period_seconds", "token_key_file", "data_dir",
    ] + StoreSettings.keys + DomainSettings.keys

  /// The environment variable that overrides `key`.
  static func environmentVariable(for key: String) -> String {
    "SWITCHBOARD_" + key.uppercased()
  }

  /// Sets `key` from its text form.
  mutating func set(_ key: String, _ value: String, source: String) throws(SettingsError) {
    switch key {
    case "host":
      guard !value.isEmpty else { throw SettingsError(description: "\(source): empty host") }
      host = value
    case "port":
      guard let port = Int(value), (0 ... 65535).contains(port) else {
        throw SettingsError(description: "\(source): port '\(value)' is not a number in 0...65535")
      }
      self.port = port
    case "log_level":
      guard let level = Logger.Level(rawValue: value.lowercased()) else {
        throw SettingsError(description: "\(source): unknown log level '\(value)'")
      }
      logLevel = level
    case "shutdown_grace_period_seconds":
      guard let seconds = Double(value), seconds >= 0, seconds.isFinite else {
        throw SettingsError(description: "\(source): '\(value)' is not a number of seconds")
      }
      shutdownGracePeriod = .milliseconds(Int64(seconds * 1000))
    case "token_key_file":
      guard !value.isEmpty else { throw SettingsError(description: "\(source): empty path") }
      tokenKey = .file(value)
    case "data_dir":
      guard !value.isEmpty else { throw SettingsError(description: "\(source): empty path") }
      dataDirectory = value
    case _ where StoreSettings.keys.contains(key):
      try store.set(key, value, source: source)
    case _ where DomainSettings.keys.contains(key):
      try domain.set(key, value, source: source)
    default:
      throw SettingsError(
        description: "\(source): unknown key '\(key)' (known: \(Self.keys.joined(separator: ", ")))"
      )
    }
  }

  /// Applies the `key = value` lines of a configuration file's `text`; `path` names it in errors.
  mutating func apply(configuration text: String, path: String) throws(SettingsError) {
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = Self.trimmed(rawLine)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw SettingsError(description: "\(path):\(number + 1): expected 'key = value'")
      }
      try set(
        Self.trimmed(line[..<equals]),
        Self.trimmed(line[line.index(after: equals)...]),
        source: "\(path):\(number + 1)"
      )
    }
  }

  /// Applies the `SWITCHBOARD_*` variables that `environment` (a lookup, such as `getenv`) has.
  mutating func apply(environment: (String) -> String?) throws(SettingsError) {
    for key in Self.keys {
      let variable = Self.environmentVariable(for: key)
      if let value = environment(variable) { try set(key, value, source: variable) }
    }
    if let key = environment(Self.tokenKeyVariable) {
      let fileVariable = Self.environmentVariable(for: "token_key_file")
      guard environment(fileVariable) == nil else {
        throw SettingsError(
          description: "set \(Self.tokenKeyVariable) or \(fileVariable), not both"
        )
      }
      tokenKey = .value(key)
    }
  }

  private static func trimmed(_ text: Substring) -> String {
    var text = text
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }
}

/// The value of the environment variable `name`, if set.
func environmentValue(_ name: String) -> String? {
  getenv(name).map { String(cString: $0) }
}

/// The contents of the file at `path`, as UTF-8 text.
func readTextFile(_ path: String) throws(ServerSettings.SettingsError) -> String {
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else {
    throw ServerSettings.SettingsError(description: "\(path): cannot open (errno \(errno))")
  }
  defer { close(descriptor) }
  var contents: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    guard count >= 0 else {
      throw ServerSettings.SettingsError(description: "\(path): cannot read (errno \(errno))")
    }
    if count == 0 { break }
    contents += chunk[..<count]
  }
  return String(decoding: contents, as: UTF8.self)
}
