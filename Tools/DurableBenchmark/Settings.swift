#if canImport(Glibc)
import Glibc
#endif

/// How the server keeps its state in one measured round.
enum StoreMode: String, CaseIterable, Sendable {
  /// `--store memory`: nothing journaled, the baseline.
  case memory
  /// `--store sqlite --sync normal`: committed to the WAL, survives a process crash.
  case normal
  /// `--store sqlite --sync full`: committed and synced, survives power loss.
  case full

  /// The `switchboard serve` flags that select this mode.
  var serverArguments: [String] {
    switch self {
    case .memory: ["--store", "memory"]
    case .normal: ["--store", "sqlite", "--sync", "normal"]
    case .full: ["--store", "sqlite", "--sync", "full"]
    }
  }
}

/// The command line of `durable-benchmark`.
struct Settings: Sendable {
  static let usageText = """
    usage: durable-benchmark [--switchboard PATH] [--modes memory,normal,full] [--rounds N]
                             [--conversations C] [--messages M] [--warmup W] [--agents N]
                             [--text-bytes B] [--data-parent DIR] [--no-pin] [--quick]
                             [--server-arg ARG]...
    """

  /// The `switchboard` executable (default: the sibling of this executable).
  var switchboard: String
  /// The modes measured in every round, in this order.
  var modes: [StoreMode] = StoreMode.allCases
  /// Rounds; each runs every mode once on a fresh server and data directory.
  var rounds = 5
  /// Conversations sending at the same time (one message in flight each).
  var conversations = 32
  /// Measured messages per conversation.
  var messages = 500
  /// Messages per conversation sent before the measurement starts.
  var warmup = 50
  /// Agents sharing the conversations (capacity: enough for all).
  var agents = 4
  /// UTF-8 bytes of every message text.
  var textBytes = 100
  /// Where the temporary data directories are made; must not be tmpfs.
  var dataParent = "/var/tmp"
  /// Pin the server to CPU 0 and the clients to CPU 1 (when there are two CPUs or more).
  var pin = true
  /// Extra `switchboard serve` arguments, for every server.
  var serverArguments: [String] = []

  init(arguments: [String]) {
    switchboard = Self.siblingSwitchboard(of: arguments.first ?? "")
    var iterator = arguments.dropFirst().makeIterator()
    while let flag = iterator.next() {
      switch flag {
      case "--quick":
        rounds = 2
        messages = 100
        warmup = 20
        continue
      case "--no-pin":
        pin = false
        continue
      case "--help", "-h":
        print(Self.usageText)
        exit(0)
      default: break
      }
      guard let value = iterator.next() else { Self.usage("missing value for \(flag)") }
      switch flag {
      case "--switchboard": switchboard = value
      case "--modes": modes = Self.modes(value)
      case "--rounds": rounds = Self.number(value, flag, minimum: 1)
      case "--conversations": conversations = Self.number(value, flag, minimum: 1)
      case "--messages": messages = Self.number(value, flag, minimum: 1)
      case "--warmup": warmup = Self.number(value, flag, minimum: 0)
      case "--agents": agents = Self.number(value, flag, minimum: 1)
      case "--text-bytes": textBytes = Self.number(value, flag, minimum: 1)
      case "--data-parent": dataParent = value
      case "--server-arg": serverArguments.append(value)
      default: Self.usage("unknown option \(flag)")
      }
    }
  }

  /// Conversations per agent, rounded up: every agent can hold its share at once.
  var capacity: Int { (conversations + agents - 1) / agents }

  static func siblingSwitchboard(of executable: String) -> String {
    guard let slash = executable.lastIndex(of: "/") else { return "switchboard" }
    return String(executable[...slash]) + "switchboard"
  }

  static func modes(_ value: String) -> [StoreMode] {
    let modes = value.split(separator: ",").map { name in
      guard let mode = StoreMode(rawValue: String(name)) else {
        usage("unknown mode \(name) (memory, normal or full)")
      }
      return mode
    }
    if modes.isEmpty { usage("--modes needs at least one mode") }
    return modes
  }

  static func number(_ value: String, _ flag: String, minimum: Int) -> Int {
    guard let number = Int(value), number >= minimum else {
      usage("\(flag) needs a number of at least \(minimum), not \(value)")
    }
    return number
  }

  static func usage(_ problem: String) -> Never {
    print("durable-benchmark: \(problem)")
    print(usageText)
    exit(2)
  }
}
