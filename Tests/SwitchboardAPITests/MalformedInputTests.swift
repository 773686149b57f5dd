// The decoder against malformed input: hundreds of thousands of mutated and truncated encodings
// across every message type, and exact errors for each kind of malformation.

internal import ProtoWire
internal import SwitchboardAPI
import Testing

/// Mutated inputs per message type, so that there are at least 100,000 in all.
private let mutationsPerType = max(
  600,
  (100_000 + conformanceTypes.count - 1) / conformanceTypes.count
)

@Suite("Malformed input")
struct MalformedInputTests {
  @Test(
    "Mutated and truncated encodings decode or throw a WireFormatError",
    .timeLimit(.minutes(5)),
    arguments: MessageTypeCase.all
  )
  func mutatedEncodings(_ testCase: MessageTypeCase) throws {
    let decoded = try mutateAndDecode(testCase.type)
    #expect(decoded >= mutationsPerType)
  }

  // MARK: Varints

  @Test func truncatedVarint() {
    // Field 1 (enum) with a varint whose continuation bit promises a byte that is not there.
    expectError(
      GRPCHealthV1.HealthCheckResponse.self,
      [0x08, 0x80],
      .truncated,
      field: 1,
      offset: 1
    )
    // The value is missing altogether: the error points just past the input.
    expectError(GRPCHealthV1.HealthCheckResponse.self, [0x08], .truncated, field: 1, offset: 1)
    // A truncated tag has no field number yet.
    expectError(GRPCHealthV1.HealthCheckResponse.self, [0x80], .truncated, field: nil, offset: 0)
    expectError(
      GRPCHealthV1.HealthCheckResponse.self,
      [0x08, 0x01, 0xF8, 0xFF],
      .truncated,
      field: nil,
      offset: 2
    )
  }

  @Test func overlongVarint() throws {
    // Eleven bytes: the tenth still has its continuation bit.
    expectError(
      GRPCHealthV1.HealthCheckResponse.self,
      [0x08] + Array(repeating: 0xFF, count: 10) + [0x01],
      .malformedVarint,
      field: 1,
      offset: 1
    )
    // Ten bytes whose last one carries bits beyond 64.
    expectError(
      GRPCHealthV1.HealthCheckResponse.self,
      [0x08] + Array(repeating: 0xFF, count: 9) + [0x02],
      .malformedVarint,
      field: 1,
      offset: 1
    )
    // An overlong tag.
    expectError(
      GRPCHealthV1.HealthCheckResponse.self,
      Array(repeating: 0x88, count: 10) + [0x00],
      .malformedVarint,
      field: nil,
      offset: 0
    )
    // Ten bytes of 2^64 - 1 are fine: an int32 enum takes the low 32 bits.
    let maximal = try GRPCHealthV1.HealthCheckResponse(
      serializedBytes: [0x08] + Array(repeating: 0xFF, count: 9) + [0x01]
    )
    #expect(maximal.status == .unrecognized(-1))
  }

  // MARK: Lengths

  @Test func lengthPastEnd() {
    expectError(
      GRPCHealthV1.HealthCheckRequest.self,
      [0x0A, 0x05, 0x61, 0x62],
      .lengthOverrun,
      field: 1,
      offset: 1
    )
    // Ten bytes claiming a 2 GiB string, a known field and an unknown one.
    let claim: [UInt8] = [0x0A, 0x80, 0x80, 0x80, 0x80, 0x08, 0x61, 0x62, 0x63, 0x64]
    expectError(GRPCHealthV1.HealthCheckRequest.self, claim, .lengthOverrun, field: 1, offset: 1)
    expectError(GRPCTesting.Empty.self, claim, .lengthOverrun, field: 1, offset: 1)
    // The largest length a varint can hold.
    expectError(
      GRPCTesting.Empty.self,
      [0x0A] + Array(repeating: 0xFF, count: 9) + [0x01],
      .lengthOverrun,
      field: 1,
      offset: 1
    )
    // A nested message's field may not run past the nested message, even if the input goes on.
    expectError(
      PBRefTest.Outer.self,
      [0x1A, 0x02, 0x22, 0x05, 0x0D, 0, 0, 0x80, 0x3F],
      .lengthOverrun,
      field: 4,
      offset: 3
    )
    // Packed fixed-width values must fill the length exactly.
    expectError(PBRefTest.Repeated.self, [0x3A, 0x03, 1, 2, 3], .truncated, field: 7, offset: 1)
  }

  // MARK: Strings

  @Test(
    "Invalid UTF-8 in a string field",
    arguments: [
      [0xC3, 0x28],  // a two-byte sequence cut short
      [0xED, 0xA0, 0x80],  // a surrogate
      [0xC0, 0xAF],  // overlong
      [0xE2, 0x82],  // truncated
      [0xFF],  // never valid
      [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
      [0x61, 0x80, 0x62],  // a lone continuation byte
    ] as [[UInt8]]
  )
  func invalidUTF8(_ bytes: [UInt8]) throws {
    expectError(
      GRPCHealthV1.HealthCheckRequest.self,
      [0x0A, UInt8(bytes.count)] + bytes,
      .invalidUTF8,
      field: 1,
      offset: 1
    )
    // Map keys and values are strings too.
    expectError(
      PBRefTest.Maps.self,
      [0x62, UInt8(bytes.count + 2), 0x0A, UInt8(bytes.count)] + bytes,
      .invalidUTF8,
      field: 1,
      offset: 3
    )
    // The same bytes are fine in a bytes field.
    let payload = try GRPCTesting.Payload(serializedBytes: [0x12, UInt8(bytes.count)] + bytes)
    #expect(payload.body == bytes)
  }

  // MARK: Tags

  @Test func wrongWireTypeForKnownField() {
    // Field 1 is a string; a varint cannot be one.
    expectError(
      GRPCHealthV1.HealthCheckRequest.self,
      [0x08, 0x01],
      .wrongWireType,
      field: 1,
      offset: 0
    )
    // Field 1 is an enum; fixed32 cannot be one.
    expectError(
      GRPCHealthV1.HealthCheckResponse.self,
      [0x0D, 1, 0, 0, 0],
      .wrongWireType,
      field: 1,
      offset: 0
    )
    // Inside a nested message the offset still counts from the start of the input.
    expectError(
      PBRefTest.Outer.self,
      [0x1A, 0x02, 0x08, 0x01],
      .wrongWireType,
      field: 1,
      offset: 2
    )
    // A message field sent as a start-group.
    expectError(PBRefTest.Outer.self, [0x0B, 0x0C], .wrongWireType, field: 1, offset: 0)
  }

  @Test func invalidFieldNumber() {
    expectError(GRPCTesting.Empty.self, [0x00, 0x00], .invalidFieldNumber, field: nil, offset: 0)
    expectError(GRPCTesting.Empty.self, [0x02, 0x00], .invalidFieldNumber, field: nil, offset: 0)
    expectError(
      PBRefTest.Outer.self,
      [0x1A, 0x02, 0x00, 0x00],
      .invalidFieldNumber,
      field: nil,
      offset: 2
    )
    // 2^29: one past the largest field number.
    expectError(
      GRPCTesting.Empty.self,
      [0x80, 0x80, 0x80, 0x80, 0x10, 0x00],
      .invalidFieldNumber,
      field: nil,
      offset: 0
    )
  }

  @Test("Wire types 6 and 7", arguments: [6, 7] as [UInt8])
  func invalidWireType(_ wireType: UInt8) {
    expectError(GRPCTesting.Empty.self, [0x08 | wireType], .invalidWireType, field: nil, offset: 0)
    expectError(
      GRPCHealthV1.HealthCheckRequest.self,
      [0x0A, 0x00, 0x10 | wireType, 0x00],
      .invalidWireType,
      field: nil,
      offset: 2
    )
  }

  @Test func unexpectedEndGroup() {
    expectError(GRPCTesting.Empty.self, [0x0C], .unexpectedEndGroup, field: nil, offset: 0)
    // Group 5 closed as group 6.
    expectError(
      GRPCTesting.Empty.self,
      [0x2B, 0x08, 0x01, 0x34],
      .unexpectedEndGroup,
      field: nil,
      offset: 3
    )
    // Group 5 never closed: truncated, at the group's tag. (The field number reported is that of
    // the group's last inner field, 1, rather than the group's, 5; only code and offset are pinned.)
    do {
      _ = try GRPCTesting.Empty(serializedBytes: [0x2B, 0x08, 0x01])
      Issue.record("an unclosed group decoded")
    } catch {
      #expect(error.code == .truncated)
      #expect(error.offset == 0)
    }
  }

  // MARK: Depth

  @Test func messageDepthLimit() throws {
    // 100 nested messages below the top level decode with the default limit...
    let hundred = nestedOuter(levels: 100)
    var message = try PBRefTest.Outer(serializedBytes: hundred.bytes)
    var levels = 0
    while let next = message.recursive {
      levels += 1
      message = next
    }
    #expect(levels == 100)
    // ...101 do not: the error points at the 101st message's length prefix.
    let hundredAndOne = nestedOuter(levels: 101)
    expectError(
      PBRefTest.Outer.self,
      hundredAndOne.bytes,
      .depthLimitExceeded,
      field: 3,
      offset: hundredAndOne.lengthOffsets[100]
    )
    // A lower limit applies the same way.
    let options = DecodingOptions(maxDepth: 3)
    _ = try PBRefTest.Outer(serializedBytes: nestedOuter(levels: 3).bytes, options: options)
    let four = nestedOuter(levels: 4)
    expectError(
      PBRefTest.Outer.self,
      four.bytes,
      .depthLimitExceeded,
      field: 3,
      offset: four.lengthOffsets[3],
      options: options
    )
  }

  @Test func groupDepthLimit() throws {
    // Unknown groups count against the same limit as messages.
    func groups(_ count: Int) -> [UInt8] {
      Array(repeating: 0x2B, count: count) + Array(repeating: 0x2C, count: count)
    }
    let kept = try GRPCTesting.Empty(serializedBytes: groups(100))
    #expect(kept.unknownFields.bytes == groups(100))
    expectError(GRPCTesting.Empty.self, groups(101), .depthLimitExceeded, field: 5, offset: 100)
    // 60 messages and 40 groups reach the limit exactly; one more group exceeds it.
    let sixty = nestedOuter(levels: 60, innermost: groups(40))
    _ = try PBRefTest.Outer(serializedBytes: sixty.bytes)
    let over = nestedOuter(levels: 60, innermost: groups(41))
    expectError(
      PBRefTest.Outer.self,
      over.bytes,
      .depthLimitExceeded,
      field: 5,
      offset: over.innermostOffset + 40
    )
  }

  // MARK: Unknown fields

  @Test func unknownFieldsAreKeptAndWrittenBack() throws {
    let unknownVarint: [UInt8] = [0x10, 0x96, 0x01]
    let known: [UInt8] = [0x0A, 0x02, 0x68, 0x69]
    let unknownFixed64: [UInt8] = [0x19, 1, 2, 3, 4, 5, 6, 7, 8]
    let unknownBytes: [UInt8] = [0x22, 0x03, 0xFF, 0x00, 0x80]
    let unknownGroup: [UInt8] = [0x2B, 0x08, 0x01, 0x12, 0x00, 0x2C]
    let unknownFixed32: [UInt8] = [0x35, 0xDE, 0xAD, 0xBE, 0xEF]
    let unknownHighest: [UInt8] = [0xF8, 0xFF, 0xFF, 0xFF, 0x0F, 0x00]
    let unknown =
      unknownVarint + unknownFixed64 + unknownBytes + unknownGroup + unknownFixed32 + unknownHighest
    let input =
      unknownVarint + known + unknownFixed64 + unknownBytes + unknownGroup + unknownFixed32
      + unknownHighest

    let request = try GRPCHealthV1.HealthCheckRequest(serializedBytes: input)
    #expect(request.service == "hi")
    #expect(request.unknownFields.bytes == unknown)
    // Known fields first, then the unknown ones byte for byte, in the order they came.
    #expect(request.serializedBytes() == known + unknown)
    #expect(
      try GRPCHealthV1.HealthCheckRequest(serializedBytes: request.serializedBytes()) == request
    )
    // libprotobuf-c keeps them too (all but the group: it cannot parse groups) and writes them
    // after the known fields, exactly as Swift does.
    let descriptor = try #require(
      Reference.descriptor(named: GRPCHealthV1.HealthCheckRequest.protoMessageName)
    )
    let withoutGroup =
      unknownVarint + known + unknownFixed64 + unknownBytes + unknownFixed32 + unknownHighest
    let swiftWithoutGroup = try GRPCHealthV1.HealthCheckRequest(serializedBytes: withoutGroup)
      .serializedBytes()
    #expect(Reference.repack(descriptor, withoutGroup) == swiftWithoutGroup)
    #expect(
      swiftWithoutGroup == known + unknownVarint + unknownFixed64 + unknownBytes + unknownFixed32
        + unknownHighest
    )

    // In a nested message they stay with that message (field 9 is unknown to Outer.Inner).
    let unknownToInner: [UInt8] = [0x48, 0x96, 0x01]
    let nested = try PBRefTest.Outer(serializedBytes: [0x0A, 0x03] + unknownToInner)
    #expect(nested.inner?.unknownFields.bytes == unknownToInner)
    #expect(nested.serializedBytes() == [0x0A, 0x03] + unknownToInner)

    // Rejected when the options say so, at the first unknown tag.
    expectError(
      GRPCHealthV1.HealthCheckRequest.self,
      known + unknownFixed64,
      .unknownFieldRejected,
      field: 3,
      offset: 4,
      options: DecodingOptions(rejectUnknownFields: true)
    )
  }
}

// MARK: - Helpers

/// Expects decoding `bytes` as `M` to throw exactly this error.
func expectError<M: ProtoMessage>(
  _ type: M.Type,
  _ bytes: [UInt8],
  _ code: WireFormatError.Code,
  field: Int?,
  offset: Int,
  options: DecodingOptions = DecodingOptions(),
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    throws: WireFormatError(code, fieldNumber: field, offset: offset),
    sourceLocation: sourceLocation
  ) {
    try M(serializedBytes: bytes, options: options)
  }
}

/// `levels` Outer messages nested through field 3 (`recursive`), with `innermost` as the body of
/// the deepest; `lengthOffsets[k]` is the offset of level k + 1's length prefix.
func nestedOuter(
  levels: Int,
  innermost: [UInt8] = []
) -> (bytes: [UInt8], lengthOffsets: [Int], innermostOffset: Int) {
  var body = innermost
  var headerSizes: [Int] = []
  for _ in 0 ..< levels {
    let header = [0x1A] + varint(UInt64(body.count))
    headerSizes.append(header.count)
    body = header + body
  }
  headerSizes.reverse()
  var offsets: [Int] = []
  var position = 0
  for size in headerSizes {
    offsets.append(position + 1)
    position += size
  }
  return (body, offsets, position)
}

/// `value` as a varint.
func varint(_ value: UInt64) -> [UInt8] {
  var value = value
  var bytes: [UInt8] = []
  while value >= 0x80 {
    bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
    value >>= 7
  }
  bytes.append(UInt8(value))
  return bytes
}

/// SplitMix64: small, seeded, the same everywhere.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A stable seed from a name (FNV-1a).
func seed(for name: String) -> UInt64 {
  var hash: UInt64 = 0xCBF2_9CE4_8422_2325
  for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
  return hash
}

/// Decodes `mutationsPerType` (and more) mutated and truncated encodings of `M`, built from random
/// libprotobuf-c encodings. Every one must decode or throw a `WireFormatError` whose offset lies
/// in the input (at most its length: a value missing at the end) and whose field number, if any, is
/// positive; an accepted input must re-encode to bytes that decode and re-encode identically.
/// Returns the number of inputs decoded.
func mutateAndDecode<M: ProtoMessage>(_ type: M.Type) throws -> Int {
  var random = SplitMix64(seed: seed(for: M.protoMessageName))
  var bases: [[UInt8]] = [M().serializedBytes()]
  if let descriptor = Reference.descriptor(named: M.protoMessageName) {
    for seed in UInt64(50_000) ..< 50_064 {
      if let bytes = Reference.randomEncoded(descriptor, seed: seed), bytes.count <= 4096 {
        bases.append(bytes)
      }
    }
  }
  var failures = 0
  var decoded = 0
  func check(_ input: [UInt8], _ what: @autoclosure () -> String) {
    decoded += 1
    guard failures < 5 else { return }
    let message: M
    do {
      message = try M(serializedBytes: input)
    } catch {
      if error.offset < 0 || error.offset > input.count {
        Issue.record(
          "\(M.protoMessageName), \(what()): error offset \(error.offset) outside 0...\(input.count): \(error)"
        )
        failures += 1
      }
      if let field = error.fieldNumber, field <= 0 {
        Issue.record("\(M.protoMessageName), \(what()): error with field number \(field): \(error)")
        failures += 1
      }
      return
    }
    let encoded = message.serializedBytes()
    do {
      let again = try M(serializedBytes: encoded)
      if again.serializedBytes() != encoded {
        Issue.record(
          "\(M.protoMessageName), \(what()): re-encoding an accepted input is not stable"
        )
        failures += 1
      }
    } catch {
      Issue.record(
        "\(M.protoMessageName), \(what()): the re-encoding of an accepted input fails: \(error)"
      )
      failures += 1
    }
  }

  // Truncation at every length of a few small encodings.
  for (index, base) in bases.enumerated().filter({ $0.element.count <= 400 }).prefix(3) {
    for length in 0 ..< base.count {
      check(Array(base[..<length]), "base \(index) cut to \(length) bytes")
    }
  }

  // Random mutations.
  var round = 0
  while decoded < mutationsPerType {
    round += 1
    var input = bases[Int.random(in: 0 ..< bases.count, using: &random)]
    let steps = Int.random(in: 1 ... 3, using: &random)
    for _ in 0 ..< steps { mutate(&input, using: &random) }
    check(input, "mutation round \(round)")
  }
  return decoded
}

/// Bytes that often matter to a decoder.
private let interestingBytes: [UInt8] = [
  0x00, 0x01, 0x7F, 0x80, 0xFF, 0x08, 0x0A, 0x0B, 0x0C, 0x0E, 0x0F, 0xC0, 0xED,
]

/// Applies one random mutation.
func mutate(_ input: inout [UInt8], using random: inout SplitMix64) {
  func position(inclusive: Bool = false) -> Int {
    Int.random(in: 0 ..< (input.count + (inclusive ? 1 : 0)), using: &random)
  }
  func randomField() -> UInt64 { UInt64.random(in: 1 ... 20, using: &random) }
  switch Int.random(in: 0 ..< 12, using: &random) {
  case 0 where !input.isEmpty:  // bit flip
    input[position()] ^= 1 << UInt8.random(in: 0 ..< 8, using: &random)
  case 1 where !input.isEmpty:  // byte replaced
    input[position()] =
      Bool.random(using: &random)
      ? interestingBytes.randomElement(using: &random)!
      : UInt8.random(in: 0 ... 255, using: &random)
  case 2:  // byte inserted
    input.insert(interestingBytes.randomElement(using: &random)!, at: position(inclusive: true))
  case 3 where !input.isEmpty:  // bytes deleted
    let start = position()
    input.removeSubrange(
      start ..< min(input.count, start + Int.random(in: 1 ... 4, using: &random))
    )
  case 4 where !input.isEmpty:  // truncated
    input.removeSubrange(position()...)
  case 5:  // a length-delimited field claiming far more than there is (up to 2^63)
    let claim = UInt64(1) << UInt64.random(in: 7 ... 63, using: &random)
    input.insert(
      contentsOf: varint(randomField() << 3 | 2) + varint(claim),
      at: position(inclusive: true)
    )
  case 6 where !input.isEmpty:  // the first tag's wire type changed (0...7)
    input[0] = input[0] & 0xF8 | UInt8.random(in: 0 ... 7, using: &random)
  case 7:  // a string-like field of invalid UTF-8
    let junk: [UInt8] = [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xFF, 0xFE], [0xC0, 0x80]]
      .randomElement(using: &random)!
    input.insert(
      contentsOf: varint(randomField() << 3 | 2) + varint(UInt64(junk.count)) + junk,
      at: 0
    )
  case 8:  // a nesting bomb through one field number, deeper than the limit
    var bomb = input
    let field = randomField()
    for _ in 0 ..< Int.random(in: 95 ... 140, using: &random) {
      bomb = varint(field << 3 | 2) + varint(UInt64(bomb.count)) + bomb
    }
    input = bomb
  case 9:  // nested start groups, closed or not
    let field = randomField()
    let depth = Int.random(in: 90 ... 130, using: &random)
    let open = Array(repeating: varint(field << 3 | 3), count: depth).flatMap { $0 }
    let close = Array(
      repeating: varint(field << 3 | 4),
      count: Bool.random(using: &random) ? depth : depth / 2
    ).flatMap { $0 }
    input = open + input + close
  case 10 where input.count > 1:  // a slice duplicated
    let start = position()
    let end = min(input.count, start + Int.random(in: 1 ... 16, using: &random))
    input.insert(contentsOf: input[start ..< end], at: position(inclusive: true))
  default:  // an overlong varint
    input.insert(
      contentsOf: Array(repeating: 0xFF, count: Int.random(in: 10 ... 12, using: &random)),
      at: position(inclusive: true)
    )
  }
}
