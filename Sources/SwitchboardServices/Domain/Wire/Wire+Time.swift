// Timestamps and durations between the wire (`google.protobuf.Timestamp`/`Duration`) and the
// core (`WallTime`, Swift's `Duration`).
//
// Outgoing values always fit. Incoming ones are checked here, because the wire allows more than
// the core can hold: a Timestamp must have nanos in 0...999,999,999 and, since `WallTime` counts
// nanoseconds in an Int64, lie between 1677-09-21 and 2262-04-11 (within the wire's years 1 to
// 9999); a Duration must be a valid one (nanos of the same sign as seconds, within
// ±999,999,999) and at most 100 years long, so that any time plus any accepted duration still
// fits. Violations are INVALID_ARGUMENT naming the field.

internal import ProtoWire
internal import RPCCore
internal import SwitchboardCore

extension WallTime {
  /// This time on the wire.
  var wire: ProtoTimestamp {
    var seconds = nanosecondsSinceEpoch / 1_000_000_000
    var nanos = nanosecondsSinceEpoch % 1_000_000_000
    if nanos < 0 {
      nanos += 1_000_000_000
      seconds -= 1
    }
    return ProtoTimestamp(seconds: seconds, nanos: Int32(nanos))
  }
}

extension Duration {
  /// This duration on the wire.
  var wire: ProtoDuration { ProtoDuration(self) }
}

extension ProtoTimestamp {
  /// The whole seconds since the epoch whose every nanosecond a `WallTime` holds.
  static let coreSecondsRange: ClosedRange<Int64> =
    (Int64.min / 1_000_000_000 + 1) ... (Int64.max / 1_000_000_000 - 1)

  /// This timestamp as a `WallTime`; INVALID_ARGUMENT naming `field` if it is not a valid
  /// timestamp or lies outside what the server can represent (`coreSecondsRange`).
  func core(_ field: String) throws(RPCError) -> WallTime {
    guard (0 ... 999_999_999).contains(nanos) else {
      throw RPCError(.invalidArgument, "\(field).nanos \(nanos) is outside 0...999999999")
    }
    guard Self.coreSecondsRange.contains(seconds) else {
      let range = Self.coreSecondsRange
      throw RPCError(
        .invalidArgument,
        "\(field) (\(seconds) s since the epoch) is outside the supported range "
          + "\(WallTime(secondsSinceEpoch: range.lowerBound)) to "
          + "\(WallTime(secondsSinceEpoch: range.upperBound))"
      )
    }
    return WallTime(nanosecondsSinceEpoch: seconds * 1_000_000_000 + Int64(nanos))
  }
}

extension ProtoDuration {
  /// The longest duration a request may carry: 100 Julian years, in seconds.
  static let maximumSeconds: Int64 = 3_155_760_000

  /// This duration as a Swift `Duration`; INVALID_ARGUMENT naming `field` if it is not a valid
  /// duration or longer than 100 years either way.
  func core(_ field: String) throws(RPCError) -> Duration {
    guard (-999_999_999 ... 999_999_999).contains(nanos) else {
      throw RPCError(.invalidArgument, "\(field).nanos \(nanos) is outside -999999999...999999999")
    }
    guard (seconds >= 0 && nanos >= 0) || (seconds <= 0 && nanos <= 0) else {
      throw RPCError(
        .invalidArgument,
        "\(field) has seconds \(seconds) and nanos \(nanos) of different signs"
      )
    }
    guard (-Self.maximumSeconds ... Self.maximumSeconds).contains(seconds) else {
      throw RPCError(.invalidArgument, "\(field) (\(seconds) s) is longer than 100 years")
    }
    return .seconds(seconds) + .nanoseconds(Int64(nanos))
  }
}

extension Optional where Wrapped == ProtoTimestamp {
  /// The timestamp as a `WallTime`, nil when unset; see `ProtoTimestamp.core(_:)`.
  func core(_ field: String) throws(RPCError) -> WallTime? {
    guard let timestamp = self else { return nil }
    return try timestamp.core(field)
  }
}

extension Optional where Wrapped == ProtoDuration {
  /// The duration, nil when unset; see `ProtoDuration.core(_:)`.
  func core(_ field: String) throws(RPCError) -> Duration? {
    guard let duration = self else { return nil }
    return try duration.core(field)
  }
}
