internal import SwitchboardAPI
internal import Testing

@testable internal import SwitchboardServices

@Suite("Auth: TokenAuthority")
struct AuthTokenTests {
  let clock = AuthTestClock()
  let authority: TokenAuthority

  init() {
    authority = TokenAuthority(key: AuthTestSupport.key(), now: clock.function)
  }

  /// The error `body` throws, if it is a `TokenError`.
  func tokenError(_ body: () throws -> Void) -> TokenError? {
    do {
      try body()
      return nil
    } catch let error as TokenError {
      return error
    } catch {
      return nil
    }
  }

  func verifyError(_ token: String) -> TokenError? {
    tokenError { _ = try authority.verify(token) }
  }

  /// A payload of valid claims at the test clock, with `extra` members appended verbatim.
  func payload(
    role: String = "agent",
    subject: String = "agent-7",
    extra: String = "",
    issuedAt: Int64? = nil,
    expiresAt: Int64? = nil
  ) -> String {
    let issuedAt = issuedAt ?? clock.now
    let expiresAt = expiresAt ?? issuedAt + 3600
    return #"{"sub":"\#(subject)","role":"\#(role)","jti":"abc","iat":\#(issuedAt),"#
      + #""exp":\#(expiresAt),"iss":"switchboard"\#(extra)}"#
  }

  @Test("a minted token verifies to its principal and is a standard HS256 JWT")
  func roundTrip() throws {
    let issued = try authority.mint(role: .agent, subject: "agent-7")
    let principal = try authority.verify(issued.token)
    #expect(
      principal
        == Principal(
          role: .agent,
          subject: "agent-7",
          tokenID: issued.tokenID,
          issuedAt: clock.now,
          expiresAt: clock.now + 12 * 3600
        )
    )
    #expect(issued.issuedAt == clock.now)
    #expect(issued.expiresAt == clock.now + 12 * 3600)
    #expect(issued.tokenID.count == 32)
    #expect(issued.tokenID.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    let parts = AuthTestSupport.parts(issued.token)
    #expect(parts.count == 3)
    #expect(parts[0] == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9")  // {"alg":"HS256","typ":"JWT"}
    #expect(
      AuthTestSupport.payload(issued.token)
        == #"{"sub":"agent-7","role":"agent","jti":"\#(issued.tokenID)","iat":\#(clock.now),"#
        + #""exp":\#(clock.now + 12 * 3600),"iss":"switchboard"}"#
    )
  }

  @Test("each role has its default lifetime; a given one is rounded up to whole seconds")
  func lifetimes() throws {
    for role in PrincipalRole.allCases {
      let issued = try authority.mint(role: role, subject: "s")
      let hours: Int64 = role == .customer ? 24 : 12
      #expect(issued.expiresAt - issued.issuedAt == hours * 3600)
    }
    let short = try authority.mint(role: .bot, subject: "s", ttl: .milliseconds(1500))
    #expect(short.expiresAt - short.issuedAt == 2)
  }

  @Test("token ids differ")
  func uniqueIDs() throws {
    let ids = try (0 ..< 50).map { _ in try authority.mint(role: .admin, subject: "a").tokenID }
    #expect(Set(ids).count == 50)
  }

  @Test("mint refuses what no token may carry")
  func mintRejects() {
    let cases: [(PrincipalRole, String, String?, Duration?)] = [
      (.agent, "", nil, nil),
      (.agent, "agent-7", "conv-1", nil),
      (.customer, "cust-1", "", nil),
      (.customer, "cust-1", nil, .zero),
      (.admin, "root", nil, .seconds(-5)),
      (.admin, "root", nil, TokenAuthority.maximumLifetime + .seconds(1)),
    ]
    for (role, subject, conversation, ttl) in cases {
      let error = tokenError {
        _ = try authority.mint(role: role, subject: subject, conversationID: conversation, ttl: ttl)
      }
      #expect(error?.code == .invalidArgument, "\(role) \(subject) \(conversation ?? "-")")
    }
  }

  @Test("an altered signature or payload does not verify")
  func tampered() throws {
    let token = try authority.mint(role: .agent, subject: "agent-7").token
    var parts = AuthTestSupport.parts(token)

    var signature = Array(parts[2])
    signature[10] = signature[10] == "A" ? "B" : "A"
    let badSignature = [parts[0], parts[1], String(signature)].joined(separator: ".")
    #expect(verifyError(badSignature)?.code == .invalidSignature)

    let admin = AuthTestSupport.payload(token).replacing("agent", with: "admin")
    parts[1] = Base64URL.encode(Array(admin.utf8))
    #expect(verifyError(parts.joined(separator: "."))?.code == .invalidSignature)

    let unsigned = parts[0] + "." + AuthTestSupport.parts(token)[1] + "."
    #expect(verifyError(unsigned)?.code == .invalidSignature)
  }

  @Test("a token signed with another key does not verify")
  func wrongKey() throws {
    let other = TokenAuthority(key: AuthTestSupport.key(8), now: clock.function)
    let token = try other.mint(role: .agent, subject: "agent-7").token
    #expect(verifyError(token)?.code == .invalidSignature)
    #expect(verifyError(token)?.message == "token signature is invalid")
  }

  @Test("alg none and every other algorithm are refused, even when signed")
  func algorithms() {
    let claims = payload()
    let unsigned =
      Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "."
      + Base64URL.encode(Array(claims.utf8)) + "."
    #expect(verifyError(unsigned)?.code == .unsupportedAlgorithm)
    #expect(verifyError(unsigned)?.message == #"token algorithm "none" is not HS256"#)
    for header in [
      #"{"alg":"none"}"#, #"{"alg":"HS512","typ":"JWT"}"#, #"{"alg":"hs256"}"#, #"{"typ":"JWT"}"#,
      #"{"alg":256}"#,
    ] {
      let token = AuthTestSupport.signed(header: header, payload: claims)
      #expect(verifyError(token)?.code == .unsupportedAlgorithm, "\(header)")
    }
  }

  @Test("a header with another type or extra members is malformed; without typ it is fine")
  func headers() throws {
    let claims = payload()
    for header in [#"{"alg":"HS256","typ":"JWS"}"#, #"{"alg":"HS256","kid":"1"}"#] {
      let token = AuthTestSupport.signed(header: header, payload: claims)
      #expect(verifyError(token)?.code == .malformed, "\(header)")
    }
    let token = AuthTestSupport.signed(header: #"{ "alg" : "HS256" }"#, payload: claims)
    #expect(try authority.verify(token).subject == "agent-7")
  }

  @Test("text that is not a JWT is malformed")
  func malformed() throws {
    let token = try authority.mint(role: .agent, subject: "agent-7").token
    let parts = AuthTestSupport.parts(token)
    let cases = [
      "", "abc", "a.b", "a.b.c.d", parts[0] + "=." + parts[1] + "." + parts[2],
      parts[0] + "." + parts[1] + "==." + parts[2], "W10." + parts[1] + "." + parts[2],
      String(repeating: "a", count: 5000),
    ]
    for text in cases {
      #expect(verifyError(text)?.code == .malformed, "\(text.prefix(40))")
    }
  }

  @Test("signed claims must be the fixed, consistent set")
  func claims() {
    let now = clock.now
    let cases: [(String, TokenError.Code)] = [
      (payload(role: "root"), .invalidClaims),
      (payload(role: "system"), .invalidClaims),
      (payload(role: "Agent"), .invalidClaims),
      (payload(extra: #","cid":"conv-1""#), .invalidClaims),
      (payload(role: "customer", extra: #","cid":"""#), .invalidClaims),
      (payload(extra: #","nbf":1"#), .invalidClaims),
      (payload(subject: ""), .invalidClaims),
      (payload(issuedAt: now + 61), .invalidClaims),
      (payload(expiresAt: now - 10), .invalidClaims),
      (
        payload().replacing(#""iss":"switchboard""#, with: #""iss":"other""#),
        .invalidClaims
      ),
      (payload().replacing(#","iss":"switchboard""#, with: ""), .invalidClaims),
      (
        payload().replacing(#""iat":\#(now)"#, with: #""iat":"\#(now)""#),
        .invalidClaims
      ),
      (
        payload().replacing(#""iat":\#(now)"#, with: #""iat":\#(now).5"#),
        .malformed
      ),
      (
        payload().replacing(#""jti":"abc""#, with: #""jti":"abc","jti":"d""#),
        .malformed
      ),
      (payload() + " x", .malformed),
    ]
    for (claims, code) in cases {
      let error = verifyError(AuthTestSupport.signed(payload: claims))
      #expect(error?.code == code, "\(claims) → \(String(describing: error))")
    }
    let ahead = AuthTestSupport.signed(payload: payload(issuedAt: now + 60))
    #expect(verifyError(ahead) == nil)
  }

  @Test("customer tokens carry their conversation, or none")
  func customerScope() throws {
    let scoped = try authority.mint(role: .customer, subject: "cust-1", conversationID: "conv-9")
    #expect(try authority.verify(scoped.token).conversationID == "conv-9")
    #expect(AuthTestSupport.payload(scoped.token).contains(#""role":"customer","cid":"conv-9","#))
    let unscoped = try authority.mint(role: .customer, subject: "cust-1")
    #expect(try authority.verify(unscoped.token).conversationID == nil)
    #expect(!AuthTestSupport.payload(unscoped.token).contains("cid"))
  }

  @Test("a token expires at its exp: valid the second before, not from then on")
  func expiry() throws {
    let issued = try authority.mint(role: .agent, subject: "agent-7", ttl: .seconds(60))
    clock.advance(59)
    let principal = try authority.verify(issued.token)
    clock.advance(1)
    #expect(verifyError(issued.token) == TokenError(.expired, "token expired 0 s ago"))
    #expect(tokenError { try authority.recheck(principal) }?.code == .expired)
    clock.advance(3600)
    #expect(verifyError(issued.token)?.message == "token expired 3600 s ago")
  }

  @Test("revoke(tokenID:) revokes one token, once; unknown ids are nil")
  func revokeByID() throws {
    let first = try authority.mint(role: .agent, subject: "agent-7")
    let second = try authority.mint(role: .agent, subject: "agent-7")
    let principal = try authority.verify(first.token)
    let revokedAt = clock.now
    #expect(try authority.revoke(tokenID: first.tokenID) == revokedAt)
    clock.advance(5)
    #expect(try authority.revoke(tokenID: first.tokenID) == revokedAt)
    #expect(verifyError(first.token) == TokenError(.revoked, "token was revoked"))
    #expect(tokenError { try authority.recheck(principal) }?.code == .revoked)
    #expect(try authority.verify(second.token).tokenID == second.tokenID)
    #expect(try authority.revoke(tokenID: "0123456789abcdef0123456789abcdef") == nil)
  }

  @Test("revokeAll(subject:) revokes the subject's tokens minted here or elsewhere, not later ones")
  func revokeBySubject() throws {
    // Another process with the same key: `switchboard token create`.
    let cli = TokenAuthority(key: AuthTestSupport.key(), now: clock.function)
    let mine = try (0 ..< 2).map { _ in try authority.mint(role: .agent, subject: "agent-7") }
    let expired = try authority.mint(role: .agent, subject: "agent-7", ttl: .seconds(1))
    let fromCLI = try cli.mint(role: .agent, subject: "agent-7")
    let otherAgent = try authority.mint(role: .agent, subject: "agent-8")
    clock.advance(10)

    #expect(try authority.revokeAll(subject: "agent-7") == 2)
    for token in mine + [expired, fromCLI] {
      #expect(verifyError(token.token)?.code != nil)
    }
    #expect(verifyError(fromCLI.token)?.code == .revoked)
    #expect(try authority.verify(otherAgent.token).subject == "agent-8")

    // Minted here after the revocation, even within the same second: valid.
    let again = try authority.mint(role: .agent, subject: "agent-7")
    #expect(try authority.verify(again.token).subject == "agent-7")
    // Minted elsewhere in the same second: revoked; in a later second: valid.
    #expect(verifyError(try cli.mint(role: .agent, subject: "agent-7").token)?.code == .revoked)
    clock.advance(1)
    let later = try cli.mint(role: .agent, subject: "agent-7")
    #expect(try authority.verify(later.token).role == .agent)
    #expect(try authority.revokeAll(subject: "agent-7") == 1)
    #expect(try authority.revokeAll(subject: "nobody") == 0)
  }

  @Test("expired records are forgotten, live ones kept, as tokens are minted")
  func pruning() throws {
    let short = try (0 ..< 1023).map { _ in
      try authority.mint(role: .bot, subject: "bot", ttl: .seconds(1)).tokenID
    }
    let long = try authority.mint(role: .bot, subject: "bot")
    clock.advance(2)
    _ = try authority.mint(role: .bot, subject: "bot")
    #expect(try authority.revoke(tokenID: short[0]) == nil)
    #expect(try authority.revoke(tokenID: long.tokenID) == clock.now)
  }

  @Test("roles map to and from the API's")
  func roles() {
    for role in PrincipalRole.allCases {
      #expect(PrincipalRole(role.apiRole) == role)
      #expect(role.rawValue == "\(role)")
    }
    #expect(PrincipalRole(.system) == nil)
    #expect(PrincipalRole(.unspecified) == nil)
    #expect(PrincipalRole(.unrecognized(42)) == nil)
  }
}
