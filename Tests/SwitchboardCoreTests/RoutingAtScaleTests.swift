import Synchronization
import Testing

@testable import SwitchboardCore

@Suite("Routing at scale")
struct RoutingAtScaleTests {
  /// 600 conversations waiting, 50 agents at capacity: declines, agents going away and back and
  /// customers leaving keep every invariant and leave no possible match unrouted. (The cost
  /// per change is not timed in a test: performance belongs in benchmarks.)
  @Test("600 waiting × 50 agents: changes keep the invariants and leave no match unrouted")
  func changesAtScale() async throws {
    let f = RoutingFixture()
    try await f.queue("a")
    try await f.queue("b")
    for index in 0 ..< 50 {
      try await f.agent("agent-\(index)", queues: index % 2 == 0 ? ["a", "b"] : ["a"], capacity: 2)
      try await f.connect("agent-\(index)")
    }
    var started: [String] = []
    for index in 0 ..< 600 {
      started.append(
        try await f.start(index % 3 == 0 ? "b" : "a", priority: Priority.allCases[index % 4])
      )
    }
    // 100 offered (50 agents × 2), the rest wait.
    let waiting = f.state { $0.queues.values.reduce(0) { $0 + $1.line.count } }
    #expect(waiting == 600)
    for round in 0 ..< 200 {
      f.registry.state.withLock { state in
        let now = f.clock.now
        var effects = Effects()
        switch round % 3 {
        case 0:
          // A pending offer is declined: the next candidate (none with room) is searched.
          let agentID = "agent-\(round % 50)"
          if let offerID = state.agents[agentID]?.offers.first {
            state.declineOffer(offerID, reason: .busy, note: "", now: now, effects: &effects)
          }
        case 1:
          // An agent goes away and comes back: its offers move, its slots are refilled.
          let agentID = "agent-\((round * 7) % 50)"
          state.changePresence(
            of: agentID,
            to: .away,
            reason: "",
            notifyAgent: false,
            now: now,
            effects: &effects
          )
          state.finishChange(now: now, effects: &effects)
          state.changePresence(
            of: agentID,
            to: .available,
            reason: "",
            notifyAgent: false,
            now: now,
            effects: &effects
          )
        default:
          // A waiting conversation is abandoned.
          if let id = state.queues["a"]?.line.keys.last?.conversationID {
            state.abandon(id, now: now, effects: &effects)
          }
        }
        state.finishChange(now: now, effects: &effects)
      }
    }
    #expect(f.state { $0.invariantViolations() }.isEmpty)
    #expect(f.registry.read { state, now in state.missedMatches(now: now) }.isEmpty)
  }
}
