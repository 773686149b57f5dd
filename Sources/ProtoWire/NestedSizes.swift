/// The sizes of nested messages, which the sizing pass records in the order it meets them and the
/// writing pass reads back in the same order, so no message is sized twice.
///
/// It starts in a caller-provided (stack) buffer and moves to the heap only when a message has more
/// nested messages than that buffer holds.
public struct NestedSizes {
  @usableFromInline var base: UnsafeMutablePointer<Int>
  @usableFromInline var capacity: Int
  @usableFromInline var count = 0
  @usableFromInline var ownsBase = false

  /// A table that starts in `buffer`, which must outlive it.
  @inlinable
  public init(_ buffer: UnsafeMutableBufferPointer<Int>) {
    self.base = buffer.baseAddress.unsafelyUnwrapped
    self.capacity = buffer.count
  }

  /// Reserves the next slot, returning its index.
  @inlinable @inline(__always)
  mutating func reserve() -> Int {
    if count == capacity { grow() }
    defer { count &+= 1 }
    return count
  }

  @inlinable @inline(__always)
  mutating func set(_ slot: Int, _ size: Int) {
    base[slot] = size
  }

  @usableFromInline
  mutating func grow() {
    let larger = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
    larger.update(from: base, count: count)
    if ownsBase { base.deallocate() }
    base = larger
    capacity *= 2
    ownsBase = true
  }

  /// Frees the heap storage, if any.
  @inlinable
  public mutating func release() {
    if ownsBase { base.deallocate() }
    ownsBase = false
  }
}
