// The Swift half of the canonical dump that pbref_dump (harness.c) produces from libprotobuf-c.

internal import ProtoWire

/// Describes a message field by field, in the text `pbref_dump` produces for the same encoding:
/// `<number>:<type>:<value>;` per visited value, where type is `T.protoTypeName`; integers and
/// enums in decimal, bools 0/1, floats and doubles the hex of their bits, strings and bytes the
/// lowercase hex of their bytes, messages `{...}`; map pairs as entry messages (key 1, value 2).
///
/// Equal dumps prove that Swift and libprotobuf-c agree on every field's number, type and value.
struct DumpVisitor: FieldVisitor {
  /// The text so far.
  private(set) var text = ""

  /// The dump of `message`.
  static func dump<M: ProtoMessage>(_ message: M) -> String {
    var visitor = DumpVisitor()
    message.traverse(&visitor)
    return visitor.text
  }

  mutating func visit<T: ProtoFieldType>(_ value: T.Value, as type: T.Type, field: Int) {
    text += "\(field):\(T.protoTypeName):\(Self.format(value));"
  }

  mutating func visitRepeated<T: ProtoFieldType>(_ values: [T.Value], as type: T.Type, field: Int) {
    for value in values { visit(value, as: type, field: field) }
  }

  mutating func visitPacked<T: ProtoPackableFieldType>(
    _ values: [T.Value],
    as type: T.Type,
    field: Int
  ) {
    for value in values { visit(value, as: type, field: field) }
  }

  mutating func visitMessage<M: ProtoMessage>(_ message: M, field: Int) {
    text += "\(field):message:{"
    message.traverse(&self)
    text += "};"
  }

  mutating func visitRepeatedMessage<M: ProtoMessage>(_ messages: [M], field: Int) {
    for message in messages { visitMessage(message, field: field) }
  }

  mutating func visitMap<K: ProtoMapKeyType, V: ProtoFieldType>(
    _ map: ProtoMap<K.Value, V.Value>,
    key: K.Type,
    value: V.Type,
    field: Int
  ) {
    for (key, value) in map {
      text += "\(field):message:{"
      singular(key, K.self, 1)
      singular(value, V.self, 2)
      text += "};"
    }
  }

  /// Unknown fields have no counterpart in the reference dump, so any difference shows.
  mutating func visitUnknown(_ fields: UnknownFields) {
    text += "unknown:\(Self.hex(fields.bytes));"
  }

  /// One value as `pbref_dump` prints it.
  static func format<Value>(_ value: Value) -> String {
    switch value {
    case let value as Int32: String(value)
    case let value as Int64: String(value)
    case let value as UInt32: String(value)
    case let value as UInt64: String(value)
    case let value as Bool: value ? "1" : "0"
    case let value as Float: "0x" + padded(String(value.bitPattern, radix: 16), to: 8)
    case let value as Double: "0x" + padded(String(value.bitPattern, radix: 16), to: 16)
    case let value as String: hex(Array(value.utf8))
    case let value as [UInt8]: hex(value)
    case let value as any ProtoEnum: String(value.rawValue)
    default: "<unsupported \(Value.self)>"
    }
  }

  private static func padded(_ digits: String, to width: Int) -> String {
    String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Lowercase hex, two digits a byte.
  static func hex(_ bytes: [UInt8]) -> String {
    String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
      for (index, byte) in bytes.enumerated() {
        buffer[2 * index] = hexDigit(byte >> 4)
        buffer[2 * index + 1] = hexDigit(byte & 0xF)
      }
      return bytes.count * 2
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }
}
