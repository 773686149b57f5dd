internal import SwitchboardCore

/// The settings of the domain (the registry behind the switchboard.v1 services), part of
/// `ServerSettings`, with these keys (and the environment variables that override them):
///
///     demo = false                     # SWITCHBOARD_DEMO: start with the demo queues, agents
///                                      #   and categories, and print tokens for them
///     agent_disconnect_grace = 10s     # SWITCHBOARD_AGENT_DISCONNECT_GRACE: how long after an
///                                      #   agent's last Notifications stream closed its pending
///                                      #   offers are withdrawn and it goes offline
///     max_message_bytes = 4096         # SWITCHBOARD_MAX_MESSAGE_BYTES: the longest message text
///                                      #   (customer, agent, whisper), in UTF-8 bytes
///
/// Durations are a number with a unit: `500ms`, `2s`, `1m`, `1h` (a bare number is seconds).
struct DomainSettings: Equatable {
  var demo = false
  var agentDisconnectGrace = Duration.seconds(10)
  var maxMessageBytes = ConversationLimits().message

  /// The keys, in the order the documentation lists them.
  static let keys = ["demo", "agent_disconnect_grace", "max_message_bytes"]

  /// The largest message limit accepted: 1 MiB (a gRPC message holding it must still fit the
  /// transport's 4 MiB default).
  static let maximumMessageBytes = 1 << 20

  /// Sets `key` from its text form.
  mutating func set(
    _ key: String,
    _ value: String,
    source: String
  ) throws(ServerSettings.SettingsError) {
    switch key {
    case "demo":
      switch value.lowercased() {
      case "true", "yes", "1", "on": demo = true
      case "false", "no", "0", "off": demo = false
      default:
        throw ServerSettings.SettingsError(
          description: "\(source): '\(value)' is not true or false"
        )
      }
    case "agent_disconnect_grace":
      guard let duration = Self.duration(value), duration >= .zero else {
        throw ServerSettings.SettingsError(
          description: "\(source): '\(value)' is not a duration such as 500ms, 10s or 1m"
        )
      }
      agentDisconnectGrace = duration
    case "max_message_bytes":
      guard let bytes = Int(value), (1 ... Self.maximumMessageBytes).contains(bytes) else {
        throw ServerSettings.SettingsError(
          description:
            "\(source): '\(value)' is not a number of bytes in 1...\(Self.maximumMessageBytes)"
        )
      }
      maxMessageBytes = bytes
    default:
      preconditionFailure("\(key) is not a domain setting")
    }
  }

  /// The registry's options for these settings; the rest keep the core's defaults.
  var registryOptions: RegistryOptions {
    var limits = ConversationLimits()
    limits.message = maxMessageBytes
    return RegistryOptions(disconnectGracePeriod: agentDisconnectGrace, conversationLimits: limits)
  }

  /// The duration `text` says: a non-negative number (decimals allowed) followed by `ms`, `s`,
  /// `m` or `h`, or a bare number of seconds; nil if it says none.
  static func duration(_ text: String) -> Duration? {
    let units: [(suffix: String, milliseconds: Double)] = [
      ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000),
    ]
    var number = Substring(text)
    var scale = 1000.0
    for unit in units where text.hasSuffix(unit.suffix) {
      number = number.dropLast(unit.suffix.count)
      scale = unit.milliseconds
      break
    }
    guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let value = Double(number), value.isFinite
    else { return nil }
    let milliseconds = value * scale
    guard milliseconds <= 366 * 86_400_000 else { return nil }
    return .microseconds(Int64((milliseconds * 1000).rounded()))
  }
}
