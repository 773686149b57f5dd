/// The demo configuration `switchboard serve --demo` starts with: two queues, resolution
/// categories, three agents and a supervisor, so that a person can try the flow at once.
public enum DemoData {
  /// Billing questions: topics "billing", "refund", "invoice".
  public static let billing = QueueConfig(
    queueID: "billing", name: "Billing", topics: ["billing", "refund", "invoice"],
    maxWait: .seconds(600), overflowQueueID: "technical")
  /// Technical problems: topics "technical", "login", "bug".
  public static let technical = QueueConfig(
    queueID: "technical", name: "Technical", topics: ["technical", "login", "bug"])

  /// The supervisor of both queues.
  public static let supervisor = AgentProfile(
    agentID: "sam", displayName: "Sam Supervisor", role: .supervisor, capacity: 2)

  /// The agents: alice (billing, capacity 3), bob (billing and technical, 2), carol
  /// (technical, 3).
  public static let agents = [
    AgentProfile(agentID: "alice", displayName: "Alice", queueIDs: ["billing"], capacity: 3),
    AgentProfile(agentID: "bob", displayName: "Bob", queueIDs: ["billing", "technical"], capacity: 2),
    AgentProfile(agentID: "carol", displayName: "Carol", queueIDs: ["technical"], capacity: 3),
  ]

  /// The resolution categories (the built-in channel-move categories come on top).
  public static let categories = [
    ResolutionCategory(categoryID: "resolved", label: "Resolved", sortOrder: 1),
    ResolutionCategory(
      categoryID: "refund-issued", label: "Refund issued", description: "Note the refund reference.",
      requiresNotes: true, sortOrder: 2),
    ResolutionCategory(
      categoryID: "follow-up-ticket", label: "Follow-up ticket created", sortOrder: 3),
    ResolutionCategory(categoryID: "no-response", label: "Customer stopped responding", sortOrder: 4),
    ResolutionCategory(categoryID: "duplicate", label: "Duplicate conversation", sortOrder: 5),
  ]
}

extension Registry {
  /// Loads `DemoData` through the admin operations (as admin `caller`): queues, agents, the
  /// supervisor, categories. Errors as those operations (e.g. `alreadyExists` if loaded twice).
  public func loadDemoData(caller: Caller = .admin("demo")) async throws(CoreError) {
    let technical = try await createQueue(caller: caller, DemoData.technical)
    let billing = try await createQueue(caller: caller, DemoData.billing)
    _ = try await upsertAgent(caller: caller, DemoData.supervisor)
    for agent in DemoData.agents { _ = try await upsertAgent(caller: caller, agent) }
    for var queue in [billing, technical] {
      queue.supervisorIDs = [DemoData.supervisor.agentID]
      _ = try await updateQueue(caller: caller, queue, expectedVersion: queue.version)
    }
    _ = try await setResolutionCategories(caller: caller, DemoData.categories)
  }
}
