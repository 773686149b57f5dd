internal import RPCCore
internal import SwitchboardCore

extension Caller {
  /// The core's view of a verified token: its role, its subject as the caller's id, and a
  /// customer token's conversation as the scope.
  init(_ principal: Principal) {
    self.init(
      role: principal.role.coreRole,
      id: principal.subject,
      conversationScope: principal.conversationID
    )
  }
}

extension PrincipalRole {
  /// The core's role of the same name.
  var coreRole: SwitchboardCore.Role {
    switch self {
    case .customer: .customer
    case .bot: .bot
    case .agent: .agent
    case .supervisor: .supervisor
    case .admin: .admin
    }
  }
}

extension ServerContext {
  /// The core's caller for the verified principal of this call; UNAUTHENTICATED without one.
  var caller: Caller {
    get throws(RPCError) { Caller(try principal) }
  }
}
