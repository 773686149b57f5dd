/// Walks a message's fields in field-number order. A message implements `traverse` once, and the
/// same walk computes its size (`WireSizer`), writes its bytes (`WireEncoder`), or anything else a
/// visitor does (tests use one to describe a value field by field).
///
/// The requirements emit what they are given; proto3's rule that a field without presence and with
/// its default value is not encoded lives in the shorthands of the extension below, which messages
/// use for ordinary fields. Members of a oneof call `visit` directly: they always encode.
public protocol FieldVisitor {
  /// One scalar value, always encoded.
  mutating func visit<T: ProtoFieldType>(_ value: T.Value, as type: T.Type, field: Int)
  /// A repeated field of strings or bytes: one tagged value each. Nothing when empty.
  mutating func visitRepeated<T: ProtoFieldType>(_ values: [T.Value], as type: T.Type, field: Int)
  /// A repeated numeric field, packed into one length-delimited value. Nothing when empty.
  mutating func visitPacked<T: ProtoPackableFieldType>(_ values: [T.Value], as type: T.Type, field: Int)
  /// A nested message, always encoded (an absent one is simply not visited).
  mutating func visitMessage<M: ProtoMessage>(_ message: M, field: Int)
  /// A repeated message field. Nothing when empty.
  mutating func visitRepeatedMessage<M: ProtoMessage>(_ messages: [M], field: Int)
  /// A map field: one entry message (key 1, value 2) per pair. Nothing when empty.
  mutating func visitMap<K: ProtoMapKeyType, V: ProtoFieldType>(
    _ map: ProtoMap<K.Value, V.Value>, key: K.Type, value: V.Type, field: Int)
  /// The unknown fields kept from decoding, written after the known ones.
  mutating func visitUnknown(_ fields: UnknownFields)
}

extension FieldVisitor {
  /// A singular field without presence: visited unless it holds the default value.
  @inlinable @inline(__always)
  public mutating func singular<T: ProtoFieldType>(_ value: T.Value, _ type: T.Type, _ field: Int) {
    if !T.isDefault(value) { visit(value, as: type, field: field) }
  }

  /// A field with explicit presence (proto3 `optional`): visited whenever set, even to its
  /// default value.
  @inlinable @inline(__always)
  public mutating func optional<T: ProtoFieldType>(_ value: T.Value?, _ type: T.Type, _ field: Int) {
    if let value { visit(value, as: type, field: field) }
  }

  /// A repeated numeric field (packed).
  @inlinable @inline(__always)
  public mutating func repeated<T: ProtoPackableFieldType>(_ values: [T.Value], _ type: T.Type, _ field: Int) {
    if !values.isEmpty { visitPacked(values, as: type, field: field) }
  }

  /// A repeated string or bytes field.
  @inlinable @inline(__always)
  public mutating func repeated<T: ProtoFieldType>(_ values: [T.Value], _ type: T.Type, _ field: Int) {
    if !values.isEmpty { visitRepeated(values, as: type, field: field) }
  }

  /// A message field, visited when present.
  @inlinable @inline(__always)
  public mutating func message<M: ProtoMessage>(_ message: M?, _ field: Int) {
    if let message { visitMessage(message, field: field) }
  }

  /// A repeated message field.
  @inlinable @inline(__always)
  public mutating func repeatedMessage<M: ProtoMessage>(_ messages: [M], _ field: Int) {
    if !messages.isEmpty { visitRepeatedMessage(messages, field: field) }
  }

  /// A map field.
  @inlinable @inline(__always)
  public mutating func map<K: ProtoMapKeyType, V: ProtoFieldType>(
    _ map: ProtoMap<K.Value, V.Value>, _ key: K.Type, _ value: V.Type, _ field: Int
  ) {
    if !map.isEmpty { visitMap(map, key: key, value: value, field: field) }
  }

  /// The unknown fields, if any.
  @inlinable @inline(__always)
  public mutating func unknown(_ fields: UnknownFields) {
    if !fields.isEmpty { visitUnknown(fields) }
  }

  // Shorthands for the common singular kinds.

  /// A proto3 `string` field.
  @inlinable @inline(__always)
  public mutating func string(_ value: String, _ field: Int) { singular(value, ProtoString.self, field) }
  /// A proto3 `bytes` field.
  @inlinable @inline(__always)
  public mutating func bytes(_ value: [UInt8], _ field: Int) { singular(value, ProtoBytes.self, field) }
  /// A proto3 `bool` field.
  @inlinable @inline(__always)
  public mutating func bool(_ value: Bool, _ field: Int) { singular(value, ProtoBool.self, field) }
  /// A proto3 `int32` field.
  @inlinable @inline(__always)
  public mutating func int32(_ value: Int32, _ field: Int) { singular(value, ProtoInt32.self, field) }
  /// A proto3 `int64` field.
  @inlinable @inline(__always)
  public mutating func int64(_ value: Int64, _ field: Int) { singular(value, ProtoInt64.self, field) }
  /// A proto3 `uint32` field.
  @inlinable @inline(__always)
  public mutating func uint32(_ value: UInt32, _ field: Int) { singular(value, ProtoUInt32.self, field) }
  /// A proto3 `uint64` field.
  @inlinable @inline(__always)
  public mutating func uint64(_ value: UInt64, _ field: Int) { singular(value, ProtoUInt64.self, field) }
  /// A proto3 `double` field.
  @inlinable @inline(__always)
  public mutating func double(_ value: Double, _ field: Int) { singular(value, ProtoDouble.self, field) }
  /// A proto3 enum field.
  @inlinable @inline(__always)
  public mutating func `enum`<E: ProtoEnum>(_ value: E, _ field: Int) {
    singular(value, ProtoEnumField<E>.self, field)
  }
}
