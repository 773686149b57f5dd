// Repeated numeric fields: written packed, read packed, unpacked or both mixed.

internal import ProtoWire
import Testing

/// A test enum.
private enum Level: ProtoEnum {
  static let protoEnumName = "test.Level"
  case zero, one
  case unrecognized(Int32)
  init(rawValue: Int32) {
    self = rawValue == 0 ? .zero : rawValue == 1 ? .one : .unrecognized(rawValue)
  }
  var rawValue: Int32 {
    switch self {
    case .zero: 0
    case .one: 1
    case .unrecognized(let value): value
    }
  }
}

/// Repeated fields of each wire type.
private struct Numbers: ProtoMessage {
  static let protoMessageName = "test.Numbers"
  var int32s: [Int32] = []  // 1
  var fixed32s: [UInt32] = []  // 2
  var sint64s: [Int64] = []  // 3
  var doubles: [Double] = []  // 4
  var bools: [Bool] = []  // 5
  var levels: [Level] = []  // 6
  var strings: [String] = []  // 7
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeated(int32s, ProtoInt32.self, 1)
    visitor.repeated(fixed32s, ProtoFixed32.self, 2)
    visitor.repeated(sint64s, ProtoSInt64.self, 3)
    visitor.repeated(doubles, ProtoDouble.self, 4)
    visitor.repeated(bools, ProtoBool.self, 5)
    visitor.repeated(levels, ProtoEnumField<Level>.self, 6)
    visitor.repeated(strings, ProtoString.self, 7)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeated(&int32s, ProtoInt32.self, wireType)
    case 2: try decoder.repeated(&fixed32s, ProtoFixed32.self, wireType)
    case 3: try decoder.repeated(&sint64s, ProtoSInt64.self, wireType)
    case 4: try decoder.repeated(&doubles, ProtoDouble.self, wireType)
    case 5: try decoder.repeated(&bools, ProtoBool.self, wireType)
    case 6: try decoder.repeated(&levels, ProtoEnumField<Level>.self, wireType)
    case 7: try decoder.repeated(&strings, ProtoString.self, wireType)
    default: return false
    }
    return true
  }
}

@Suite struct RepeatedFieldTests {
  @Test func numericFieldsAreWrittenPacked() {
    let numbers = Numbers.with {
      $0.int32s = [1, -1, 300]
      $0.fixed32s = [7, 8]
      $0.sint64s = [-1, 1]
      $0.bools = [true, false]
      $0.levels = [.one, .unrecognized(-2)]
      $0.strings = ["a", ""]
    }
    let expected = concat(
      [0x0A, 13, 0x01],
      bytes(0xFF, count: 9),
      [0x01, 0xAC, 0x02],
      [0x12, 8, 7, 0, 0, 0, 8, 0, 0, 0],
      [0x1A, 2, 0x01, 0x02],
      [0x2A, 2, 0x01, 0x00],
      [0x32, 11, 0x01, 0xFE],
      bytes(0xFF, count: 8),
      [0x01],
      // Strings are never packed: one tag each, empty ones included.
      [0x3A, 1, 0x61, 0x3A, 0]
    )
    #expect(numbers.serializedBytes() == expected)
    // Empty repeated fields write nothing.
    #expect(Numbers().serializedBytes() == [])
  }

  @Test func packedUnpackedAndMixedDecodeAlike() throws {
    let packed = concat(
      [0x0A, 3, 0x01, 0xAC, 0x02],
      [0x12, 8, 7, 0, 0, 0, 8, 0, 0, 0],
      [0x1A, 2, 0x01, 0x02],
      [0x21, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F],
      [0x2A, 2, 0x01, 0x00],
      [0x32, 2, 0x01, 0x05]
    )
    let unpacked = concat(
      [0x08, 0x01, 0x08, 0xAC, 0x02],
      [0x15, 7, 0, 0, 0, 0x15, 8, 0, 0, 0],
      [0x18, 0x01, 0x18, 0x02],
      [0x22, 8, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F],
      [0x28, 0x01, 0x28, 0x00],
      [0x30, 0x01, 0x30, 0x05]
    )
    // Packed and unpacked runs of one field, interleaved with other fields, append in order.
    let mixed = concat(
      [0x08, 0x01],
      [0x15, 7, 0, 0, 0],
      [0x0A, 2, 0xAC, 0x02],
      [0x1A, 1, 0x01],
      [0x12, 4, 8, 0, 0, 0],
      [0x18, 0x02],
      [0x0A, 0],
      [0x22, 8, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F],
      [0x28, 0x01],
      [0x2A, 1, 0x00],
      [0x32, 1, 0x01],
      [0x30, 0x05]
    )
    let expected = Numbers.with {
      $0.int32s = [1, 300]
      $0.fixed32s = [7, 8]
      $0.sint64s = [-1, 1]
      $0.doubles = [1.0]
      $0.bools = [true, false]
      $0.levels = [.one, .unrecognized(5)]
    }
    #expect(try Numbers(serializedBytes: packed) == expected)
    #expect(try Numbers(serializedBytes: unpacked) == expected)
    #expect(try Numbers(serializedBytes: mixed) == expected)
    // Whatever the input, the output is packed.
    #expect(
      try Numbers(serializedBytes: unpacked).serializedBytes()
        == Numbers(serializedBytes: packed).serializedBytes()
    )
  }

  @Test func malformedPackedRuns() {
    // A fixed32 run whose length is not a multiple of 4.
    #expect(throws: WireFormatError(.truncated, fieldNumber: 2, offset: 1)) {
      try Numbers(serializedBytes: [0x12, 5, 1, 0, 0, 0, 2])
    }
    // A varint cut by the end of its run, although the input goes on.
    #expect(throws: WireFormatError(.truncated, fieldNumber: 1, offset: 3)) {
      try Numbers(serializedBytes: [0x0A, 2, 0x01, 0xAC, 0x02])
    }
    // A run longer than the input.
    #expect(throws: WireFormatError(.lengthOverrun, fieldNumber: 3, offset: 1)) {
      try Numbers(serializedBytes: [0x1A, 9, 0x01])
    }
    // Strings cannot be packed or sent as varints.
    #expect(throws: WireFormatError(.wrongWireType, fieldNumber: 7, offset: 0)) {
      try Numbers(serializedBytes: [0x38, 0x01])
    }
    // A packable field with a wire type that is neither its own nor length-delimited.
    #expect(throws: WireFormatError(.wrongWireType, fieldNumber: 2, offset: 0)) {
      try Numbers(serializedBytes: [0x10, 0x01])
    }
  }

  @Test func emptyPackedRunAddsNothing() throws {
    #expect(try Numbers(serializedBytes: [0x0A, 0x00, 0x12, 0x00]) == Numbers())
  }
}
