/// Hands out readable, unique ids per kind: `c-1`, `c-2` for conversations, `o-1` for offers…
struct IDGenerator: Sendable {
  private var counters: [String: UInt64] = [:]

  /// A generator that has handed out ids up to `counters[prefix]` per prefix.
  init(counters: [String: UInt64] = [:]) {
    self.counters = counters
  }

  /// The next id with `prefix` (`prefix-N`).
  mutating func next(_ prefix: String) -> String {
    let value = counters[prefix, default: 0] + 1
    counters[prefix] = value
    return "\(prefix)-\(value)"
  }
}
