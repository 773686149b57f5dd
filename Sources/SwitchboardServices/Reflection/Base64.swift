/// Decodes standard base64 (RFC 4648 section 4, with `=` padding), the form the generated
/// descriptor set is stored in.
enum Base64 {
  /// The bytes `text` encodes, or nil if it is not padded standard base64.
  static func decode(_ text: String) -> [UInt8]? {
    let input = Array(text.utf8)
    guard input.count % 4 == 0 else { return nil }
    let padding = input.suffix(2).reversed().prefix { $0 == UInt8(ascii: "=") }.count
    var output: [UInt8] = []
    output.reserveCapacity(input.count / 4 * 3)
    var group: UInt32 = 0
    for (index, character) in input.dropLast(padding).enumerated() {
      guard let value = sextet(character) else { return nil }
      group = group << 6 | UInt32(value)
      if index % 4 == 3 {
        output.append(UInt8(truncatingIfNeeded: group >> 16))
        output.append(UInt8(truncatingIfNeeded: group >> 8))
        output.append(UInt8(truncatingIfNeeded: group))
        group = 0
      }
    }
    switch padding {
    case 1:  // three sextets left: 18 bits, two bytes
      output.append(UInt8(truncatingIfNeeded: group >> 10))
      output.append(UInt8(truncatingIfNeeded: group >> 2))
    case 2:  // two sextets left: 12 bits, one byte
      output.append(UInt8(truncatingIfNeeded: group >> 4))
    default:
      break
    }
    return output
  }

  private static func sextet(_ character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "A") ... UInt8(ascii: "Z"): character - UInt8(ascii: "A")
    case UInt8(ascii: "a") ... UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }
}
