internal import SwitchboardCore

/// An enumeration stored as a fixed text code. The codes are part of the file format: a case
/// renamed in Swift keeps its code, and a new case gets a new code.
protocol StoredCode: CaseIterable, Hashable {
  /// The text stored for this case.
  var storedCode: String { get }
}

extension StoredCode {
  /// The case stored as `code`; an unknown code is `SQLITE_CORRUPT` naming `what`.
  init(storedCode code: String, what: String) throws(SQLiteError) {
    guard let value = Self.allCases.first(where: { $0.storedCode == code }) else {
      throw SQLiteError.corruptValue(what, "unknown code \"\(code)\"")
    }
    self = value
  }
}

extension Channel: StoredCode {
  var storedCode: String {
    switch self {
    case .web: "web"
    case .mobileApp: "mobile_app"
    case .messaging: "messaging"
    case .phone: "phone"
    case .email: "email"
    }
  }
}

extension Role: StoredCode {
  var storedCode: String {
    switch self {
    case .customer: "customer"
    case .bot: "bot"
    case .agent: "agent"
    case .supervisor: "supervisor"
    case .admin: "admin"
    case .system: "system"
    }
  }
}

extension Presence: StoredCode {
  var storedCode: String {
    switch self {
    case .available: "available"
    case .away: "away"
    case .offline: "offline"
    }
  }
}

extension OfferMode: StoredCode {
  var storedCode: String {
    switch self {
    case .singleAgent: "single_agent"
    case .broadcast: "broadcast"
    }
  }
}

extension MessageVisibility: StoredCode {
  var storedCode: String {
    switch self {
    case .public: "public"
    case .internalNote: "internal_note"
    case .whisper: "whisper"
    }
  }
}

extension CloseReason: StoredCode {
  var storedCode: String {
    switch self {
    case .agentClosed: "agent_closed"
    case .abandoned: "abandoned"
    case .maxWaitExceeded: "max_wait_exceeded"
    case .administrative: "administrative"
    }
  }
}

extension TransferReason: StoredCode {
  var storedCode: String {
    switch self {
    case .expertise: "expertise"
    case .workload: "workload"
    case .language: "language"
    case .escalation: "escalation"
    case .supervisorReassign: "supervisor_reassign"
    case .other: "other"
    }
  }
}

extension AssistanceStatus: StoredCode {
  var storedCode: String {
    switch self {
    case .open: "open"
    case .resolved: "resolved"
    case .cancelled: "cancelled"
    }
  }
}

extension DeclineReason: StoredCode {
  var storedCode: String {
    switch self {
    case .busy: "busy"
    case .notMyExpertise: "not_my_expertise"
    case .language: "language"
    case .goingAway: "going_away"
    case .other: "other"
    }
  }
}

extension RoutingTrigger: StoredCode {
  var storedCode: String {
    switch self {
    case .newConversation: "new_conversation"
    case .offerDeclined: "offer_declined"
    case .offerTimedOut: "offer_timed_out"
    case .transfer: "transfer"
    case .reassign: "reassign"
    case .overflow: "overflow"
    case .capacityFreed: "capacity_freed"
    case .agentLost: "agent_lost"
    }
  }
}

extension RoutingRule: StoredCode {
  var storedCode: String {
    switch self {
    case .longestIdle: "longest_idle"
    case .leastLoaded: "least_loaded"
    case .broadcast: "broadcast"
    case .direct: "direct"
    case .noneEligible: "none_eligible"
    case .overflow: "overflow"
    }
  }
}

extension CandidateOutcome: StoredCode {
  var storedCode: String {
    switch self {
    case .chosen: "chosen"
    case .offered: "offered"
    case .rankedLower: "ranked_lower"
    case .notAvailable: "not_available"
    case .atCapacity: "at_capacity"
    case .missingSkill: "missing_skill"
    case .previouslyDeclined: "previously_declined"
    case .transferringAgent: "transferring_agent"
    }
  }
}

extension OfferWithdrawnReason: StoredCode {
  var storedCode: String {
    switch self {
    case .timedOut: "timed_out"
    case .acceptedElsewhere: "accepted_elsewhere"
    case .customerLeft: "customer_left"
    case .reassigned: "reassigned"
    case .agentUnavailable: "agent_unavailable"
    case .overflow: "overflow"
    }
  }
}

extension ConversationState: StoredCode {
  var storedCode: String {
    switch self {
    case .queued: "queued"
    case .offered: "offered"
    case .active: "active"
    case .wrapUp: "wrap_up"
    case .closed: "closed"
    }
  }
}

extension ExternalEventKind: StoredCode {
  var storedCode: String {
    switch self {
    case .conversationClosed: "conversation_closed"
    case .ticketCreated: "ticket_created"
    case .channelMoveRequested: "channel_move_requested"
    case .surveySubmitted: "survey_submitted"
    case .assistanceRequested: "assistance_requested"
    }
  }
}

extension Priority: StoredCode {
  /// Priorities are stored as their number in columns (so they sort); this code is for JSON.
  var storedCode: String {
    switch self {
    case .low: "low"
    case .normal: "normal"
    case .high: "high"
    case .urgent: "urgent"
    }
  }

  /// The priority stored as `number` in a column.
  init(storedNumber number: Int64, what: String) throws(SQLiteError) {
    guard let value = Priority(rawValue: Int(number)) else {
      throw SQLiteError.corruptValue(what, "unknown priority \(number)")
    }
    self = value
  }
}
