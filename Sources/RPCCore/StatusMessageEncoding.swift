/// The `grpc-message` encoding: UTF-8, with every byte outside 0x20–0x7E, and `%` itself, written
/// as `%XX` (uppercase hex). Decoding is lenient: a `%` not followed by two hex digits stays as is,
/// and invalid UTF-8 is repaired rather than rejected, as the gRPC spec asks.
enum StatusMessageEncoding {
  /// The header value for `message`; the message itself (no copy) when nothing needs escaping.
  static func encode(_ message: String) -> String {
    guard message.utf8.contains(where: needsEscaping) else { return message }
    var output: [UInt8] = []
    output.reserveCapacity(message.utf8.count + 16)
    for byte in message.utf8 {
      if needsEscaping(byte) {
        output.append(UInt8(ascii: "%"))
        output.append(hexDigit(byte >> 4))
        output.append(hexDigit(byte & 0xF))
      } else {
        output.append(byte)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The message a received header value stands for.
  static func decode(_ value: String) -> String {
    guard value.utf8.contains(UInt8(ascii: "%")) else { return value }
    let input = Array(value.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
        let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
      {
        output.append(high << 4 | low)
        index += 3
      } else {
        output.append(input[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func needsEscaping(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "%")
  }

  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "A") ... UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a") ... UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    default: nil
    }
  }
}
