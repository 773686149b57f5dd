internal import SwitchboardStore

/// The settings of the durable store, part of `ServerSettings`, with these keys (and the
/// environment variables that override them):
///
///     store = sqlite          # SWITCHBOARD_STORE: sqlite (the embedded database
///                             #   <data_dir>/switchboard.sqlite) or memory (nothing survives
///                             #   the process; for experiments and benchmarks' baselines)
///     sync = full             # SWITCHBOARD_SYNC: full (every acknowledged change survives power
///                             #   loss) or normal (survives a crash of the process)
///     retention_days = 0      # SWITCHBOARD_RETENTION_DAYS: purge transcripts of conversations
///                             #   closed more than this many days ago (0: keep everything)
struct StoreSettings: Equatable {
  /// Where the registry's state is kept.
  enum Kind: String, Equatable, CaseIterable {
    /// The embedded SQLite database.
    case sqlite
    /// Nowhere: the registry lives in memory only.
    case memory
  }

  var kind = Kind.sqlite
  var sync = SQLiteStore.SyncMode.full
  var retentionDays = 0

  /// The keys, in the order the documentation lists them.
  static let keys = ["store", "sync", "retention_days"]

  /// The longest retention accepted (100 years).
  static let maximumRetentionDays = 36_500

  /// Sets `key` from its text form.
  mutating func set(
    _ key: String,
    _ value: String,
    source: String
  ) throws(ServerSettings.SettingsError) {
    switch key {
    case "store":
      guard let kind = Kind(rawValue: value.lowercased()) else {
        throw ServerSettings.SettingsError(description: "\(source): '\(value)' is not sqlite or memory")
      }
      self.kind = kind
    case "sync":
      guard let sync = SQLiteStore.SyncMode(rawValue: value.lowercased()) else {
        throw ServerSettings.SettingsError(description: "\(source): '\(value)' is not full or normal")
      }
      self.sync = sync
    case "retention_days":
      guard let days = Int(value), (0 ... Self.maximumRetentionDays).contains(days) else {
        throw ServerSettings.SettingsError(
          description: "\(source): '\(value)' is not a number of days in 0...\(Self.maximumRetentionDays)"
        )
      }
      retentionDays = days
    default:
      preconditionFailure("\(key) is not a store setting")
    }
  }

  /// How long transcripts are kept.
  var retention: TranscriptRetention { retentionDays == 0 ? .keepForever : .days(retentionDays) }
}
