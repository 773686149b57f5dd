/// A half-open time interval `[start, end)`; a `nil` bound is unbounded.
public struct TimeRange: Sendable, Hashable {
  /// Inclusive start; `nil` means unbounded.
  public var start: WallTime?
  /// Exclusive end; `nil` means unbounded.
  public var end: WallTime?

  /// Creates a range.
  public init(start: WallTime? = nil, end: WallTime? = nil) {
    self.start = start
    self.end = end
  }

  /// True if `time` lies within the range.
  public func contains(_ time: WallTime) -> Bool {
    if let start, time < start { return false }
    if let end, time >= end { return false }
    return true
  }
}

/// A conversation's complete stored record.
public struct Transcript: Sendable, Hashable {
  /// Summary fields (id, queue, state, priority, channel, subject, timestamps).
  public var conversation: ConversationSummary
  /// The customer.
  public var customer: CustomerInfo
  /// What the bot learned; `nil` if no bot was involved.
  public var botContext: BotContext?
  /// Everyone who took part, in order of joining.
  public var participants: [Participant]
  /// Messages oldest first; notes and whispers only in the internal view.
  public var messages: [ConversationMessage]
  /// Transfers and reassignments, oldest first (notes only in the internal view).
  public var transfers: [TransferRecord]
  /// How it ended; `nil` while open.
  public var resolution: Resolution?
  /// The survey answer; `nil` if none was given.
  public var survey: SurveyResponse?
  /// Timings and counters.
  public var metrics: ConversationMetrics
  /// Tickets created from it (internal view only).
  public var tickets: [Ticket]
  /// Channel moves requested (internal view only).
  public var channelMoves: [ChannelMove]
  /// Assistance requests (internal view only).
  public var assistance: [AssistanceRequest]

  /// Creates a transcript.
  public init(
    conversation: ConversationSummary,
    customer: CustomerInfo,
    botContext: BotContext?,
    participants: [Participant],
    messages: [ConversationMessage],
    transfers: [TransferRecord],
    resolution: Resolution?,
    survey: SurveyResponse?,
    metrics: ConversationMetrics,
    tickets: [Ticket],
    channelMoves: [ChannelMove],
    assistance: [AssistanceRequest]
  ) {
    self.conversation = conversation
    self.customer = customer
    self.botContext = botContext
    self.participants = participants
    self.messages = messages
    self.transfers = transfers
    self.resolution = resolution
    self.survey = survey
    self.metrics = metrics
    self.tickets = tickets
    self.channelMoves = channelMoves
    self.assistance = assistance
  }
}

/// One search hit.
public struct TranscriptSummary: Sendable, Hashable {
  /// The conversation.
  public var conversationID: String
  /// The queue it was last routed through.
  public var queueID: String
  /// Agents who handled it, in order.
  public var agentIDs: [String]
  /// The customer's display name.
  public var customerDisplayName: String
  /// The subject line.
  public var subject: String
  /// The channel.
  public var channel: Channel
  /// When it started.
  public var createdAt: WallTime
  /// When it closed.
  public var closedAt: WallTime
  /// Why it closed.
  public var closeReason: CloseReason
  /// Resolution category id; empty for automatic closes.
  public var resolutionCategoryID: String
  /// Survey rating 1...5; `nil` if not rated.
  public var surveyRating: Int?
  /// A short excerpt around the text match; empty without a text query.
  public var snippet: String

  /// Creates a search hit.
  public init(
    conversationID: String,
    queueID: String,
    agentIDs: [String],
    customerDisplayName: String,
    subject: String,
    channel: Channel,
    createdAt: WallTime,
    closedAt: WallTime,
    closeReason: CloseReason,
    resolutionCategoryID: String,
    surveyRating: Int?,
    snippet: String
  ) {
    self.conversationID = conversationID
    self.queueID = queueID
    self.agentIDs = agentIDs
    self.customerDisplayName = customerDisplayName
    self.subject = subject
    self.channel = channel
    self.createdAt = createdAt
    self.closedAt = closedAt
    self.closeReason = closeReason
    self.resolutionCategoryID = resolutionCategoryID
    self.surveyRating = surveyRating
    self.snippet = snippet
  }
}

/// Filters shared by transcript search and export; all combine with AND.
public struct TranscriptFilter: Sendable, Hashable {
  /// Only conversations that passed through this queue; `nil` means any the caller may see.
  public var queueID: String?
  /// Only conversations this agent handled; `nil` means any.
  public var agentID: String?
  /// Only conversations closed within this range; `nil` means any time.
  public var closed: TimeRange?
  /// Only this resolution category; `nil` means any.
  public var resolutionCategoryID: String?

  /// Creates a filter; every field defaults to "any".
  public init(
    queueID: String? = nil,
    agentID: String? = nil,
    closed: TimeRange? = nil,
    resolutionCategoryID: String? = nil
  ) {
    self.queueID = queueID
    self.agentID = agentID
    self.closed = closed
    self.resolutionCategoryID = resolutionCategoryID
  }
}

/// One page of transcript search results.
public struct TranscriptSearchResult: Sendable, Equatable {
  /// Matching conversations, newest closed first, and the token of the next page.
  public var page: Page<TranscriptSummary>
  /// Number of matches in total (exact for the in-memory index).
  public var totalEstimate: Int

  /// Creates a search result.
  public init(page: Page<TranscriptSummary>, totalEstimate: Int) {
    self.page = page
    self.totalEstimate = totalEstimate
  }
}

/// One item of a transcript export.
public struct ExportedTranscript: Sendable, Hashable {
  /// One full transcript.
  public var transcript: Transcript
  /// Pass as `resumeToken` to continue after this item.
  public var resumeToken: String

  /// Creates an export item.
  public init(transcript: Transcript, resumeToken: String) {
    self.transcript = transcript
    self.resumeToken = resumeToken
  }
}
