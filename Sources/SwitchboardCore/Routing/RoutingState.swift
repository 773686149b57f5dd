internal import OrderedCollections

/// A queue as the registry keeps it: its configuration, its waiting line and its recent samples
/// for the figures.
struct QueueState: Sendable {
  /// The stored configuration.
  var config: QueueConfig
  /// Conversations waiting here, in serving order.
  var line = WaitingLine()
  /// Samples of the trailing window behind the figures.
  var samples = QueueSamples()
}

/// An agent (or supervisor) as the registry keeps it: profile, presence, connectivity and load.
struct AgentState: Sendable {
  /// The stored profile.
  var profile: AgentProfile
  /// Current presence.
  var presence: Presence = .offline
  /// The reason given with the presence.
  var presenceReason = ""
  /// Since when the presence holds.
  var presenceSince: WallTime
  /// Open notifications streams, by subscriber id. Connected while not empty.
  var streams: OrderedDictionary<UInt64, Sink<Notification>> = [:]
  /// Counts disconnections; the grace timer of an older disconnection does nothing.
  var disconnectGeneration: UInt64 = 0
  /// When the last stream closed, while the grace period runs; `nil` when connected or after
  /// the grace period ended.
  var disconnectedAt: WallTime?
  /// Conversations active or in wrap-up with this agent.
  var active: OrderedSet<String> = []
  /// Pending offers to this agent, oldest first.
  var offers: OrderedSet<String> = []
  /// When the agent last took or finished a conversation (or was created): the longest idle
  /// agent is the one with the oldest value.
  var lastActivityAt: WallTime
  /// Offers the agent let expire in a row; reset by accepting or declining.
  var missedInARow = 0

  init(profile: AgentProfile, now: WallTime) {
    self.profile = profile
    self.presenceSince = now
    self.lastActivityAt = now
  }

  /// True while at least one notifications stream is open.
  var connected: Bool { !streams.isEmpty }
  /// Active conversations plus pending offers: what counts against capacity.
  var load: Int { active.count + offers.count }
  /// The profile's capacity.
  var capacity: Int { Int(profile.capacity) }
  /// Available, connected and below capacity.
  var canTakeOffers: Bool { presence == .available && connected && load < capacity }
  /// `load / capacity`, the least-loaded rule's measure.
  var loadRatio: Double { Double(load) / Double(max(1, capacity)) }
  /// As a conversation participant.
  var participant: Participant {
    Participant(participantID: profile.agentID, role: profile.role, displayName: profile.displayName)
  }

  /// Whether the agent has every skill in `skills`.
  func hasSkills(_ skills: [String]) -> Bool {
    skills.allSatisfy(profile.skills.contains)
  }
}

/// The state of an offer.
enum OfferStatus: Sendable, Hashable {
  /// Waiting for the agent's answer.
  case pending
  /// The agent accepted it.
  case accepted(at: WallTime)
  /// The agent declined it.
  case declined(DeclineReason, note: String, at: WallTime)
  /// It was taken back.
  case withdrawn(OfferWithdrawnReason, at: WallTime)
}

/// An offer as the registry keeps it (answered and withdrawn ones too, so that a late accept
/// gets a precise `failedPrecondition`).
struct OfferState: Sendable {
  /// The offer as the agent saw it.
  var offer: Offer
  /// The agent it was made to.
  var agentID: String
  /// Where it stands.
  var status: OfferStatus = .pending
  /// A direct offer (transfer or reassignment naming the agent): on decline or expiry the
  /// conversation goes back to its queue.
  var direct: Bool
}

/// Per-conversation routing facts that are not conversation content.
struct ConversationRouting: Sendable {
  /// The serving-order key; priority, original arrival and order survive re-queueing.
  var key: WaitKey
  /// True while the conversation waits in `queueID`'s line.
  var waiting = false
  /// Counts entries into a queue; a max-wait timer of an older entry does nothing.
  var entry: UInt64 = 0
  /// When it entered its current queue (max wait counts from here).
  var enteredQueueAt: WallTime
  /// Pending offers, oldest first.
  var offers: OrderedSet<String> = []
  /// Agents who declined or let an offer expire: never offered this conversation again.
  var skipped: Set<String> = []
  /// The agent who transferred it away last: not offered it back by queue routing.
  var transferringAgentID: String?
  /// The latest transfer, shown in offers.
  var lastTransfer: TransferRecord?
  /// Why the next routing attempt happens; after a "none eligible" decision it becomes
  /// `.capacityFreed`, so that only the first attempt after an event records a decision.
  var trigger: RoutingTrigger
  /// True until a routing attempt has recorded a decision for `trigger`.
  var needsDecision = true
  /// Decisions, oldest first (capped by `RegistryOptions.maxDecisionsPerConversation`).
  var decisions: [RoutingDecision] = []

  /// Routable: waiting with no pending offer.
  var routable: Bool { waiting && offers.isEmpty }

  /// Whether queue routing may offer the conversation to `agentID`: not skipped, not the
  /// transferring agent, no pending offer to them.
  func mayBeOffered(to agentID: String, offers: [String: OfferState]) -> Bool {
    !skipped.contains(agentID) && transferringAgentID != agentID
      && !self.offers.contains { offers[$0]?.agentID == agentID }
  }
}
