/// A JSON value, for the nested parts of stored rows (customer details, bot context, routing
/// decisions, offers, feed payloads).
///
/// The store keeps what it filters, orders or joins on in typed columns, and what it only
/// returns in JSON text, which stays readable with the `sqlite3` shell and maps one to one to
/// PostgreSQL `jsonb`. Integers are kept apart from doubles so that nanosecond timestamps
/// (beyond 2^53) survive exactly.
enum JSON: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number without fraction or exponent.
  case int(Int64)
  /// Any other number; non-finite values are written as the strings "nan", "inf", "-inf".
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSON])
  /// An object; keys keep the order they were written in.
  case object([(String, JSON)])

  static func == (lhs: JSON, rhs: JSON) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// The compact JSON text.
  var text: String {
    var output: [UInt8] = []
    output.reserveCapacity(256)
    write(to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private func write(to output: inout [UInt8]) {
    switch self {
    case .null: output += "null".utf8
    case .bool(let value): output += (value ? "true" : "false").utf8
    case .int(let value): output += String(value).utf8
    case .double(let value):
      if value.isNaN {
        output += "\"nan\"".utf8
      } else if value.isInfinite {
        output += (value < 0 ? "\"-inf\"" : "\"inf\"").utf8
      } else {
        // Swift prints the shortest text that reads back to the same double; make sure it
        // reads back as a double, not an integer.
        let text = String(value)
        output += text.utf8
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") }) {
          output += ".0".utf8
        }
      }
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let values):
      output.append(UInt8(ascii: "["))
      for (index, value) in values.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        value.write(to: &output)
      }
      output.append(UInt8(ascii: "]"))
    case .object(let pairs):
      output.append(UInt8(ascii: "{"))
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        Self.writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        value.write(to: &output)
      }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// Writes a string byte by byte: UTF-8 sequences pass unchanged (their bytes are all 0x80 or
  /// above); quotes, backslashes and control characters are escaped.
  private static func writeString(_ value: String, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += "\\\"".utf8
      case UInt8(ascii: "\\"): output += "\\\\".utf8
      case UInt8(ascii: "\n"): output += "\\n".utf8
      case UInt8(ascii: "\r"): output += "\\r".utf8
      case UInt8(ascii: "\t"): output += "\\t".utf8
      case 0 ..< 0x20:
        let hex = String(byte, radix: 16)
        output += "\\u".utf8
        output += String(repeating: "0", count: 4 - hex.count).utf8
        output += hex.utf8
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}

extension JSON {
  /// Parses JSON text; malformed text is `SQLiteError` `SQLITE_CORRUPT` naming `what`.
  init(parsing text: String, what: String) throws(SQLiteError) {
    var parser = JSONParser(bytes: Array(text.utf8))
    do throws(JSONParser.Failure) {
      parser.skipSpace()
      self = try parser.value(depth: 0)
      parser.skipSpace()
      guard parser.atEnd else {
        throw JSONParser.Failure(offset: parser.offset, reason: "trailing characters")
      }
    } catch {
      throw SQLiteError.corruptValue(
        what,
        "malformed JSON at byte \(error.offset): \(error.reason)"
      )
    }
  }
}

/// A recursive-descent JSON parser over UTF-8 bytes.
private struct JSONParser {
  struct Failure: Error {
    var offset: Int
    var reason: String
  }

  /// Nesting beyond this is rejected (stored values nest a handful of levels).
  static let maximumDepth = 64

  let bytes: [UInt8]
  var offset = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { offset == bytes.count }

  mutating func skipSpace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case 0x20, 0x09, 0x0A, 0x0D: offset += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) throws(Failure) -> JSON {
    guard depth < Self.maximumDepth else { throw fail("nesting too deep") }
    guard offset < bytes.count else { throw fail("unexpected end") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default: return try number()
    }
  }

  private mutating func object(depth: Int) throws(Failure) -> JSON {
    offset += 1
    var pairs: [(String, JSON)] = []
    skipSpace()
    if consume("}") { return .object(pairs) }
    while true {
      skipSpace()
      guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
        throw fail("expected a key")
      }
      let key = try string()
      skipSpace()
      guard consume(":") else { throw fail("expected ':'") }
      skipSpace()
      pairs.append((key, try value(depth: depth + 1)))
      skipSpace()
      if consume("}") { return .object(pairs) }
      guard consume(",") else { throw fail("expected ',' or '}'") }
    }
  }

  private mutating func array(depth: Int) throws(Failure) -> JSON {
    offset += 1
    var values: [JSON] = []
    skipSpace()
    if consume("]") { return .array(values) }
    while true {
      skipSpace()
      values.append(try value(depth: depth + 1))
      skipSpace()
      if consume("]") { return .array(values) }
      guard consume(",") else { throw fail("expected ',' or ']'") }
    }
  }

  /// A string; its bytes are copied once, or twice if it has escapes.
  private mutating func string() throws(Failure) -> String {
    offset += 1
    var unescaped: [UInt8]?
    var start = offset
    while true {
      guard offset < bytes.count else { throw fail("unterminated string") }
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        defer { offset += 1 }
        guard var buffer = unescaped else {
          return String(decoding: bytes[start ..< offset], as: UTF8.self)
        }
        buffer += bytes[start ..< offset]
        return String(decoding: buffer, as: UTF8.self)
      } else if byte == UInt8(ascii: "\\") {
        var buffer = unescaped ?? []
        buffer += bytes[start ..< offset]
        offset += 1
        buffer += String(try escape()).utf8
        unescaped = buffer
        start = offset
      } else if byte < 0x20 {
        throw fail("control character in string")
      } else {
        offset += 1
      }
    }
  }

  private mutating func escape() throws(Failure) -> Unicode.Scalar {
    guard offset < bytes.count else { throw fail("unterminated escape") }
    let byte = bytes[offset]
    offset += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try hex4()
      if (0xD800 ..< 0xDC00).contains(high) {
        guard consume("\\"), consume("u") else { throw fail("lone high surrogate") }
        let low = try hex4()
        guard (0xDC00 ..< 0xE000).contains(low) else { throw fail("invalid low surrogate") }
        let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        guard let scalar = Unicode.Scalar(value) else { throw fail("invalid code point") }
        return scalar
      }
      guard let scalar = Unicode.Scalar(high) else { throw fail("invalid code point") }
      return scalar
    default: throw fail("unknown escape")
    }
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard offset + 4 <= bytes.count else { throw fail("short \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[offset ..< offset + 4] {
      guard let digit = Self.hexDigit(byte) else { throw fail("invalid \\u escape") }
      value = value << 4 | digit
    }
    offset += 4
    return value
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a") ... UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A") ... UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func number() throws(Failure) -> JSON {
    let start = offset
    var integral = true
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        integral = false
      } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte))
      {
        break
      }
      offset += 1
    }
    let text = String(decoding: bytes[start ..< offset], as: UTF8.self)
    if integral, let value = Int64(text) { return .int(value) }
    guard !text.isEmpty, let value = Double(text) else {
      throw Failure(offset: start, reason: "invalid value")
    }
    return .double(value)
  }

  private mutating func literal(_ word: StaticString) throws(Failure) {
    let count = word.utf8CodeUnitCount
    guard offset + count <= bytes.count,
      bytes[offset ..< offset + count].elementsEqual(
        UnsafeBufferPointer(start: word.utf8Start, count: count)
      )
    else { throw fail("invalid literal") }
    offset += count
  }

  private mutating func consume(_ character: Unicode.Scalar) -> Bool {
    guard offset < bytes.count, bytes[offset] == UInt8(ascii: character) else { return false }
    offset += 1
    return true
  }

  private func fail(_ reason: String) -> Failure { Failure(offset: offset, reason: reason) }
}
