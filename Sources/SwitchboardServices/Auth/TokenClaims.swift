/// The claims of a Switchboard token, as its JWT payload carries them:
///
///     {"sub":"agent-7","role":"agent","jti":"…","iat":1767225600,"exp":1767268800,
///      "iss":"switchboard"}
///
/// (without whitespace), plus `"cid":"…"` after `role` on a customer token scoped to a
/// conversation. Reading is strict: every claim but `cid` is required, no other claim is
/// accepted, and the values must be consistent (a known role, the Switchboard issuer, `cid` only
/// on customer tokens, expiry after issue).
struct TokenClaims: Equatable {
  /// The only issuer accepted, in the `iss` claim.
  static let issuer = "switchboard"

  /// `sub`: whom the token identifies.
  var subject: String
  /// `role`: the role it grants.
  var role: PrincipalRole
  /// `cid`: the conversation a customer token is scoped to.
  var conversationID: String?
  /// `jti`: the token's id.
  var tokenID: String
  /// `iat`: when it was issued, in seconds since the Unix epoch.
  var issuedAt: Int64
  /// `exp`: when it expires, in seconds since the Unix epoch.
  var expiresAt: Int64

  /// The JSON payload.
  func payload() -> [UInt8] {
    var writer = FlatJSONWriter()
    writer.add("sub", subject)
    writer.add("role", role.rawValue)
    if let conversationID { writer.add("cid", conversationID) }
    writer.add("jti", tokenID)
    writer.add("iat", issuedAt)
    writer.add("exp", expiresAt)
    writer.add("iss", Self.issuer)
    return writer.finished()
  }

  /// The claims of a JSON payload whose signature was checked.
  init(payload: [UInt8]) throws(TokenError) {
    let members: [String: FlatJSONValue]
    do {
      members = try FlatJSONReader.members(of: payload)
    } catch {
      throw TokenError(.malformed, "token payload is not a JSON object of claims: \(error.message)")
    }
    let known: Set = ["sub", "role", "cid", "jti", "iat", "exp", "iss"]
    if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
      throw TokenError(.invalidClaims, "token has an unknown claim \"\(unknown)\"")
    }
    func string(_ name: String) throws(TokenError) -> String? {
      switch members[name] {
      case nil: return nil
      case .string(let value)?: return value
      case .integer?: throw TokenError(.invalidClaims, "token claim \"\(name)\" is not a string")
      }
    }
    func integer(_ name: String) throws(TokenError) -> Int64 {
      switch members[name] {
      case nil: throw TokenError(.invalidClaims, "token lacks the \"\(name)\" claim")
      case .integer(let value)?: return value
      case .string?: throw TokenError(.invalidClaims, "token claim \"\(name)\" is not an integer")
      }
    }
    func required(_ name: String) throws(TokenError) -> String {
      guard let value = try string(name), !value.isEmpty else {
        throw TokenError(.invalidClaims, "token lacks the \"\(name)\" claim")
      }
      return value
    }

    let issuer = try required("iss")
    guard issuer == Self.issuer else {
      throw TokenError(.invalidClaims, "token was not issued by Switchboard")
    }
    let roleName = try required("role")
    guard let role = PrincipalRole(rawValue: roleName) else {
      throw TokenError(.invalidClaims, "token has an unknown role \"\(roleName)\"")
    }
    let conversationID = try string("cid")
    if let conversationID {
      guard role == .customer else {
        throw TokenError(.invalidClaims, "a \(role.rawValue) token must not name a conversation")
      }
      guard !conversationID.isEmpty else {
        throw TokenError(.invalidClaims, "token names an empty conversation")
      }
    }
    self.subject = try required("sub")
    self.role = role
    self.conversationID = conversationID
    self.tokenID = try required("jti")
    self.issuedAt = try integer("iat")
    self.expiresAt = try integer("exp")
    guard expiresAt > issuedAt else {
      throw TokenError(.invalidClaims, "token expires before it was issued")
    }
  }

  /// Claims with the given values.
  init(
    subject: String,
    role: PrincipalRole,
    conversationID: String?,
    tokenID: String,
    issuedAt: Int64,
    expiresAt: Int64
  ) {
    self.subject = subject
    self.role = role
    self.conversationID = conversationID
    self.tokenID = tokenID
    self.issuedAt = issuedAt
    self.expiresAt = expiresAt
  }
}
