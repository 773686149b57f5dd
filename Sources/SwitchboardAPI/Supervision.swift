// Swift types for Protos/switchboard/v1/supervision.proto.

public import ProtoWire

/// Request of `Supervision.ListQueues`.
public struct ListQueuesRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListQueuesRequest"
  /// Queues to include; empty means every queue the caller may see.
  public var queueIDs: [String] = []
  /// Maximum results per page (1..100; 0 means 50).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeated(queueIDs, ProtoString.self, 1)
    visitor.int32(pageSize, 2)
    visitor.string(pageToken, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeated(&queueIDs, ProtoString.self, wireType)
    case 2: pageSize = try decoder.int32(wireType)
    case 3: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.ListQueues`.
public struct ListQueuesResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListQueuesResponse"
  /// Live figures per queue.
  public var queues: [QueueFigures] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(queues, 1)
    visitor.string(nextPageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&queues, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.WatchQueues`.
public struct WatchQueuesRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.WatchQueuesRequest"
  /// Queues to watch; empty means every queue the caller may see.
  public var queueIDs: [String] = []
  /// Minimum time between two updates of one queue; unset means 1 second (the minimum).
  public var minInterval: ProtoDuration? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeated(queueIDs, ProtoString.self, 1)
    visitor.message(minInterval, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeated(&queueIDs, ProtoString.self, wireType)
    case 2: try decoder.message(&minInterval, wireType)
    default: return false
    }
    return true
  }
}

/// A batch of queue figures in the `WatchQueues` stream.
public struct QueueFiguresUpdate: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.QueueFiguresUpdate"
  /// True for the first batch, which holds every watched queue.
  public var snapshot: Bool = false
  /// Figures of the queues that changed (all watched queues if `snapshot`).
  public var queues: [QueueFigures] = []
  /// Queues deleted since the last update.
  public var removedQueueIDs: [String] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.bool(snapshot, 1)
    visitor.repeatedMessage(queues, 2)
    visitor.repeated(removedQueueIDs, ProtoString.self, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: snapshot = try decoder.bool(wireType)
    case 2: try decoder.repeatedMessage(&queues, wireType)
    case 3: try decoder.repeated(&removedQueueIDs, ProtoString.self, wireType)
    default: return false
    }
    return true
  }
}

/// One item of the `Supervision.WatchQueues` stream.
public struct WatchQueuesResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.WatchQueuesResponse"

  /// What changed.
  public enum Update: Sendable, Equatable {
    /// Queue figures.
    case figures(QueueFiguresUpdate)
    /// An assistance request was raised, resolved or cancelled in a watched queue.
    case assistance(AssistanceRequest)
  }

  /// When it was produced.
  public var sentAt: ProtoTimestamp? = nil
  /// What changed.
  public var update: Update? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(sentAt, 1)
    switch update {
    case .figures(let value)?: visitor.visitMessage(value, field: 10)
    case .assistance(let value)?: visitor.visitMessage(value, field: 11)
    case nil: break
    }
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&sentAt, wireType)
    case 10:
      var value: QueueFiguresUpdate
      if case .figures(let existing)? = update {
        value = existing
      } else {
        value = QueueFiguresUpdate()
      }
      try decoder.message(&value, wireType)
      update = .figures(value)
    case 11:
      var value: AssistanceRequest
      if case .assistance(let existing)? = update {
        value = existing
      } else {
        value = AssistanceRequest()
      }
      try decoder.message(&value, wireType)
      update = .assistance(value)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.ListAgents`.
public struct ListAgentsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListAgentsRequest"
  /// Only agents of this queue; empty means all the caller may see.
  public var queueID: String = ""
  /// Only agents with these presences; empty means all.
  public var presences: [Presence] = []
  /// Maximum results per page (1..200; 0 means 100).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.repeated(presences, ProtoEnumField<Presence>.self, 2)
    visitor.int32(pageSize, 3)
    visitor.string(pageToken, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: try decoder.repeated(&presences, ProtoEnumField<Presence>.self, wireType)
    case 3: pageSize = try decoder.int32(wireType)
    case 4: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.ListAgents`.
public struct ListAgentsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListAgentsResponse"
  /// Agents with presence, load and capacity.
  public var agents: [AgentStatus] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(agents, 1)
    visitor.string(nextPageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&agents, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.ListConversations`.
public struct ListConversationsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListConversationsRequest"
  /// Only these queues; empty means all the caller may see.
  public var queueIDs: [String] = []
  /// Only conversations assigned to this agent; empty means any.
  public var agentID: String = ""
  /// Only these states; empty means queued, offered, active and wrap-up.
  public var states: [ConversationState] = []
  /// Only this priority or higher; unspecified means any.
  public var minPriority: Priority = .unspecified
  /// Only this channel; unspecified means any.
  public var channel: Channel = .unspecified
  /// Only conversations started within this range; unset means any time.
  public var created: TimeRange? = nil
  /// Only conversations waiting or unanswered at least this long; unset means no minimum.
  public var minWait: ProtoDuration? = nil
  /// Maximum results per page (1..100; 0 means 50).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeated(queueIDs, ProtoString.self, 1)
    visitor.string(agentID, 2)
    visitor.repeated(states, ProtoEnumField<ConversationState>.self, 3)
    visitor.enum(minPriority, 4)
    visitor.enum(channel, 5)
    visitor.message(created, 6)
    visitor.message(minWait, 7)
    visitor.int32(pageSize, 8)
    visitor.string(pageToken, 9)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeated(&queueIDs, ProtoString.self, wireType)
    case 2: agentID = try decoder.string(wireType)
    case 3: try decoder.repeated(&states, ProtoEnumField<ConversationState>.self, wireType)
    case 4: minPriority = try decoder.enum(wireType)
    case 5: channel = try decoder.enum(wireType)
    case 6: try decoder.message(&created, wireType)
    case 7: try decoder.message(&minWait, wireType)
    case 8: pageSize = try decoder.int32(wireType)
    case 9: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.ListConversations`.
public struct ListConversationsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListConversationsResponse"
  /// Matching conversations.
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
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&conversations, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.Monitor`.
public struct MonitorRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.MonitorRequest"
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

/// One item of the `Supervision.Monitor` stream.
public struct MonitorResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.MonitorResponse"
  /// The event, in the agent's view.
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

/// Request of `Supervision.Whisper`.
public struct WhisperRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.WhisperRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// Client-chosen id; a retry with it is not a duplicate.
  public var clientMessageID: String = ""
  /// The whisper text.
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

/// Response of `Supervision.Whisper`.
public struct WhisperResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.WhisperResponse"
  /// The whisper's sequence number.
  public var sequence: UInt64 = 0
  /// Server-assigned message id.
  public var messageID: String = ""
  /// True if the `clientMessageID` was seen before.
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
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
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

/// Request of `Supervision.Join`.
public struct JoinRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.JoinRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// Optional first message to the customer, sent on joining.
  public var greeting: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(greeting, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: greeting = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.Join`.
public struct JoinResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.JoinResponse"
  /// The supervisor as a participant.
  public var participant: Participant? = nil
  /// Sequence number of the join event.
  public var sequence: UInt64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(participant, 1)
    visitor.uint64(sequence, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&participant, wireType)
    case 2: sequence = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.Leave`.
public struct SupervisorLeaveRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SupervisorLeaveRequest"
  /// The conversation.
  public var conversationID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.Leave`.
public struct SupervisorLeaveResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SupervisorLeaveResponse"
  /// Sequence number of the leave event.
  public var sequence: UInt64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.uint64(sequence, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: sequence = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.Reassign`.
public struct ReassignRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ReassignRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// The new agent or queue.
  public var target: TransferTarget? = nil
  /// Note for the receiver.
  public var note: String = ""
  /// If true, hand to the target agent even when away or at capacity (not when offline).
  public var force: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.message(target, 2)
    visitor.string(note, 3)
    visitor.bool(force, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: try decoder.message(&target, wireType)
    case 3: note = try decoder.string(wireType)
    case 4: force = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.Reassign`.
public struct ReassignResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ReassignResponse"
  /// The recorded reassignment.
  public var transfer: TransferRecord? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(transfer, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&transfer, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.ListAssistanceRequests`.
public struct ListAssistanceRequestsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListAssistanceRequestsRequest"
  /// Only these queues; empty means all the caller may see.
  public var queueIDs: [String] = []
  /// Only this status; unspecified means open.
  public var status: AssistanceStatus = .unspecified
  /// Maximum results per page (1..100; 0 means 50).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeated(queueIDs, ProtoString.self, 1)
    visitor.enum(status, 2)
    visitor.int32(pageSize, 3)
    visitor.string(pageToken, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeated(&queueIDs, ProtoString.self, wireType)
    case 2: status = try decoder.enum(wireType)
    case 3: pageSize = try decoder.int32(wireType)
    case 4: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.ListAssistanceRequests`.
public struct ListAssistanceRequestsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListAssistanceRequestsResponse"
  /// Matching requests, oldest first.
  public var requests: [AssistanceRequest] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(requests, 1)
    visitor.string(nextPageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&requests, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.ResolveAssistance`.
public struct ResolveAssistanceRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ResolveAssistanceRequest"
  /// The assistance request.
  public var assistanceID: String = ""
  /// The answer for the agent.
  public var answer: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(assistanceID, 1)
    visitor.string(answer, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: assistanceID = try decoder.string(wireType)
    case 2: answer = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.ResolveAssistance`.
public struct ResolveAssistanceResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ResolveAssistanceResponse"
  /// The resolved request.
  public var assistance: AssistanceRequest? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(assistance, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&assistance, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Supervision.ExplainRouting`.
public struct ExplainRoutingRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ExplainRoutingRequest"
  /// The conversation.
  public var conversationID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Supervision.ExplainRouting`.
public struct ExplainRoutingResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ExplainRoutingResponse"
  /// Every routing decision about the conversation, oldest first.
  public var decisions: [RoutingDecision] = []
  /// The agent who owns it now; empty if none.
  public var currentAgentID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(decisions, 1)
    visitor.string(currentAgentID, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&decisions, wireType)
    case 2: currentAgentID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

extension SwitchboardV1 {
  /// Every message type of `switchboard/v1/supervision.proto`.
  public static let supervisionMessageTypes: [any ProtoMessage.Type] = [
    ListQueuesRequest.self, ListQueuesResponse.self, WatchQueuesRequest.self,
    QueueFiguresUpdate.self, WatchQueuesResponse.self, ListAgentsRequest.self,
    ListAgentsResponse.self, ListConversationsRequest.self, ListConversationsResponse.self,
    MonitorRequest.self, MonitorResponse.self, WhisperRequest.self, WhisperResponse.self,
    JoinRequest.self, JoinResponse.self, SupervisorLeaveRequest.self,
    SupervisorLeaveResponse.self, ReassignRequest.self, ReassignResponse.self,
    ListAssistanceRequestsRequest.self, ListAssistanceRequestsResponse.self,
    ResolveAssistanceRequest.self, ResolveAssistanceResponse.self, ExplainRoutingRequest.self,
    ExplainRoutingResponse.self,
  ]

  /// The methods of `switchboard.v1.Supervision`, the supervisor-facing service.
  public enum Supervision {
    /// The service's fully qualified name.
    public static let serviceName = "switchboard.v1.Supervision"
    /// `ListQueues`: unary.
    public static let listQueues = MethodDescriptor(
      service: serviceName, method: "ListQueues", kind: .unary)
    /// `WatchQueues`: server streaming.
    public static let watchQueues = MethodDescriptor(
      service: serviceName, method: "WatchQueues", kind: .serverStreaming)
    /// `ListAgents`: unary.
    public static let listAgents = MethodDescriptor(
      service: serviceName, method: "ListAgents", kind: .unary)
    /// `ListConversations`: unary.
    public static let listConversations = MethodDescriptor(
      service: serviceName, method: "ListConversations", kind: .unary)
    /// `Monitor`: server streaming.
    public static let monitor = MethodDescriptor(
      service: serviceName, method: "Monitor", kind: .serverStreaming)
    /// `Whisper`: unary.
    public static let whisper = MethodDescriptor(
      service: serviceName, method: "Whisper", kind: .unary)
    /// `Join`: unary.
    public static let join = MethodDescriptor(
      service: serviceName, method: "Join", kind: .unary)
    /// `Leave`: unary.
    public static let leave = MethodDescriptor(
      service: serviceName, method: "Leave", kind: .unary)
    /// `Reassign`: unary.
    public static let reassign = MethodDescriptor(
      service: serviceName, method: "Reassign", kind: .unary)
    /// `ListAssistanceRequests`: unary.
    public static let listAssistanceRequests = MethodDescriptor(
      service: serviceName, method: "ListAssistanceRequests", kind: .unary)
    /// `ResolveAssistance`: unary.
    public static let resolveAssistance = MethodDescriptor(
      service: serviceName, method: "ResolveAssistance", kind: .unary)
    /// `ExplainRouting`: unary.
    public static let explainRouting = MethodDescriptor(
      service: serviceName, method: "ExplainRouting", kind: .unary)
    /// Every method of the service.
    public static let methods = [
      listQueues, watchQueues, listAgents, listConversations, monitor, whisper, join, leave,
      reassign, listAssistanceRequests, resolveAssistance, explainRouting,
    ]
  }
}
