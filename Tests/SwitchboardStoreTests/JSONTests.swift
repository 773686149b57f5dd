import Testing

@testable import SwitchboardStore

@Suite("JSON codec")
struct JSONTests {
  @Test("values survive writing and parsing exactly")
  func roundTrip() throws {
    let value = JSON.object([
      ("big", .int(1_735_689_600_123_456_789)), ("negative", .int(Int64.min)),
      ("double", .double(0.1)), ("whole", .double(3)), ("tiny", .double(1e-300)),
      ("nan", .double(.nan)), ("inf", .double(-.infinity)),
      ("text", .string("quote \" backslash \\ newline \n tab \t bell \u{07} émoji 👋")),
      ("list", .array([.null, .bool(true), .bool(false), .array([]), .object([])])),
    ])
    let text = value.text
    #expect(!text.contains("\n"))
    let parsed = try JSON(parsing: text, what: "test")
    // Non-finite doubles are written as strings, which the reader turns back into doubles.
    guard case .object(let pairs) = parsed, case .object(let written) = value else {
      Issue.record("not an object: \(parsed)")
      return
    }
    for ((key, read), (_, original)) in zip(pairs, written) where !["nan", "inf"].contains(key) {
      #expect(read == original, "\(key)")
    }
    #expect(pairs.map(\.0) == written.map(\.0))
    let reader = try JSONReader(parsed, path: "test")
    #expect(try reader.double("whole") == 3)
    #expect(try reader.double("nan").isNaN)
    #expect(try reader.double("inf") == -.infinity)
  }

  @Test("escapes and surrogate pairs written by other encoders are read")
  func foreignEscapes() throws {
    let parsed = try JSON(
      parsing: #" {"a" : "\u00e9\ud83d\udc4b\/" , "b": [ 1 , 2.5e1 ] } "#,
      what: "test"
    )
    #expect(parsed == .object([("a", .string("é👋/")), ("b", .array([.int(1), .double(25)]))]))
  }

  @Test(
    "malformed text is a corruption error naming the column",
    arguments: [
      "", "{", "{\"a\":}", "[1,]", "\"\\ud800\"", "tru", "{\"a\":1} x", "\"\u{01}\"", "01a",
    ]
  )
  func malformed(_ text: String) {
    let error = #expect(throws: SQLiteError.self) { try JSON(parsing: text, what: "t.c") }
    #expect(error?.primaryCode == 11)  // SQLITE_CORRUPT
    #expect(error?.message.hasPrefix("stored t.c is unreadable: malformed JSON") == true)
  }

  @Test("a missing or mistyped field names its path")
  func fieldErrors() throws {
    let reader = try JSONReader(text: #"{"a":{"b":"x"}}"#, path: "offers.offer")
    let missing = #expect(throws: SQLiteError.self) { try reader.object("a").string("c") }
    #expect(missing?.message == "stored offers.offer.a.c is unreadable: missing")
    let mistyped = #expect(throws: SQLiteError.self) { try reader.object("a").int64("b") }
    #expect(mistyped?.message == "stored offers.offer.a.b is unreadable: not an integer")
  }
}
