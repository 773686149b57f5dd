// Swift types for Protos/switchboard/v1/common.proto.

public import ProtoWire

// MARK: - Enums

/// How urgently a conversation, ticket or assistance request should be handled.
public enum Priority: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.Priority"
  /// Not set; the server applies the queue's default priority.
  case unspecified
  /// Can wait behind everything else.
  case low
  /// The usual priority.
  case normal
  /// Served before normal and low priority work.
  case high
  /// Served first; for example a blocked payment or a safety issue.
  case urgent
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .low
    case 2: self = .normal
    case 3: self = .high
    case 4: self = .urgent
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .low: 1
    case .normal: 2
    case .high: 3
    case .urgent: 4
    case .unrecognized(let value): value
    }
  }
}

/// The medium a customer reaches support through, or is moved to.
public enum Channel: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.Channel"
  /// Not set; the server assumes `.web`.
  case unspecified
  /// Chat widget on a web site.
  case web
  /// Chat inside the company's mobile app.
  case mobileApp
  /// A third-party messaging network (SMS, WhatsApp, ...) relayed by a bot.
  case messaging
  /// A phone call; only a MoveChannel target, never a live chat.
  case phone
  /// E-mail; only a MoveChannel target, never a live chat.
  case email
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .web
    case 2: self = .mobileApp
    case 3: self = .messaging
    case 4: self = .phone
    case 5: self = .email
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .web: 1
    case .mobileApp: 2
    case .messaging: 3
    case .phone: 4
    case .email: 5
    case .unrecognized(let value): value
    }
  }
}

/// Whether an agent can receive new offers.
public enum Presence: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.Presence"
  /// Not set; invalid in requests.
  case unspecified
  /// Receives offers up to their capacity.
  case available
  /// Keeps active conversations but receives no new offers.
  case away
  /// Not working; receives no offers. Agents without an open Notifications stream are offline.
  case offline
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .available
    case 2: self = .away
    case 3: self = .offline
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .available: 1
    case .away: 2
    case .offline: 3
    case .unrecognized(let value): value
    }
  }
}

/// Who a principal or a conversation participant is.
public enum Role: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.Role"
  /// Not set; invalid in requests.
  case unspecified
  /// The person asking for help; token scoped to one conversation.
  case customer
  /// An automated front end that escalates conversations (and may relay customer messages).
  case bot
  /// A human support agent.
  case agent
  /// An agent who also supervises queues: monitor, whisper, join, reassign.
  case supervisor
  /// Configures queues, agents, categories, surveys and tokens; reads the event feed.
  case admin
  /// Switchboard itself, as the author of system messages; never issued in a token.
  case system
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .customer
    case 2: self = .bot
    case 3: self = .agent
    case 4: self = .supervisor
    case 5: self = .admin
    case 6: self = .system
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .customer: 1
    case .bot: 2
    case .agent: 3
    case .supervisor: 4
    case .admin: 5
    case .system: 6
    case .unrecognized(let value): value
    }
  }
}

/// Where a conversation is in its life.
public enum ConversationState: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.ConversationState"
  /// Not set; in filters it matches every state.
  case unspecified
  /// Waiting in a queue; no agent has an offer yet.
  case queued
  /// Offered to one agent (or broadcast to several); waiting for an accept.
  case offered
  /// An agent accepted it and is talking with the customer.
  case active
  /// The customer left an active conversation; the agent is finishing notes before Close.
  case wrapUp
  /// Finished; the transcript is stored and a survey may be open.
  case closed
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .queued
    case 2: self = .offered
    case 3: self = .active
    case 4: self = .wrapUp
    case 5: self = .closed
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .queued: 1
    case .offered: 2
    case .active: 3
    case .wrapUp: 4
    case .closed: 5
    case .unrecognized(let value): value
    }
  }
}

/// Why a conversation ended.
public enum CloseReason: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.CloseReason"
  /// Not set.
  case unspecified
  /// An agent (or supervisor) closed it with a resolution category.
  case agentClosed
  /// The customer left before any agent accepted it (abandonment).
  case abandoned
  /// It waited longer than the queue's max wait and the queue has no overflow queue.
  case maxWaitExceeded
  /// An admin removed its queue without a drain target, or an operator ended it.
  case administrative
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .agentClosed
    case 2: self = .abandoned
    case 3: self = .maxWaitExceeded
    case 4: self = .administrative
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .agentClosed: 1
    case .abandoned: 2
    case .maxWaitExceeded: 3
    case .administrative: 4
    case .unrecognized(let value): value
    }
  }
}

/// Who may see a conversation message.
public enum MessageVisibility: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.MessageVisibility"
  /// Not set; treated as `.public`.
  case unspecified
  /// Everyone in the conversation, the customer included.
  case `public`
  /// Internal note: agents and supervisors only.
  case internalNote
  /// Supervisor whisper: the assigned agent and supervisors only.
  case whisper
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .public
    case 2: self = .internalNote
    case 3: self = .whisper
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .public: 1
    case .internalNote: 2
    case .whisper: 3
    case .unrecognized(let value): value
    }
  }
}

/// How a queue offers a conversation to agents.
public enum OfferMode: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.OfferMode"
  /// Not set; the server uses `.singleAgent`.
  case unspecified
  /// One chosen agent at a time; on decline or timeout the next candidate is offered.
  case singleAgent
  /// All eligible agents at once; the first Accept wins and the other offers are withdrawn.
  case broadcast
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .singleAgent
    case 2: self = .broadcast
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .singleAgent: 1
    case .broadcast: 2
    case .unrecognized(let value): value
    }
  }
}

/// Why an agent declined an offer.
public enum DeclineReason: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.DeclineReason"
  /// Not set; recorded as "other".
  case unspecified
  /// Busy with current conversations.
  case busy
  /// The topic needs expertise the agent lacks.
  case notMyExpertise
  /// The agent does not speak the customer's language.
  case language
  /// The agent is about to go on a break or end the shift.
  case goingAway
  /// Anything else; explain in the note.
  case other
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .busy
    case 2: self = .notMyExpertise
    case 3: self = .language
    case 4: self = .goingAway
    case 5: self = .other
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .busy: 1
    case .notMyExpertise: 2
    case .language: 3
    case .goingAway: 4
    case .other: 5
    case .unrecognized(let value): value
    }
  }
}

/// Why a conversation was transferred or reassigned.
public enum TransferReason: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.TransferReason"
  /// Not set; recorded as "other".
  case unspecified
  /// Another agent or queue has the needed expertise.
  case expertise
  /// Balancing workload.
  case workload
  /// The customer needs another language.
  case language
  /// Escalation to a more senior tier.
  case escalation
  /// A supervisor moved it with Reassign; set by the server, not accepted in Transfer.
  case supervisorReassign
  /// Anything else; explain in the note.
  case other
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .expertise
    case 2: self = .workload
    case 3: self = .language
    case 4: self = .escalation
    case 5: self = .supervisorReassign
    case 6: self = .other
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .expertise: 1
    case .workload: 2
    case .language: 3
    case .escalation: 4
    case .supervisorReassign: 5
    case .other: 6
    case .unrecognized(let value): value
    }
  }
}

/// The state of a request for supervisor assistance.
public enum AssistanceStatus: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.AssistanceStatus"
  /// Not set; in filters it matches every status.
  case unspecified
  /// Waiting for a supervisor.
  case open
  /// A supervisor answered it.
  case resolved
  /// The conversation closed or moved before anyone answered.
  case cancelled
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .open
    case 2: self = .resolved
    case 3: self = .cancelled
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .open: 1
    case .resolved: 2
    case .cancelled: 3
    case .unrecognized(let value): value
    }
  }
}

/// What made the router take a decision.
public enum RoutingTrigger: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.RoutingTrigger"
  /// Not set.
  case unspecified
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
  /// The assigned agent went offline and the conversation went back to the queue.
  case agentLost
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .newConversation
    case 2: self = .offerDeclined
    case 3: self = .offerTimedOut
    case 4: self = .transfer
    case 5: self = .reassign
    case 6: self = .overflow
    case 7: self = .capacityFreed
    case 8: self = .agentLost
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .newConversation: 1
    case .offerDeclined: 2
    case .offerTimedOut: 3
    case .transfer: 4
    case .reassign: 5
    case .overflow: 6
    case .capacityFreed: 7
    case .agentLost: 8
    case .unrecognized(let value): value
    }
  }
}

/// The rule that chose (or failed to choose) an agent.
public enum RoutingRule: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.RoutingRule"
  /// Not set.
  case unspecified
  /// The eligible agent idle the longest was chosen.
  case longestIdle
  /// The eligible agent with the lowest load relative to capacity was chosen.
  case leastLoaded
  /// Every eligible agent was offered at once (broadcast queue).
  case broadcast
  /// A transfer or reassignment named the agent directly.
  case direct
  /// No eligible agent; the conversation stayed queued.
  case noneEligible
  /// The conversation was sent to the overflow queue.
  case overflow
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .longestIdle
    case 2: self = .leastLoaded
    case 3: self = .broadcast
    case 4: self = .direct
    case 5: self = .noneEligible
    case 6: self = .overflow
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .longestIdle: 1
    case .leastLoaded: 2
    case .broadcast: 3
    case .direct: 4
    case .noneEligible: 5
    case .overflow: 6
    case .unrecognized(let value): value
    }
  }
}

/// What happened to one agent the router considered.
public enum CandidateOutcome: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.CandidateOutcome"
  /// Not set.
  case unspecified
  /// Chosen and offered the conversation (or handed it, for direct transfers).
  case chosen
  /// Eligible and offered as part of a broadcast.
  case offered
  /// Eligible but ranked below the chosen agent.
  case rankedLower
  /// Skipped: away or offline.
  case notAvailable
  /// Skipped: already at capacity.
  case atCapacity
  /// Skipped: lacks a skill the queue requires.
  case missingSkill
  /// Skipped: already declined or let an offer for this conversation time out.
  case previouslyDeclined
  /// Skipped: the agent is the one transferring the conversation away.
  case transferringAgent
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .chosen
    case 2: self = .offered
    case 3: self = .rankedLower
    case 4: self = .notAvailable
    case 5: self = .atCapacity
    case 6: self = .missingSkill
    case 7: self = .previouslyDeclined
    case 8: self = .transferringAgent
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .chosen: 1
    case .offered: 2
    case .rankedLower: 3
    case .notAvailable: 4
    case .atCapacity: 5
    case .missingSkill: 6
    case .previouslyDeclined: 7
    case .transferringAgent: 8
    case .unrecognized(let value): value
    }
  }
}

// MARK: - Messages

/// A half-open time interval [start, end).
public struct TimeRange: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.TimeRange"
  /// Inclusive start; unset means unbounded.
  public var start: ProtoTimestamp? = nil
  /// Exclusive end; unset means unbounded (now).
  public var end: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(start, 1)
    visitor.message(end, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&start, wireType)
    case 2: try decoder.message(&end, wireType)
    default: return false
    }
    return true
  }
}

/// Ways to reach a customer outside the chat.
public struct ContactDetails: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ContactDetails"
  /// E-mail address; empty if unknown.
  public var email: String = ""
  /// Phone number in E.164 form (+4915112345678); empty if unknown.
  public var phoneNumber: String = ""
  /// The channel the customer prefers to be contacted on, if they said.
  public var preferredChannel: Channel = .unspecified
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(email, 1)
    visitor.string(phoneNumber, 2)
    visitor.enum(preferredChannel, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: email = try decoder.string(wireType)
    case 2: phoneNumber = try decoder.string(wireType)
    case 3: preferredChannel = try decoder.enum(wireType)
    default: return false
    }
    return true
  }
}

/// Who the customer is, as told by the caller of StartConversation.
public struct CustomerInfo: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CustomerInfo"
  /// The customer's id in the caller's systems (CRM id, account number); may be empty for guests.
  public var customerID: String = ""
  /// Name shown to agents.
  public var displayName: String = ""
  /// How to reach the customer outside the chat.
  public var contact: ContactDetails? = nil
  /// BCP 47 language tag of the customer's language, e.g. "de-DE".
  public var locale: String = ""
  /// True if the caller verified the customer's identity (logged in, passed bot checks).
  public var verified: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(customerID, 1)
    visitor.string(displayName, 2)
    visitor.message(contact, 3)
    visitor.string(locale, 4)
    visitor.bool(verified, 5)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: customerID = try decoder.string(wireType)
    case 2: displayName = try decoder.string(wireType)
    case 3: try decoder.message(&contact, wireType)
    case 4: locale = try decoder.string(wireType)
    case 5: verified = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// One line of the conversation the bot had before escalating.
public struct BotTranscriptEntry: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.BotTranscriptEntry"
  /// Who said it: `.customer` or `.bot`.
  public var speaker: Role = .unspecified
  /// What was said.
  public var text: String = ""
  /// When it was said.
  public var sentAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.enum(speaker, 1)
    visitor.string(text, 2)
    visitor.message(sentAt, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: speaker = try decoder.enum(wireType)
    case 2: text = try decoder.string(wireType)
    case 3: try decoder.message(&sentAt, wireType)
    default: return false
    }
    return true
  }
}

/// What a bot learned before handing the customer over to a human.
public struct BotContext: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.BotContext"
  /// The escalating bot's id.
  public var botID: String = ""
  /// A short summary of the problem for the agent.
  public var summary: String = ""
  /// The intent the bot detected, e.g. "billing.refund".
  public var detectedIntent: String = ""
  /// The bot's confidence in `detectedIntent`, 0.0 to 1.0.
  public var intentConfidence: Double = 0
  /// Key-value facts the bot collected (order number, plan, device ...).
  public var attributes = ProtoMap<String, String>()
  /// The bot's own conversation with the customer, oldest first.
  public var transcript: [BotTranscriptEntry] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(botID, 1)
    visitor.string(summary, 2)
    visitor.string(detectedIntent, 3)
    visitor.double(intentConfidence, 4)
    visitor.map(attributes, ProtoString.self, ProtoString.self, 5)
    visitor.repeatedMessage(transcript, 6)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: botID = try decoder.string(wireType)
    case 2: summary = try decoder.string(wireType)
    case 3: detectedIntent = try decoder.string(wireType)
    case 4: intentConfidence = try decoder.double(wireType)
    case 5: try decoder.map(&attributes, ProtoString.self, ProtoString.self, wireType)
    case 6: try decoder.repeatedMessage(&transcript, wireType)
    default: return false
    }
    return true
  }
}

/// Someone taking part in (or watching) a conversation.
public struct Participant: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.Participant"
  /// The participant's id: customer id, bot id, agent id, supervisor id, or "system".
  public var participantID: String = ""
  /// What kind of participant this is.
  public var role: Role = .unspecified
  /// Name shown to the other participants.
  public var displayName: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(participantID, 1)
    visitor.enum(role, 2)
    visitor.string(displayName, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: participantID = try decoder.string(wireType)
    case 2: role = try decoder.enum(wireType)
    case 3: displayName = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// One message in a conversation: customer or agent text, internal note, whisper or system line.
public struct ConversationMessage: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationMessage"
  /// Server-assigned message id.
  public var messageID: String = ""
  /// The conversation it belongs to.
  public var conversationID: String = ""
  /// The conversation sequence number of this message.
  public var sequence: UInt64 = 0
  /// The sender's client message id (used to de-duplicate retries); empty for system messages.
  public var clientMessageID: String = ""
  /// Who wrote it.
  public var author: Participant? = nil
  /// The text, UTF-8 plain text.
  public var text: String = ""
  /// Who may see it.
  public var visibility: MessageVisibility = .unspecified
  /// For whispers, the agent it is addressed to; empty otherwise.
  public var recipientAgentID: String = ""
  /// When the server accepted it.
  public var sentAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(messageID, 1)
    visitor.string(conversationID, 2)
    visitor.uint64(sequence, 3)
    visitor.string(clientMessageID, 4)
    visitor.message(author, 5)
    visitor.string(text, 6)
    visitor.enum(visibility, 7)
    visitor.string(recipientAgentID, 8)
    visitor.message(sentAt, 9)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: messageID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: sequence = try decoder.uint64(wireType)
    case 4: clientMessageID = try decoder.string(wireType)
    case 5: try decoder.message(&author, wireType)
    case 6: text = try decoder.string(wireType)
    case 7: visibility = try decoder.enum(wireType)
    case 8: recipientAgentID = try decoder.string(wireType)
    case 9: try decoder.message(&sentAt, wireType)
    default: return false
    }
    return true
  }
}

/// A participant started or stopped typing.
public struct TypingIndicator: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.TypingIndicator"
  /// Who is typing.
  public var participant: Participant? = nil
  /// True while typing; false when they stopped.
  public var typing: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(participant, 1)
    visitor.bool(typing, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&participant, wireType)
    case 2: typing = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// The customer's place in the queue changed.
public struct QueuePositionUpdate: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.QueuePositionUpdate"
  /// The queue the conversation waits in.
  public var queueID: String = ""
  /// 1-based position in the queue (1 = next to be offered).
  public var position: UInt32 = 0
  /// Estimated time until an agent accepts; unset when no estimate is possible.
  public var estimatedWait: ProtoDuration? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.uint32(position, 2)
    visitor.message(estimatedWait, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: position = try decoder.uint32(wireType)
    case 3: try decoder.message(&estimatedWait, wireType)
    default: return false
    }
    return true
  }
}

/// An agent accepted the conversation (or it was handed to them by a transfer).
public struct ConversationAssigned: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationAssigned"
  /// The agent who now owns the conversation.
  public var agent: Participant? = nil
  /// The queue it was routed through; empty for a direct transfer.
  public var queueID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(agent, 1)
    visitor.string(queueID, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&agent, wireType)
    case 2: queueID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Where a transfer or reassignment sends a conversation.
public struct TransferTarget: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.TransferTarget"

  /// Exactly one destination.
  public enum Destination: Sendable, Equatable {
    /// A specific agent; the conversation is handed over directly.
    case agentID(String)
    /// A queue; the conversation is routed again from that queue.
    case queueID(String)
  }

  /// Exactly one destination.
  public var destination: Destination? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    switch destination {
    case .agentID(let value)?: visitor.visit(value, as: ProtoString.self, field: 1)
    case .queueID(let value)?: visitor.visit(value, as: ProtoString.self, field: 2)
    case nil: break
    }
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: destination = .agentID(try decoder.string(wireType))
    case 2: destination = .queueID(try decoder.string(wireType))
    default: return false
    }
    return true
  }
}

/// A transfer or reassignment that happened.
public struct TransferRecord: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.TransferRecord"
  /// Server-assigned transfer id.
  public var transferID: String = ""
  /// The conversation transferred.
  public var conversationID: String = ""
  /// Who transferred it (agent, or supervisor for Reassign).
  public var transferredBy: Participant? = nil
  /// Where it was sent.
  public var target: TransferTarget? = nil
  /// Why.
  public var reason: TransferReason = .unspecified
  /// The note for the receiving side; empty in the customer's view.
  public var note: String = ""
  /// When it happened.
  public var transferredAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(transferID, 1)
    visitor.string(conversationID, 2)
    visitor.message(transferredBy, 3)
    visitor.message(target, 4)
    visitor.enum(reason, 5)
    visitor.string(note, 6)
    visitor.message(transferredAt, 7)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: transferID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: try decoder.message(&transferredBy, wireType)
    case 4: try decoder.message(&target, wireType)
    case 5: reason = try decoder.enum(wireType)
    case 6: note = try decoder.string(wireType)
    case 7: try decoder.message(&transferredAt, wireType)
    default: return false
    }
    return true
  }
}

/// How a conversation ended.
public struct Resolution: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.Resolution"
  /// Why it ended.
  public var reason: CloseReason = .unspecified
  /// The resolution category id chosen at Close; empty in the customer's view and for abandonment.
  public var categoryID: String = ""
  /// The category's label at the time of closing; empty in the customer's view.
  public var categoryLabel: String = ""
  /// The closing notes; empty in the customer's view.
  public var notes: String = ""
  /// Who closed it; role `.system` for abandonment and max-wait closes.
  public var closedBy: Participant? = nil
  /// When it was closed.
  public var closedAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.enum(reason, 1)
    visitor.string(categoryID, 2)
    visitor.string(categoryLabel, 3)
    visitor.string(notes, 4)
    visitor.message(closedBy, 5)
    visitor.message(closedAt, 6)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: reason = try decoder.enum(wireType)
    case 2: categoryID = try decoder.string(wireType)
    case 3: categoryLabel = try decoder.string(wireType)
    case 4: notes = try decoder.string(wireType)
    case 5: try decoder.message(&closedBy, wireType)
    case 6: try decoder.message(&closedAt, wireType)
    default: return false
    }
    return true
  }
}

/// The customer is invited to rate the conversation.
public struct SurveyOffer: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SurveyOffer"
  /// The survey id to pass to SubmitSurvey.
  public var surveyID: String = ""
  /// The question shown to the customer.
  public var prompt: String = ""
  /// After this time SubmitSurvey fails.
  public var expiresAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(surveyID, 1)
    visitor.string(prompt, 2)
    visitor.message(expiresAt, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: surveyID = try decoder.string(wireType)
    case 2: prompt = try decoder.string(wireType)
    case 3: try decoder.message(&expiresAt, wireType)
    default: return false
    }
    return true
  }
}

/// A participant read the conversation up to a sequence number.
public struct ReadReceipt: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ReadReceipt"
  /// Who read.
  public var participant: Participant? = nil
  /// Everything up to and including this sequence number has been read.
  public var readThroughSequence: UInt64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(participant, 1)
    visitor.uint64(readThroughSequence, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&participant, wireType)
    case 2: readThroughSequence = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// One thing that happened in a conversation, as delivered by the Follow and Monitor streams.
public struct ConversationEvent: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationEvent"

  /// What happened.
  public enum Kind: Sendable, Equatable {
    /// A message; notes and whispers appear only in agent and supervisor views.
    case message(ConversationMessage)
    /// Someone joined (a supervisor barging in, a second agent); agents joining by Accept are
    /// reported as `assigned` instead.
    case participantJoined(Participant)
    /// Someone left (customer leaving, supervisor leaving, agent transferring away).
    case participantLeft(Participant)
    /// Typing started or stopped (ephemeral).
    case typing(TypingIndicator)
    /// The customer's queue position or wait estimate changed (ephemeral, customer view).
    case queuePosition(QueuePositionUpdate)
    /// An agent took the conversation.
    case assigned(ConversationAssigned)
    /// The conversation was transferred or reassigned.
    case transferred(TransferRecord)
    /// The conversation was closed; always the last durable event except a survey offer.
    case closed(Resolution)
    /// The customer is invited to a survey (customer view, plus agents for information).
    case surveyOffered(SurveyOffer)
    /// A participant marked messages read.
    case read(ReadReceipt)
  }

  /// The conversation.
  public var conversationID: String = ""
  /// Sequence number of a durable event; for ephemeral events the latest durable sequence. A
  /// filtered view (the customer's) has gaps where hidden events were.
  public var sequence: UInt64 = 0
  /// True for events that are not journaled and never replayed (typing, queue position).
  public var ephemeral: Bool = false
  /// When it happened.
  public var occurredAt: ProtoTimestamp? = nil
  /// What happened.
  public var kind: Kind? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.uint64(sequence, 2)
    visitor.bool(ephemeral, 3)
    visitor.message(occurredAt, 4)
    switch kind {
    case .message(let value)?: visitor.visitMessage(value, field: 10)
    case .participantJoined(let value)?: visitor.visitMessage(value, field: 11)
    case .participantLeft(let value)?: visitor.visitMessage(value, field: 12)
    case .typing(let value)?: visitor.visitMessage(value, field: 13)
    case .queuePosition(let value)?: visitor.visitMessage(value, field: 14)
    case .assigned(let value)?: visitor.visitMessage(value, field: 15)
    case .transferred(let value)?: visitor.visitMessage(value, field: 16)
    case .closed(let value)?: visitor.visitMessage(value, field: 17)
    case .surveyOffered(let value)?: visitor.visitMessage(value, field: 18)
    case .read(let value)?: visitor.visitMessage(value, field: 19)
    case nil: break
    }
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: sequence = try decoder.uint64(wireType)
    case 3: ephemeral = try decoder.bool(wireType)
    case 4: try decoder.message(&occurredAt, wireType)
    case 10:
      var value: ConversationMessage
      if case .message(let existing)? = kind { value = existing } else { value = ConversationMessage() }
      try decoder.message(&value, wireType)
      kind = .message(value)
    case 11:
      var value: Participant
      if case .participantJoined(let existing)? = kind { value = existing } else { value = Participant() }
      try decoder.message(&value, wireType)
      kind = .participantJoined(value)
    case 12:
      var value: Participant
      if case .participantLeft(let existing)? = kind { value = existing } else { value = Participant() }
      try decoder.message(&value, wireType)
      kind = .participantLeft(value)
    case 13:
      var value: TypingIndicator
      if case .typing(let existing)? = kind { value = existing } else { value = TypingIndicator() }
      try decoder.message(&value, wireType)
      kind = .typing(value)
    case 14:
      var value: QueuePositionUpdate
      if case .queuePosition(let existing)? = kind {
        value = existing
      } else {
        value = QueuePositionUpdate()
      }
      try decoder.message(&value, wireType)
      kind = .queuePosition(value)
    case 15:
      var value: ConversationAssigned
      if case .assigned(let existing)? = kind { value = existing } else { value = ConversationAssigned() }
      try decoder.message(&value, wireType)
      kind = .assigned(value)
    case 16:
      var value: TransferRecord
      if case .transferred(let existing)? = kind { value = existing } else { value = TransferRecord() }
      try decoder.message(&value, wireType)
      kind = .transferred(value)
    case 17:
      var value: Resolution
      if case .closed(let existing)? = kind { value = existing } else { value = Resolution() }
      try decoder.message(&value, wireType)
      kind = .closed(value)
    case 18:
      var value: SurveyOffer
      if case .surveyOffered(let existing)? = kind { value = existing } else { value = SurveyOffer() }
      try decoder.message(&value, wireType)
      kind = .surveyOffered(value)
    case 19:
      var value: ReadReceipt
      if case .read(let existing)? = kind { value = existing } else { value = ReadReceipt() }
      try decoder.message(&value, wireType)
      kind = .read(value)
    default: return false
    }
    return true
  }
}

/// A compact view of a conversation for lists and notifications.
public struct ConversationSummary: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationSummary"
  /// The conversation id.
  public var conversationID: String = ""
  /// The queue it is in or was last routed through.
  public var queueID: String = ""
  /// Current state.
  public var state: ConversationState = .unspecified
  /// Current priority.
  public var priority: Priority = .unspecified
  /// The channel the customer uses.
  public var channel: Channel = .unspecified
  /// Preview / subject line given at start.
  public var subject: String = ""
  /// Customer's display name.
  public var customerDisplayName: String = ""
  /// The agent who owns it; empty while queued or offered.
  public var assignedAgentID: String = ""
  /// When it was started.
  public var createdAt: ProtoTimestamp? = nil
  /// When the current agent took it; unset while unassigned.
  public var assignedAt: ProtoTimestamp? = nil
  /// When the last message was sent.
  public var lastMessageAt: ProtoTimestamp? = nil
  /// The latest durable sequence number.
  public var lastSequence: UInt64 = 0
  /// Customer messages the assigned agent has not marked read.
  public var unreadCount: UInt32 = 0
  /// How many times it has been transferred or reassigned.
  public var transferCount: UInt32 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(queueID, 2)
    visitor.enum(state, 3)
    visitor.enum(priority, 4)
    visitor.enum(channel, 5)
    visitor.string(subject, 6)
    visitor.string(customerDisplayName, 7)
    visitor.string(assignedAgentID, 8)
    visitor.message(createdAt, 9)
    visitor.message(assignedAt, 10)
    visitor.message(lastMessageAt, 11)
    visitor.uint64(lastSequence, 12)
    visitor.uint32(unreadCount, 13)
    visitor.uint32(transferCount, 14)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: queueID = try decoder.string(wireType)
    case 3: state = try decoder.enum(wireType)
    case 4: priority = try decoder.enum(wireType)
    case 5: channel = try decoder.enum(wireType)
    case 6: subject = try decoder.string(wireType)
    case 7: customerDisplayName = try decoder.string(wireType)
    case 8: assignedAgentID = try decoder.string(wireType)
    case 9: try decoder.message(&createdAt, wireType)
    case 10: try decoder.message(&assignedAt, wireType)
    case 11: try decoder.message(&lastMessageAt, wireType)
    case 12: lastSequence = try decoder.uint64(wireType)
    case 13: unreadCount = try decoder.uint32(wireType)
    case 14: transferCount = try decoder.uint32(wireType)
    default: return false
    }
    return true
  }
}

/// Everything an agent needs to pick up a conversation.
public struct ConversationDetail: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationDetail"
  /// The summary fields.
  public var summary: ConversationSummary? = nil
  /// Who the customer is.
  public var customer: CustomerInfo? = nil
  /// What the escalating bot learned; unset if no bot was involved.
  public var botContext: BotContext? = nil
  /// Earlier transfers with their notes, oldest first.
  public var transfers: [TransferRecord] = []
  /// Messages so far (public messages, notes and whispers), oldest first.
  public var transcript: [ConversationMessage] = []
  /// Who is currently in the conversation.
  public var participants: [Participant] = []
  /// Open assistance requests for this conversation.
  public var openAssistance: [AssistanceRequest] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(summary, 1)
    visitor.message(customer, 2)
    visitor.message(botContext, 3)
    visitor.repeatedMessage(transfers, 4)
    visitor.repeatedMessage(transcript, 5)
    visitor.repeatedMessage(participants, 6)
    visitor.repeatedMessage(openAssistance, 7)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&summary, wireType)
    case 2: try decoder.message(&customer, wireType)
    case 3: try decoder.message(&botContext, wireType)
    case 4: try decoder.repeatedMessage(&transfers, wireType)
    case 5: try decoder.repeatedMessage(&transcript, wireType)
    case 6: try decoder.repeatedMessage(&participants, wireType)
    case 7: try decoder.repeatedMessage(&openAssistance, wireType)
    default: return false
    }
    return true
  }
}

/// An offer of a conversation to an agent.
public struct Offer: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.Offer"
  /// The offer id to pass to Accept or Decline.
  public var offerID: String = ""
  /// The conversation offered.
  public var conversationID: String = ""
  /// The queue it comes from.
  public var queueID: String = ""
  /// Its priority.
  public var priority: Priority = .unspecified
  /// The customer's channel.
  public var channel: Channel = .unspecified
  /// Preview / subject line.
  public var subject: String = ""
  /// Customer's display name.
  public var customerDisplayName: String = ""
  /// The bot's summary of the problem; empty if no bot was involved.
  public var botSummary: String = ""
  /// The bot's detected intent; empty if none.
  public var detectedIntent: String = ""
  /// Single-agent or broadcast.
  public var mode: OfferMode = .unspecified
  /// When the offer was made.
  public var offeredAt: ProtoTimestamp? = nil
  /// When it will be withdrawn if not accepted.
  public var expiresAt: ProtoTimestamp? = nil
  /// How long the customer has been waiting so far.
  public var customerWaited: ProtoDuration? = nil
  /// Set when the conversation reached this queue by a transfer: who sent it and why.
  public var transfer: TransferRecord? = nil
  /// The bot's full context (summary, intent, attributes, bot transcript), so the agent can review
  /// it before accepting.
  public var botContext: BotContext? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(offerID, 1)
    visitor.string(conversationID, 2)
    visitor.string(queueID, 3)
    visitor.enum(priority, 4)
    visitor.enum(channel, 5)
    visitor.string(subject, 6)
    visitor.string(customerDisplayName, 7)
    visitor.string(botSummary, 8)
    visitor.string(detectedIntent, 9)
    visitor.enum(mode, 10)
    visitor.message(offeredAt, 11)
    visitor.message(expiresAt, 12)
    visitor.message(customerWaited, 13)
    visitor.message(transfer, 14)
    visitor.message(botContext, 15)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: offerID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: queueID = try decoder.string(wireType)
    case 4: priority = try decoder.enum(wireType)
    case 5: channel = try decoder.enum(wireType)
    case 6: subject = try decoder.string(wireType)
    case 7: customerDisplayName = try decoder.string(wireType)
    case 8: botSummary = try decoder.string(wireType)
    case 9: detectedIntent = try decoder.string(wireType)
    case 10: mode = try decoder.enum(wireType)
    case 11: try decoder.message(&offeredAt, wireType)
    case 12: try decoder.message(&expiresAt, wireType)
    case 13: try decoder.message(&customerWaited, wireType)
    case 14: try decoder.message(&transfer, wireType)
    case 15: try decoder.message(&botContext, wireType)
    default: return false
    }
    return true
  }
}

/// Timings and counters of one conversation.
public struct ConversationMetrics: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationMetrics"
  /// From start until an agent accepted it the first time; unset if never accepted.
  public var waitTime: ProtoDuration? = nil
  /// From the first offer to that agent until Accept; unset if never accepted.
  public var timeToAccept: ProtoDuration? = nil
  /// From the first Accept to the agent's first public message; unset if none yet.
  public var firstResponseTime: ProtoDuration? = nil
  /// From the first Accept until close (or until now while active); unset if never accepted.
  public var handleTime: ProtoDuration? = nil
  /// Transfers and reassignments.
  public var transferCount: UInt32 = 0
  /// Offers made to agents.
  public var offerCount: UInt32 = 0
  /// Offers declined or timed out.
  public var declinedOfferCount: UInt32 = 0
  /// Public messages sent by the customer.
  public var customerMessageCount: UInt32 = 0
  /// Public messages sent by agents and supervisors.
  public var agentMessageCount: UInt32 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(waitTime, 1)
    visitor.message(timeToAccept, 2)
    visitor.message(firstResponseTime, 3)
    visitor.message(handleTime, 4)
    visitor.uint32(transferCount, 5)
    visitor.uint32(offerCount, 6)
    visitor.uint32(declinedOfferCount, 7)
    visitor.uint32(customerMessageCount, 8)
    visitor.uint32(agentMessageCount, 9)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&waitTime, wireType)
    case 2: try decoder.message(&timeToAccept, wireType)
    case 3: try decoder.message(&firstResponseTime, wireType)
    case 4: try decoder.message(&handleTime, wireType)
    case 5: transferCount = try decoder.uint32(wireType)
    case 6: offerCount = try decoder.uint32(wireType)
    case 7: declinedOfferCount = try decoder.uint32(wireType)
    case 8: customerMessageCount = try decoder.uint32(wireType)
    case 9: agentMessageCount = try decoder.uint32(wireType)
    default: return false
    }
    return true
  }
}

/// One agent the router looked at, and what became of them.
public struct RoutingCandidate: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.RoutingCandidate"
  /// The agent.
  public var agentID: String = ""
  /// The agent's display name.
  public var displayName: String = ""
  /// Presence at decision time.
  public var presence: Presence = .unspecified
  /// Active conversations at decision time.
  public var activeConversations: UInt32 = 0
  /// Capacity at decision time.
  public var capacity: UInt32 = 0
  /// How long the agent had been idle (no conversation assigned); unset if busy.
  public var idleTime: ProtoDuration? = nil
  /// The rule's score; higher ranks first. 0 for skipped agents.
  public var score: Double = 0
  /// What happened to this candidate.
  public var outcome: CandidateOutcome = .unspecified
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(agentID, 1)
    visitor.string(displayName, 2)
    visitor.enum(presence, 3)
    visitor.uint32(activeConversations, 4)
    visitor.uint32(capacity, 5)
    visitor.message(idleTime, 6)
    visitor.double(score, 7)
    visitor.enum(outcome, 8)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: agentID = try decoder.string(wireType)
    case 2: displayName = try decoder.string(wireType)
    case 3: presence = try decoder.enum(wireType)
    case 4: activeConversations = try decoder.uint32(wireType)
    case 5: capacity = try decoder.uint32(wireType)
    case 6: try decoder.message(&idleTime, wireType)
    case 7: score = try decoder.double(wireType)
    case 8: outcome = try decoder.enum(wireType)
    default: return false
    }
    return true
  }
}

/// One routing decision about a conversation, with its reasoning.
public struct RoutingDecision: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.RoutingDecision"
  /// When it was taken.
  public var decidedAt: ProtoTimestamp? = nil
  /// What caused it.
  public var trigger: RoutingTrigger = .unspecified
  /// The queue routed from; empty for direct transfers.
  public var queueID: String = ""
  /// The rule that chose.
  public var rule: RoutingRule = .unspecified
  /// Human-readable explanation of the rule's application.
  public var explanation: String = ""
  /// Agents considered, best ranked first.
  public var candidates: [RoutingCandidate] = []
  /// The chosen agent; empty if none (broadcast, none eligible, overflow).
  public var chosenAgentID: String = ""
  /// Offers created by this decision.
  public var offerIDs: [String] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(decidedAt, 1)
    visitor.enum(trigger, 2)
    visitor.string(queueID, 3)
    visitor.enum(rule, 4)
    visitor.string(explanation, 5)
    visitor.repeatedMessage(candidates, 6)
    visitor.string(chosenAgentID, 7)
    visitor.repeated(offerIDs, ProtoString.self, 8)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&decidedAt, wireType)
    case 2: trigger = try decoder.enum(wireType)
    case 3: queueID = try decoder.string(wireType)
    case 4: rule = try decoder.enum(wireType)
    case 5: explanation = try decoder.string(wireType)
    case 6: try decoder.repeatedMessage(&candidates, wireType)
    case 7: chosenAgentID = try decoder.string(wireType)
    case 8: try decoder.repeated(&offerIDs, ProtoString.self, wireType)
    default: return false
    }
    return true
  }
}

/// Live figures of one queue.
public struct QueueFigures: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.QueueFigures"
  /// The queue.
  public var queueID: String = ""
  /// The queue's name.
  public var name: String = ""
  /// Conversations waiting (queued or offered).
  public var waiting: UInt32 = 0
  /// How long the oldest waiting conversation has waited; unset if none waits.
  public var longestWait: ProtoDuration? = nil
  /// Members of the queue who are available and below capacity.
  public var agentsAvailable: UInt32 = 0
  /// Members of the queue who are not offline.
  public var agentsOnline: UInt32 = 0
  /// Conversations of this queue currently active or in wrap-up.
  public var activeConversations: UInt32 = 0
  /// The trailing window the averages below cover (for example one hour).
  public var window: ProtoDuration? = nil
  /// Average time to accept within the window; unset if no accepts.
  public var averageTimeToAccept: ProtoDuration? = nil
  /// Average first response time within the window; unset if no responses.
  public var averageFirstResponseTime: ProtoDuration? = nil
  /// Conversations closed within the window.
  public var closedCount: UInt64 = 0
  /// Conversations abandoned within the window.
  public var abandonedCount: UInt64 = 0
  /// Abandoned / (abandoned + accepted) within the window, 0.0 to 1.0.
  public var abandonmentRate: Double = 0
  /// Mean survey rating within the window, 1.0 to 5.0; 0 if no responses.
  public var csatAverage: Double = 0
  /// Survey responses within the window.
  public var csatResponses: UInt32 = 0
  /// When these figures were computed.
  public var asOf: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.string(name, 2)
    visitor.uint32(waiting, 3)
    visitor.message(longestWait, 4)
    visitor.uint32(agentsAvailable, 5)
    visitor.uint32(agentsOnline, 6)
    visitor.uint32(activeConversations, 7)
    visitor.message(window, 8)
    visitor.message(averageTimeToAccept, 9)
    visitor.message(averageFirstResponseTime, 10)
    visitor.uint64(closedCount, 11)
    visitor.uint64(abandonedCount, 12)
    visitor.double(abandonmentRate, 13)
    visitor.double(csatAverage, 14)
    visitor.uint32(csatResponses, 15)
    visitor.message(asOf, 16)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: name = try decoder.string(wireType)
    case 3: waiting = try decoder.uint32(wireType)
    case 4: try decoder.message(&longestWait, wireType)
    case 5: agentsAvailable = try decoder.uint32(wireType)
    case 6: agentsOnline = try decoder.uint32(wireType)
    case 7: activeConversations = try decoder.uint32(wireType)
    case 8: try decoder.message(&window, wireType)
    case 9: try decoder.message(&averageTimeToAccept, wireType)
    case 10: try decoder.message(&averageFirstResponseTime, wireType)
    case 11: closedCount = try decoder.uint64(wireType)
    case 12: abandonedCount = try decoder.uint64(wireType)
    case 13: abandonmentRate = try decoder.double(wireType)
    case 14: csatAverage = try decoder.double(wireType)
    case 15: csatResponses = try decoder.uint32(wireType)
    case 16: try decoder.message(&asOf, wireType)
    default: return false
    }
    return true
  }
}

/// An agent's live status.
public struct AgentStatus: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentStatus"
  /// The agent.
  public var agentID: String = ""
  /// Display name.
  public var displayName: String = ""
  /// Role (agent or supervisor).
  public var role: Role = .unspecified
  /// Current presence.
  public var presence: Presence = .unspecified
  /// The reason given with the presence ("lunch", "training"); may be empty.
  public var presenceReason: String = ""
  /// Since when the presence holds.
  public var presenceSince: ProtoTimestamp? = nil
  /// Conversations active or in wrap-up.
  public var activeConversations: UInt32 = 0
  /// Maximum concurrent conversations.
  public var capacity: UInt32 = 0
  /// Offers waiting for this agent's answer.
  public var pendingOffers: UInt32 = 0
  /// Queues the agent serves.
  public var queueIDs: [String] = []
  /// True if the agent has at least one open Notifications stream.
  public var connected: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(agentID, 1)
    visitor.string(displayName, 2)
    visitor.enum(role, 3)
    visitor.enum(presence, 4)
    visitor.string(presenceReason, 5)
    visitor.message(presenceSince, 6)
    visitor.uint32(activeConversations, 7)
    visitor.uint32(capacity, 8)
    visitor.uint32(pendingOffers, 9)
    visitor.repeated(queueIDs, ProtoString.self, 10)
    visitor.bool(connected, 11)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: agentID = try decoder.string(wireType)
    case 2: displayName = try decoder.string(wireType)
    case 3: role = try decoder.enum(wireType)
    case 4: presence = try decoder.enum(wireType)
    case 5: presenceReason = try decoder.string(wireType)
    case 6: try decoder.message(&presenceSince, wireType)
    case 7: activeConversations = try decoder.uint32(wireType)
    case 8: capacity = try decoder.uint32(wireType)
    case 9: pendingOffers = try decoder.uint32(wireType)
    case 10: try decoder.repeated(&queueIDs, ProtoString.self, wireType)
    case 11: connected = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// An agent's configuration (Admin).
public struct AgentProfile: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentProfile"
  /// Agent id; chosen by the admin, e.g. the directory user name.
  public var agentID: String = ""
  /// Name shown to customers and colleagues.
  public var displayName: String = ""
  /// `.agent` or `.supervisor`.
  public var role: Role = .unspecified
  /// Queues the agent takes conversations from.
  public var queueIDs: [String] = []
  /// Maximum concurrent conversations, at least 1.
  public var capacity: UInt32 = 0
  /// Skills used by routing, e.g. "billing", "lang:de".
  public var skills: [String] = []
  /// When the profile was last changed; set by the server.
  public var updatedAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(agentID, 1)
    visitor.string(displayName, 2)
    visitor.enum(role, 3)
    visitor.repeated(queueIDs, ProtoString.self, 4)
    visitor.uint32(capacity, 5)
    visitor.repeated(skills, ProtoString.self, 6)
    visitor.message(updatedAt, 7)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: agentID = try decoder.string(wireType)
    case 2: displayName = try decoder.string(wireType)
    case 3: role = try decoder.enum(wireType)
    case 4: try decoder.repeated(&queueIDs, ProtoString.self, wireType)
    case 5: capacity = try decoder.uint32(wireType)
    case 6: try decoder.repeated(&skills, ProtoString.self, wireType)
    case 7: try decoder.message(&updatedAt, wireType)
    default: return false
    }
    return true
  }
}

/// A queue's configuration (Admin).
public struct QueueConfig: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.QueueConfig"
  /// Queue id; chosen by the admin, lowercase letters, digits and '-'.
  public var queueID: String = ""
  /// Display name.
  public var name: String = ""
  /// Topics (as passed to StartConversation) that map to this queue.
  public var topics: [String] = []
  /// How long an offer stays open before it times out; unset means the server default (30 s).
  public var offerTimeout: ProtoDuration? = nil
  /// Single agent or broadcast.
  public var offerMode: OfferMode = .unspecified
  /// Longest a conversation may wait here; unset means no limit.
  public var maxWait: ProtoDuration? = nil
  /// Queue that receives conversations exceeding `maxWait`; empty closes them instead.
  public var overflowQueueID: String = ""
  /// Priority for conversations started without one.
  public var defaultPriority: Priority = .unspecified
  /// Supervisors of this queue (agent ids with role `.supervisor`).
  public var supervisorIDs: [String] = []
  /// Skills an agent must have to be offered this queue's conversations.
  public var requiredSkills: [String] = []
  /// Version number, incremented on each update; set by the server.
  public var version: UInt64 = 0
  /// When the configuration was last changed; set by the server.
  public var updatedAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.string(name, 2)
    visitor.repeated(topics, ProtoString.self, 3)
    visitor.message(offerTimeout, 4)
    visitor.enum(offerMode, 5)
    visitor.message(maxWait, 6)
    visitor.string(overflowQueueID, 7)
    visitor.enum(defaultPriority, 8)
    visitor.repeated(supervisorIDs, ProtoString.self, 9)
    visitor.repeated(requiredSkills, ProtoString.self, 10)
    visitor.uint64(version, 11)
    visitor.message(updatedAt, 12)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: name = try decoder.string(wireType)
    case 3: try decoder.repeated(&topics, ProtoString.self, wireType)
    case 4: try decoder.message(&offerTimeout, wireType)
    case 5: offerMode = try decoder.enum(wireType)
    case 6: try decoder.message(&maxWait, wireType)
    case 7: overflowQueueID = try decoder.string(wireType)
    case 8: defaultPriority = try decoder.enum(wireType)
    case 9: try decoder.repeated(&supervisorIDs, ProtoString.self, wireType)
    case 10: try decoder.repeated(&requiredSkills, ProtoString.self, wireType)
    case 11: version = try decoder.uint64(wireType)
    case 12: try decoder.message(&updatedAt, wireType)
    default: return false
    }
    return true
  }
}

/// A category an agent picks when closing a conversation.
public struct ResolutionCategory: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ResolutionCategory"
  /// Category id, chosen by the admin (e.g. "refund-issued").
  public var categoryID: String = ""
  /// Label shown to agents.
  public var label: String = ""
  /// Longer guidance for agents.
  public var description: String = ""
  /// If true, Close requires non-empty notes with this category.
  public var requiresNotes: Bool = false
  /// False for retired categories, kept so old transcripts still resolve.
  public var active: Bool = false
  /// Display order, ascending.
  public var sortOrder: Int32 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(categoryID, 1)
    visitor.string(label, 2)
    visitor.string(description, 3)
    visitor.bool(requiresNotes, 4)
    visitor.bool(active, 5)
    visitor.int32(sortOrder, 6)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: categoryID = try decoder.string(wireType)
    case 2: label = try decoder.string(wireType)
    case 3: description = try decoder.string(wireType)
    case 4: requiresNotes = try decoder.bool(wireType)
    case 5: active = try decoder.bool(wireType)
    case 6: sortOrder = try decoder.int32(wireType)
    default: return false
    }
    return true
  }
}

/// Whether and how customers are surveyed after closing.
public struct SurveySettings: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SurveySettings"
  /// If false no survey is offered.
  public var enabled: Bool = false
  /// How long after closing the customer may answer.
  public var responseWindow: ProtoDuration? = nil
  /// The question shown to the customer.
  public var prompt: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.bool(enabled, 1)
    visitor.message(responseWindow, 2)
    visitor.string(prompt, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: enabled = try decoder.bool(wireType)
    case 2: try decoder.message(&responseWindow, wireType)
    case 3: prompt = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// A customer's survey answer.
public struct SurveyResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SurveyResponse"
  /// The survey answered.
  public var surveyID: String = ""
  /// The conversation rated.
  public var conversationID: String = ""
  /// Rating 1 (worst) to 5 (best).
  public var rating: Int32 = 0
  /// Optional free-text comment.
  public var comment: String = ""
  /// When it was submitted.
  public var submittedAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(surveyID, 1)
    visitor.string(conversationID, 2)
    visitor.int32(rating, 3)
    visitor.string(comment, 4)
    visitor.message(submittedAt, 5)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: surveyID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: rating = try decoder.int32(wireType)
    case 4: comment = try decoder.string(wireType)
    case 5: try decoder.message(&submittedAt, wireType)
    default: return false
    }
    return true
  }
}

/// An agent's request for supervisor help.
public struct AssistanceRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AssistanceRequest"
  /// Assistance request id.
  public var assistanceID: String = ""
  /// The conversation concerned.
  public var conversationID: String = ""
  /// The queue of that conversation.
  public var queueID: String = ""
  /// The agent asking.
  public var agentID: String = ""
  /// What the agent needs.
  public var question: String = ""
  /// How urgent it is.
  public var urgency: Priority = .unspecified
  /// Current status.
  public var status: AssistanceStatus = .unspecified
  /// When it was asked.
  public var requestedAt: ProtoTimestamp? = nil
  /// The supervisor's answer; empty while open.
  public var answer: String = ""
  /// The supervisor who answered; empty while open.
  public var resolvedBy: String = ""
  /// When it was answered or cancelled; unset while open.
  public var resolvedAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(assistanceID, 1)
    visitor.string(conversationID, 2)
    visitor.string(queueID, 3)
    visitor.string(agentID, 4)
    visitor.string(question, 5)
    visitor.enum(urgency, 6)
    visitor.enum(status, 7)
    visitor.message(requestedAt, 8)
    visitor.string(answer, 9)
    visitor.string(resolvedBy, 10)
    visitor.message(resolvedAt, 11)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: assistanceID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: queueID = try decoder.string(wireType)
    case 4: agentID = try decoder.string(wireType)
    case 5: question = try decoder.string(wireType)
    case 6: urgency = try decoder.enum(wireType)
    case 7: status = try decoder.enum(wireType)
    case 8: try decoder.message(&requestedAt, wireType)
    case 9: answer = try decoder.string(wireType)
    case 10: resolvedBy = try decoder.string(wireType)
    case 11: try decoder.message(&resolvedAt, wireType)
    default: return false
    }
    return true
  }
}

/// A service ticket created from a conversation for follow-up work.
public struct Ticket: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.Ticket"
  /// Switchboard's ticket id; the ticketing system's own id arrives via the event feed consumer.
  public var ticketID: String = ""
  /// The conversation it came from.
  public var conversationID: String = ""
  /// One-line subject.
  public var subject: String = ""
  /// Full description.
  public var description: String = ""
  /// Ticket priority.
  public var priority: Priority = .unspecified
  /// The agent who created it.
  public var createdBy: String = ""
  /// When it was created.
  public var createdAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(ticketID, 1)
    visitor.string(conversationID, 2)
    visitor.string(subject, 3)
    visitor.string(description, 4)
    visitor.enum(priority, 5)
    visitor.string(createdBy, 6)
    visitor.message(createdAt, 7)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: ticketID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: subject = try decoder.string(wireType)
    case 4: description = try decoder.string(wireType)
    case 5: priority = try decoder.enum(wireType)
    case 6: createdBy = try decoder.string(wireType)
    case 7: try decoder.message(&createdAt, wireType)
    default: return false
    }
    return true
  }
}

/// A request to continue a conversation on phone or e-mail.
public struct ChannelMove: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ChannelMove"
  /// Move id.
  public var moveID: String = ""
  /// The conversation.
  public var conversationID: String = ""
  /// `.phone` or `.email`.
  public var targetChannel: Channel = .unspecified
  /// The number or address to use.
  public var contact: ContactDetails? = nil
  /// Note for whoever picks it up.
  public var note: String = ""
  /// The agent who asked for it.
  public var requestedBy: String = ""
  /// When.
  public var requestedAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(moveID, 1)
    visitor.string(conversationID, 2)
    visitor.enum(targetChannel, 3)
    visitor.message(contact, 4)
    visitor.string(note, 5)
    visitor.string(requestedBy, 6)
    visitor.message(requestedAt, 7)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: moveID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: targetChannel = try decoder.enum(wireType)
    case 4: try decoder.message(&contact, wireType)
    case 5: note = try decoder.string(wireType)
    case 6: requestedBy = try decoder.string(wireType)
    case 7: try decoder.message(&requestedAt, wireType)
    default: return false
    }
    return true
  }
}

extension SwitchboardV1 {
  /// Every message type of `switchboard/v1/common.proto`.
  public static let commonMessageTypes: [any ProtoMessage.Type] = [
    TimeRange.self, ContactDetails.self, CustomerInfo.self, BotTranscriptEntry.self,
    BotContext.self, Participant.self, ConversationMessage.self, TypingIndicator.self,
    QueuePositionUpdate.self, ConversationAssigned.self, TransferTarget.self,
    TransferRecord.self, Resolution.self, SurveyOffer.self, ReadReceipt.self,
    ConversationEvent.self, ConversationSummary.self, ConversationDetail.self, Offer.self,
    ConversationMetrics.self, RoutingCandidate.self, RoutingDecision.self, QueueFigures.self,
    AgentStatus.self, AgentProfile.self, QueueConfig.self, ResolutionCategory.self,
    SurveySettings.self, SurveyResponse.self, AssistanceRequest.self, Ticket.self,
    ChannelMove.self,
  ]
}
