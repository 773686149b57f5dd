/// A point in wall-clock time: nanoseconds since the Unix epoch (1970-01-01T00:00:00Z), UTC.
///
/// The core's own timestamp type, so that it needs neither Foundation nor the protobuf
/// `Timestamp`; the services convert at the boundary. Arithmetic with `Duration` is exact to the
/// nanosecond.
public struct WallTime: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// Nanoseconds since the Unix epoch; negative before 1970.
  public var nanosecondsSinceEpoch: Int64

  /// A time `nanosecondsSinceEpoch` nanoseconds after the epoch.
  public init(nanosecondsSinceEpoch: Int64) {
    self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
  }

  /// A time a whole number of seconds after the epoch.
  public init(secondsSinceEpoch: Int64) {
    self.nanosecondsSinceEpoch = secondsSinceEpoch * 1_000_000_000
  }

  /// The epoch itself.
  public static let epoch = WallTime(nanosecondsSinceEpoch: 0)

  public static func < (lhs: WallTime, rhs: WallTime) -> Bool {
    lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
  }

  /// The time `duration` later.
  public static func + (lhs: WallTime, rhs: Duration) -> WallTime {
    WallTime(nanosecondsSinceEpoch: lhs.nanosecondsSinceEpoch + rhs.nanoseconds)
  }

  /// The time `duration` earlier.
  public static func - (lhs: WallTime, rhs: Duration) -> WallTime {
    WallTime(nanosecondsSinceEpoch: lhs.nanosecondsSinceEpoch - rhs.nanoseconds)
  }

  /// The time between two points (negative if `rhs` is later).
  public static func - (lhs: WallTime, rhs: WallTime) -> Duration {
    .nanoseconds(lhs.nanosecondsSinceEpoch - rhs.nanosecondsSinceEpoch)
  }

  /// RFC 3339 in UTC with milliseconds, e.g. `2025-03-01T09:30:00.250Z`; used in error messages.
  public var description: String {
    let nanos = nanosecondsSinceEpoch
    var seconds = nanos / 1_000_000_000
    var fraction = nanos % 1_000_000_000
    if fraction < 0 {
      fraction += 1_000_000_000
      seconds -= 1
    }
    var days = seconds / 86_400
    var secondOfDay = seconds % 86_400
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
    return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
      + "\(Self.pad(secondOfDay / 3600, 2)):\(Self.pad(secondOfDay / 60 % 60, 2)):"
      + "\(Self.pad(secondOfDay % 60, 2)).\(Self.pad(fraction / 1_000_000, 3))Z"
  }

  /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
  private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPrime = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
    let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

extension Duration {
  /// The duration in whole nanoseconds (attoseconds below a nanosecond are dropped).
  var nanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }

  /// The duration in seconds as a floating-point number, for averages and scores.
  var seconds: Double {
    Double(nanoseconds) / 1_000_000_000
  }
}
