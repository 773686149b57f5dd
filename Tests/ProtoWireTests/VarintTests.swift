// Varint sizes, zigzag and the encodings of the scalar types at their edges.

internal import ProtoWire
import Testing

/// The encoding of one value of `T`, without tag.
func encoded<T: ProtoFieldType>(_ value: T.Value, as type: T.Type) -> [UInt8] {
  let size = T.encodedSize(value)
  return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
    var encoder = WireEncoder(UnsafeMutableRawBufferPointer(buffer))
    T.write(value, to: &encoder)
    encoder.finish()
    initialized = size
  }
}

/// The parts joined (long `+` chains of array literals are slow to type-check).
func concat(_ parts: [UInt8]...) -> [UInt8] { parts.flatMap { $0 } }

/// `count` copies of `byte`.
func bytes(_ byte: UInt8, count: Int) -> [UInt8] { Array(repeating: byte, count: count) }

/// One value of `T` read from `bytes`, which it must use up exactly.
func decoded<T: ProtoFieldType>(_ bytes: [UInt8], as type: T.Type) throws -> T.Value {
  try bytes.withUnsafeBytes { raw throws(WireFormatError) in
    var decoder = WireDecoder(
      base: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
      count: raw.count,
      options: DecodingOptions()
    )
    let value = try T.read(from: &decoder)
    #expect(try decoder.nextField() == nil, "bytes left over")
    return value
  }
}

@Suite struct VarintTests {
  /// Every size boundary: 2^(7k) - 1 takes k bytes and 2^(7k) takes k + 1.
  static let boundaries: [(value: UInt64, size: Int)] = {
    var cases: [(value: UInt64, size: Int)] = [(0, 1)]
    for k in 1 ... 9 {
      let power: UInt64 = 1 << UInt64(7 * k)
      cases.append((power - 1, k))
      cases.append((power, k + 1))
    }
    cases.append((1 << 63, 10))
    cases.append((UInt64.max, 10))
    cases.append((UInt64(Int64.max), 9))
    return cases
  }()

  @Test func sizesAtEveryBoundary() throws {
    for (value, size) in Self.boundaries {
      #expect(Varint.size(value) == size, "size of \(value)")
      let encoding = encoded(value, as: ProtoUInt64.self)
      #expect(encoding.count == size, "encoding of \(value)")
      #expect(
        encoding.last! < 0x80 && encoding.dropLast().allSatisfy { $0 >= 0x80 },
        "continuation bits of \(value)"
      )
      #expect(try decoded(encoding, as: ProtoUInt64.self) == value)
    }
  }

  @Test func knownEncodings() {
    #expect(encoded(300, as: ProtoUInt64.self) == [0xAC, 0x02])
    #expect(encoded(UInt64.max, as: ProtoUInt64.self) == concat(bytes(0xFF, count: 9), [0x01]))
    #expect(encoded(UInt64(1) << 63, as: ProtoUInt64.self) == concat(bytes(0x80, count: 9), [0x01]))
    // Negative int32 and enum values are sign-extended to ten bytes.
    #expect(encoded(-1, as: ProtoInt32.self) == concat(bytes(0xFF, count: 9), [0x01]))
    #expect(
      encoded(Int32.min, as: ProtoInt32.self) == [
        0x80, 0x80, 0x80, 0x80, 0xF8, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
      ]
    )
    #expect(encoded(Int64.min, as: ProtoInt64.self) == concat(bytes(0x80, count: 9), [0x01]))
    #expect(encoded(UInt32.max, as: ProtoUInt32.self) == [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
    // Fixed widths are little-endian.
    #expect(encoded(0x0102_0304, as: ProtoFixed32.self) == [4, 3, 2, 1])
    #expect(encoded(-2, as: ProtoSFixed64.self) == concat([0xFE], bytes(0xFF, count: 7)))
    #expect(encoded(1.0, as: ProtoDouble.self) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    #expect(encoded(-Float.infinity, as: ProtoFloat.self) == [0, 0, 0x80, 0xFF])
    #expect(encoded(true, as: ProtoBool.self) == [1])
    #expect(encoded("é", as: ProtoString.self) == [2, 0xC3, 0xA9])
  }

  @Test func tagSizes() {
    for (field, size) in [
      (1, 1), (15, 1), (16, 2), (2047, 2), (2048, 3), (262_143, 3), (262_144, 4),
      (33_554_431, 4), (33_554_432, 5), (536_870_911, 5),
    ] {
      #expect(Varint.tagSize(field) == size, "tag of field \(field)")
    }
  }

  @Test func zigzagExtremes() throws {
    let cases32: [(Int32, UInt32)] = [
      (0, 0), (-1, 1), (1, 2), (-2, 3), (2, 4), (Int32.max, UInt32.max - 1),
      (Int32.min, UInt32.max),
    ]
    for (value, zigzag) in cases32 {
      #expect(Varint.zigzag(value) == zigzag)
      #expect(Varint.unzigzag(zigzag) == value)
      #expect(try decoded(encoded(value, as: ProtoSInt32.self), as: ProtoSInt32.self) == value)
    }
    let cases64: [(Int64, UInt64)] = [
      (0, 0), (-1, 1), (1, 2), (-2, 3), (Int64.max, UInt64.max - 1), (Int64.min, UInt64.max),
      (Int64(Int32.min), UInt64(UInt32.max)),
    ]
    for (value, zigzag) in cases64 {
      #expect(Varint.zigzag(value) == zigzag)
      #expect(Varint.unzigzag(zigzag) == value)
      #expect(try decoded(encoded(value, as: ProtoSInt64.self), as: ProtoSInt64.self) == value)
    }
    // The smallest sint32 takes five bytes, not ten.
    #expect(encoded(Int32.min, as: ProtoSInt32.self) == [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
    #expect(encoded(Int64.min, as: ProtoSInt64.self) == concat(bytes(0xFF, count: 9), [0x01]))
  }

  @Test func int32ReadsTheLowBitsOfWideVarints() throws {
    // A ten-byte -1 and a five-byte 2^32 - 1 both read as -1; 2^32 reads as 0.
    #expect(try decoded(concat(bytes(0xFF, count: 9), [0x01]), as: ProtoInt32.self) == -1)
    #expect(try decoded([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], as: ProtoInt32.self) == -1)
    #expect(try decoded([0x80, 0x80, 0x80, 0x80, 0x10], as: ProtoInt32.self) == 0)
    // Any non-zero varint is true.
    #expect(try decoded([0x80, 0x01], as: ProtoBool.self) == true)
  }

  @Test func timestampRoundTrip() throws {
    let timestamp = ProtoTimestamp(seconds: -5, nanos: 7)
    let encoding = timestamp.serializedBytes()
    #expect(
      encoding == [0x08, 0xFB, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x10, 0x07]
    )
    #expect(try ProtoTimestamp(serializedBytes: encoding) == timestamp)
  }
}
