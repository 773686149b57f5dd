/// A Swift type that can be a protobuf map key: the integers, `Bool` and `String`.
///
/// Keys are equal when their encodings are: a `String` by its UTF-8 bytes, as protobuf does, not
/// by Swift's `==` (Unicode canonical equivalence), so "\u{E9}" and "e\u{301}" are two keys.
public protocol ProtoMapKey: Hashable, Sendable {
  /// Whether two keys are the same protobuf key.
  static func isSameKey(_ lhs: Self, _ rhs: Self) -> Bool
  /// Hashes the key consistently with `isSameKey`.
  func hashKey(into hasher: inout Hasher)
}

extension ProtoMapKey {
  @inlinable @inline(__always)
  public static func isSameKey(_ lhs: Self, _ rhs: Self) -> Bool { lhs == rhs }
  @inlinable @inline(__always)
  public func hashKey(into hasher: inout Hasher) { hasher.combine(self) }
}

extension Int32: ProtoMapKey {}
extension Int64: ProtoMapKey {}
extension UInt32: ProtoMapKey {}
extension UInt64: ProtoMapKey {}
extension Bool: ProtoMapKey {}

extension String: ProtoMapKey {
  @inlinable
  public static func isSameKey(_ lhs: String, _ rhs: String) -> Bool {
    let left = lhs.utf8
    let right = rhs.utf8
    // Different lengths are different keys; equal bytes imply Swift equality, whose fast paths
    // reject most other keys cheaply; only canonically equivalent strings need a byte compare.
    guard left.count == right.count, lhs == rhs else { return false }
    let compared = left.withContiguousStorageIfAvailable { leftBytes in
      right.withContiguousStorageIfAvailable { rightBytes in leftBytes.elementsEqual(rightBytes) }
    }
    return (compared ?? nil) ?? left.elementsEqual(right)
  }

  @inlinable
  public func hashKey(into hasher: inout Hasher) {
    let hashed: Void? = utf8.withContiguousStorageIfAvailable {
      hasher.combine(bytes: UnsafeRawBufferPointer($0))
    }
    if hashed == nil { for byte in utf8 { hasher.combine(byte) } }
    hasher.combine(0xFF as UInt8)  // never in UTF-8: ends the string
  }
}

/// A field type that can be a map key: integers, bool and string.
public protocol ProtoMapKeyType: ProtoFieldType where Value: ProtoMapKey {}

extension ProtoInt32: ProtoMapKeyType {}
extension ProtoInt64: ProtoMapKeyType {}
extension ProtoUInt32: ProtoMapKeyType {}
extension ProtoUInt64: ProtoMapKeyType {}
extension ProtoSInt32: ProtoMapKeyType {}
extension ProtoSInt64: ProtoMapKeyType {}
extension ProtoFixed32: ProtoMapKeyType {}
extension ProtoFixed64: ProtoMapKeyType {}
extension ProtoSFixed32: ProtoMapKeyType {}
extension ProtoSFixed64: ProtoMapKeyType {}
extension ProtoBool: ProtoMapKeyType {}
extension ProtoString: ProtoMapKeyType {}

/// The value of a protobuf `map<K, V>` field: unique keys, kept in the order they were first
/// inserted (or decoded), so encoding is deterministic and needs no sorting or extra allocation.
///
/// Small maps (the usual case: attributes, metadata) are searched linearly; past
/// `indexThreshold` pairs a hash index is kept, so a hostile map of a million keys decodes in
/// linear time. Two maps are equal when they hold the same pairs, whatever their order.
public struct ProtoMap<Key: ProtoMapKey, Value: Sendable & Equatable>: Sendable {
  @usableFromInline var storedKeys: [Key] = []
  @usableFromInline var storedValues: [Value] = []
  @usableFromInline var index: [IndexKey: Int]? = nil

  /// A key as the index hashes and compares it.
  @usableFromInline
  struct IndexKey: Hashable, Sendable {
    @usableFromInline let key: Key
    @inlinable init(_ key: Key) { self.key = key }
    @inlinable static func == (lhs: Self, rhs: Self) -> Bool { Key.isSameKey(lhs.key, rhs.key) }
    @inlinable func hash(into hasher: inout Hasher) { key.hashKey(into: &hasher) }
  }

  /// Maps up to this many pairs have no index.
  @inlinable static var indexThreshold: Int { 16 }

  /// An empty map.
  @inlinable
  public init() {}

  /// The number of pairs.
  @inlinable
  public var count: Int { storedKeys.count }

  /// Whether the map is empty.
  @inlinable
  public var isEmpty: Bool { storedKeys.isEmpty }

  /// The keys, in insertion order.
  @inlinable
  public var keys: [Key] { storedKeys }

  /// The values, in insertion order.
  @inlinable
  public var values: [Value] { storedValues }

  @inlinable
  func position(of key: Key) -> Int? {
    if let index { return index[IndexKey(key)] }
    for position in storedKeys.indices where Key.isSameKey(storedKeys[position], key) {
      return position
    }
    return nil
  }

  @inlinable
  mutating func rebuildIndex() {
    guard storedKeys.count > Self.indexThreshold else {
      index = nil
      return
    }
    var rebuilt = [IndexKey: Int](minimumCapacity: storedKeys.count)
    for (position, key) in storedKeys.enumerated() { rebuilt[IndexKey(key)] = position }
    index = rebuilt
  }

  /// The value for `key`; setting nil removes the pair, setting a new key appends it.
  @inlinable
  public subscript(key: Key) -> Value? {
    get { position(of: key).map { storedValues[$0] } }
    set {
      if let newValue {
        if let position = position(of: key) {
          storedValues[position] = newValue
          return
        }
        if storedKeys.isEmpty {
          // Maps usually hold a handful of pairs: grow once, not at 1, 2, 4 and 8.
          storedKeys.reserveCapacity(8)
          storedValues.reserveCapacity(8)
        }
        storedKeys.append(key)
        storedValues.append(newValue)
        if index != nil {
          index![IndexKey(key)] = storedKeys.count - 1
        } else if storedKeys.count > Self.indexThreshold {
          rebuildIndex()
        }
      } else if let position = position(of: key) {
        storedKeys.remove(at: position)
        storedValues.remove(at: position)
        rebuildIndex()
      }
    }
  }
}

extension ProtoMap: Equatable {
  @inlinable
  public static func == (lhs: Self, rhs: Self) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for position in lhs.storedKeys.indices where rhs[lhs.storedKeys[position]] != lhs.storedValues[position] {
      return false
    }
    return true
  }
}

extension ProtoMap: Hashable where Value: Hashable {
  @inlinable
  public func hash(into hasher: inout Hasher) {
    // Order-independent, like equality.
    var combined = 0
    for position in storedKeys.indices {
      var pairHasher = Hasher()
      storedKeys[position].hashKey(into: &pairHasher)
      pairHasher.combine(storedValues[position])
      combined ^= pairHasher.finalize()
    }
    hasher.combine(count)
    hasher.combine(combined)
  }
}

extension ProtoMap: Sequence {
  /// Iterates the pairs in insertion order.
  public struct Iterator: IteratorProtocol {
    @usableFromInline let keys: [Key]
    @usableFromInline let values: [Value]
    @usableFromInline var position = 0
    @inlinable init(keys: [Key], values: [Value]) {
      self.keys = keys
      self.values = values
    }
    @inlinable
    public mutating func next() -> (key: Key, value: Value)? {
      guard position < keys.count else { return nil }
      defer { position &+= 1 }
      return (keys[position], values[position])
    }
  }

  @inlinable
  public func makeIterator() -> Iterator { Iterator(keys: storedKeys, values: storedValues) }

  @inlinable
  public var underestimatedCount: Int { count }
}

extension ProtoMap: ExpressibleByDictionaryLiteral {
  /// A map of the literal's pairs in the literal's order; a repeated key keeps its last value.
  @inlinable
  public init(dictionaryLiteral elements: (Key, Value)...) {
    for (key, value) in elements { self[key] = value }
  }
}
