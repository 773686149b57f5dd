// ProtoMap: insertion order, equality regardless of order, and map fields on the wire.

internal import ProtoWire
import Testing

/// A message with a map<string, int32> (1) and a map<sint32, string> (2).
private struct Tally: ProtoMessage {
  static let protoMessageName = "test.Tally"
  var counts = ProtoMap<String, Int32>()
  var names = ProtoMap<Int32, String>()
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.map(counts, ProtoString.self, ProtoInt32.self, 1)
    visitor.map(names, ProtoSInt32.self, ProtoString.self, 2)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.map(&counts, ProtoString.self, ProtoInt32.self, wireType)
    case 2: try decoder.map(&names, ProtoSInt32.self, ProtoString.self, wireType)
    default: return false
    }
    return true
  }
}

@Suite struct ProtoMapTests {
  @Test func keepsInsertionOrder() {
    var map: ProtoMap<String, Int> = ["b": 1, "a": 2, "c": 3]
    #expect(map.keys == ["b", "a", "c"])
    map["a"] = 20  // an update keeps the position
    map["d"] = 4  // a new key goes last
    #expect(map.keys == ["b", "a", "c", "d"])
    #expect(Array(map.map { $0.value }) == [1, 20, 3, 4])
    map["b"] = nil  // removal closes the gap and keeps lookups right
    #expect(map.keys == ["a", "c", "d"])
    #expect(map["a"] == 20 && map["c"] == 3 && map["d"] == 4 && map["b"] == nil)
    #expect(map.count == 3)
    map["zz"] = nil  // removing a missing key does nothing
    #expect(map.count == 3)
    // A literal's repeated key keeps its first position and last value.
    let literal: ProtoMap<String, Int> = ["x": 1, "y": 2, "x": 3]
    #expect(literal.keys == ["x", "y"] && literal["x"] == 3)
  }

  @Test func equalityAndHashIgnoreOrder() {
    let forward: ProtoMap<Int32, String> = [1: "a", 2: "b", 3: "c"]
    let backward: ProtoMap<Int32, String> = [3: "c", 2: "b", 1: "a"]
    #expect(forward == backward)
    #expect(forward.hashValue == backward.hashValue)
    #expect(forward != [1: "a", 2: "b"])
    #expect(forward != [1: "a", 2: "b", 3: "x"])
    #expect(forward != [1: "a", 2: "b", 4: "c"])
    #expect(ProtoMap<Int32, String>() == [:])
  }

  @Test func stringKeysAreComparedByTheirBytes() {
    // Canonically equivalent (Swift's == says equal) but different bytes: two protobuf keys.
    let precomposed = "\u{E9}"
    let decomposed = "e\u{301}"
    #expect(precomposed == decomposed)
    var map = ProtoMap<String, Int>()
    map[precomposed] = 1
    map[decomposed] = 2
    #expect(map.count == 2)
    #expect(map[precomposed] == 1 && map[decomposed] == 2)
    #expect(map.keys.map { Array($0.utf8) } == [[0xC3, 0xA9], [0x65, 0xCC, 0x81]])
    map[decomposed] = nil
    #expect(map.keys.map { Array($0.utf8) } == [[0xC3, 0xA9]])
    // Equality follows the bytes as well.
    let left: ProtoMap<String, Int> = ["\u{C5}": 1]
    let right: ProtoMap<String, Int> = ["\u{212B}": 1]
    #expect(left != right)
    #expect(left == ["\u{C5}": 1])
  }

  @Test func encodesInInsertionOrderWithDefaultsLeftOut() {
    var tally = Tally()
    tally.counts["b"] = 2
    tally.counts[""] = 5  // the default key is not written
    tally.counts["a"] = 0  // nor the default value
    tally.names[-1] = "x"
    let expected = concat(
      [0x0A, 5, 0x0A, 1, 0x62, 0x10, 2],
      [0x0A, 2, 0x10, 5],
      [0x0A, 3, 0x0A, 1, 0x61],
      [0x12, 5, 0x08, 0x01, 0x12, 1, 0x78]
    )
    #expect(tally.serializedBytes() == expected)
  }

  @Test func decodingKeepsOrderAndLetsTheLastValueWin() throws {
    let entries = concat(
      [0x0A, 5, 0x0A, 1, 0x62, 0x10, 2],  // "b": 2
      [0x0A, 2, 0x10, 5],  // "" (missing key): 5
      [0x0A, 3, 0x0A, 1, 0x61],  // "a" (missing value): 0
      [0x0A, 5, 0x10, 9, 0x0A, 1, 0x62]
    )  // "b": 9, value before key
    // An entry that ends right after its value's tag (the value would start at 31).
    #expect(throws: WireFormatError(.truncated, fieldNumber: 2, offset: 31)) {
      try Tally(serializedBytes: concat(entries, [0x0A, 6, 0x0A, 1, 0x63, 0x18, 0x01, 0x10, 0x03]))
    }
    // "c", with a field unknown to the entry (skipped), then its value.
    let tally = try Tally(
      serializedBytes: concat(entries, [0x0A, 7, 0x0A, 1, 0x63, 0x18, 0x01, 0x10, 3])
    )
    #expect(tally.counts.keys == ["b", "", "a", "c"])
    #expect(
      tally.counts["b"] == 9 && tally.counts[""] == 5 && tally.counts["a"] == 0
        && tally.counts["c"] == 3
    )
    // Re-encoding writes one entry per key, in the decoded order.
    #expect(try Tally(serializedBytes: tally.serializedBytes()) == tally)
    #expect(try Tally(serializedBytes: tally.serializedBytes()).counts.keys == ["b", "", "a", "c"])
  }
}
