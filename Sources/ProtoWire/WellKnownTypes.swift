/// `google.protobuf.Timestamp`: a point in time as seconds and nanoseconds since the Unix epoch.
public struct ProtoTimestamp: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.Timestamp"
  /// Whole seconds since 1970-01-01T00:00:00Z.
  public var seconds: Int64 = 0
  /// Non-negative fraction of a second, 0 to 999,999,999.
  public var nanos: Int32 = 0
  public var unknownFields = UnknownFields()

  /// The epoch.
  public init() {}

  /// A timestamp of `seconds` and `nanos` since the epoch.
  public init(seconds: Int64, nanos: Int32 = 0) {
    self.seconds = seconds
    self.nanos = nanos
  }

  @inlinable
  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.int64(seconds, 1)
    visitor.int32(nanos, 2)
    visitor.unknown(unknownFields)
  }

  @inlinable
  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: seconds = try decoder.int64(wireType)
    case 2: nanos = try decoder.int32(wireType)
    default: return false
    }
    return true
  }
}

/// `google.protobuf.Duration`: a signed span of time as seconds and nanoseconds of the same sign.
public struct ProtoDuration: ProtoMessage, Hashable {
  public static let protoMessageName = "google.protobuf.Duration"
  /// Whole seconds.
  public var seconds: Int64 = 0
  /// Fraction of a second, -999,999,999 to 999,999,999, with the sign of `seconds`.
  public var nanos: Int32 = 0
  public var unknownFields = UnknownFields()

  /// Zero.
  public init() {}

  /// A duration of `seconds` and `nanos`.
  public init(seconds: Int64, nanos: Int32 = 0) {
    self.seconds = seconds
    self.nanos = nanos
  }

  /// The same span as a Swift `Duration` (attoseconds below a nanosecond are dropped).
  public init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self.init(seconds: seconds, nanos: Int32(attoseconds / 1_000_000_000))
  }

  /// This span as a Swift `Duration`.
  public var duration: Duration {
    .seconds(seconds) + .nanoseconds(Int64(nanos))
  }

  @inlinable
  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.int64(seconds, 1)
    visitor.int32(nanos, 2)
    visitor.unknown(unknownFields)
  }

  @inlinable
  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: seconds = try decoder.int64(wireType)
    case 2: nanos = try decoder.int32(wireType)
    default: return false
    }
    return true
  }
}
