import ProtoWire
import Testing

@Test func timestampRoundTrip() throws {
  let t = ProtoTimestamp(seconds: -5, nanos: 7)
  let bytes = t.serializedBytes()
  #expect(bytes == [0x08, 0xfb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x10, 0x07])
  #expect(try ProtoTimestamp(serializedBytes: bytes) == t)
}
