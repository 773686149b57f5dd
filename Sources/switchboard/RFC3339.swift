internal import SwitchboardCore

/// Reads the times the command line takes: RFC 3339 date-times (`2026-11-25T08:00:00Z`,
/// `2026-11-25T09:00:00.5+01:00`; `t`, `z` and a space for `T` accepted) and plain dates
/// (`2026-11-25`, midnight UTC).
enum RFC3339 {
  /// The time `text` names, or nil if it is not one of the forms above.
  static func parse(_ text: String) -> WallTime? {
    var scanner = Scanner(Array(text.utf8))
    guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2),
      scanner.take("-"), let day = scanner.digits(2),
      (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day)
    else { return nil }
    var seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400
    var nanoseconds: Int64 = 0
    if scanner.atEnd { return WallTime(nanosecondsSinceEpoch: seconds * 1_000_000_000) }

    guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
      let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2),
      scanner.take(":"), let second = scanner.digits(2),
      hour < 24, minute < 60, second < 60
    else { return nil }
    seconds += hour * 3600 + minute * 60 + second
    if scanner.take(".") {
      var count = 0
      while let digit = scanner.digit() {
        if count < 9 { nanoseconds = nanoseconds * 10 + digit }
        count += 1
      }
      guard count > 0 else { return nil }
      for _ in min(count, 9) ..< 9 { nanoseconds *= 10 }
    }
    if !(scanner.take("Z") || scanner.take("z")) {
      let sign: Int64
      if scanner.take("+") {
        sign = 1
      } else if scanner.take("-") {
        sign = -1
      } else {
        return nil
      }
      guard let offsetHours = scanner.digits(2), scanner.take(":"),
        let offsetMinutes = scanner.digits(2), offsetHours < 24, offsetMinutes < 60
      else { return nil }
      seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
    }
    guard scanner.atEnd else { return nil }
    return WallTime(nanosecondsSinceEpoch: seconds * 1_000_000_000 + nanoseconds)
  }

  private static func daysIn(month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days from 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
    let year = month <= 2 ? year - 1 : year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Reads ASCII text from the front.
  private struct Scanner {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    /// Consumes `character` if it is next.
    mutating func take(_ character: Unicode.Scalar) -> Bool {
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: character) else { return false }
      offset += 1
      return true
    }

    /// The next byte's value if it is a digit, consumed.
    mutating func digit() -> Int64? {
      guard offset < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[offset])
      else { return nil }
      offset += 1
      return Int64(bytes[offset - 1] - UInt8(ascii: "0"))
    }

    /// Exactly `count` digits as a number.
    mutating func digits(_ count: Int) -> Int64? {
      var value: Int64 = 0
      for _ in 0 ..< count {
        guard let digit = digit() else { return nil }
        value = value * 10 + digit
      }
      return value
    }
  }
}
