/// Who looks at a conversation, which decides what they may see.
///
/// - The customer (and the bot acting for them) sees public messages only; transfer notes and
///   the resolution's category, label and notes are blanked; queue positions are theirs alone;
///   their own typing is not echoed. The public transcript also leaves out the bot context (the
///   bot's notes for the agent), tickets, channel moves and assistance requests.
/// - An agent sees everything except queue positions and whispers addressed to another agent.
/// - Supervisors and admins see everything except queue positions.
enum ConversationViewer: Sendable, Hashable {
  /// The customer's view.
  case customer
  /// The agent view of agent `id`.
  case agent(String)
  /// The supervisor (and admin) view.
  case supervisor

  /// Whether this viewer sees internal content (notes, whispers, transfer notes …).
  var isInternal: Bool { self != .customer }

  /// The event as this viewer sees it, or `nil` if it is hidden from them.
  func view(_ event: ConversationEvent) -> ConversationEvent? {
    var event = event
    switch event.kind {
    case .message(let message):
      guard sees(message) else { return nil }
    case .transferred(var record):
      guard self == .customer else { return event }
      record.note = ""
      event.kind = .transferred(record)
    case .closed(let resolution):
      guard self == .customer else { return event }
      event.kind = .closed(Self.publicResolution(resolution))
    case .queuePosition:
      guard self == .customer else { return nil }
    case .typing(let indicator):
      // The customer does not need their own typing echoed back.
      guard self != .customer || indicator.participant.role != .customer else { return nil }
    case .participantJoined, .participantLeft, .assigned, .surveyOffered, .read:
      break
    }
    return event
  }

  /// Whether this viewer may see `message`.
  func sees(_ message: ConversationMessage) -> Bool {
    switch message.visibility {
    case .public: true
    case .internalNote: isInternal
    case .whisper:
      switch self {
      case .customer: false
      case .agent(let id): message.recipientAgentID == id
      case .supervisor: true
      }
    }
  }

  /// A resolution without the internal category, label and notes.
  static func publicResolution(_ resolution: Resolution) -> Resolution {
    var resolution = resolution
    resolution.categoryID = ""
    resolution.categoryLabel = ""
    resolution.notes = ""
    return resolution
  }

  /// A transfer record without its note.
  static func publicTransfer(_ record: TransferRecord) -> TransferRecord {
    var record = record
    record.note = ""
    return record
  }
}

extension ConversationRecord {
  /// Every stored message, oldest first.
  var messages: [ConversationMessage] {
    log.compactMap { event in
      if case .message(let message) = event.kind { message } else { nil }
    }
  }

  /// Everything an agent needs to pick the conversation up, in `viewer`'s view.
  func detail(for viewer: ConversationViewer) -> ConversationDetail {
    ConversationDetail(
      summary: summary,
      customer: customer,
      botContext: botContext,
      transfers: viewer.isInternal ? transfers : transfers.map(ConversationViewer.publicTransfer),
      transcript: messages.filter(viewer.sees),
      participants: currentParticipants,
      openAssistance: viewer.isInternal ? assistance.filter { $0.status == .open } : []
    )
  }

  /// The full transcript: the internal view (notes, whispers, transfer notes, tickets, moves,
  /// assistance, resolution details) or the customer's public view.
  func transcript(includeInternal: Bool, now: WallTime) -> Transcript {
    let viewer: ConversationViewer = includeInternal ? .supervisor : .customer
    return Transcript(
      conversation: summary,
      customer: customer,
      botContext: includeInternal ? botContext : nil,
      participants: everyone,
      messages: messages.filter(viewer.sees),
      transfers: includeInternal ? transfers : transfers.map(ConversationViewer.publicTransfer),
      resolution: includeInternal
        ? resolution : resolution.map(ConversationViewer.publicResolution),
      survey: surveyResponse,
      metrics: metrics(now: now),
      tickets: includeInternal ? tickets : [],
      channelMoves: includeInternal ? channelMoves : [],
      assistance: includeInternal ? assistance : []
    )
  }
}
