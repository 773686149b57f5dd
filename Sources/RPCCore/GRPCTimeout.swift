/// The `grpc-timeout` header: 1 to 8 ASCII digits and a unit, `H` (hours), `M` (minutes),
/// `S` (seconds), `m` (milliseconds), `u` (microseconds) or `n` (nanoseconds).
enum GRPCTimeout {
  /// The largest value the header can carry.
  private static let maxValue: Int64 = 99_999_999

  /// The duration `value` stands for, or nil if it is malformed. Eight digits of hours fit a
  /// `Duration` comfortably, so parsing never overflows.
  static func parse(_ value: String) -> Duration? {
    let utf8 = value.utf8
    guard (2 ... 9).contains(utf8.count), let unit = utf8.last else { return nil }
    var amount: Int64 = 0
    for byte in utf8.dropLast() {
      guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) else { return nil }
      amount = amount * 10 + Int64(byte - UInt8(ascii: "0"))
    }
    switch unit {
    case UInt8(ascii: "H"): return .seconds(amount * 3600)
    case UInt8(ascii: "M"): return .seconds(amount * 60)
    case UInt8(ascii: "S"): return .seconds(amount)
    case UInt8(ascii: "m"): return .milliseconds(amount)
    case UInt8(ascii: "u"): return .microseconds(amount)
    case UInt8(ascii: "n"): return .nanoseconds(amount)
    default: return nil
    }
  }

  /// The header value for `duration`: the finest unit whose amount fits eight digits, rounded up
  /// so the server never sees a shorter timeout than the client keeps. Negative durations send 0n.
  static func format(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    guard seconds >= 0, seconds > 0 || attoseconds > 0 else { return "0n" }
    let nanoseconds = attoseconds / 1_000_000_000 + (attoseconds % 1_000_000_000 == 0 ? 0 : 1)
    // Under 9e9 seconds the total in nanoseconds fits an Int64; beyond, only hours can fit.
    guard seconds < 9_000_000_000 else {
      let hours = seconds / 3600 + (seconds % 3600 == 0 ? 0 : 1)
      return "\(min(hours, maxValue))H"
    }
    let total = seconds * 1_000_000_000 + nanoseconds
    let units: [(divisor: Int64, symbol: Character)] = [
      (1, "n"), (1_000, "u"), (1_000_000, "m"), (1_000_000_000, "S"),
      (60_000_000_000, "M"), (3_600_000_000_000, "H"),
    ]
    for (divisor, symbol) in units {
      let amount = (total + divisor - 1) / divisor
      if amount <= maxValue { return "\(amount)\(symbol)" }
    }
    return "\(maxValue)H"
  }
}
