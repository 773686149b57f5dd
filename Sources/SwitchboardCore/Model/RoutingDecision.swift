/// One agent the router looked at, and what became of them.
public struct RoutingCandidate: Sendable, Hashable {
  /// The agent.
  public var agentID: String
  /// The agent's display name.
  public var displayName: String
  /// Presence at decision time (`.offline` also for an available agent without a connection).
  public var presence: Presence
  /// Active conversations at decision time.
  public var activeConversations: UInt32
  /// Capacity at decision time.
  public var capacity: UInt32
  /// How long the agent had been idle (no conversation and no offer); `nil` if busy.
  public var idleTime: Duration?
  /// The rule's score, higher ranks first: `1 - load/capacity` plus a tie-breaking fraction
  /// for idle time; 0 for skipped agents.
  public var score: Double
  /// What happened to this candidate.
  public var outcome: CandidateOutcome

  /// A candidate.
  public init(
    agentID: String,
    displayName: String,
    presence: Presence,
    activeConversations: UInt32,
    capacity: UInt32,
    idleTime: Duration?,
    score: Double,
    outcome: CandidateOutcome
  ) {
    self.agentID = agentID
    self.displayName = displayName
    self.presence = presence
    self.activeConversations = activeConversations
    self.capacity = capacity
    self.idleTime = idleTime
    self.score = score
    self.outcome = outcome
  }
}

/// One routing decision about a conversation, with its reasoning.
public struct RoutingDecision: Sendable, Hashable {
  /// When it was taken.
  public var decidedAt: WallTime
  /// What caused it.
  public var trigger: RoutingTrigger
  /// The queue routed from; `nil` for direct transfers.
  public var queueID: String?
  /// The rule that chose.
  public var rule: RoutingRule
  /// Human-readable explanation of the rule's application.
  public var explanation: String
  /// Agents considered, best ranked first.
  public var candidates: [RoutingCandidate]
  /// The chosen agent; `nil` if none (broadcast, none eligible, overflow).
  public var chosenAgentID: String?
  /// Offers created by this decision.
  public var offerIDs: [String]

  /// A decision.
  public init(
    decidedAt: WallTime,
    trigger: RoutingTrigger,
    queueID: String?,
    rule: RoutingRule,
    explanation: String,
    candidates: [RoutingCandidate],
    chosenAgentID: String?,
    offerIDs: [String]
  ) {
    self.decidedAt = decidedAt
    self.trigger = trigger
    self.queueID = queueID
    self.rule = rule
    self.explanation = explanation
    self.candidates = candidates
    self.chosenAgentID = chosenAgentID
    self.offerIDs = offerIDs
  }
}

/// Every routing decision about a conversation and its current owner.
public struct RoutingExplanation: Sendable, Hashable {
  /// Decisions, oldest first.
  public var decisions: [RoutingDecision]
  /// The agent who owns the conversation now; `nil` if none.
  public var currentAgentID: String?

  /// An explanation.
  public init(decisions: [RoutingDecision], currentAgentID: String?) {
    self.decisions = decisions
    self.currentAgentID = currentAgentID
  }
}
