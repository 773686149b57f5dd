import Synchronization
import Testing

@testable import SwitchboardCore

/// A registry on a manual clock with helpers to configure queues and agents, connect agents
/// and start conversations, plus access to the internal state for invariant checks.
final class RoutingFixture: Sendable {
  static let admin = Caller.admin("root")
  static let bot = Caller.bot("bot-1")

  let clock = ManualClock()
  let journal = InMemoryJournal()
  let registry: Registry
  /// Open notification streams by agent id (dropping one disconnects it).
  private let streams = Mutex<[String: [Subscription<SwitchboardCore.Notification>]]>([:])

  init(options: RegistryOptions = RegistryOptions()) {
    registry = Registry(clock: clock, journal: journal, options: options)
  }

  /// Creates a queue.
  @discardableResult
  func queue(
    _ id: String, mode: OfferMode = .singleAgent, offerTimeout: Duration? = nil, maxWait: Duration? = nil,
    overflow: String? = nil, skills: [String] = [], supervisors: [String] = [], topics: [String] = []
  ) async throws -> QueueConfig {
    try await registry.createQueue(
      caller: Self.admin,
      QueueConfig(
        queueID: id, name: "Queue \(id)", topics: topics, offerTimeout: offerTimeout, offerMode: mode,
        maxWait: maxWait, overflowQueueID: overflow, supervisorIDs: supervisors, requiredSkills: skills))
  }

  /// Creates an agent (offline, not connected).
  func agent(
    _ id: String, queues: [String], capacity: UInt32 = 2, skills: [String] = [], role: Role = .agent
  ) async throws {
    _ = try await registry.upsertAgent(
      caller: Self.admin,
      AgentProfile(agentID: id, displayName: "Agent \(id)", role: role, queueIDs: queues, capacity: capacity, skills: skills))
  }

  /// Opens a notifications stream for the agent (setting it available) and keeps it.
  @discardableResult
  func connect(_ id: String, becomeAvailable: Bool = true, role: Role = .agent) async throws
    -> Subscription<SwitchboardCore.Notification>
  {
    let stream = try await registry.notifications(
      caller: Caller(role: role, id: id), becomeAvailable: becomeAvailable)
    streams.withLock { $0[id, default: []].append(stream) }
    return stream
  }

  /// Drops every kept stream of the agent: it disconnects.
  func disconnect(_ id: String) async {
    // Dropping the last reference to a stream ends it, as a client going away does.
    _ = streams.withLock { $0.removeValue(forKey: id) }
    await registry.settle()
  }

  /// Starts a conversation in a queue.
  func start(
    _ queueID: String, priority: Priority? = nil, subject: String = "help", customer: String = "Customer"
  ) async throws -> String {
    try await registry.startConversation(
      caller: Self.bot,
      NewConversation(
        destination: .queue(queueID), priority: priority,
        customer: CustomerInfo(customerID: customer.lowercased(), displayName: customer), subject: subject,
        botContext: BotContext(botID: "bot-1", summary: "summary of \(subject)", detectedIntent: "intent")
      )
    ).conversationID
  }

  /// Reads the internal state.
  func state<T: Sendable>(_ body: (borrowing RegistryState) -> T) -> T {
    registry.read { state, _ in body(state) }
  }

  /// Pending offer ids of an agent, oldest first.
  func pendingOffers(of agentID: String) -> [String] {
    state { $0.agents[agentID].map { Array($0.offers) } ?? [] }
  }

  /// The single pending offer of a conversation, and to whom.
  func pendingOffer(for conversationID: String) -> (offerID: String, agentID: String)? {
    state { state in
      guard let offerID = state.routing[conversationID]?.offers.first else { return nil }
      return (offerID, state.offers[offerID]!.agentID)
    }
  }

  /// The agent a conversation is offered to (single mode), if any.
  func offeredTo(_ conversationID: String) -> String? {
    pendingOffer(for: conversationID)?.agentID
  }

  /// Accepts the conversation's pending offer as its agent.
  @discardableResult
  func acceptPending(_ conversationID: String) async throws -> String {
    let (offerID, agentID) = try #require(pendingOffer(for: conversationID))
    _ = try await registry.accept(caller: .agent(agentID), offerID: offerID)
    return agentID
  }

  /// The conversation's state.
  func conversationState(_ id: String) -> ConversationState? {
    state { $0.conversations[id]?.state }
  }

  /// The agent owning a conversation.
  func owner(_ id: String) -> String? {
    state { $0.conversations[id]?.assignedAgent?.participantID }
  }

  /// Load (active + offers) of an agent.
  func load(_ agentID: String) -> Int {
    state { $0.agents[agentID]?.load ?? 0 }
  }

  /// Moves time and waits for the effects of fired timers.
  func advance(_ duration: Duration) async {
    clock.advance(by: duration)
    await registry.settle()
  }
}
