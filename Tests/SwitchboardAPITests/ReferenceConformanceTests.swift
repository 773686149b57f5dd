// The Swift codec against libprotobuf-c, byte for byte, for every message type.

internal import ProtoWire
internal import SwitchboardAPI
import Testing

/// Every message type under test: the catalog of `Protos/` plus the test-only kitchen-sink types.
let conformanceTypes: [any ProtoMessage.Type] = MessageCatalog.all + PBRefTest.messageTypes

/// A message type as a test argument, named by its protobuf name in test results.
struct MessageTypeCase: Sendable, CustomTestStringConvertible {
  /// The Swift type.
  let type: any ProtoMessage.Type
  var testDescription: String { type.protoMessageName }

  /// One case per message type under test.
  static let all = conformanceTypes.map(MessageTypeCase.init)
}

/// Random seeds per message type.
private let seedsPerType: UInt64 = 1_000

@Suite("libprotobuf-c conformance")
struct ReferenceConformanceTests {
  @Test("Every Swift message type has a reference descriptor")
  func everySwiftTypeHasADescriptor() {
    let referenceNames = Set(Reference.messageNames)
    let missing = conformanceTypes.map { $0.protoMessageName }.filter {
      !referenceNames.contains($0)
    }
    #expect(missing.isEmpty, "Swift types without a libprotobuf-c descriptor: \(missing.sorted())")
  }

  @Test("Every reference descriptor has a Swift message type")
  func everyDescriptorHasASwiftType() {
    let swiftNames = Set(conformanceTypes.map { $0.protoMessageName })
    let missing = Reference.messageNames.filter { !swiftNames.contains($0) }
    #expect(
      missing.isEmpty,
      "Messages of the .proto files without a Swift type: \(missing.sorted())"
    )
  }

  @Test("No message type is listed twice")
  func noDuplicates() {
    var seen = Set<String>()
    let duplicates = conformanceTypes.map { $0.protoMessageName }.filter {
      !seen.insert($0).inserted
    }
    #expect(duplicates.isEmpty, "Listed more than once: \(duplicates)")
  }

  @Test("Map keys that are canonically equivalent strings stay two keys, as in libprotobuf-c")
  func canonicallyEquivalentMapKeys() throws {
    // "\u{E9}" (C3 A9) and "e\u{301}" (65 CC 81) are equal to Swift's String ==, but protobuf
    // compares map keys by their bytes.
    // Field 12 (map<string, string>): "\u{E9}": "1", then "e\u{301}": "2".
    let precomposed: [UInt8] = [0x62, 7, 0x0A, 2, 0xC3, 0xA9, 0x12, 1, 0x31]
    let decomposed: [UInt8] = [0x62, 8, 0x0A, 3, 0x65, 0xCC, 0x81, 0x12, 1, 0x32]
    let input = precomposed + decomposed
    let descriptor = try #require(Reference.descriptor(named: PBRefTest.Maps.protoMessageName))
    #expect(Reference.repack(descriptor, input) == input)
    let maps = try PBRefTest.Maps(serializedBytes: input)
    #expect(maps.mString.count == 2)
    #expect(maps.mString["\u{E9}"] == "1")
    #expect(maps.mString["e\u{301}"] == "2")
    #expect(DumpVisitor.dump(maps) == Reference.dump(descriptor, input))
    #expect(maps.serializedBytes() == input)
  }

  @Test(
    "Random libprotobuf-c encodings decode, describe, re-encode and repack identically",
    arguments: MessageTypeCase.all
  )
  func randomMessages(_ testCase: MessageTypeCase) throws {
    try checkAgainstReference(testCase.type)
  }
}

/// For `seedsPerType` random messages packed by libprotobuf-c: Swift decodes them rejecting unknown
/// fields (it knows every field), describes them as libprotobuf-c does (field numbers, types and
/// values agree), encodes them to the same bytes (canonical encoding), libprotobuf-c repacks the
/// Swift bytes unchanged, and decoding the Swift bytes gives the same value.
func checkAgainstReference<M: ProtoMessage>(_ type: M.Type) throws {
  let descriptor = try #require(
    Reference.descriptor(named: M.protoMessageName),
    "no libprotobuf-c descriptor for \(M.protoMessageName)"
  )
  let strict = DecodingOptions(rejectUnknownFields: true)
  var failures = 0
  for seed in 0 ..< seedsPerType where failures < 3 {
    let reference = try #require(Reference.randomEncoded(descriptor, seed: seed))
    let context = "\(M.protoMessageName), seed \(seed)"

    let message: M
    do {
      message = try M(serializedBytes: reference, options: strict)
    } catch {
      Issue.record("\(context): Swift cannot decode the libprotobuf-c encoding: \(error)")
      failures += 1
      continue
    }

    let referenceDump = try #require(Reference.dump(descriptor, reference))
    let swiftDump = DumpVisitor.dump(message)
    guard swiftDump == referenceDump else {
      Issue.record("\(context): dumps differ\n\(firstDifference(swiftDump, referenceDump))")
      failures += 1
      continue
    }

    let encoded = message.serializedBytes()
    guard encoded == reference else {
      Issue.record(
        "\(context): Swift encoding differs from libprotobuf-c's\n\(firstDifference(encoded, reference))"
      )
      failures += 1
      continue
    }

    let repacked = Reference.repack(descriptor, encoded)
    if repacked != encoded {
      Issue.record("\(context): libprotobuf-c does not repack the Swift encoding unchanged")
      failures += 1
    }

    let again = try M(serializedBytes: encoded, options: strict)
    if again != message {
      Issue.record("\(context): decode(encode(x)) != x")
      failures += 1
    }
  }
}

/// The first index where two byte sequences differ (the shorter one's length if one is a prefix).
func mismatchIndex(_ a: [UInt8], _ b: [UInt8]) -> Int {
  for index in 0 ..< min(a.count, b.count) where a[index] != b[index] { return index }
  return min(a.count, b.count)
}

/// Where two encodings first differ, with a little context.
func firstDifference(_ swift: [UInt8], _ reference: [UInt8]) -> String {
  let index = mismatchIndex(swift, reference)
  let start = max(0, index - 8)
  func slice(_ bytes: [UInt8]) -> String {
    DumpVisitor.hex(Array(bytes[min(start, bytes.count) ..< min(index + 16, bytes.count)]))
  }
  return
    "at byte \(index) of \(swift.count) (Swift) / \(reference.count) (libprotobuf-c), from byte \(start):\n"
    + "  Swift:         \(slice(swift))\n  libprotobuf-c: \(slice(reference))"
}

/// Where two dumps first differ, with a little context.
func firstDifference(_ swift: String, _ reference: String) -> String {
  let a = Array(swift.utf8)
  let b = Array(reference.utf8)
  let index = mismatchIndex(a, b)
  let start = max(0, index - 80)
  func slice(_ bytes: [UInt8]) -> String {
    String(decoding: bytes[min(start, bytes.count) ..< min(index + 80, bytes.count)], as: UTF8.self)
  }
  return "at character \(index):\n  Swift:         …\(slice(a))…\n  libprotobuf-c: …\(slice(b))…"
}
