/// Standard base64 (RFC 4648 §4), for `-bin` metadata and for data the package embeds (the
/// reflection descriptor set): encodes padded, decodes padded and unpadded.
package enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8
  )

  /// The padded encoding of `bytes`.
  package static func encode(_ bytes: [UInt8]) -> String {
    let outputCount = (bytes.count + 2) / 3 * 4
    return String(unsafeUninitializedCapacity: outputCount) { output in
      var out = 0
      var index = 0
      while index + 3 <= bytes.count {
        let chunk =
          UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
          | UInt32(bytes[index + 2])
        output[out] = alphabet[Int(chunk >> 18 & 0x3F)]
        output[out + 1] = alphabet[Int(chunk >> 12 & 0x3F)]
        output[out + 2] = alphabet[Int(chunk >> 6 & 0x3F)]
        output[out + 3] = alphabet[Int(chunk & 0x3F)]
        out += 4
        index += 3
      }
      let rest = bytes.count - index
      if rest > 0 {
        var chunk = UInt32(bytes[index]) << 16
        if rest == 2 { chunk |= UInt32(bytes[index + 1]) << 8 }
        output[out] = alphabet[Int(chunk >> 18 & 0x3F)]
        output[out + 1] = alphabet[Int(chunk >> 12 & 0x3F)]
        output[out + 2] = rest == 2 ? alphabet[Int(chunk >> 6 & 0x3F)] : UInt8(ascii: "=")
        output[out + 3] = UInt8(ascii: "=")
        out += 4
      }
      return out
    }
  }

  /// The bytes `text` encodes, with or without padding; nil if it is not base64.
  package static func decode(_ text: String) -> [UInt8]? {
    var utf8 = Substring(text).utf8[...]
    // Up to two '=' of padding, which must then complete a 4-character group.
    var padding = 0
    while padding < 2, utf8.last == UInt8(ascii: "=") {
      utf8 = utf8.dropLast()
      padding += 1
    }
    if padding > 0, (utf8.count + padding) % 4 != 0 { return nil }
    if utf8.count % 4 == 1 { return nil }

    var output: [UInt8] = []
    output.reserveCapacity(utf8.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for character in utf8 {
      guard let value = sextet(character) else { return nil }
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    // Leftover bits of the last character must be zero in a canonical encoding; tolerate them as
    // most decoders do.
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
