import Testing

@testable import SwitchboardCore

/// A registry with two queues, agents and supervisors, driven by a `ManualClock`, for the
/// conversation tests at the registry level.
///
/// - billing: alice (capacity 3), supervised by sam;
/// - technical: bob (capacity 2), supervised by tess; no supervisors in `quiet`.
/// - categories: resolved, refund-issued (requires notes), old (retired).
struct ConversationDesk {
  static let admin = Caller.admin("root")
  static let alice = Caller.agent("alice")
  static let bob = Caller.agent("bob")
  static let sam = Caller.supervisor("sam")
  static let tess = Caller.supervisor("tess")
  static let bot = Caller.bot("bot-1")

  let clock = ManualClock()
  let journal = InMemoryJournal()
  let registry: Registry
  /// Open notifications streams, kept so the agents stay connected.
  private let connections: [Subscription<Notification>]

  /// The desk; with `store`, the registry starts empty from it (and `journal` stays empty).
  init(options: RegistryOptions = RegistryOptions(), store: (any RegistryStore)? = nil) async throws {
    if let store {
      registry = Registry(clock: clock, store: store, restoring: .nothing, options: options)
    } else {
      registry = Registry(clock: clock, journal: journal, options: options)
    }
    let admin = Self.admin
    _ = try await registry.createQueue(
      caller: admin,
      QueueConfig(queueID: "billing", name: "Billing", topics: ["refund"], supervisorIDs: [])
    )
    _ = try await registry.createQueue(
      caller: admin,
      QueueConfig(queueID: "technical", name: "Technical", supervisorIDs: [])
    )
    _ = try await registry.createQueue(caller: admin, QueueConfig(queueID: "quiet", name: "Quiet"))
    for profile in [
      AgentProfile(
        agentID: "alice",
        displayName: "Alice",
        queueIDs: ["billing", "quiet"],
        capacity: 3
      ),
      AgentProfile(agentID: "bob", displayName: "Bob", queueIDs: ["technical"], capacity: 2),
      AgentProfile(agentID: "sam", displayName: "Sam", role: .supervisor, capacity: 2),
      AgentProfile(agentID: "tess", displayName: "Tess", role: .supervisor, capacity: 2),
    ] {
      _ = try await registry.upsertAgent(caller: admin, profile)
    }
    var billing = QueueConfig(
      queueID: "billing",
      name: "Billing",
      topics: ["refund"],
      supervisorIDs: ["sam"]
    )
    _ = try await registry.updateQueue(caller: admin, billing, expectedVersion: 0)
    billing = QueueConfig(queueID: "technical", name: "Technical", supervisorIDs: ["tess"])
    _ = try await registry.updateQueue(caller: admin, billing, expectedVersion: 0)
    _ = try await registry.setResolutionCategories(
      caller: admin,
      [
        ResolutionCategory(categoryID: "resolved", label: "Resolved"),
        ResolutionCategory(
          categoryID: "refund-issued",
          label: "Refund issued",
          requiresNotes: true
        ),
        ResolutionCategory(categoryID: "old", label: "Old"),
      ]
    )
    _ = try await registry.setResolutionCategories(
      caller: admin,
      [
        ResolutionCategory(categoryID: "resolved", label: "Resolved"),
        ResolutionCategory(
          categoryID: "refund-issued",
          label: "Refund issued",
          requiresNotes: true
        ),
      ]
    )
    var connections: [Subscription<Notification>] = []
    for agent in [Self.alice, Self.bob] {
      connections.append(try await registry.notifications(caller: agent, becomeAvailable: true))
    }
    self.connections = connections
  }

  /// Starts a conversation by the bot in `queue`; returns its id and a scoped customer caller.
  func start(
    queue: String = "billing",
    priority: Priority? = nil,
    subject: String = "Question",
    message: String = "Hello",
    customer: CustomerInfo = ConversationFixture.customer
  ) async throws -> (id: String, customer: Caller) {
    let started = try await registry.startConversation(
      caller: Self.bot,
      NewConversation(
        destination: .queue(queue),
        priority: priority,
        customer: customer,
        subject: subject,
        botContext: BotContext(botID: "bot-1", summary: "wants money back"),
        initialMessage: message
      )
    )
    return (started.conversationID, Caller.customer("cust-1", conversation: started.conversationID))
  }

  /// The id of the agent's pending offer for `conversationID`.
  func offer(to agentID: String, for conversationID: String) throws -> String {
    try registry.read { state, _ in
      state.offers.values.first {
        $0.agentID == agentID && $0.offer.conversationID == conversationID && $0.status == .pending
      }?.offer.offerID
    }.unwrap("no pending offer for \(agentID) in \(conversationID)")
  }

  /// Starts a conversation and lets `agent` accept it after `wait`.
  func activeConversation(
    queue: String = "billing",
    agent: Caller = alice,
    wait: Duration = .seconds(5)
  ) async throws -> (id: String, customer: Caller) {
    let started = try await start(queue: queue)
    clock.advance(by: wait)
    _ = try await registry.accept(caller: agent, offerID: try offer(to: agent.id, for: started.id))
    return started
  }

  /// A stored conversation record.
  func record(_ id: String) throws -> ConversationRecord {
    try registry.read { state, _ in state.conversations[id] }.unwrap("no conversation \(id)")
  }
}

extension Optional {
  /// The value, or a thrown test failure.
  func unwrap(_ message: String) throws -> Wrapped {
    guard let self else { throw CoreError(.notFound, message) }
    return self
  }
}

/// Reads what a stream has buffered so far: `count` elements, failing if the stream ends first.
func take<Element: Sendable>(
  _ count: Int,
  from iterator: inout Subscription<Element>.AsyncIterator
) async throws -> [Element] {
  var result: [Element] = []
  while result.count < count {
    guard let element = try await iterator.next() else {
      Issue.record("the stream ended after \(result.count) of \(count) elements")
      break
    }
    result.append(element)
  }
  return result
}

/// Expects `body` to throw a `CoreError` with `code`.
func expectCode<T>(
  _ code: CoreError.Code,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> T
) async {
  do {
    _ = try await body()
    Issue.record("expected \(code), got success", sourceLocation: sourceLocation)
  } catch let error as CoreError {
    #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
  } catch {
    Issue.record("expected a CoreError, got \(error)", sourceLocation: sourceLocation)
  }
}
