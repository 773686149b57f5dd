// Swift types for Protos/switchboard/v1/events.proto.

public import ProtoWire

/// The kinds of events in the integration feed.
public enum ExternalEventKind: ProtoEnum {
  public static let protoEnumName = "switchboard.v1.ExternalEventKind"
  /// Not set; invalid in filters.
  case unspecified
  /// A conversation was closed (for CRM).
  case conversationClosed
  /// An agent created a ticket (for ticketing).
  case ticketCreated
  /// An agent asked to move the customer to phone or e-mail (for telephony and e-mail).
  case channelMoveRequested
  /// A customer answered the survey.
  case surveySubmitted
  /// An agent asked a supervisor for help.
  case assistanceRequested
  /// A value this version does not name.
  case unrecognized(Int32)

  public init(rawValue: Int32) {
    switch rawValue {
    case 0: self = .unspecified
    case 1: self = .conversationClosed
    case 2: self = .ticketCreated
    case 3: self = .channelMoveRequested
    case 4: self = .surveySubmitted
    case 5: self = .assistanceRequested
    default: self = .unrecognized(rawValue)
    }
  }

  public var rawValue: Int32 {
    switch self {
    case .unspecified: 0
    case .conversationClosed: 1
    case .ticketCreated: 2
    case .channelMoveRequested: 3
    case .surveySubmitted: 4
    case .assistanceRequested: 5
    case .unrecognized(let value): value
    }
  }
}

/// Everything a CRM needs about a closed conversation.
public struct ConversationClosedRecord: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ConversationClosedRecord"
  /// The conversation's summary.
  public var conversation: ConversationSummary? = nil
  /// The customer.
  public var customer: CustomerInfo? = nil
  /// How it ended.
  public var resolution: Resolution? = nil
  /// Timings and counters.
  public var metrics: ConversationMetrics? = nil
  /// Agents who handled it, in order.
  public var agentIDs: [String] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(conversation, 1)
    visitor.message(customer, 2)
    visitor.message(resolution, 3)
    visitor.message(metrics, 4)
    visitor.repeated(agentIDs, ProtoString.self, 5)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&conversation, wireType)
    case 2: try decoder.message(&customer, wireType)
    case 3: try decoder.message(&resolution, wireType)
    case 4: try decoder.message(&metrics, wireType)
    case 5: try decoder.repeated(&agentIDs, ProtoString.self, wireType)
    default: return false
    }
    return true
  }
}

/// A customer answered the survey.
public struct SurveySubmitted: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SurveySubmitted"
  /// The answer.
  public var survey: SurveyResponse? = nil
  /// The agent who closed the conversation.
  public var agentID: String = ""
  /// The conversation's queue.
  public var queueID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(survey, 1)
    visitor.string(agentID, 2)
    visitor.string(queueID, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&survey, wireType)
    case 2: agentID = try decoder.string(wireType)
    case 3: queueID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// One event of the feed.
public struct ExternalEvent: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ExternalEvent"

  /// The event's content.
  public enum Payload: Sendable, Equatable {
    /// A conversation was closed.
    case conversationClosed(ConversationClosedRecord)
    /// A ticket was created.
    case ticketCreated(Ticket)
    /// A channel move was requested.
    case channelMoveRequested(ChannelMove)
    /// A survey was submitted.
    case surveySubmitted(SurveySubmitted)
    /// Assistance was requested.
    case assistanceRequested(AssistanceRequest)
  }

  /// Opaque position of this event; pass it as `afterCursor` to resume after it.
  public var cursor: String = ""
  /// Unique event id, for de-duplication by consumers.
  public var eventID: String = ""
  /// What kind of event this is (matches the payload).
  public var kind: ExternalEventKind = .unspecified
  /// The conversation concerned.
  public var conversationID: String = ""
  /// When it happened.
  public var occurredAt: ProtoTimestamp? = nil
  /// The event's content.
  public var payload: Payload? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(cursor, 1)
    visitor.string(eventID, 2)
    visitor.enum(kind, 3)
    visitor.string(conversationID, 4)
    visitor.message(occurredAt, 5)
    switch payload {
    case .conversationClosed(let value)?: visitor.visitMessage(value, field: 10)
    case .ticketCreated(let value)?: visitor.visitMessage(value, field: 11)
    case .channelMoveRequested(let value)?: visitor.visitMessage(value, field: 12)
    case .surveySubmitted(let value)?: visitor.visitMessage(value, field: 13)
    case .assistanceRequested(let value)?: visitor.visitMessage(value, field: 14)
    case nil: break
    }
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: cursor = try decoder.string(wireType)
    case 2: eventID = try decoder.string(wireType)
    case 3: kind = try decoder.enum(wireType)
    case 4: conversationID = try decoder.string(wireType)
    case 5: try decoder.message(&occurredAt, wireType)
    case 10:
      var value: ConversationClosedRecord
      if case .conversationClosed(let existing)? = payload {
        value = existing
      } else {
        value = ConversationClosedRecord()
      }
      try decoder.message(&value, wireType)
      payload = .conversationClosed(value)
    case 11:
      var value: Ticket
      if case .ticketCreated(let existing)? = payload {
        value = existing
      } else {
        value = Ticket()
      }
      try decoder.message(&value, wireType)
      payload = .ticketCreated(value)
    case 12:
      var value: ChannelMove
      if case .channelMoveRequested(let existing)? = payload {
        value = existing
      } else {
        value = ChannelMove()
      }
      try decoder.message(&value, wireType)
      payload = .channelMoveRequested(value)
    case 13:
      var value: SurveySubmitted
      if case .surveySubmitted(let existing)? = payload {
        value = existing
      } else {
        value = SurveySubmitted()
      }
      try decoder.message(&value, wireType)
      payload = .surveySubmitted(value)
    case 14:
      var value: AssistanceRequest
      if case .assistanceRequested(let existing)? = payload {
        value = existing
      } else {
        value = AssistanceRequest()
      }
      try decoder.message(&value, wireType)
      payload = .assistanceRequested(value)
    default: return false
    }
    return true
  }
}

/// Request of `Events.WatchEvents`.
public struct WatchEventsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.WatchEventsRequest"
  /// Deliver events after this cursor; empty starts at the oldest retained event.
  public var afterCursor: String = ""
  /// If true and `afterCursor` is empty, start with events happening from now on.
  public var fromNow: Bool = false
  /// Only these kinds; empty means all.
  public var kinds: [ExternalEventKind] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(afterCursor, 1)
    visitor.bool(fromNow, 2)
    visitor.repeated(kinds, ProtoEnumField<ExternalEventKind>.self, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: afterCursor = try decoder.string(wireType)
    case 2: fromNow = try decoder.bool(wireType)
    case 3: try decoder.repeated(&kinds, ProtoEnumField<ExternalEventKind>.self, wireType)
    default: return false
    }
    return true
  }
}

/// One item of the `Events.WatchEvents` stream.
public struct WatchEventsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.WatchEventsResponse"
  /// The event, carrying its cursor.
  public var event: ExternalEvent? = nil
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

extension SwitchboardV1 {
  /// Every message type of `switchboard/v1/events.proto`.
  public static let eventsMessageTypes: [any ProtoMessage.Type] = [
    ConversationClosedRecord.self, SurveySubmitted.self, ExternalEvent.self,
    WatchEventsRequest.self, WatchEventsResponse.self,
  ]

  /// The methods of `switchboard.v1.Events`, the integration event feed.
  public enum Events {
    /// The service's fully qualified name.
    public static let serviceName = "switchboard.v1.Events"
    /// `WatchEvents`: server streaming.
    public static let watchEvents = MethodDescriptor(
      service: serviceName, method: "WatchEvents", kind: .serverStreaming)
    /// Every method of the service.
    public static let methods = [watchEvents]
  }
}
