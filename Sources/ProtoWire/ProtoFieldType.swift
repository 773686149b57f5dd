/// A protobuf scalar field type (int32, sint64, string, an enum, …): how one value of it is sized,
/// written and read. Messages are not field types; they have `ProtoMessage`.
///
/// The conforming types are caseless enums used only as type arguments, so a message's code names
/// the protobuf type of each field (`ProtoSInt32.self`) rather than just its Swift type (`Int32`).
public protocol ProtoFieldType {
  /// The Swift type that holds a value.
  associatedtype Value: Sendable & Equatable
  /// The protobuf name of the type, as in a `.proto` file.
  static var protoTypeName: String { get }
  /// The wire type of one value.
  static var wireType: WireType { get }
  /// The proto3 default: zero, false, empty.
  static var defaultValue: Value { get }
  /// Whether `value` is the proto3 default, which a field without presence does not encode.
  static func isDefault(_ value: Value) -> Bool
  /// The encoded size of `value`, without tag.
  static func encodedSize(_ value: Value) -> Int
  /// Writes `value`, without tag.
  static func write(_ value: Value, to encoder: inout WireEncoder)
  /// Reads one value, without tag.
  static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Value
}

/// A field type whose values are fixed-width or varints, which repeated fields pack.
public protocol ProtoPackableFieldType: ProtoFieldType {
  /// The size of every value when the width is fixed, nil for varints.
  static var fixedWidth: Int? { get }
}

extension ProtoPackableFieldType {
  @inlinable
  static func packedSize(_ values: [Value]) -> Int {
    if let width = fixedWidth { return values.count &* width }
    var size = 0
    for value in values { size &+= encodedSize(value) }
    return size
  }
}

/// protobuf `int32`: a varint of the value sign-extended to 64 bits.
public enum ProtoInt32: ProtoPackableFieldType {
  public static var protoTypeName: String { "int32" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: Int32 { 0 }
  @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Int32) -> Int {
    Varint.size(UInt64(bitPattern: Int64(value)))
  }
  @inlinable public static func write(_ value: Int32, to encoder: inout WireEncoder) {
    encoder.writeVarint(UInt64(bitPattern: Int64(value)))
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Int32 {
    Int32(truncatingIfNeeded: try decoder.readVarint())
  }
}

/// protobuf `int64`: a varint of the two's complement value.
public enum ProtoInt64: ProtoPackableFieldType {
  public static var protoTypeName: String { "int64" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: Int64 { 0 }
  @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Int64) -> Int {
    Varint.size(UInt64(bitPattern: value))
  }
  @inlinable public static func write(_ value: Int64, to encoder: inout WireEncoder) {
    encoder.writeVarint(UInt64(bitPattern: value))
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Int64 {
    Int64(bitPattern: try decoder.readVarint())
  }
}

/// protobuf `uint32`: a varint.
public enum ProtoUInt32: ProtoPackableFieldType {
  public static var protoTypeName: String { "uint32" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: UInt32 { 0 }
  @inlinable public static func isDefault(_ value: UInt32) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: UInt32) -> Int { Varint.size(UInt64(value)) }
  @inlinable public static func write(_ value: UInt32, to encoder: inout WireEncoder) {
    encoder.writeVarint(UInt64(value))
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> UInt32 {
    UInt32(truncatingIfNeeded: try decoder.readVarint())
  }
}

/// protobuf `uint64`: a varint.
public enum ProtoUInt64: ProtoPackableFieldType {
  public static var protoTypeName: String { "uint64" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: UInt64 { 0 }
  @inlinable public static func isDefault(_ value: UInt64) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: UInt64) -> Int { Varint.size(value) }
  @inlinable public static func write(_ value: UInt64, to encoder: inout WireEncoder) {
    encoder.writeVarint(value)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> UInt64 {
    try decoder.readVarint()
  }
}

/// protobuf `sint32`: a zigzag varint.
public enum ProtoSInt32: ProtoPackableFieldType {
  public static var protoTypeName: String { "sint32" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: Int32 { 0 }
  @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Int32) -> Int {
    Varint.size(UInt64(Varint.zigzag(value)))
  }
  @inlinable public static func write(_ value: Int32, to encoder: inout WireEncoder) {
    encoder.writeVarint(UInt64(Varint.zigzag(value)))
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Int32 {
    Varint.unzigzag(UInt32(truncatingIfNeeded: try decoder.readVarint()))
  }
}

/// protobuf `sint64`: a zigzag varint.
public enum ProtoSInt64: ProtoPackableFieldType {
  public static var protoTypeName: String { "sint64" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: Int64 { 0 }
  @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Int64) -> Int {
    Varint.size(Varint.zigzag(value))
  }
  @inlinable public static func write(_ value: Int64, to encoder: inout WireEncoder) {
    encoder.writeVarint(Varint.zigzag(value))
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Int64 {
    Varint.unzigzag(try decoder.readVarint())
  }
}

/// protobuf `bool`: a varint 0 or 1 (any non-zero varint reads as true).
public enum ProtoBool: ProtoPackableFieldType {
  public static var protoTypeName: String { "bool" }
  @inlinable public static var wireType: WireType { .varint }
  @inlinable public static var fixedWidth: Int? { nil }
  @inlinable public static var defaultValue: Bool { false }
  @inlinable public static func isDefault(_ value: Bool) -> Bool { !value }
  @inlinable public static func encodedSize(_ value: Bool) -> Int { 1 }
  @inlinable public static func write(_ value: Bool, to encoder: inout WireEncoder) {
    encoder.writeVarint(value ? 1 : 0)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Bool {
    try decoder.readVarint() != 0
  }
}

/// protobuf `fixed32`: four little-endian bytes.
public enum ProtoFixed32: ProtoPackableFieldType {
  public static var protoTypeName: String { "fixed32" }
  @inlinable public static var wireType: WireType { .fixed32 }
  @inlinable public static var fixedWidth: Int? { 4 }
  @inlinable public static var defaultValue: UInt32 { 0 }
  @inlinable public static func isDefault(_ value: UInt32) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: UInt32) -> Int { 4 }
  @inlinable public static func write(_ value: UInt32, to encoder: inout WireEncoder) {
    encoder.writeFixed32(value)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> UInt32 {
    try decoder.readFixed32()
  }
}

/// protobuf `sfixed32`: four little-endian bytes, two's complement.
public enum ProtoSFixed32: ProtoPackableFieldType {
  public static var protoTypeName: String { "sfixed32" }
  @inlinable public static var wireType: WireType { .fixed32 }
  @inlinable public static var fixedWidth: Int? { 4 }
  @inlinable public static var defaultValue: Int32 { 0 }
  @inlinable public static func isDefault(_ value: Int32) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Int32) -> Int { 4 }
  @inlinable public static func write(_ value: Int32, to encoder: inout WireEncoder) {
    encoder.writeFixed32(UInt32(bitPattern: value))
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Int32 {
    Int32(bitPattern: try decoder.readFixed32())
  }
}

/// protobuf `fixed64`: eight little-endian bytes.
public enum ProtoFixed64: ProtoPackableFieldType {
  public static var protoTypeName: String { "fixed64" }
  @inlinable public static var wireType: WireType { .fixed64 }
  @inlinable public static var fixedWidth: Int? { 8 }
  @inlinable public static var defaultValue: UInt64 { 0 }
  @inlinable public static func isDefault(_ value: UInt64) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: UInt64) -> Int { 8 }
  @inlinable public static func write(_ value: UInt64, to encoder: inout WireEncoder) {
    encoder.writeFixed64(value)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> UInt64 {
    try decoder.readFixed64()
  }
}

/// protobuf `sfixed64`: eight little-endian bytes, two's complement.
public enum ProtoSFixed64: ProtoPackableFieldType {
  public static var protoTypeName: String { "sfixed64" }
  @inlinable public static var wireType: WireType { .fixed64 }
  @inlinable public static var fixedWidth: Int? { 8 }
  @inlinable public static var defaultValue: Int64 { 0 }
  @inlinable public static func isDefault(_ value: Int64) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Int64) -> Int { 8 }
  @inlinable public static func write(_ value: Int64, to encoder: inout WireEncoder) {
    encoder.writeFixed64(UInt64(bitPattern: value))
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Int64 {
    Int64(bitPattern: try decoder.readFixed64())
  }
}

/// protobuf `float`: IEEE 754 single precision, four little-endian bytes.
///
/// A value equal to zero (including -0.0) is the default, as in libprotobuf-c.
public enum ProtoFloat: ProtoPackableFieldType {
  public static var protoTypeName: String { "float" }
  @inlinable public static var wireType: WireType { .fixed32 }
  @inlinable public static var fixedWidth: Int? { 4 }
  @inlinable public static var defaultValue: Float { 0 }
  @inlinable public static func isDefault(_ value: Float) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Float) -> Int { 4 }
  @inlinable public static func write(_ value: Float, to encoder: inout WireEncoder) {
    encoder.writeFixed32(value.bitPattern)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Float {
    Float(bitPattern: try decoder.readFixed32())
  }
}

/// protobuf `double`: IEEE 754 double precision, eight little-endian bytes.
///
/// A value equal to zero (including -0.0) is the default, as in libprotobuf-c.
public enum ProtoDouble: ProtoPackableFieldType {
  public static var protoTypeName: String { "double" }
  @inlinable public static var wireType: WireType { .fixed64 }
  @inlinable public static var fixedWidth: Int? { 8 }
  @inlinable public static var defaultValue: Double { 0 }
  @inlinable public static func isDefault(_ value: Double) -> Bool { value == 0 }
  @inlinable public static func encodedSize(_ value: Double) -> Int { 8 }
  @inlinable public static func write(_ value: Double, to encoder: inout WireEncoder) {
    encoder.writeFixed64(value.bitPattern)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> Double {
    Double(bitPattern: try decoder.readFixed64())
  }
}

/// protobuf `string`: a length and UTF-8 bytes, validated on decode.
public enum ProtoString: ProtoFieldType {
  public static var protoTypeName: String { "string" }
  @inlinable public static var wireType: WireType { .lengthDelimited }
  @inlinable public static var defaultValue: String { "" }
  @inlinable public static func isDefault(_ value: String) -> Bool { value.isEmpty }
  @inlinable public static func encodedSize(_ value: String) -> Int {
    let count = value.utf8.count
    return Varint.size(UInt64(count)) &+ count
  }
  @inlinable public static func write(_ value: String, to encoder: inout WireEncoder) {
    encoder.writeString(value)
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> String {
    try decoder.readString()
  }
}

/// protobuf `bytes`: a length and that many bytes.
public enum ProtoBytes: ProtoFieldType {
  public static var protoTypeName: String { "bytes" }
  @inlinable public static var wireType: WireType { .lengthDelimited }
  @inlinable public static var defaultValue: [UInt8] { [] }
  @inlinable public static func isDefault(_ value: [UInt8]) -> Bool { value.isEmpty }
  @inlinable public static func encodedSize(_ value: [UInt8]) -> Int {
    Varint.size(UInt64(value.count)) &+ value.count
  }
  @inlinable public static func write(_ value: [UInt8], to encoder: inout WireEncoder) {
    encoder.writeVarint(UInt64(value.count))
    value.withUnsafeBytes { encoder.writeRaw($0) }
  }
  @inlinable public static func read(from decoder: inout WireDecoder) throws(WireFormatError) -> [UInt8] {
    try decoder.readBytes()
  }
}
