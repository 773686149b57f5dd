import Synchronization
import Testing

@testable import SwitchboardCore

@Suite("Routing cost")
struct RoutingPerformanceTests {
  /// 600 conversations waiting, 50 agents at capacity: every change (a decline, an agent going
  /// away and back, a customer leaving) must route quickly. Timed on the state directly (no
  /// journal or delivery). A pass that scanned all conversations × all agents would take tens
  /// of milliseconds here even optimized.
  /// The average time a change may take: well under a millisecond when optimized; the
  /// unoptimized debug build `swift test` uses is several times slower.
  #if DEBUG
  static let budget = Duration.milliseconds(3)
  #else
  static let budget = Duration.microseconds(500)
  #endif

  @Test("500 waiting × 50 agents routes each change in well under a millisecond")
  func routingCostPerChange() async throws {
    let f = RoutingFixture()
    try await f.queue("a")
    try await f.queue("b")
    for index in 0..<50 {
      try await f.agent("agent-\(index)", queues: index % 2 == 0 ? ["a", "b"] : ["a"], capacity: 2)
      try await f.connect("agent-\(index)")
    }
    var started: [String] = []
    for index in 0..<600 {
      started.append(try await f.start(index % 3 == 0 ? "b" : "a", priority: Priority.allCases[index % 4]))
    }
    // 100 offered (50 agents × 2), the rest wait.
    let waiting = f.state { $0.queues.values.reduce(0) { $0 + $1.line.count } }
    #expect(waiting == 600)
    let clock = ContinuousClock()
    var worst = Duration.zero
    var total = Duration.zero
    let rounds = 200
    for round in 0..<rounds {
      let elapsed = f.registry.state.withLock { state -> Duration in
        let now = f.clock.now
        var effects = Effects()
        return clock.measure {
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
            state.changePresence(of: agentID, to: .away, reason: "", notifyAgent: false, now: now, effects: &effects)
            state.finishChange(now: now, effects: &effects)
            state.changePresence(of: agentID, to: .available, reason: "", notifyAgent: false, now: now, effects: &effects)
          default:
            // A waiting conversation is abandoned.
            if let id = state.queues["a"]?.line.keys.last?.conversationID {
              state.abandon(id, now: now, effects: &effects)
            }
          }
          state.finishChange(now: now, effects: &effects)
        }
      }
      worst = max(worst, elapsed)
      total += elapsed
    }
    let average = total / rounds
    #expect(average < Self.budget, "average \(average), worst \(worst)")
    #expect(f.state { $0.invariantViolations() }.isEmpty)
    #expect(f.registry.read { state, now in state.missedMatches(now: now) }.isEmpty)
  }
}
