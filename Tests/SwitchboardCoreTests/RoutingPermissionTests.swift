import Testing

@testable import SwitchboardCore

@Suite("Routing permissions")
struct RoutingPermissionTests {
  /// Each role against each routing and admin method: allowed roles never get
  /// `permissionDenied` (they may fail validation instead), the others always do.
  @Test("each role against each method")
  func matrix() async throws {
    let f = RoutingFixture()
    try await f.agent("sam", queues: [], role: .supervisor)
    try await f.agent("other-sup", queues: [], role: .supervisor)
    try await f.queue("billing", supervisors: ["sam"])
    try await f.queue("other", supervisors: ["other-sup"])
    try await f.agent("alice", queues: ["billing"], capacity: 2)
    try await f.agent("bob", queues: ["other"], capacity: 1)
    try await f.connect("alice")
    let active = try await f.start("billing")
    try await f.acceptPending(active)
    let offered = try await f.start("billing")
    let offer = try #require(f.pendingOffer(for: offered)).offerID

    let callers: [String: Caller] = [
      "customer": .customer("cust", conversation: active), "unscoped-customer": .customer("cust"),
      "bot": RoutingFixture.bot, "agent": .agent("alice"), "other-agent": .agent("bob"),
      "supervisor": .supervisor("sam"), "other-supervisor": .supervisor("other-sup"),
      "admin": RoutingFixture.admin,
    ]
    typealias Call = @Sendable (Caller) async throws(CoreError) -> Void
    let r = f.registry
    let table: [(String, Set<String>, Call)] = [
      ("startConversation", ["unscoped-customer", "bot"], { c throws(CoreError) in
        _ = try await r.startConversation(caller: c, NewConversation(destination: .queue(""), customer: CustomerInfo(displayName: "x")))
      }),
      ("createQueue", ["admin"], { c throws(CoreError) in _ = try await r.createQueue(caller: c, QueueConfig(queueID: "", name: "")) }),
      ("updateQueue", ["admin"], { c throws(CoreError) in
        _ = try await r.updateQueue(caller: c, QueueConfig(queueID: "nope", name: "n"), expectedVersion: 0)
      }),
      ("deleteQueue", ["admin"], { c throws(CoreError) in _ = try await r.deleteQueue(caller: c, queueID: "nope", drainTo: nil) }),
      ("listQueueConfigs", ["admin", "supervisor", "other-supervisor"], { c throws(CoreError) in
        _ = try r.listQueueConfigs(caller: c, pageSize: 0, pageToken: "")
      }),
      ("upsertAgent", ["admin"], { c throws(CoreError) in _ = try await r.upsertAgent(caller: c, AgentProfile(agentID: "", displayName: "")) }),
      ("deleteAgent", ["admin"], { c throws(CoreError) in try await r.deleteAgent(caller: c, agentID: "nope") }),
      ("listAgentProfiles", ["admin", "supervisor", "other-supervisor"], { c throws(CoreError) in
        _ = try r.listAgentProfiles(caller: c, queueID: nil, role: nil, pageSize: 0, pageToken: "")
      }),
      ("setResolutionCategories", ["admin"], { c throws(CoreError) in _ = try await r.setResolutionCategories(caller: c, []) }),
      ("listResolutionCategories", ["agent", "other-agent", "supervisor", "other-supervisor", "admin"], { c throws(CoreError) in
        _ = try r.listResolutionCategories(caller: c, includeRetired: false, pageSize: 0, pageToken: "")
      }),
      ("surveySettings", ["supervisor", "other-supervisor", "admin"], { c throws(CoreError) in _ = try r.surveySettings(caller: c) }),
      ("setSurveySettings", ["admin"], { c throws(CoreError) in
        _ = try await r.setSurveySettings(caller: c, SurveySettings(enabled: true, responseWindow: nil, prompt: ""))
      }),
      ("setPresence(of alice)", ["agent", "supervisor", "admin"], { c throws(CoreError) in
        _ = try await r.setPresence(caller: c, nil, reason: "", agentID: "alice")
      }),
      ("agentStatus(alice)", ["agent", "supervisor", "admin"], { c throws(CoreError) in _ = try r.agentStatus(caller: c, agentID: "alice") }),
      ("notifications", ["agent", "other-agent", "supervisor", "other-supervisor"], { c throws(CoreError) in
        _ = try await r.notifications(caller: c, becomeAvailable: false)
      }),
      ("decline", ["agent"], { c throws(CoreError) in try await r.decline(caller: c, offerID: offer, reason: nil, note: String(repeating: "x", count: 5000)) }),
      ("accept", ["agent"], { c throws(CoreError) in _ = try await r.accept(caller: c, offerID: offer) }),
      ("transfer", ["agent"], { c throws(CoreError) in
        _ = try await r.transfer(caller: c, conversationID: active, to: nil, reason: nil, note: "")
      }),
      ("reassign", ["supervisor", "admin"], { c throws(CoreError) in
        _ = try await r.reassign(caller: c, conversationID: active, to: nil, note: "", force: false)
      }),
      ("listQueueFigures", ["supervisor", "admin"], { c throws(CoreError) in
        _ = try r.listQueueFigures(caller: c, queueIDs: ["billing"], pageSize: 0, pageToken: "")
      }),
      ("watchQueues", ["supervisor", "admin"], { c throws(CoreError) in
        _ = try await r.watchQueues(caller: c, queueIDs: ["billing"], minInterval: nil)
      }),
      ("listAgentStatuses", ["supervisor", "admin"], { c throws(CoreError) in
        _ = try r.listAgentStatuses(caller: c, queueID: "billing", presences: [], pageSize: 0, pageToken: "")
      }),
      ("explainRouting", ["supervisor", "admin"], { c throws(CoreError) in _ = try r.explainRouting(caller: c, conversationID: active) }),
    ]
    for (method, allowed, call) in table {
      for (name, caller) in callers.sorted(by: { $0.key < $1.key }) {
        var code: CoreError.Code?
        do { try await call(caller) } catch { code = error.code }
        if allowed.contains(name) {
          #expect(code != .permissionDenied, "\(method) should allow \(name)")
        } else {
          #expect(code == .permissionDenied, "\(method) should deny \(name), got \(String(describing: code))")
        }
      }
    }
  }
}
