// Conversations as lists and details show them, and what happens to them (transfers, closing,
// surveys, metrics, assistance, tickets, channel moves), core to wire; transfer targets, which
// requests name, both ways.

internal import ProtoWire
internal import SwitchboardAPI
internal import SwitchboardCore

extension SwitchboardCore.ConversationSummary {
  var wire: SwitchboardAPI.ConversationSummary {
    .with {
      $0.conversationID = conversationID
      $0.queueID = queueID
      $0.state = state.wire
      $0.priority = priority.wire
      $0.channel = channel.wire
      $0.subject = subject
      $0.customerDisplayName = customerDisplayName
      $0.assignedAgentID = assignedAgentID
      $0.createdAt = createdAt.wire
      $0.assignedAt = assignedAt?.wire
      $0.lastMessageAt = lastMessageAt?.wire
      $0.lastSequence = lastSequence
      $0.unreadCount = unreadCount
      $0.transferCount = transferCount
    }
  }
}

extension SwitchboardCore.ConversationDetail {
  var wire: SwitchboardAPI.ConversationDetail {
    .with {
      $0.summary = summary.wire
      $0.customer = customer.wire
      $0.botContext = botContext?.wire
      $0.transfers = transfers.map(\.wire)
      $0.transcript = transcript.map(\.wire)
      $0.participants = participants.map(\.wire)
      $0.openAssistance = openAssistance.map(\.wire)
    }
  }
}

extension SwitchboardCore.ConversationMetrics {
  var wire: SwitchboardAPI.ConversationMetrics {
    .with {
      $0.waitTime = waitTime?.wire
      $0.timeToAccept = timeToAccept?.wire
      $0.firstResponseTime = firstResponseTime?.wire
      $0.handleTime = handleTime?.wire
      $0.transferCount = transferCount
      $0.offerCount = offerCount
      $0.declinedOfferCount = declinedOfferCount
      $0.customerMessageCount = customerMessageCount
      $0.agentMessageCount = agentMessageCount
    }
  }
}

extension SwitchboardCore.TransferTarget {
  var wire: SwitchboardAPI.TransferTarget {
    .with {
      switch self {
      case .agent(let agentID): $0.destination = .agentID(agentID)
      case .queue(let queueID): $0.destination = .queueID(queueID)
      }
    }
  }
}

extension Optional where Wrapped == SwitchboardAPI.TransferTarget {
  /// The request's target; nil if it is unset or names nothing (the core says what is missing).
  var core: SwitchboardCore.TransferTarget? {
    switch self?.destination {
    case .agentID(let agentID)?: .agent(agentID)
    case .queueID(let queueID)?: .queue(queueID)
    case nil: nil
    }
  }
}

extension SwitchboardCore.TransferRecord {
  var wire: SwitchboardAPI.TransferRecord {
    .with {
      $0.transferID = transferID
      $0.conversationID = conversationID
      $0.transferredBy = transferredBy.wire
      $0.target = target.wire
      $0.reason = reason.wire
      $0.note = note
      $0.transferredAt = transferredAt.wire
    }
  }
}

extension SwitchboardCore.Resolution {
  var wire: SwitchboardAPI.Resolution {
    .with {
      $0.reason = reason.wire
      $0.categoryID = categoryID
      $0.categoryLabel = categoryLabel
      $0.notes = notes
      $0.closedBy = closedBy.wire
      $0.closedAt = closedAt.wire
    }
  }
}

extension SwitchboardCore.SurveyOffer {
  var wire: SwitchboardAPI.SurveyOffer {
    .with {
      $0.surveyID = surveyID
      $0.prompt = prompt
      $0.expiresAt = expiresAt.wire
    }
  }
}

extension SwitchboardCore.SurveyResponse {
  var wire: SwitchboardAPI.SurveyResponse {
    .with {
      $0.surveyID = surveyID
      $0.conversationID = conversationID
      $0.rating = Int32(clamping: rating)
      $0.comment = comment
      $0.submittedAt = submittedAt.wire
    }
  }
}

extension SwitchboardCore.AssistanceRequest {
  var wire: SwitchboardAPI.AssistanceRequest {
    .with {
      $0.assistanceID = assistanceID
      $0.conversationID = conversationID
      $0.queueID = queueID
      $0.agentID = agentID
      $0.question = question
      $0.urgency = urgency.wire
      $0.status = status.wire
      $0.requestedAt = requestedAt.wire
      $0.answer = answer
      $0.resolvedBy = resolvedBy
      $0.resolvedAt = resolvedAt?.wire
    }
  }
}

extension SwitchboardCore.Ticket {
  var wire: SwitchboardAPI.Ticket {
    .with {
      $0.ticketID = ticketID
      $0.conversationID = conversationID
      $0.subject = subject
      $0.description = description
      $0.priority = priority.wire
      $0.createdBy = createdBy
      $0.createdAt = createdAt.wire
    }
  }
}

extension SwitchboardCore.ChannelMove {
  var wire: SwitchboardAPI.ChannelMove {
    .with {
      $0.moveID = moveID
      $0.conversationID = conversationID
      $0.targetChannel = targetChannel.wire
      $0.contact = contact.wire
      $0.note = note
      $0.requestedBy = requestedBy
      $0.requestedAt = requestedAt.wire
    }
  }
}
