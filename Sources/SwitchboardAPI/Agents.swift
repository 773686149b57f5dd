// Swift types for Protos/switchboard/v1/agents.proto.

public import ProtoWire

/// Why an offer was taken back from an agent.
public enum OfferWithdrawnReason: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.OfferWithdrawnReason"
  /// Not set.
  case unspecified
  /// The offer timeout passed.
  case timedOut
  /// Another agent accepted the broadcast offer first.
  case acceptedElsewhere
  /// The customer left.
  case customerLeft
  /// A supervisor reassigned the conversation.
  case reassigned
  /// The agent became away or offline.
  case agentUnavailable
  /// The conversation moved to an overflow queue.
  case overflow
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .timedOut
    case 2: self = .acceptedElsewhere
    case 3: self = .customerLeft
    case 4: self = .reassigned
    case 5: self = .agentUnavailable
    case 6: self = .overflow
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .timedOut: 1
    case .acceptedElsewhere: 2
    case .customerLeft: 3
    case .reassigned: 4
    case .agentUnavailable: 5
    case .overflow: 6
    case .unrecognized(let value): value
    }
  }
}

/// Request of `Agents.SetPresence`.
public struct SetPresenceRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetPresenceRequest"
  /// The new presence.
  public var presence: Presence = .unspecified
  /// Why ("lunch", "training", "end of shift"); may be empty.
  public var reason: String = ""
  /// Whose presence to set; empty means the caller.
  public var agentID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.enum(presence, 1)
    visitor.string(reason, 2)
    visitor.string(agentID, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: presence = try decoder.enum(wireType)
    case 2: reason = try decoder.string(wireType)
    case 3: agentID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.SetPresence`.
public struct SetPresenceResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetPresenceResponse"
  /// The agent's resulting status.
  public var status: AgentStatus? = nil
  /// Offers withdrawn because the agent stopped being available.
  public var withdrawnOffers: UInt32 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(status, 1)
    visitor.uint32(withdrawnOffers, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&status, wireType)
    case 2: withdrawnOffers = try decoder.uint32(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.Notifications`.
public struct NotificationsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.NotificationsRequest"
  /// If true and the agent is offline, opening the stream sets them available.
  public var becomeAvailable: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.bool(becomeAvailable, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: becomeAvailable = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// The first item of a Notifications stream: what is pending right now.
public struct NotificationSnapshot: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.NotificationSnapshot"
  /// The agent's status.
  public var status: AgentStatus? = nil
  /// Offers waiting for an answer.
  public var pendingOffers: [Offer] = []
  /// Conversations active or in wrap-up with this agent.
  public var activeConversations: [ConversationSummary] = []
  /// Open assistance requests the agent made.
  public var openAssistance: [AssistanceRequest] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(status, 1)
    visitor.repeatedMessage(pendingOffers, 2)
    visitor.repeatedMessage(activeConversations, 3)
    visitor.repeatedMessage(openAssistance, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&status, wireType)
    case 2: try decoder.repeatedMessage(&pendingOffers, wireType)
    case 3: try decoder.repeatedMessage(&activeConversations, wireType)
    case 4: try decoder.repeatedMessage(&openAssistance, wireType)
    default: return false
    }
    return true
  }
}

/// An offer was taken back.
public struct OfferWithdrawn: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.OfferWithdrawn"
  /// The offer.
  public var offerID: String = ""
  /// Its conversation.
  public var conversationID: String = ""
  /// Why.
  public var reason: OfferWithdrawnReason = .unspecified
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(offerID, 1)
    visitor.string(conversationID, 2)
    visitor.enum(reason, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: offerID = try decoder.string(wireType)
    case 2: conversationID = try decoder.string(wireType)
    case 3: reason = try decoder.enum(wireType)
    default: return false
    }
    return true
  }
}

/// A conversation was handed to the agent by a transfer or reassignment naming them.
public struct ConversationHandedOver: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationHandedOver"
  /// The conversation now owned by the agent.
  public var conversation: ConversationSummary? = nil
  /// Who handed it over, why, and the note.
  public var transfer: TransferRecord? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(conversation, 1)
    visitor.message(transfer, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&conversation, wireType)
    case 2: try decoder.message(&transfer, wireType)
    default: return false
    }
    return true
  }
}

/// One item of the `Agents.Notifications` stream.
public struct NotificationsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.NotificationsResponse"

  /// What the notification is about.
  public enum Kind: Sendable, Equatable {
    /// First item only: pending offers and active conversations.
    case snapshot(NotificationSnapshot)
    /// A new offer with preview and bot-context summary.
    case offer(Offer)
    /// A pending offer was taken back.
    case offerWithdrawn(OfferWithdrawn)
    /// A transfer or reassignment handed a conversation to this agent.
    case handedOver(ConversationHandedOver)
    /// A supervisor took a conversation away from this agent.
    case reassignedAway(TransferRecord)
    /// A new customer message in one of the agent's conversations.
    case customerMessage(ConversationMessage)
    /// A supervisor whispered to this agent.
    case whisper(ConversationMessage)
    /// A supervisor answered one of the agent's assistance requests.
    case assistanceAnswered(AssistanceRequest)
    /// The agent's presence was changed by someone else or by the server (e.g. missed offers).
    case presenceChanged(AgentStatus)
  }

  /// When the notification was produced.
  public var sentAt: ProtoTimestamp? = nil
  /// What it is about.
  public var kind: Kind? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(sentAt, 1)
    switch kind {
    case .snapshot(let value)?: visitor.visitMessage(value, field: 10)
    case .offer(let value)?: visitor.visitMessage(value, field: 11)
    case .offerWithdrawn(let value)?: visitor.visitMessage(value, field: 12)
    case .handedOver(let value)?: visitor.visitMessage(value, field: 13)
    case .reassignedAway(let value)?: visitor.visitMessage(value, field: 14)
    case .customerMessage(let value)?: visitor.visitMessage(value, field: 15)
    case .whisper(let value)?: visitor.visitMessage(value, field: 16)
    case .assistanceAnswered(let value)?: visitor.visitMessage(value, field: 17)
    case .presenceChanged(let value)?: visitor.visitMessage(value, field: 18)
    case nil: break
    }
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&sentAt, wireType)
    case 10:
      var value: NotificationSnapshot
      if case .snapshot(let existing)? = kind {
        value = existing
      } else {
        value = NotificationSnapshot()
      }
      try decoder.message(&value, wireType)
      kind = .snapshot(value)
    case 11:
      var value: Offer
      if case .offer(let existing)? = kind { value = existing } else { value = Offer() }
      try decoder.message(&value, wireType)
      kind = .offer(value)
    case 12:
      var value: OfferWithdrawn
      if case .offerWithdrawn(let existing)? = kind {
        value = existing
      } else {
        value = OfferWithdrawn()
      }
      try decoder.message(&value, wireType)
      kind = .offerWithdrawn(value)
    case 13:
      var value: ConversationHandedOver
      if case .handedOver(let existing)? = kind {
        value = existing
      } else {
        value = ConversationHandedOver()
      }
      try decoder.message(&value, wireType)
      kind = .handedOver(value)
    case 14:
      var value: TransferRecord
      if case .reassignedAway(let existing)? = kind {
        value = existing
      } else {
        value = TransferRecord()
      }
      try decoder.message(&value, wireType)
      kind = .reassignedAway(value)
    case 15:
      var value: ConversationMessage
      if case .customerMessage(let existing)? = kind {
        value = existing
      } else {
        value = ConversationMessage()
      }
      try decoder.message(&value, wireType)
      kind = .customerMessage(value)
    case 16:
      var value: ConversationMessage
      if case .whisper(let existing)? = kind {
        value = existing
      } else {
        value = ConversationMessage()
      }
      try decoder.message(&value, wireType)
      kind = .whisper(value)
    case 17:
      var value: AssistanceRequest
      if case .assistanceAnswered(let existing)? = kind {
        value = existing
      } else {
        value = AssistanceRequest()
      }
      try decoder.message(&value, wireType)
      kind = .assistanceAnswered(value)
    case 18:
      var value: AgentStatus
      if case .presenceChanged(let existing)? = kind {
        value = existing
      } else {
        value = AgentStatus()
      }
      try decoder.message(&value, wireType)
      kind = .presenceChanged(value)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.Accept`.
public struct AcceptRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AcceptRequest"
  /// The offer to accept.
  public var offerID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(offerID, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: offerID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.Accept`.
public struct AcceptResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AcceptResponse"
  /// The conversation: customer details, bot context, transfer notes and transcript so far.
  public var conversation: ConversationDetail? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(conversation, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&conversation, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.Decline`.
public struct DeclineRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.DeclineRequest"
  /// The offer to decline.
  public var offerID: String = ""
  /// Why.
  public var reason: DeclineReason = .unspecified
  /// Free-text explanation.
  public var note: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(offerID, 1)
    visitor.enum(reason, 2)
    visitor.string(note, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: offerID = try decoder.string(wireType)
    case 2: reason = try decoder.enum(wireType)
    case 3: note = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.Decline`: no fields; success means the offer was declined.
public struct DeclineResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.DeclineResponse"
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    false
  }
}

/// Request of `Agents.SendMessage`.
public struct AgentSendMessageRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentSendMessageRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// Client-chosen id, unique within the conversation; a retry with it is not a duplicate.
  public var clientMessageID: String = ""
  /// Message text (UTF-8, at most the server's limit, 4 KiB by default).
  public var text: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(clientMessageID, 2)
    visitor.string(text, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: clientMessageID = try decoder.string(wireType)
    case 3: text = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.SendMessage`.
public struct AgentSendMessageResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentSendMessageResponse"
  /// The message's sequence number.
  public var sequence: UInt64 = 0
  /// Server-assigned message id.
  public var messageID: String = ""
  /// When the server accepted it.
  public var sentAt: ProtoTimestamp? = nil
  /// True if the `client_message_id` was seen before and this is the original result.
  public var duplicate: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.uint64(sequence, 1)
    visitor.string(messageID, 2)
    visitor.message(sentAt, 3)
    visitor.bool(duplicate, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: sequence = try decoder.uint64(wireType)
    case 2: messageID = try decoder.string(wireType)
    case 3: try decoder.message(&sentAt, wireType)
    case 4: duplicate = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.Follow`.
public struct AgentFollowRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentFollowRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// Deliver events with a greater sequence number; 0 replays from the start.
  public var afterSequence: UInt64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.uint64(afterSequence, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: afterSequence = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// One item of the `Agents.Follow` stream.
public struct AgentFollowResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentFollowResponse"
  /// The event, in the agent's view (notes and whispers included).
  public var event: ConversationEvent? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(event, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&event, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.SetTyping`.
public struct AgentSetTypingRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentSetTypingRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// True when the agent starts typing, false when they stop.
  public var typing: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.bool(typing, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: typing = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.SetTyping`: no fields; success means the indicator was relayed.
public struct AgentSetTypingResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AgentSetTypingResponse"
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    false
  }
}

/// Request of `Agents.AddNote`.
public struct AddNoteRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AddNoteRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// Client-chosen id; a retry with it is not a duplicate.
  public var clientMessageID: String = ""
  /// The note text.
  public var text: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(clientMessageID, 2)
    visitor.string(text, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: clientMessageID = try decoder.string(wireType)
    case 3: text = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.AddNote`.
public struct AddNoteResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AddNoteResponse"
  /// The note's sequence number.
  public var sequence: UInt64 = 0
  /// Server-assigned message id.
  public var messageID: String = ""
  /// True if the `client_message_id` was seen before.
  public var duplicate: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.uint64(sequence, 1)
    visitor.string(messageID, 2)
    visitor.bool(duplicate, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: sequence = try decoder.uint64(wireType)
    case 2: messageID = try decoder.string(wireType)
    case 3: duplicate = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.Transfer`.
public struct TransferRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.TransferRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// An agent or a queue.
  public var target: TransferTarget? = nil
  /// Why.
  public var reason: TransferReason = .unspecified
  /// Note for the receiver (not shown to the customer).
  public var note: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.message(target, 2)
    visitor.enum(reason, 3)
    visitor.string(note, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: try decoder.message(&target, wireType)
    case 3: reason = try decoder.enum(wireType)
    case 4: note = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.Transfer`.
public struct TransferResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.TransferResponse"
  /// The recorded transfer.
  public var transfer: TransferRecord? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(transfer, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&transfer, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.Close`.
public struct CloseRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CloseRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// The resolution category id (see `Admin.ListResolutionCategories`).
  public var resolutionCategoryID: String = ""
  /// Notes for future reference.
  public var notes: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(resolutionCategoryID, 2)
    visitor.string(notes, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: resolutionCategoryID = try decoder.string(wireType)
    case 3: notes = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.Close`.
public struct CloseResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CloseResponse"
  /// The recorded resolution.
  public var resolution: Resolution? = nil
  /// The conversation's final metrics.
  public var metrics: ConversationMetrics? = nil
  /// True if a survey was offered to the customer.
  public var surveyOffered: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(resolution, 1)
    visitor.message(metrics, 2)
    visitor.bool(surveyOffered, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&resolution, wireType)
    case 2: try decoder.message(&metrics, wireType)
    case 3: surveyOffered = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.RequestAssistance`.
public struct RequestAssistanceRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.RequestAssistanceRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// What the agent needs help with.
  public var question: String = ""
  /// How urgent it is; unspecified means normal.
  public var urgency: Priority = .unspecified
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(question, 2)
    visitor.enum(urgency, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: question = try decoder.string(wireType)
    case 3: urgency = try decoder.enum(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.RequestAssistance`.
public struct RequestAssistanceResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.RequestAssistanceResponse"
  /// The open assistance request.
  public var assistance: AssistanceRequest? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(assistance, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&assistance, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.CreateTicket`.
public struct CreateTicketRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CreateTicketRequest"
  /// The conversation the ticket comes from.
  public var conversationID: String = ""
  /// One-line subject.
  public var subject: String = ""
  /// Full description of the follow-up work.
  public var description: String = ""
  /// Ticket priority; unspecified uses the conversation's priority.
  public var priority: Priority = .unspecified
  /// Caller-chosen key making retries safe.
  public var idempotencyKey: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(subject, 2)
    visitor.string(description, 3)
    visitor.enum(priority, 4)
    visitor.string(idempotencyKey, 5)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: subject = try decoder.string(wireType)
    case 3: description = try decoder.string(wireType)
    case 4: priority = try decoder.enum(wireType)
    case 5: idempotencyKey = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.CreateTicket`.
public struct CreateTicketResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CreateTicketResponse"
  /// The created ticket.
  public var ticket: Ticket? = nil
  /// True if this is the replayed result of an earlier call with the same idempotency key.
  public var duplicate: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(ticket, 1)
    visitor.bool(duplicate, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&ticket, wireType)
    case 2: duplicate = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.MoveChannel`.
public struct MoveChannelRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.MoveChannelRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// `CHANNEL_PHONE` or `CHANNEL_EMAIL`.
  public var targetChannel: Channel = .unspecified
  /// The number or address to use; empty fields fall back to the customer's contact details.
  public var contact: ContactDetails? = nil
  /// Note for whoever picks it up.
  public var note: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.enum(targetChannel, 2)
    visitor.message(contact, 3)
    visitor.string(note, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: targetChannel = try decoder.enum(wireType)
    case 3: try decoder.message(&contact, wireType)
    case 4: note = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.MoveChannel`.
public struct MoveChannelResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.MoveChannelResponse"
  /// The recorded move request.
  public var move: ChannelMove? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(move, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&move, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.ListMyConversations`.
public struct ListMyConversationsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListMyConversationsRequest"
  /// States to include; empty means active and wrap-up.
  public var states: [ConversationState] = []
  /// Maximum results per page (1..100; 0 means 50).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeated(states, ProtoEnumField<ConversationState>.self, 1)
    visitor.int32(pageSize, 2)
    visitor.string(pageToken, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeated(&states, ProtoEnumField<ConversationState>.self, wireType)
    case 2: pageSize = try decoder.int32(wireType)
    case 3: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.ListMyConversations`.
public struct ListMyConversationsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListMyConversationsResponse"
  /// The conversations.
  public var conversations: [ConversationSummary] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(conversations, 1)
    visitor.string(nextPageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&conversations, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Agents.GetConversation`.
public struct GetConversationRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.GetConversationRequest"
  /// The conversation.
  public var conversationID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Agents.GetConversation`.
public struct GetConversationResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.GetConversationResponse"
  /// The conversation in the agent's view.
  public var conversation: ConversationDetail? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(conversation, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&conversation, wireType)
    default: return false
    }
    return true
  }
}

extension SwitchboardV1 {
  /// Every message type of `switchboard/v1/agents.proto`.
  public static let agentsMessageTypes: [any ProtoMessage.Type] = [
    SetPresenceRequest.self, SetPresenceResponse.self, NotificationsRequest.self,
    NotificationSnapshot.self, OfferWithdrawn.self, ConversationHandedOver.self,
    NotificationsResponse.self, AcceptRequest.self, AcceptResponse.self, DeclineRequest.self,
    DeclineResponse.self, AgentSendMessageRequest.self, AgentSendMessageResponse.self,
    AgentFollowRequest.self, AgentFollowResponse.self, AgentSetTypingRequest.self,
    AgentSetTypingResponse.self, AddNoteRequest.self, AddNoteResponse.self,
    TransferRequest.self, TransferResponse.self, CloseRequest.self, CloseResponse.self,
    RequestAssistanceRequest.self, RequestAssistanceResponse.self, CreateTicketRequest.self,
    CreateTicketResponse.self, MoveChannelRequest.self, MoveChannelResponse.self,
    ListMyConversationsRequest.self, ListMyConversationsResponse.self,
    GetConversationRequest.self, GetConversationResponse.self,
  ]

  /// The methods of `switchboard.v1.Agents`, the agent-facing service: presence, offers,
  /// conversations, notes, transfers, closing, assistance, tickets and channel moves.
  public enum Agents {
    /// The service's fully qualified name.
    public static let serviceName = "switchboard.v1.Agents"
    /// `SetPresence`: unary.
    public static let setPresence = MethodDescriptor(
      service: serviceName,
      method: "SetPresence",
      kind: .unary
    )
    /// `Notifications`: server streaming.
    public static let notifications = MethodDescriptor(
      service: serviceName,
      method: "Notifications",
      kind: .serverStreaming
    )
    /// `Accept`: unary.
    public static let accept = MethodDescriptor(
      service: serviceName,
      method: "Accept",
      kind: .unary
    )
    /// `Decline`: unary.
    public static let decline = MethodDescriptor(
      service: serviceName,
      method: "Decline",
      kind: .unary
    )
    /// `SendMessage`: unary.
    public static let sendMessage = MethodDescriptor(
      service: serviceName,
      method: "SendMessage",
      kind: .unary
    )
    /// `Follow`: server streaming.
    public static let follow = MethodDescriptor(
      service: serviceName,
      method: "Follow",
      kind: .serverStreaming
    )
    /// `SetTyping`: unary.
    public static let setTyping = MethodDescriptor(
      service: serviceName,
      method: "SetTyping",
      kind: .unary
    )
    /// `AddNote`: unary.
    public static let addNote = MethodDescriptor(
      service: serviceName,
      method: "AddNote",
      kind: .unary
    )
    /// `Transfer`: unary.
    public static let transfer = MethodDescriptor(
      service: serviceName,
      method: "Transfer",
      kind: .unary
    )
    /// `Close`: unary.
    public static let close = MethodDescriptor(
      service: serviceName,
      method: "Close",
      kind: .unary
    )
    /// `RequestAssistance`: unary.
    public static let requestAssistance = MethodDescriptor(
      service: serviceName,
      method: "RequestAssistance",
      kind: .unary
    )
    /// `CreateTicket`: unary.
    public static let createTicket = MethodDescriptor(
      service: serviceName,
      method: "CreateTicket",
      kind: .unary
    )
    /// `MoveChannel`: unary.
    public static let moveChannel = MethodDescriptor(
      service: serviceName,
      method: "MoveChannel",
      kind: .unary
    )
    /// `ListMyConversations`: unary.
    public static let listMyConversations = MethodDescriptor(
      service: serviceName,
      method: "ListMyConversations",
      kind: .unary
    )
    /// `GetConversation`: unary.
    public static let getConversation = MethodDescriptor(
      service: serviceName,
      method: "GetConversation",
      kind: .unary
    )
    /// Every method of the service.
    public static let methods = [
      setPresence, notifications, accept, decline, sendMessage, follow, setTyping, addNote,
      transfer, close, requestAssistance, createTicket, moveChannel, listMyConversations,
      getConversation,
    ]
  }
}
