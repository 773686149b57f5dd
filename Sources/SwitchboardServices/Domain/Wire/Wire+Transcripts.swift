// Stored records, core to wire: transcripts, search hits and the integration event feed; and the
// time-range filters requests use.

internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

extension SwitchboardCore.Transcript {
  var wire: SwitchboardAPI.Transcript {
    .with {
      $0.conversation = conversation.wire
      $0.customer = customer.wire
      $0.botContext = botContext?.wire
      $0.participants = participants.map(\.wire)
      $0.messages = messages.map(\.wire)
      $0.transfers = transfers.map(\.wire)
      $0.resolution = resolution?.wire
      $0.survey = survey?.wire
      $0.metrics = metrics.wire
      $0.tickets = tickets.map(\.wire)
      $0.channelMoves = channelMoves.map(\.wire)
      $0.assistance = assistance.map(\.wire)
    }
  }
}

extension SwitchboardCore.TranscriptSummary {
  var wire: SwitchboardAPI.TranscriptSummary {
    .with {
      $0.conversationID = conversationID
      $0.queueID = queueID
      $0.agentIDs = agentIDs
      $0.customerDisplayName = customerDisplayName
      $0.subject = subject
      $0.channel = channel.wire
      $0.createdAt = createdAt.wire
      $0.closedAt = closedAt.wire
      $0.closeReason = closeReason.wire
      $0.resolutionCategoryID = resolutionCategoryID
      $0.surveyRating = Int32(clamping: surveyRating ?? 0)
      $0.snippet = snippet
    }
  }
}

extension Optional where Wrapped == SwitchboardAPI.TimeRange {
  /// The request's range, nil when unset; INVALID_ARGUMENT naming `field` for a bound out of
  /// range or an end before the start.
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.TimeRange? {
    guard let range = self else { return nil }
    let start = try range.start.core("\(field).start")
    let end = try range.end.core("\(field).end")
    if let start, let end, end < start {
      throw RPCError(.invalidArgument, "\(field).end \(end) is before \(field).start \(start)")
    }
    return SwitchboardCore.TimeRange(start: start, end: end)
  }
}

extension SwitchboardCore.ExternalEvent {
  var wire: SwitchboardAPI.ExternalEvent {
    .with {
      $0.cursor = cursor
      $0.eventID = eventID
      $0.kind = kind.wire
      $0.conversationID = conversationID
      $0.occurredAt = occurredAt.wire
      $0.payload = payload.wire
    }
  }
}

extension SwitchboardCore.ExternalEvent.Payload {
  var wire: SwitchboardAPI.ExternalEvent.Payload {
    switch self {
    case .conversationClosed(let record): .conversationClosed(record.wire)
    case .ticketCreated(let ticket): .ticketCreated(ticket.wire)
    case .channelMoveRequested(let move): .channelMoveRequested(move.wire)
    case .surveySubmitted(let submitted): .surveySubmitted(submitted.wire)
    case .assistanceRequested(let assistance): .assistanceRequested(assistance.wire)
    }
  }
}

extension SwitchboardCore.ConversationClosedRecord {
  var wire: SwitchboardAPI.ConversationClosedRecord {
    .with {
      $0.conversation = conversation.wire
      $0.customer = customer.wire
      $0.resolution = resolution.wire
      $0.metrics = metrics.wire
      $0.agentIDs = agentIDs
    }
  }
}

extension SwitchboardCore.SurveySubmitted {
  var wire: SwitchboardAPI.SurveySubmitted {
    .with {
      $0.survey = survey.wire
      $0.agentID = agentID
      $0.queueID = queueID
    }
  }
}
