// Swift types for Protos/switchboard/v1/conversations.proto.

public import ProtoWire

/// Request of `Conversations.StartConversation`.
public struct StartConversationRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.StartConversationRequest"

  /// Where the conversation should go.
  public enum Destination: Sendable, Equatable {
    /// A queue id.
    case queueID(String)
    /// A topic that the server maps to a queue (see `QueueConfig.topics`).
    case topic(String)
  }

  /// Where the conversation should go.
  public var destination: Destination? = nil
  /// Priority; unspecified uses the queue's default.
  public var priority: Priority = .unspecified
  /// The customer's channel (web, mobile app, messaging).
  public var channel: Channel = .unspecified
  /// Who the customer is and how to reach them.
  public var customer: CustomerInfo? = nil
  /// Preview / subject line shown in offers.
  public var subject: String = ""
  /// What the bot learned; unset when a customer starts directly.
  public var botContext: BotContext? = nil
  /// The customer's first message to the agent, if any; becomes sequence 1.
  public var initialMessage: String = ""
  /// Caller-chosen key making retries safe; unique per caller for at least 24 hours.
  public var idempotencyKey: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    switch destination {
    case .queueID(let value)?: visitor.visit(value, as: ProtoString.self, field: 1)
    case .topic(let value)?: visitor.visit(value, as: ProtoString.self, field: 2)
    case nil: break
    }
    visitor.enum(priority, 3)
    visitor.enum(channel, 4)
    visitor.message(customer, 5)
    visitor.string(subject, 6)
    visitor.message(botContext, 7)
    visitor.string(initialMessage, 8)
    visitor.string(idempotencyKey, 9)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: destination = .queueID(try decoder.string(wireType))
    case 2: destination = .topic(try decoder.string(wireType))
    case 3: priority = try decoder.enum(wireType)
    case 4: channel = try decoder.enum(wireType)
    case 5: try decoder.message(&customer, wireType)
    case 6: subject = try decoder.string(wireType)
    case 7: try decoder.message(&botContext, wireType)
    case 8: initialMessage = try decoder.string(wireType)
    case 9: idempotencyKey = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Conversations.StartConversation`.
public struct StartConversationResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.StartConversationResponse"
  /// The new conversation's id.
  public var conversationID: String = ""
  /// The queue it was placed in (resolved from the topic if one was given).
  public var queueID: String = ""
  /// A customer token scoped to this conversation, for all further calls.
  public var customerToken: String = ""
  /// When `customerToken` expires.
  public var tokenExpiresAt: ProtoTimestamp? = nil
  /// 1-based position in the queue.
  public var queuePosition: UInt32 = 0
  /// Estimated wait until an agent accepts; unset when no estimate is possible.
  public var estimatedWait: ProtoDuration? = nil
  /// True if this is the replayed result of an earlier call with the same idempotency key.
  public var duplicate: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(queueID, 2)
    visitor.string(customerToken, 3)
    visitor.message(tokenExpiresAt, 4)
    visitor.uint32(queuePosition, 5)
    visitor.message(estimatedWait, 6)
    visitor.bool(duplicate, 7)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: queueID = try decoder.string(wireType)
    case 3: customerToken = try decoder.string(wireType)
    case 4: try decoder.message(&tokenExpiresAt, wireType)
    case 5: queuePosition = try decoder.uint32(wireType)
    case 6: try decoder.message(&estimatedWait, wireType)
    case 7: duplicate = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Conversations.SendMessage`.
public struct SendMessageRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SendMessageRequest"
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
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
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

/// Response of `Conversations.SendMessage`.
public struct SendMessageResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SendMessageResponse"
  /// The message's sequence number.
  public var sequence: UInt64 = 0
  /// Server-assigned message id.
  public var messageID: String = ""
  /// When the server accepted it.
  public var sentAt: ProtoTimestamp? = nil
  /// True if the `clientMessageID` was seen before and this is the original result.
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
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
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

/// Request of `Conversations.Follow`.
public struct FollowRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.FollowRequest"
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
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: afterSequence = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// One item of the `Conversations.Follow` stream.
public struct FollowResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.FollowResponse"
  /// The event, in the customer's view.
  public var event: ConversationEvent? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(event, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&event, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Conversations.SetTyping`.
public struct SetTypingRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetTypingRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// True when the customer starts typing, false when they stop.
  public var typing: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.bool(typing, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: typing = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Conversations.SetTyping`; no fields, success means the indicator was relayed.
public struct SetTypingResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetTypingResponse"
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    false
  }
}

/// Request of `Conversations.MarkRead`.
public struct MarkReadRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.MarkReadRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// Everything up to and including this sequence number was read.
  public var readThroughSequence: UInt64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.uint64(readThroughSequence, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: readThroughSequence = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Conversations.MarkRead`.
public struct MarkReadResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.MarkReadResponse"
  /// The read mark now stored (never moves backwards).
  public var readThroughSequence: UInt64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.uint64(readThroughSequence, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: readThroughSequence = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Conversations.SubmitSurvey`.
public struct SubmitSurveyRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SubmitSurveyRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// The survey id from the `SurveyOffer` event.
  public var surveyID: String = ""
  /// Rating 1 (worst) to 5 (best).
  public var rating: Int32 = 0
  /// Optional comment.
  public var comment: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(surveyID, 2)
    visitor.int32(rating, 3)
    visitor.string(comment, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: surveyID = try decoder.string(wireType)
    case 3: rating = try decoder.int32(wireType)
    case 4: comment = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Conversations.SubmitSurvey`.
public struct SubmitSurveyResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SubmitSurveyResponse"
  /// The stored answer.
  public var survey: SurveyResponse? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(survey, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&survey, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Conversations.Leave`.
public struct LeaveRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.LeaveRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// Optional reason shown to the agent ("problem solved", "no time").
  public var reason: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(reason, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: reason = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Conversations.Leave`.
public struct LeaveResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.LeaveResponse"
  /// The conversation's state after leaving (closed if it was waiting, wrap-up if active).
  public var state: ConversationState = .unspecified
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.enum(state, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: state = try decoder.enum(wireType)
    default: return false
    }
    return true
  }
}

extension SwitchboardV1 {
  /// Every message type of `switchboard/v1/conversations.proto`.
  public static let conversationsMessageTypes: [any ProtoMessage.Type] = [
    StartConversationRequest.self, StartConversationResponse.self, SendMessageRequest.self,
    SendMessageResponse.self, FollowRequest.self, FollowResponse.self, SetTypingRequest.self,
    SetTypingResponse.self, MarkReadRequest.self, MarkReadResponse.self,
    SubmitSurveyRequest.self, SubmitSurveyResponse.self, LeaveRequest.self, LeaveResponse.self,
  ]

  /// The methods of `switchboard.v1.Conversations`, the customer-facing conversation service.
  public enum Conversations {
    /// The service's fully qualified name.
    public static let serviceName = "switchboard.v1.Conversations"
    /// `StartConversation`: unary. Starts a conversation and queues it for an agent.
    public static let startConversation = MethodDescriptor(
      service: serviceName, method: "StartConversation", kind: .unary)
    /// `SendMessage`: unary. Sends a customer message.
    public static let sendMessage = MethodDescriptor(
      service: serviceName, method: "SendMessage", kind: .unary)
    /// `Follow`: server streaming. The customer's view of the conversation, replayed then live.
    public static let follow = MethodDescriptor(
      service: serviceName, method: "Follow", kind: .serverStreaming)
    /// `SetTyping`: unary. Tells the agent the customer is or stopped typing.
    public static let setTyping = MethodDescriptor(
      service: serviceName, method: "SetTyping", kind: .unary)
    /// `MarkRead`: unary. Marks agent messages read up to a sequence number.
    public static let markRead = MethodDescriptor(
      service: serviceName, method: "MarkRead", kind: .unary)
    /// `SubmitSurvey`: unary. Submits the satisfaction survey offered after closing.
    public static let submitSurvey = MethodDescriptor(
      service: serviceName, method: "SubmitSurvey", kind: .unary)
    /// `Leave`: unary. The customer leaves the conversation.
    public static let leave = MethodDescriptor(
      service: serviceName, method: "Leave", kind: .unary)
    /// Every method of the service.
    public static let methods = [
      startConversation, sendMessage, follow, setTyping, markRead, submitSurvey, leave,
    ]
  }
}
