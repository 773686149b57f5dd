internal import SwitchboardServices

extension ServerSettings {
  /// The settings from the defaults, the configuration file (`config`, else
  /// `SWITCHBOARD_CONFIG`, if either is set), then the environment; the command's flags go on
  /// top.
  static func fromFileAndEnvironment(config: String?) throws -> ServerSettings {
    var settings = ServerSettings()
    if let path = config ?? environmentValue("SWITCHBOARD_CONFIG") {
      try settings.apply(configuration: try readTextFile(path), path: path)
    }
    try settings.apply(environment: environmentValue)
    return settings
  }

  /// The token signing key the settings name: the file, the key itself, or else
  /// `<data dir>/token.key`, made with a random key if missing.
  func loadTokenKey() throws(TokenKeyError) -> TokenKey {
    switch tokenKey {
    case .file(let path)?: try TokenKey(contentsOfFile: path)
    case .value(let key)?: try TokenKey(bytes: Array(key.utf8), source: Self.tokenKeyVariable)
    case nil: try TokenKey.loadOrCreate(inDirectory: dataDirectory)
    }
  }
}
