import Foundation
import ProtoWire
import Testing

/// `switchboard.testing.OptionalFields` (Tests/Fixtures/optional_fields.proto): proto3 `optional`
/// fields, which libprotobuf-c cannot compile, checked against vectors made by Python `protobuf`
/// (Tools/make-optional-vectors.py; Tests/Interop/test_optional_vectors.py re-verifies them).
private struct OptionalFields: ProtoMessage {
  static let protoMessageName = "switchboard.testing.OptionalFields"
  var a: Int32? = nil
  var b: String? = nil
  var c: Bool? = nil
  var d: Double? = nil
  var e: Int64? = nil
  var plain: Int32 = 0
  var unknownFields = UnknownFields()

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.optional(a, ProtoInt32.self, 1)
    visitor.optional(b, ProtoString.self, 2)
    visitor.optional(c, ProtoBool.self, 3)
    visitor.optional(d, ProtoDouble.self, 4)
    visitor.optional(e, ProtoSInt64.self, 5)
    visitor.int32(plain, 6)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: a = try decoder.int32(wireType)
    case 2: b = try decoder.string(wireType)
    case 3: c = try decoder.bool(wireType)
    case 4: d = try decoder.double(wireType)
    case 5: e = try decoder.read(ProtoSInt64.self, wireType)
    case 6: plain = try decoder.int32(wireType)
    default: return false
    }
    return true
  }

  /// The value the vector's JSON `fields` describe.
  init(fields: [String: Any]) {
    a = (fields["a"] as? NSNumber)?.int32Value
    b = fields["b"] as? String
    c = (fields["c"] as? NSNumber)?.boolValue
    d = (fields["d"] as? NSNumber)?.doubleValue
    e = (fields["e"] as? NSNumber)?.int64Value
    plain = (fields["plain"] as? NSNumber)?.int32Value ?? 0
  }

  init() {}
}

private struct Vector: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: [UInt8]
  let fieldsJSON: Data
  var testDescription: String { name }
}

private func loadVectors() throws -> [Vector] {
  let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/optional_vectors.json")
  let list = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] ?? []
  return try list.map { entry in
    let hex = entry["hex"] as? String ?? ""
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16)!)
      index = next
    }
    return Vector(
      name: entry["name"] as? String ?? "?", bytes: bytes,
      fieldsJSON: try JSONSerialization.data(withJSONObject: entry["fields"] ?? [:]))
  }
}

@Suite struct OptionalFieldsTests {
  @Test func vectorsArePresent() throws {
    #expect(try loadVectors().count >= 10)
  }

  @Test(arguments: try loadVectors())
  fileprivate func matchesPythonProtobuf(_ vector: Vector) throws {
    let fields = try JSONSerialization.jsonObject(with: vector.fieldsJSON) as? [String: Any] ?? [:]
    let expected = OptionalFields(fields: fields)
    // Our encoding is Python's, byte for byte, including optional fields set to their default.
    #expect(expected.serializedBytes() == vector.bytes)
    // Python's bytes decode to the same presence and values.
    let decoded = try OptionalFields(
      serializedBytes: vector.bytes, options: DecodingOptions(rejectUnknownFields: true))
    #expect(decoded == expected)
  }
}
