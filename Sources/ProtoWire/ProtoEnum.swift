/// A protobuf enum. Values that the Swift type does not name are kept as they are (proto3 enums are
/// open), so a newer peer's value survives a decode and re-encode.
public protocol ProtoEnum: Sendable, Hashable {
  /// The enum's fully qualified protobuf name, such as `switchboard.v1.Priority`.
  static var protoEnumName: String { get }
  /// The value for a wire number; unnamed numbers become the enum's "unrecognized" case.
  init(rawValue: Int32)
  /// The wire number.
  var rawValue: Int32 { get }
}

extension ProtoEnum {
  /// The zero value, which every proto3 enum has and which a field without presence omits.
  @inlinable
  public init() { self.init(rawValue: 0) }
}

/// The field type of a protobuf enum `E`: a varint of the number, sign-extended like int32.
public enum ProtoEnumField<E: ProtoEnum>: ProtoPackableFieldType {
  public static var protoTypeName: String { "enum" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: E { E(rawValue: 0) }
  @inlinable public static func isDefault(_ value: E) -> Bool { value.rawValue == 0 }
  @inlinable public static func encodedSize(_ value: E) -> Int {
    ProtoInt32.encodedSize(value.rawValue)
  }
  @inlinable public static func write(_ value: E, to encoder: inout WireEncoder) {
    ProtoInt32.write(value.rawValue, to: &encoder)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> E {
    E(rawValue: try ProtoInt32.read(from: &decoder))
  }
}
