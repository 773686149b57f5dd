/// Who calls the core: the services map a verified token to it.
///
/// Authorization is decided in the core (each method throws `permissionDenied`), from the role,
/// the id (the token's subject: agent id, bot id, customer id, admin name) and, for customer
/// tokens, the one conversation the token may touch.
public struct Caller: Sendable, Hashable, CustomStringConvertible {
  /// The caller's role.
  public var role: Role
  /// The token's subject.
  public var id: String
  /// For customer tokens: the only conversation the caller may touch; `nil` for an unscoped token
  /// (which may only start conversations) and for every other role.
  public var conversationScope: String?

  /// A caller with a role, a subject and an optional conversation scope.
  public init(role: Role, id: String, conversationScope: String? = nil) {
    self.role = role
    self.id = id
    self.conversationScope = conversationScope
  }

  /// An admin caller.
  public static func admin(_ id: String) -> Caller { Caller(role: .admin, id: id) }
  /// An agent caller; `id` is the agent id.
  public static func agent(_ id: String) -> Caller { Caller(role: .agent, id: id) }
  /// A supervisor caller; `id` is the supervisor's agent id.
  public static func supervisor(_ id: String) -> Caller { Caller(role: .supervisor, id: id) }
  /// A bot caller.
  public static func bot(_ id: String) -> Caller { Caller(role: .bot, id: id) }
  /// A customer caller, optionally scoped to one conversation.
  public static func customer(_ id: String, conversation: String? = nil) -> Caller {
    Caller(role: .customer, id: id, conversationScope: conversation)
  }

  public var description: String { "\(role) \(id)" }

  /// Agents and supervisors: the callers with an agent profile.
  var isStaff: Bool { role == .agent || role == .supervisor }
}
