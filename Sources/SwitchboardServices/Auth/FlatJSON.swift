// The JSON of JWT headers and Switchboard claims: one object whose members are strings and
// integers. The target has no Foundation, and the shape is fixed, so a small writer and a strict
// reader do: the reader accepts exactly RFC 8259 syntax for that shape and rejects everything
// else (nested values, booleans, null, fractions, duplicate names, invalid UTF-8, trailing bytes).

/// A member value of a flat JSON object.
enum FlatJSONValue: Equatable {
  case string(String)
  case integer(Int64)
}

/// Why text is not a flat JSON object.
struct FlatJSONError: Error, Equatable {
  var message: String
}

/// Writes a flat JSON object, members in the order they are added, with no whitespace.
struct FlatJSONWriter {
  private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]

  /// Adds a string member.
  mutating func add(_ name: String, _ value: String) {
    addName(name)
    appendString(value)
  }

  /// Adds an integer member.
  mutating func add(_ name: String, _ value: Int64) {
    addName(name)
    bytes += String(value).utf8
  }

  /// The finished object.
  func finished() -> [UInt8] {
    bytes + [UInt8(ascii: "}")]
  }

  private mutating func addName(_ name: String) {
    if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
    appendString(name)
    bytes.append(UInt8(ascii: ":"))
  }

  private mutating func appendString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes += #"\""#.utf8
      case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
      case 0x0A: bytes += #"\n"#.utf8
      case 0x0D: bytes += #"\r"#.utf8
      case 0x09: bytes += #"\t"#.utf8
      case ..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes += #"\u00"#.utf8
        bytes += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

/// Reads a flat JSON object into its members by name.
struct FlatJSONReader {
  private let bytes: [UInt8]
  private var index = 0

  /// The members of the object that `bytes` is.
  static func members(of bytes: [UInt8]) throws(FlatJSONError) -> [String: FlatJSONValue] {
    var reader = FlatJSONReader(bytes: bytes)
    return try reader.object()
  }

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private mutating func object() throws(FlatJSONError) -> [String: FlatJSONValue] {
    skipWhitespace()
    try expect(UInt8(ascii: "{"))
    var members: [String: FlatJSONValue] = [:]
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      index += 1
    } else {
      while true {
        skipWhitespace()
        let name = try string()
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
        skipWhitespace()
        let value = try value(of: name)
        guard members.updateValue(value, forKey: name) == nil else {
          throw FlatJSONError(message: "duplicate member \"\(name)\"")
        }
        skipWhitespace()
        if peek() == UInt8(ascii: ",") {
          index += 1
          continue
        }
        try expect(UInt8(ascii: "}"))
        break
      }
    }
    skipWhitespace()
    guard index == bytes.count else { throw FlatJSONError(message: "bytes after the object") }
    return members
  }

  private mutating func value(of name: String) throws(FlatJSONError) -> FlatJSONValue {
    switch peek() ?? 0 {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return .integer(try integer())
    default: throw FlatJSONError(message: "member \"\(name)\" is neither a string nor an integer")
    }
  }

  private mutating func integer() throws(FlatJSONError) -> Int64 {
    let start = index
    if peek() == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while let byte = peek(), (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(byte) { index += 1 }
    let digits = index - digitsStart
    guard digits > 0 else { throw FlatJSONError(message: "malformed number") }
    if digits > 1, bytes[digitsStart] == UInt8(ascii: "0") {
      throw FlatJSONError(message: "number with a leading zero")
    }
    if let byte = peek(), [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(byte) {
      throw FlatJSONError(message: "number is not an integer")
    }
    guard let value = Int64(String(decoding: bytes[start ..< index], as: UTF8.self)) else {
      throw FlatJSONError(message: "integer out of range")
    }
    return value
  }

  private mutating func string() throws(FlatJSONError) -> String {
    try expect(UInt8(ascii: "\""))
    var utf8: [UInt8] = []
    while true {
      guard let byte = peek() else { throw FlatJSONError(message: "unterminated string") }
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw FlatJSONError(message: "string is not valid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        try escape(into: &utf8)
      case ..<0x20:
        throw FlatJSONError(message: "control character in a string")
      default:
        utf8.append(byte)
      }
    }
  }

  /// Decodes the escape after a backslash.
  private mutating func escape(into utf8: inout [UInt8]) throws(FlatJSONError) {
    guard let byte = peek() else { throw FlatJSONError(message: "unterminated string") }
    index += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try hexQuad()
      if (0xD800 ..< 0xDC00).contains(scalar) {
        // A high surrogate must be followed by an escaped low one.
        guard peek() == UInt8(ascii: "\\"), peek(at: index + 1) == UInt8(ascii: "u") else {
          throw FlatJSONError(message: "unpaired surrogate in a string")
        }
        index += 2
        let low = try hexQuad()
        guard (0xDC00 ..< 0xE000).contains(low) else {
          throw FlatJSONError(message: "unpaired surrogate in a string")
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let unicode = Unicode.Scalar(scalar) else {
        throw FlatJSONError(message: "unpaired surrogate in a string")
      }
      utf8 += String(Character(unicode)).utf8
    default:
      throw FlatJSONError(message: "invalid escape in a string")
    }
  }

  private mutating func hexQuad() throws(FlatJSONError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0 ..< 4 {
      guard let byte = peek(), let digit = Self.hexDigit(byte) else {
        throw FlatJSONError(message: "invalid \\u escape in a string")
      }
      value = value << 4 | digit
      index += 1
    }
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

  private mutating func expect(_ byte: UInt8) throws(FlatJSONError) {
    guard peek() == byte else {
      throw FlatJSONError(message: "expected '\(Character(Unicode.Scalar(byte)))'")
    }
    index += 1
  }

  private mutating func skipWhitespace() {
    while let byte = peek(), [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
  }

  private func peek(at position: Int? = nil) -> UInt8? {
    let position = position ?? index
    return position < bytes.count ? bytes[position] : nil
  }
}
