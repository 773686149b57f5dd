internal import RPCCore

/// The URL-safe base64 of JWTs (RFC 7515 §2): `-` and `_` instead of `+` and `/`, no padding.
enum Base64URL {
  /// The unpadded URL-safe encoding of `bytes`.
  static func encode(_ bytes: [UInt8]) -> String {
    var text = Base64.encode(bytes)
    while text.last == "=" { text.removeLast() }
    return String(
      text.map { character in
        switch character {
        case "+": "-"
        case "/": "_"
        default: character
        }
      }
    )
  }

  /// The bytes `text` encodes; nil unless it is the canonical unpadded URL-safe encoding of
  /// them, so that each byte string has exactly one accepted text.
  static func decode(_ text: Substring) -> [UInt8]? {
    var standard = ""
    standard.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "-": standard.append("+")
      case "_": standard.append("/")
      case "+", "/", "=": return nil
      default: standard.append(character)
      }
    }
    guard let bytes = Base64.decode(standard), encode(bytes) == text else { return nil }
    return bytes
  }
}
