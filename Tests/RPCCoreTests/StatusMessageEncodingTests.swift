internal import Testing

@testable internal import RPCCore

@Suite("grpc-message percent-encoding")
struct StatusMessageEncodingTests {
  @Test(
    "round trip",
    arguments: [
      "", "plain text", "100% done", "tab\there", "line\r\nbreak", "emoji 😀 and ü",
      "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n", "%%%",
      "~ !\"#$&'()*+,-./:;<=>?@[\\]^_`{|}",
    ]
  )
  func roundTrip(message: String) {
    let encoded = StatusMessageEncoding.encode(message)
    #expect(encoded.utf8.allSatisfy { (0x20 ... 0x7E).contains($0) })
    #expect(StatusMessageEncoding.decode(encoded) == message)
  }

  @Test("encoding as the spec shows it")
  func encodedForm() {
    #expect(StatusMessageEncoding.encode("a%b") == "a%25b")
    #expect(StatusMessageEncoding.encode("\t") == "%09")
    #expect(StatusMessageEncoding.encode("\r\n") == "%0D%0A")
    #expect(StatusMessageEncoding.encode("😀") == "%F0%9F%98%80")
    #expect(StatusMessageEncoding.encode("ok") == "ok")
  }

  @Test("decoding is lenient")
  func lenientDecoding() {
    #expect(StatusMessageEncoding.decode("50%") == "50%")
    #expect(StatusMessageEncoding.decode("%zz") == "%zz")
    #expect(StatusMessageEncoding.decode("%4") == "%4")
    #expect(StatusMessageEncoding.decode("%e2%98%ba") == "☺")
    // Invalid UTF-8 is repaired, not rejected.
    #expect(StatusMessageEncoding.decode("%FF") == "\u{FFFD}")
  }
}
