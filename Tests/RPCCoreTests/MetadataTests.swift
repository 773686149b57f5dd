internal import Testing

@testable internal import RPCCore

@Suite("Metadata")
struct MetadataTests {
  @Test("ordered, repeated, lowercased keys")
  func orderedPairs() {
    var metadata: Metadata = ["X-Tenant": "acme"]
    metadata.add("x-tag", "a")
    metadata.add("X-TAG", "b")
    metadata.add("trace-bin", binary: [0, 1, 2])
    #expect(metadata.count == 4)
    #expect(metadata.map(\.key) == ["x-tenant", "x-tag", "x-tag", "trace-bin"])
    #expect(metadata[stringValue: "X-Tenant"] == "acme")
    #expect(metadata.values(for: "x-tag") == [.string("a"), .string("b")])
    #expect(metadata[binaryValue: "trace-bin"] == [0, 1, 2])
    #expect(metadata[binaryValue: "x-tenant"] == Array("acme".utf8))
    #expect(metadata[stringValue: "trace-bin"] == nil)
    #expect(metadata[stringValue: "missing"] == nil)
    metadata.removeAll("x-tag")
    #expect(metadata.count == 2)
    #expect(Metadata().isEmpty)
  }

  @Test("received headers: reserved and HTTP headers are not user metadata")
  func reservedHeaders() {
    let metadata = Metadata(receivedHeaders: [
      HeaderField(":path", "/a/b"), HeaderField("content-type", "application/grpc"),
      HeaderField("te", "trailers"), HeaderField("user-agent", "grpc-python/1"),
      HeaderField("grpc-timeout", "1S"), HeaderField("grpc-encoding", "gzip"),
      HeaderField("grpc-accept-encoding", "gzip"), HeaderField("grpc-status-details-bin", "AA=="),
      HeaderField("content-length", "5"), HeaderField("x-user", "ann"),
    ])
    #expect(metadata.map(\.key) == ["x-user"])
  }

  @Test("-bin values: padded and unpadded base64 accepted, malformed dropped")
  func binaryReceived() {
    let metadata = Metadata(receivedHeaders: [
      HeaderField("a-bin", "AAEC"), HeaderField("b-bin", "AAE="), HeaderField("c-bin", "AAE"),
      HeaderField("d-bin", "AA=="), HeaderField("e-bin", "AA"), HeaderField("f-bin", "A"),
      HeaderField("g-bin", "AA=A"), HeaderField("h-bin", "!!!!"), HeaderField("i-bin", ""),
    ])
    #expect(metadata[binaryValue: "a-bin"] == [0, 1, 2])
    #expect(metadata[binaryValue: "b-bin"] == [0, 1])
    #expect(metadata[binaryValue: "c-bin"] == [0, 1])
    #expect(metadata[binaryValue: "d-bin"] == [0])
    #expect(metadata[binaryValue: "e-bin"] == [0])
    #expect(metadata[binaryValue: "f-bin"] == nil)
    #expect(metadata[binaryValue: "g-bin"] == nil)
    #expect(metadata[binaryValue: "h-bin"] == nil)
    #expect(metadata[binaryValue: "i-bin"] == [])
  }

  @Test("ASCII values must be printable")
  func printableASCII() {
    let metadata = Metadata(receivedHeaders: [
      HeaderField("ok", "a b~"), HeaderField("tab", "a\tb"), HeaderField("utf8", "é"),
    ])
    #expect(metadata.map(\.key) == ["ok"])
  }

  @Test("sent headers: base64 padded for -bin, unsendable pairs skipped")
  func sentHeaders() {
    var metadata = Metadata()
    metadata.add("x-one-bin", binary: [0xFF])
    metadata.add("x-two-bin", "hi")
    metadata.add("x-plain", "value")
    metadata.add("x-newline", "a\nb")
    metadata.add("x-bytes", binary: [1])
    metadata.add("grpc-status", "0")
    metadata.add("x bad", "space in key")
    metadata.add("", "empty key")
    metadata.add("x/slash", "slash")
    metadata.add("content-type", "text/plain")
    var fields: [HeaderField] = []
    metadata.appendHeaders(to: &fields)
    #expect(
      fields == [
        HeaderField("x-one-bin", "/w=="), HeaderField("x-two-bin", "aGk="),
        HeaderField("x-plain", "value"),
      ]
    )
  }

  @Test("base64 round trip for every length up to 64", arguments: 0 ... 64)
  func base64RoundTrip(length: Int) {
    let bytes = (0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    let encoded = Base64.encode(bytes)
    #expect(encoded.utf8.count % 4 == 0)
    #expect(Base64.decode(encoded) == bytes)
    var unpadded = encoded
    while unpadded.hasSuffix("=") { unpadded.removeLast() }
    #expect(Base64.decode(unpadded) == bytes)
  }

  @Test("base64 known vectors (RFC 4648)")
  func base64Vectors() {
    let vectors = [
      ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]
    for (plain, encoded) in vectors {
      #expect(Base64.encode(Array(plain.utf8)) == encoded)
      #expect(Base64.decode(encoded) == Array(plain.utf8))
    }
  }
}
