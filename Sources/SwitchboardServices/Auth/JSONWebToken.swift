internal import Crypto

/// The JWT form of a token (RFC 7519, JWS compact serialization with HS256):
/// `base64url(header) "." base64url(payload) "." base64url(HMAC-SHA256(key, header "." payload))`,
/// all unpadded, so that any JWT library (PyJWT, jwt-kit, jose) can read and check it.
enum JSONWebToken {
  /// The header of every token: `{"alg":"HS256","typ":"JWT"}`.
  static let encodedHeader: String = {
    var writer = FlatJSONWriter()
    writer.add("alg", "HS256")
    writer.add("typ", "JWT")
    return Base64URL.encode(writer.finished())
  }()

  /// The longest token text looked at; anything longer is rejected before any work.
  static let maximumLength = 4096

  /// The signed token of `claims`.
  static func sign(_ claims: TokenClaims, key: TokenKey) -> String {
    sign(encodedHeader: encodedHeader, payload: claims.payload(), key: key)
  }

  /// The signed token of a header (already encoded) and a payload, whatever they say.
  static func sign(encodedHeader: String, payload: [UInt8], key: TokenKey) -> String {
    let signingInput = encodedHeader + "." + Base64URL.encode(payload)
    let mac = HMAC<SHA256>.authenticationCode(
      for: Array(signingInput.utf8),
      using: SymmetricKey(data: key.bytes)
    )
    return signingInput + "." + Base64URL.encode(Array(mac))
  }

  /// The claims of `token` once its form, algorithm and signature are checked. Time and
  /// revocation are the caller's to check.
  static func verify(_ token: String, key: TokenKey) throws(TokenError) -> TokenClaims {
    guard token.utf8.count <= maximumLength else {
      throw TokenError(.malformed, "token is longer than \(maximumLength) bytes")
    }
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 else {
      throw TokenError(.malformed, "token is not a JWT (header.payload.signature)")
    }
    guard let header = Base64URL.decode(parts[0]) else {
      throw TokenError(.malformed, "token header is not base64url")
    }
    try checkHeader(header)
    guard let payload = Base64URL.decode(parts[1]) else {
      throw TokenError(.malformed, "token payload is not base64url")
    }
    guard let signature = Base64URL.decode(parts[2]), signature.count == SHA256.byteCount else {
      throw TokenError(.invalidSignature, "token signature is invalid")
    }
    let signingInput = token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count)
    // Constant-time comparison.
    guard
      HMAC<SHA256>.isValidAuthenticationCode(
        signature,
        authenticating: Array(signingInput),
        using: SymmetricKey(data: key.bytes)
      )
    else {
      throw TokenError(.invalidSignature, "token signature is invalid")
    }
    return try TokenClaims(payload: payload)
  }

  /// Accepts a header that says HS256 and, if it says a type, JWT; nothing else.
  private static func checkHeader(_ header: [UInt8]) throws(TokenError) {
    let members: [String: FlatJSONValue]
    do {
      members = try FlatJSONReader.members(of: header)
    } catch {
      throw TokenError(.malformed, "token header is not a JSON object: \(error.message)")
    }
    switch members["alg"] {
    case .string("HS256")?: break
    case .string(let algorithm)?:
      // Unsigned text so far: shown only in part.
      let shown = algorithm.prefix(16)
      throw TokenError(.unsupportedAlgorithm, "token algorithm \"\(shown)\" is not HS256")
    default:
      throw TokenError(.unsupportedAlgorithm, "token header does not say HS256")
    }
    if let type = members["typ"], type != .string("JWT") {
      throw TokenError(.malformed, "token type is not JWT")
    }
    if let other = members.keys.sorted().first(where: { $0 != "alg" && $0 != "typ" }) {
      throw TokenError(.malformed, "token header has an unsupported member \"\(other)\"")
    }
  }
}
