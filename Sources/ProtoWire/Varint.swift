/// Sizes and zigzag transforms of the base-128 varint encoding.
public enum Varint {
  /// The number of bytes `value` takes as a varint (1 to 10).
  @inlinable @inline(__always)
  public static func size(_ value: UInt64) -> Int {
    // Each byte holds 7 bits; a zero still takes one byte.
    let bits = 64 - (value | 1).leadingZeroBitCount
    return (bits &+ 6) / 7
  }

  /// The size of a tag for `field` (wire type bits do not change it).
  @inlinable @inline(__always)
  public static func tagSize(_ field: Int) -> Int {
    size(UInt64(truncatingIfNeeded: field) << 3)
  }

  /// Zigzag-encodes a sint32 so small magnitudes of either sign stay short.
  @inlinable @inline(__always)
  public static func zigzag(_ value: Int32) -> UInt32 {
    UInt32(bitPattern: (value << 1) ^ (value >> 31))
  }

  /// Zigzag-encodes a sint64.
  @inlinable @inline(__always)
  public static func zigzag(_ value: Int64) -> UInt64 {
    UInt64(bitPattern: (value << 1) ^ (value >> 63))
  }

  /// Reverses `zigzag(_: Int32)`.
  @inlinable @inline(__always)
  public static func unzigzag(_ value: UInt32) -> Int32 {
    Int32(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
  }

  /// Reverses `zigzag(_: Int64)`.
  @inlinable @inline(__always)
  public static func unzigzag(_ value: UInt64) -> Int64 {
    Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
  }
}
