/// Why an agent declined an offer.
public enum DeclineReason: Sendable, Hashable, CaseIterable {
  /// Busy with current conversations.
  case busy
  /// The topic needs expertise the agent lacks.
  case notMyExpertise
  /// The agent does not speak the customer's language.
  case language
  /// The agent is about to go on a break or end the shift.
  case goingAway
  /// Anything else (also used when no reason was given).
  case other
}

/// What made the router take a decision.
public enum RoutingTrigger: Sendable, Hashable, CaseIterable {
  /// A new conversation entered a queue.
  case newConversation
  /// The previous offer was declined.
  case offerDeclined
  /// The previous offer timed out.
  case offerTimedOut
  /// An agent transferred the conversation.
  case transfer
  /// A supervisor reassigned the conversation.
  case reassign
  /// The conversation exceeded max wait and moved to the overflow queue.
  case overflow
  /// An agent became available or freed capacity while the conversation waited.
  case capacityFreed
  /// The agent holding the offer became unavailable and the conversation went back to the queue.
  case agentLost
}

/// The rule that chose (or failed to choose) an agent.
public enum RoutingRule: Sendable, Hashable, CaseIterable {
  /// Among the least loaded, the agent idle the longest was chosen.
  case longestIdle
  /// The eligible agent with the lowest load relative to capacity was chosen.
  case leastLoaded
  /// Every eligible agent was offered at once.
  case broadcast
  /// A transfer or reassignment named the agent.
  case direct
  /// No eligible agent; the conversation stayed queued.
  case noneEligible
  /// The conversation was sent to the overflow queue.
  case overflow
}

/// What happened to one agent the router considered.
public enum CandidateOutcome: Sendable, Hashable, CaseIterable {
  /// Chosen and offered the conversation (or handed it, for direct transfers).
  case chosen
  /// Eligible and offered as part of a broadcast.
  case offered
  /// Eligible but ranked below the chosen agent.
  case rankedLower
  /// Skipped: away, offline or disconnected.
  case notAvailable
  /// Skipped: at capacity (active conversations plus pending offers).
  case atCapacity
  /// Skipped: lacks a skill the queue requires.
  case missingSkill
  /// Skipped: declined or let an offer for this conversation time out.
  case previouslyDeclined
  /// Skipped: the agent is the one transferring the conversation away.
  case transferringAgent
}

/// Why an offer was taken back from an agent.
public enum OfferWithdrawnReason: Sendable, Hashable, CaseIterable {
  /// The offer timeout passed.
  case timedOut
  /// Another agent accepted the broadcast offer first.
  case acceptedElsewhere
  /// The customer left.
  case customerLeft
  /// A supervisor reassigned the conversation (or the conversation was closed administratively).
  case reassigned
  /// The agent became away, offline, or lost its connection.
  case agentUnavailable
  /// The conversation moved to an overflow queue.
  case overflow
}
