// Identity for every Switchboard RPC.
//
// Design: callers present `authorization: Bearer <token>`, a standard JWT signed with HS256
// (HMAC-SHA256 from swift-crypto; see `JSONWebToken`) under the server's `TokenKey`. Its claims
// (`TokenClaims`) are `sub`, `role`, `cid` (customer tokens scoped to one conversation), `jti`,
// `iat`, `exp` and `iss: "switchboard"`. A `TokenAuthority` mints and verifies tokens and keeps
// the revocations; `AuthInterceptor` verifies the token of every call under `/switchboard.v1.`
// once and attaches the resulting `Principal` to the call, where handlers read it with
// `context.principal`. Whether a role may do what it asks is the domain's decision, not this
// layer's; the one scope rule enforced here is that an unscoped customer token may only call
// StartConversation.
//
// The API the services use:
//
//     let authority = TokenAuthority(key: key, revocationLog: try RevocationLog(inDirectory: dir))
//     let issued = try authority.mint(role: .customer, subject: "cust-1", conversationID: "c-9")
//     issued.token, issued.tokenID, issued.issuedAt, issued.expiresAt  // Unix seconds
//     let principal = try authority.verify(token)              // throws TokenError
//     try authority.recheck(principal)                          // still valid? (long streams)
//     try authority.revoke(tokenID: id)  // Int64? revocation time; nil: not minted here
//     try authority.revokeAll(subject: "agent-7")               // Int: live tokens revoked
//
// Revocations are kept in memory and, with a `RevocationLog`, written to disk before `revoke`
// and `revokeAll` return (they throw if the write fails, and the revocation is then not
// applied); a new authority on the same log rejects what was revoked before the restart.
// `revokeAll(subject:)` covers tokens minted by another process too (`switchboard token
// create`): it rejects every token of the subject issued up to that second that this authority
// did not mint since. `revoke(tokenID:)` knows the ids this authority minted and those revoked
// before a restart; a token minted by an earlier process and not revoked is not known by id.

internal import Synchronization

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Mints, verifies and revokes Switchboard access tokens under one server key. Thread-safe; one
/// per server, shared by the interceptor and the services that issue tokens.
public final class TokenAuthority: Sendable {
  /// The longest lifetime a token may have.
  public static let maximumLifetime = Duration.seconds(366 * 24 * 3600)
  /// How far in the future a token's issue time may be (clocks of the minting and the serving
  /// machine differ a little).
  static let clockSkew: Int64 = 60

  private let key: TokenKey
  private let clock: @Sendable () -> Int64
  private let ledger: Mutex<Ledger>
  private let revocationLog: RevocationLog?
  /// Tokens whose signature and claims were checked, by their text: a client sends the same
  /// token with every call, and checking the HMAC and decoding the claims again each time cost
  /// a third of the server's time per call. Expiry and revocation are still checked per call.
  private let verified = Mutex<[String: Principal]>([:])

  /// How many checked tokens `verified` holds before it starts over.
  static let verifiedLimit = 10_000

  /// An authority signing with `key`; `now` gives the current time in seconds since the Unix
  /// epoch (tests inject their own clock). With a `revocationLog`, the revocations it holds
  /// apply from the start and new ones are written to it; without one they last as long as the
  /// authority.
  public init(
    key: TokenKey,
    revocationLog: RevocationLog? = nil,
    now: @escaping @Sendable () -> Int64 = TokenAuthority.systemTime
  ) {
    self.key = key
    self.clock = now
    self.revocationLog = revocationLog
    var ledger = Ledger()
    for revocation in revocationLog?.loaded ?? [] { ledger.restore(revocation) }
    self.ledger = Mutex(ledger)
  }

  /// The system's wall-clock time, in seconds since the Unix epoch.
  @Sendable public static func systemTime() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec)
  }

  /// Mints a token for `subject` in `role`, lasting `ttl` (nil: the role's default, 24 h for
  /// customers, 12 h for others; rounded up to whole seconds). `conversationID` scopes a customer
  /// token to one conversation; nil leaves it unscoped (StartConversation only); it must be nil
  /// for other roles. Throws `invalidArgument` for an empty subject or conversation id, a
  /// conversation on a non-customer token, or a lifetime outside 1 s ... `maximumLifetime`.
  public func mint(
    role: PrincipalRole,
    subject: String,
    conversationID: String? = nil,
    ttl: Duration? = nil
  ) throws(TokenError) -> IssuedToken {
    guard !subject.isEmpty else { throw TokenError(.invalidArgument, "the subject is empty") }
    if let conversationID {
      guard role == .customer else {
        throw TokenError(.invalidArgument, "only customer tokens name a conversation")
      }
      guard !conversationID.isEmpty else {
        throw TokenError(.invalidArgument, "the conversation id is empty")
      }
    }
    let ttl = ttl ?? role.defaultTokenLifetime
    guard ttl > .zero, ttl <= Self.maximumLifetime else {
      throw TokenError(.invalidArgument, "the lifetime must be between 1 second and 366 days")
    }
    let (seconds, attoseconds) = ttl.components
    let issuedAt = clock()
    let claims = TokenClaims(
      subject: subject,
      role: role,
      conversationID: conversationID,
      tokenID: Self.randomTokenID(),
      issuedAt: issuedAt,
      expiresAt: issuedAt + seconds + (attoseconds > 0 ? 1 : 0)
    )
    ledger.withLock { $0.record(claims, now: issuedAt) }
    return IssuedToken(
      token: JSONWebToken.sign(claims, key: key),
      tokenID: claims.tokenID,
      issuedAt: claims.issuedAt,
      expiresAt: claims.expiresAt
    )
  }

  /// The principal of `token` once it is checked: the form, HS256 and the signature, the
  /// claims, the expiry against `now`, and revocation. Throws a `TokenError` saying which
  /// failed; its message never contains the token.
  public func verify(_ token: String) throws(TokenError) -> Principal {
    if let principal = verified.withLock({ $0[token] }) {
      try recheck(principal)
      return principal
    }
    let claims = try JSONWebToken.verify(token, key: key)
    let principal = Principal(
      role: claims.role,
      subject: claims.subject,
      conversationID: claims.conversationID,
      tokenID: claims.tokenID,
      issuedAt: claims.issuedAt,
      expiresAt: claims.expiresAt
    )
    guard principal.issuedAt <= clock() + Self.clockSkew else {
      throw TokenError(.invalidClaims, "token is issued in the future")
    }
    try recheck(principal)
    verified.withLock { verified in
      if verified.count >= Self.verifiedLimit { verified.removeAll(keepingCapacity: true) }
      verified[token] = principal
    }
    return principal
  }

  /// Throws unless `principal`, verified earlier, still holds: not expired, not revoked since.
  /// Long-lived streams call it to end calls whose token lapsed.
  public func recheck(_ principal: Principal) throws(TokenError) {
    let now = clock()
    guard now < principal.expiresAt else {
      throw TokenError(.expired, "token expired \(now - principal.expiresAt) s ago")
    }
    guard !ledger.withLock({ $0.isRevoked(principal) }) else {
      throw TokenError(.revoked, "token was revoked")
    }
  }

  /// Revokes the token `tokenID` minted by this authority; returns when it was revoked (the
  /// first time, if it was already), in seconds since the Unix epoch, or nil if this authority
  /// did not mint it (or it expired and was forgotten). With a revocation log the revocation is
  /// on disk when it returns; throws, revoking nothing, if it cannot be written.
  @discardableResult
  public func revoke(tokenID: String) throws(RevocationLogError) -> Int64? {
    let now = clock()
    guard let record = ledger.withLock({ $0.records[tokenID] }) else { return nil }
    if let revokedAt = record.revokedAt { return revokedAt }
    try revocationLog?.append(
      .token(id: tokenID, subject: record.subject, revokedAt: now, expiresAt: record.expiresAt)
    )
    return ledger.withLock { $0.revoke(tokenID: tokenID, now: now) }
  }

  /// Revokes every token of `subject` issued so far, minted here or elsewhere (the CLI), such as
  /// a deleted agent's; returns how many live tokens minted here it revoked. A token minted by
  /// another process for `subject` within the same second, after this call, is revoked too.
  /// With a revocation log the revocation is on disk when it returns; throws, revoking nothing,
  /// if it cannot be written.
  @discardableResult
  public func revokeAll(subject: String) throws(RevocationLogError) -> Int {
    let now = clock()
    try revocationLog?.append(.subject(subject, cutoff: now))
    return ledger.withLock { $0.revokeAll(subject: subject, now: now) }
  }

  /// 128 random bits as 32 lowercase hex digits.
  private static func randomTokenID() -> String {
    var generator = SystemRandomNumberGenerator()
    return [generator.next(), generator.next()].map { (half: UInt64) in
      let digits = String(half, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
  }
}

/// A token just minted, with what its issuer reports about it.
public struct IssuedToken: Sendable, Hashable {
  /// The bearer token: `header.payload.signature`.
  public var token: String
  /// Its id (the `jti` claim), by which it is revoked.
  public var tokenID: String
  /// When it was issued, in seconds since the Unix epoch.
  public var issuedAt: Int64
  /// When it expires, in seconds since the Unix epoch.
  public var expiresAt: Int64
}

/// What a `TokenAuthority` remembers: the tokens it minted (until they expire) and the
/// revocations.
private struct Ledger {
  /// A token minted here.
  struct Record {
    var subject: String
    var expiresAt: Int64
    /// When it was revoked, if it was.
    var revokedAt: Int64?
  }

  /// The tokens minted here, by id.
  var records: [String: Record] = [:]
  /// The ids of `records` by subject.
  var idsBySubject: [String: Set<String>] = [:]
  /// By subject, the last second whose tokens are revoked unless minted here after the
  /// revocation (such tokens have a record that says whether they are revoked).
  var subjectCutoffs: [String: Int64] = [:]
  /// The record count at which expired records are dropped next.
  var pruneAt = 1024

  /// Applies a revocation read from the log at start.
  mutating func restore(_ revocation: Revocation) {
    switch revocation {
    case .token(let id, let subject, let revokedAt, let expiresAt):
      records[id] = Record(subject: subject, expiresAt: expiresAt, revokedAt: revokedAt)
      idsBySubject[subject, default: []].insert(id)
    case .subject(let subject, let cutoff):
      subjectCutoffs[subject] = max(subjectCutoffs[subject] ?? cutoff, cutoff)
    }
  }

  mutating func record(_ claims: TokenClaims, now: Int64) {
    if records.count >= pruneAt { prune(now: now) }
    records[claims.tokenID] = Record(subject: claims.subject, expiresAt: claims.expiresAt)
    idsBySubject[claims.subject, default: []].insert(claims.tokenID)
  }

  func isRevoked(_ principal: Principal) -> Bool {
    if let record = records[principal.tokenID] { return record.revokedAt != nil }
    guard let cutoff = subjectCutoffs[principal.subject] else { return false }
    return principal.issuedAt <= cutoff
  }

  mutating func revoke(tokenID: String, now: Int64) -> Int64? {
    guard var record = records[tokenID] else { return nil }
    if let revokedAt = record.revokedAt { return revokedAt }
    record.revokedAt = now
    records[tokenID] = record
    return now
  }

  mutating func revokeAll(subject: String, now: Int64) -> Int {
    subjectCutoffs[subject] = max(subjectCutoffs[subject] ?? now, now)
    var count = 0
    for id in idsBySubject[subject] ?? [] {
      guard var record = records[id], record.revokedAt == nil else { continue }
      record.revokedAt = now
      records[id] = record
      if record.expiresAt > now { count += 1 }
    }
    return count
  }

  /// Drops the records of expired tokens, which verification rejects anyway.
  private mutating func prune(now: Int64) {
    for (id, record) in records where record.expiresAt <= now {
      records[id] = nil
      idsBySubject[record.subject]?.remove(id)
      if idsBySubject[record.subject]?.isEmpty == true { idsBySubject[record.subject] = nil }
    }
    pruneAt = max(1024, records.count * 2)
  }
}
