internal import Testing

@testable internal import RPCCore

@Suite("grpc-timeout")
struct GRPCTimeoutTests {
  @Test(
    "valid values",
    arguments: [
      ("1H", Duration.seconds(3600)), ("2M", .seconds(120)), ("3S", .seconds(3)),
      ("4m", .milliseconds(4)), ("5u", .microseconds(5)), ("6n", .nanoseconds(6)),
      ("0n", .zero), ("00000001S", .seconds(1)),
      ("99999999H", .seconds(99_999_999 * 3600)), ("99999999M", .seconds(99_999_999 * 60)),
      ("99999999S", .seconds(99_999_999)), ("99999999n", .nanoseconds(99_999_999)),
    ]
  )
  func valid(value: String, expected: Duration) {
    #expect(GRPCTimeout.parse(value) == expected)
  }

  @Test(
    "invalid values",
    arguments: [
      "", "S", "1", "123456789S", "1s", "1x", "-1S", "+1S", " 1S", "1S ", "1.5S", "1 S", "１S",
      "0x1S", "1HH",
    ]
  )
  func invalid(value: String) {
    #expect(GRPCTimeout.parse(value) == nil)
  }

  @Test(
    "formatting picks the finest unit that fits eight digits, rounding up",
    arguments: [
      (Duration.nanoseconds(1), "1n"), (.milliseconds(100), "100000u"),
      (.milliseconds(101), "101000u"), (.seconds(1), "1000000u"), (.seconds(100), "100000m"),
      (.seconds(100_000), "100000S"), (.seconds(100_000_000), "1666667M"),
      (.seconds(99_999_999 * 3600), "99999999H"), (.seconds(Int64.max), "99999999H"),
      (.zero, "0n"), (.seconds(-5), "0n"), (.nanoseconds(99_999_999), "99999999n"),
      (.nanoseconds(100_000_001), "100001u"),
    ]
  )
  func format(duration: Duration, expected: String) {
    #expect(GRPCTimeout.format(duration) == expected)
  }

  @Test("formatted values parse back to at least the duration")
  func formatThenParse() {
    for duration in [Duration.milliseconds(1500), .seconds(7), .microseconds(123_456_789)] {
      let parsed = GRPCTimeout.parse(GRPCTimeout.format(duration))
      #expect(parsed.map { $0 >= duration } == true)
    }
  }
}
