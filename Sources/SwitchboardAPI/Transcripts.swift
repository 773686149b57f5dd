// Swift types for Protos/switchboard/v1/transcripts.proto.

public import ProtoWire

/// A conversation's complete stored record.
public struct Transcript: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.Transcript"
  /// Summary fields (id, queue, state, priority, channel, subject, timestamps).
  public var conversation: ConversationSummary? = nil
  /// The customer.
  public var customer: CustomerInfo? = nil
  /// What the bot learned; unset if no bot was involved.
  public var botContext: BotContext? = nil
  /// Everyone who took part, in order of joining.
  public var participants: [Participant] = []
  /// Messages oldest first; notes and whispers only in the internal view.
  public var messages: [ConversationMessage] = []
  /// Transfers and reassignments, oldest first (notes only in the internal view).
  public var transfers: [TransferRecord] = []
  /// How it ended; unset while open.
  public var resolution: Resolution? = nil
  /// The survey answer; unset if none was given.
  public var survey: SurveyResponse? = nil
  /// Timings and counters.
  public var metrics: ConversationMetrics? = nil
  /// Tickets created from it (internal view only).
  public var tickets: [Ticket] = []
  /// Channel moves requested (internal view only).
  public var channelMoves: [ChannelMove] = []
  /// Assistance requests (internal view only).
  public var assistance: [AssistanceRequest] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(conversation, 1)
    visitor.message(customer, 2)
    visitor.message(botContext, 3)
    visitor.repeatedMessage(participants, 4)
    visitor.repeatedMessage(messages, 5)
    visitor.repeatedMessage(transfers, 6)
    visitor.message(resolution, 7)
    visitor.message(survey, 8)
    visitor.message(metrics, 9)
    visitor.repeatedMessage(tickets, 10)
    visitor.repeatedMessage(channelMoves, 11)
    visitor.repeatedMessage(assistance, 12)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&conversation, wireType)
    case 2: try decoder.message(&customer, wireType)
    case 3: try decoder.message(&botContext, wireType)
    case 4: try decoder.repeatedMessage(&participants, wireType)
    case 5: try decoder.repeatedMessage(&messages, wireType)
    case 6: try decoder.repeatedMessage(&transfers, wireType)
    case 7: try decoder.message(&resolution, wireType)
    case 8: try decoder.message(&survey, wireType)
    case 9: try decoder.message(&metrics, wireType)
    case 10: try decoder.repeatedMessage(&tickets, wireType)
    case 11: try decoder.repeatedMessage(&channelMoves, wireType)
    case 12: try decoder.repeatedMessage(&assistance, wireType)
    default: return false
    }
    return true
  }
}

/// One search hit.
public struct TranscriptSummary: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.TranscriptSummary"
  /// The conversation.
  public var conversationID: String = ""
  /// The queue it was last routed through.
  public var queueID: String = ""
  /// Agents who handled it, in order.
  public var agentIDs: [String] = []
  /// The customer's display name.
  public var customerDisplayName: String = ""
  /// The subject line.
  public var subject: String = ""
  /// The channel.
  public var channel: Channel = .unspecified
  /// When it started.
  public var createdAt: ProtoTimestamp? = nil
  /// When it closed.
  public var closedAt: ProtoTimestamp? = nil
  /// Why it closed.
  public var closeReason: CloseReason = .unspecified
  /// Resolution category id; empty for abandonment.
  public var resolutionCategoryID: String = ""
  /// Survey rating 1..5; 0 if not rated.
  public var surveyRating: Int32 = 0
  /// A short excerpt around the text match; empty without a text query.
  public var snippet: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.string(queueID, 2)
    visitor.repeated(agentIDs, ProtoString.self, 3)
    visitor.string(customerDisplayName, 4)
    visitor.string(subject, 5)
    visitor.enum(channel, 6)
    visitor.message(createdAt, 7)
    visitor.message(closedAt, 8)
    visitor.enum(closeReason, 9)
    visitor.string(resolutionCategoryID, 10)
    visitor.int32(surveyRating, 11)
    visitor.string(snippet, 12)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: queueID = try decoder.string(wireType)
    case 3: try decoder.repeated(&agentIDs, ProtoString.self, wireType)
    case 4: customerDisplayName = try decoder.string(wireType)
    case 5: subject = try decoder.string(wireType)
    case 6: channel = try decoder.enum(wireType)
    case 7: try decoder.message(&createdAt, wireType)
    case 8: try decoder.message(&closedAt, wireType)
    case 9: closeReason = try decoder.enum(wireType)
    case 10: resolutionCategoryID = try decoder.string(wireType)
    case 11: surveyRating = try decoder.int32(wireType)
    case 12: snippet = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Transcripts.GetTranscript`.
public struct GetTranscriptRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.GetTranscriptRequest"
  /// The conversation.
  public var conversationID: String = ""
  /// If true, include notes, whispers, transfer notes, tickets and resolution notes (not for
  /// customers).
  public var includeInternal: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(conversationID, 1)
    visitor.bool(includeInternal, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: conversationID = try decoder.string(wireType)
    case 2: includeInternal = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Transcripts.GetTranscript`.
public struct GetTranscriptResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.GetTranscriptResponse"
  /// The transcript.
  public var transcript: Transcript? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(transcript, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&transcript, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Transcripts.SearchTranscripts`. All filters combine with AND.
public struct SearchTranscriptsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SearchTranscriptsRequest"
  /// Only this queue; empty means any the caller may see.
  public var queueID: String = ""
  /// Only conversations this agent handled; empty means any.
  public var agentID: String = ""
  /// Only conversations closed within this range; unset means any time.
  public var closed: TimeRange? = nil
  /// Only this resolution category; empty means any.
  public var resolutionCategoryID: String = ""
  /// Words that must all appear in public messages, the subject or notes; empty means no text
  /// filter.
  public var text: String = ""
  /// Maximum results per page (1..100; 0 means 25).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.string(agentID, 2)
    visitor.message(closed, 3)
    visitor.string(resolutionCategoryID, 4)
    visitor.string(text, 5)
    visitor.int32(pageSize, 6)
    visitor.string(pageToken, 7)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: agentID = try decoder.string(wireType)
    case 3: try decoder.message(&closed, wireType)
    case 4: resolutionCategoryID = try decoder.string(wireType)
    case 5: text = try decoder.string(wireType)
    case 6: pageSize = try decoder.int32(wireType)
    case 7: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Transcripts.SearchTranscripts`.
public struct SearchTranscriptsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SearchTranscriptsResponse"
  /// Matching conversations.
  public var results: [TranscriptSummary] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  /// Estimated total number of matches.
  public var totalEstimate: Int64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(results, 1)
    visitor.string(nextPageToken, 2)
    visitor.int64(totalEstimate, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&results, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    case 3: totalEstimate = try decoder.int64(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Transcripts.ExportTranscripts`.
public struct ExportTranscriptsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ExportTranscriptsRequest"
  /// Only this queue; empty means any the caller may see.
  public var queueID: String = ""
  /// Only conversations this agent handled; empty means any.
  public var agentID: String = ""
  /// Only conversations closed within this range; unset means any time.
  public var closed: TimeRange? = nil
  /// Only this resolution category; empty means any.
  public var resolutionCategoryID: String = ""
  /// If true, export the internal view.
  public var includeInternal: Bool = false
  /// Resume after the item carrying this token; empty starts from the beginning.
  public var resumeToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.string(agentID, 2)
    visitor.message(closed, 3)
    visitor.string(resolutionCategoryID, 4)
    visitor.bool(includeInternal, 5)
    visitor.string(resumeToken, 6)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: agentID = try decoder.string(wireType)
    case 3: try decoder.message(&closed, wireType)
    case 4: resolutionCategoryID = try decoder.string(wireType)
    case 5: includeInternal = try decoder.bool(wireType)
    case 6: resumeToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// One item of the `Transcripts.ExportTranscripts` stream.
public struct ExportTranscriptsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ExportTranscriptsResponse"
  /// One full transcript.
  public var transcript: Transcript? = nil
  /// Pass as `resumeToken` to continue after this item.
  public var resumeToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(transcript, 1)
    visitor.string(resumeToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&transcript, wireType)
    case 2: resumeToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

extension SwitchboardV1 {
  /// Every message type of `switchboard/v1/transcripts.proto`.
  public static let transcriptsMessageTypes: [any ProtoMessage.Type] = [
    Transcript.self, TranscriptSummary.self, GetTranscriptRequest.self,
    GetTranscriptResponse.self, SearchTranscriptsRequest.self, SearchTranscriptsResponse.self,
    ExportTranscriptsRequest.self, ExportTranscriptsResponse.self,
  ]

  /// The methods of `switchboard.v1.Transcripts`, the transcript service.
  public enum Transcripts {
    /// The service's fully qualified name.
    public static let serviceName = "switchboard.v1.Transcripts"
    /// `GetTranscript`: unary. Returns one conversation's transcript.
    public static let getTranscript = MethodDescriptor(
      service: serviceName, method: "GetTranscript", kind: .unary)
    /// `SearchTranscripts`: unary. Searches closed conversations, newest closed first.
    public static let searchTranscripts = MethodDescriptor(
      service: serviceName, method: "SearchTranscripts", kind: .unary)
    /// `ExportTranscripts`: server streaming. Full transcripts matching a filter, oldest first.
    public static let exportTranscripts = MethodDescriptor(
      service: serviceName, method: "ExportTranscripts", kind: .serverStreaming)
    /// Every method of the service.
    public static let methods = [getTranscript, searchTranscripts, exportTranscripts]
  }
}
