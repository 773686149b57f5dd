// The enums of switchboard.v1 between the wire and the core.
//
// The core's enums have no "unspecified" case and no room for numbers this server does not know.
// Outgoing, every core value has its wire value. Incoming, `core(_:)` gives nil for UNSPECIFIED
// (the request's "use the default" or "any") and INVALID_ARGUMENT for an unrecognized number;
// `required(_:)` also rejects UNSPECIFIED, for fields that have no default.

internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

/// A wire enum with a core counterpart.
protocol CoreConvertibleEnum: ProtoEnum {
  /// The core's enum.
  associatedtype CoreValue
  /// The core's value; nil for UNSPECIFIED and for unrecognized numbers.
  var coreValue: CoreValue? { get }
}

extension CoreConvertibleEnum {
  /// The core's value, nil for UNSPECIFIED; INVALID_ARGUMENT naming `field` for a number this
  /// server does not know.
  func core(_ field: String) throws(RPCError) -> CoreValue? {
    if rawValue == 0 { return nil }
    guard let value = coreValue else {
      throw RPCError(
        .invalidArgument,
        "\(field): \(rawValue) is not a known \(Self.protoEnumName) value"
      )
    }
    return value
  }

  /// The core's value; INVALID_ARGUMENT naming `field` for UNSPECIFIED or an unknown number.
  func required(_ field: String) throws(RPCError) -> CoreValue {
    guard let value = try core(field) else {
      throw RPCError(.invalidArgument, "\(field) must be set (it is unspecified)")
    }
    return value
  }
}

extension Array where Element: CoreConvertibleEnum {
  /// The core's values of a repeated enum field; INVALID_ARGUMENT naming `field` for UNSPECIFIED
  /// or an unknown number in it.
  func required(_ field: String) throws(RPCError) -> [Element.CoreValue] {
    var values: [Element.CoreValue] = []
    values.reserveCapacity(count)
    for (index, element) in enumerated() {
      values.append(try element.required("\(field)[\(index)]"))
    }
    return values
  }
}

// MARK: - Priority

extension SwitchboardAPI.Priority: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.Priority? {
    switch self {
    case .low: .low
    case .normal: .normal
    case .high: .high
    case .urgent: .urgent
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.Priority {
  var wire: SwitchboardAPI.Priority {
    switch self {
    case .low: .low
    case .normal: .normal
    case .high: .high
    case .urgent: .urgent
    }
  }
}

// MARK: - Channel

extension SwitchboardAPI.Channel: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.Channel? {
    switch self {
    case .web: .web
    case .mobileApp: .mobileApp
    case .messaging: .messaging
    case .phone: .phone
    case .email: .email
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.Channel {
  var wire: SwitchboardAPI.Channel {
    switch self {
    case .web: .web
    case .mobileApp: .mobileApp
    case .messaging: .messaging
    case .phone: .phone
    case .email: .email
    }
  }
}

// MARK: - Presence

extension SwitchboardAPI.Presence: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.Presence? {
    switch self {
    case .available: .available
    case .away: .away
    case .offline: .offline
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.Presence {
  var wire: SwitchboardAPI.Presence {
    switch self {
    case .available: .available
    case .away: .away
    case .offline: .offline
    }
  }
}

// MARK: - Role

extension SwitchboardAPI.Role: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.Role? {
    switch self {
    case .customer: .customer
    case .bot: .bot
    case .agent: .agent
    case .supervisor: .supervisor
    case .admin: .admin
    case .system: .system
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.Role {
  var wire: SwitchboardAPI.Role {
    switch self {
    case .customer: .customer
    case .bot: .bot
    case .agent: .agent
    case .supervisor: .supervisor
    case .admin: .admin
    case .system: .system
    }
  }
}

// MARK: - ConversationState

extension SwitchboardAPI.ConversationState: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.ConversationState? {
    switch self {
    case .queued: .queued
    case .offered: .offered
    case .active: .active
    case .wrapUp: .wrapUp
    case .closed: .closed
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.ConversationState {
  var wire: SwitchboardAPI.ConversationState {
    switch self {
    case .queued: .queued
    case .offered: .offered
    case .active: .active
    case .wrapUp: .wrapUp
    case .closed: .closed
    }
  }
}

// MARK: - CloseReason (outgoing only)

extension SwitchboardCore.CloseReason {
  var wire: SwitchboardAPI.CloseReason {
    switch self {
    case .agentClosed: .agentClosed
    case .abandoned: .abandoned
    case .maxWaitExceeded: .maxWaitExceeded
    case .administrative: .administrative
    }
  }
}

// MARK: - MessageVisibility (outgoing only)

extension SwitchboardCore.MessageVisibility {
  var wire: SwitchboardAPI.MessageVisibility {
    switch self {
    case .public: .public
    case .internalNote: .internalNote
    case .whisper: .whisper
    }
  }
}

// MARK: - OfferMode

extension SwitchboardAPI.OfferMode: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.OfferMode? {
    switch self {
    case .singleAgent: .singleAgent
    case .broadcast: .broadcast
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.OfferMode {
  var wire: SwitchboardAPI.OfferMode {
    switch self {
    case .singleAgent: .singleAgent
    case .broadcast: .broadcast
    }
  }
}

// MARK: - DeclineReason (incoming only)

extension SwitchboardAPI.DeclineReason: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.DeclineReason? {
    switch self {
    case .busy: .busy
    case .notMyExpertise: .notMyExpertise
    case .language: .language
    case .goingAway: .goingAway
    case .other: .other
    case .unspecified, .unrecognized: nil
    }
  }
}

// MARK: - TransferReason

extension SwitchboardAPI.TransferReason: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.TransferReason? {
    switch self {
    case .expertise: .expertise
    case .workload: .workload
    case .language: .language
    case .escalation: .escalation
    case .supervisorReassign: .supervisorReassign
    case .other: .other
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.TransferReason {
  var wire: SwitchboardAPI.TransferReason {
    switch self {
    case .expertise: .expertise
    case .workload: .workload
    case .language: .language
    case .escalation: .escalation
    case .supervisorReassign: .supervisorReassign
    case .other: .other
    }
  }
}

// MARK: - AssistanceStatus

extension SwitchboardAPI.AssistanceStatus: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.AssistanceStatus? {
    switch self {
    case .open: .open
    case .resolved: .resolved
    case .cancelled: .cancelled
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.AssistanceStatus {
  var wire: SwitchboardAPI.AssistanceStatus {
    switch self {
    case .open: .open
    case .resolved: .resolved
    case .cancelled: .cancelled
    }
  }
}

// MARK: - Routing explanations (outgoing only)

extension SwitchboardCore.RoutingTrigger {
  var wire: SwitchboardAPI.RoutingTrigger {
    switch self {
    case .newConversation: .newConversation
    case .offerDeclined: .offerDeclined
    case .offerTimedOut: .offerTimedOut
    case .transfer: .transfer
    case .reassign: .reassign
    case .overflow: .overflow
    case .capacityFreed: .capacityFreed
    case .agentLost: .agentLost
    }
  }
}

extension SwitchboardCore.RoutingRule {
  var wire: SwitchboardAPI.RoutingRule {
    switch self {
    case .longestIdle: .longestIdle
    case .leastLoaded: .leastLoaded
    case .broadcast: .broadcast
    case .direct: .direct
    case .noneEligible: .noneEligible
    case .overflow: .overflow
    }
  }
}

extension SwitchboardCore.CandidateOutcome {
  var wire: SwitchboardAPI.CandidateOutcome {
    switch self {
    case .chosen: .chosen
    case .offered: .offered
    case .rankedLower: .rankedLower
    case .notAvailable: .notAvailable
    case .atCapacity: .atCapacity
    case .missingSkill: .missingSkill
    case .previouslyDeclined: .previouslyDeclined
    case .transferringAgent: .transferringAgent
    }
  }
}

extension SwitchboardCore.OfferWithdrawnReason {
  var wire: SwitchboardAPI.OfferWithdrawnReason {
    switch self {
    case .timedOut: .timedOut
    case .acceptedElsewhere: .acceptedElsewhere
    case .customerLeft: .customerLeft
    case .reassigned: .reassigned
    case .agentUnavailable: .agentUnavailable
    case .overflow: .overflow
    }
  }
}

// MARK: - ExternalEventKind

extension SwitchboardAPI.ExternalEventKind: CoreConvertibleEnum {
  var coreValue: SwitchboardCore.ExternalEventKind? {
    switch self {
    case .conversationClosed: .conversationClosed
    case .ticketCreated: .ticketCreated
    case .channelMoveRequested: .channelMoveRequested
    case .surveySubmitted: .surveySubmitted
    case .assistanceRequested: .assistanceRequested
    case .unspecified, .unrecognized: nil
    }
  }
}

extension SwitchboardCore.ExternalEventKind {
  var wire: SwitchboardAPI.ExternalEventKind {
    switch self {
    case .conversationClosed: .conversationClosed
    case .ticketCreated: .ticketCreated
    case .channelMoveRequested: .channelMoveRequested
    case .surveySubmitted: .surveySubmitted
    case .assistanceRequested: .assistanceRequested
    }
  }
}

extension Array where Element == SwitchboardAPI.ConversationState {
  /// The states a list filter selects. UNSPECIFIED "matches every state" (as the enum says), so
  /// a list holding it selects them all; an empty list stays empty (the RPC's default); an
  /// unknown number is INVALID_ARGUMENT naming `field`.
  func stateFilter(_ field: String) throws(RPCError) -> [SwitchboardCore.ConversationState] {
    var states: [SwitchboardCore.ConversationState] = []
    var matchesEvery = false
    for (index, element) in enumerated() {
      if let state = try element.core("\(field)[\(index)]") {
        states.append(state)
      } else {
        matchesEvery = true
      }
    }
    return matchesEvery ? SwitchboardCore.ConversationState.allCases : states
  }
}
