public import SwitchboardAPI

/// The roles a token can grant: the `switchboard.v1.Role`s that name a caller. `unspecified`
/// names no one and `system` is Switchboard itself, so neither is ever in a token.
///
/// The raw value is the lowercase name that tokens carry in their `role` claim.
public enum PrincipalRole: String, Sendable, Hashable, CaseIterable {
  /// The person asking for help; the token is scoped to one conversation.
  case customer
  /// An automated front end that escalates conversations.
  case bot
  /// A human support agent.
  case agent
  /// An agent who also supervises queues.
  case supervisor
  /// Configures queues, agents, categories, surveys and tokens.
  case admin

  /// The role that `role` names; nil for `unspecified`, `system` and unrecognized values.
  public init?(_ role: SwitchboardAPI.Role) {
    switch role {
    case .customer: self = .customer
    case .bot: self = .bot
    case .agent: self = .agent
    case .supervisor: self = .supervisor
    case .admin: self = .admin
    case .unspecified, .system, .unrecognized: return nil
    }
  }

  /// This role as the API names it.
  public var apiRole: SwitchboardAPI.Role {
    switch self {
    case .customer: .customer
    case .bot: .bot
    case .agent: .agent
    case .supervisor: .supervisor
    case .admin: .admin
    }
  }

  /// How long a token of this role lives unless its issuer says otherwise: 24 hours for
  /// customers (a conversation may wait for a reply overnight), 12 hours (a shift) for the rest.
  public var defaultTokenLifetime: Duration {
    self == .customer ? .seconds(24 * 3600) : .seconds(12 * 3600)
  }
}

/// The verified caller of an RPC: who presented the token and what it allows.
///
/// `AuthInterceptor` attaches one to every call under `/switchboard.v1.`; handlers read it with
/// `context.principal`. Whether the role may do what the call asks is the domain's decision.
public struct Principal: Sendable, Hashable {
  /// The role the token grants.
  public var role: PrincipalRole
  /// Whom the token identifies: an agent, bot or customer id, an admin's name.
  public var subject: String
  /// The one conversation a customer token may touch; nil for every other role, and for an
  /// unscoped customer token, which may only call `StartConversation`.
  public var conversationID: String?
  /// The token's id (its `jti` claim), by which it is revoked.
  public var tokenID: String
  /// When the token was issued, in seconds since the Unix epoch (its `iat` claim).
  public var issuedAt: Int64
  /// When the token expires, in seconds since the Unix epoch (its `exp` claim).
  public var expiresAt: Int64

  /// A principal with the given parts, as `TokenAuthority.verify` makes them (and tests of
  /// handlers, which attach one to a `ServerContext` themselves).
  public init(
    role: PrincipalRole,
    subject: String,
    conversationID: String? = nil,
    tokenID: String,
    issuedAt: Int64,
    expiresAt: Int64
  ) {
    self.role = role
    self.subject = subject
    self.conversationID = conversationID
    self.tokenID = tokenID
    self.issuedAt = issuedAt
    self.expiresAt = expiresAt
  }
}
