/// A field type that can be a map key: integers, bool and string.
public protocol ProtoMapKeyType: ProtoFieldType where Value: Hashable {}

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
/// Two maps are equal when they hold the same pairs, whatever their order.
public struct ProtoMap<Key: Hashable & Sendable, Value: Sendable & Equatable>: Sendable {
  @usableFromInline var storedKeys: [Key] = []
  @usableFromInline var storedValues: [Value] = []
  @usableFromInline var index: [Key: Int] = [:]

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

  /// The value for `key`; setting nil removes the pair, setting a new key appends it.
  @inlinable
  public subscript(key: Key) -> Value? {
    get { index[key].map { storedValues[$0] } }
    set {
      if let newValue {
        if let position = index[key] {
          storedValues[position] = newValue
        } else {
          index[key] = storedKeys.count
          storedKeys.append(key)
          storedValues.append(newValue)
        }
      } else if let position = index.removeValue(forKey: key) {
        storedKeys.remove(at: position)
        storedValues.remove(at: position)
        for later in position..<storedKeys.count { index[storedKeys[later]] = later }
      }
    }
  }
}

extension ProtoMap: Equatable {
  @inlinable
  public static func == (lhs: Self, rhs: Self) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for (position, key) in lhs.storedKeys.enumerated() where rhs[key] != lhs.storedValues[position] {
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
    for (position, key) in storedKeys.enumerated() {
      var pairHasher = Hasher()
      pairHasher.combine(key)
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
    @usableFromInline let map: ProtoMap
    @usableFromInline var position = 0
    @inlinable init(map: ProtoMap) { self.map = map }
    @inlinable
    public mutating func next() -> (key: Key, value: Value)? {
      guard position < map.storedKeys.count else { return nil }
      defer { position += 1 }
      return (map.storedKeys[position], map.storedValues[position])
    }
  }

  @inlinable
  public func makeIterator() -> Iterator { Iterator(map: self) }

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
