internal import Testing

@testable internal import SwitchboardServices

@Suite("Auth: JWT JSON and base64url")
struct AuthJSONTests {
  func members(_ text: String) throws(FlatJSONError) -> [String: FlatJSONValue] {
    try FlatJSONReader.members(of: Array(text.utf8))
  }

  @Test("the writer escapes what JSON requires and the reader reads it back")
  func roundTrip() throws {
    let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} é 😀"
    var writer = FlatJSONWriter()
    writer.add("s", tricky)
    writer.add("n", -42)
    writer.add("big", Int64.max)
    let text = String(decoding: writer.finished(), as: UTF8.self)
    #expect(
      text
        == #"{"s":"quote \" backslash \\ newline \n tab \t bell \u0007 é 😀","n":-42,"#
        + #""big":9223372036854775807}"#
    )
    #expect(
      try members(text) == ["s": .string(tricky), "n": .integer(-42), "big": .integer(.max)]
    )
    #expect(try members("{}") == [:])
  }

  @Test("the reader takes whitespace and every escape, surrogate pairs included")
  func escapes() throws {
    let text = " {\n\t\"a\" : \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\r\" , \"b\":0 }\r\n"
    #expect(try members(text) == ["a": .string("é😀/\u{8}\u{C}\r"), "b": .integer(0)])
  }

  @Test(
    "the reader refuses everything but a flat object of strings and integers",
    arguments: [
      "", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{\"a\":1}x", "{\"a\":1}{}",
      "{\"a\":true}", "{\"a\":null}", "{\"a\":{}}", "{\"a\":[1]}", "{\"a\":1.5}", "{\"a\":1e3}",
      "{\"a\":01}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":99999999999999999999}",
      "{\"a\":1,\"a\":2}", "{a:1}", "{'a':1}", "{\"a\":\"x\ny\"}", "{\"a\":\"\\x\"}",
      "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud83d\"}", "{\"a\":\"\\ude00\"}", "{\"a\":\"\\ud83dx\"}",
      "{\"a\":\"unterminated}",
    ]
  )
  func rejects(_ text: String) {
    #expect(throws: FlatJSONError.self) { try members(text) }
  }

  @Test("the reader refuses invalid UTF-8 in strings")
  func invalidUTF8() {
    let bytes: [UInt8] = Array("{\"a\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
    #expect(throws: FlatJSONError.self) { try FlatJSONReader.members(of: bytes) }
  }

  @Test("base64url is unpadded, URL-safe, and only its canonical form decodes")
  func base64URL() {
    #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    #expect(Base64URL.encode([]) == "")
    #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
    for text in ["-_8=", "+/8", "-_9", "a", "ab!c", "é"] {
      #expect(Base64URL.decode(Substring(text)) == nil, "\(text)")
    }
  }
}
