internal import SwitchboardCore
internal import SwitchboardServices

/// `serve --demo`: the core's demo data (queues billing and technical, agents alice, bob and
/// carol, supervisor sam, resolution categories) and a token for each demo principal, plus an
/// admin and a bot, so that a person can try the flow at once.
enum DemoSetup {
  /// The subject of the demo admin token.
  static let adminSubject = "demo-admin"
  /// The subject of the demo bot token.
  static let botSubject = "demo-bot"

  /// Loads the demo data into `registry` and returns one line per demo principal, to print
  /// after `listening on`:
  ///
  ///     demo token  role=agent subject=alice  <token>
  ///
  /// (fields separated by two spaces, so that a script splits them easily). On a data directory
  /// that has the demo data already (a restart), the stored data is kept as it is.
  static func load(into registry: Registry, authority: TokenAuthority) async throws -> [String] {
    do {
      try await registry.loadDemoData(caller: .admin(adminSubject))
    } catch {
      // `alreadyExists`: loaded by an earlier start on this data directory.
      guard error.code == .alreadyExists else { throw error }
    }
    var principals: [(PrincipalRole, String)] = [(.admin, adminSubject), (.bot, botSubject)]
    principals.append((.supervisor, DemoData.supervisor.agentID))
    principals += DemoData.agents.map { (.agent, $0.agentID) }
    return try principals.map { role, subject in
      let issued = try authority.mint(role: role, subject: subject)
      return "demo token  role=\(role.rawValue) subject=\(subject)  \(issued.token)"
    }
  }
}
