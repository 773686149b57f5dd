// Routing as agents and supervisors see it, core to wire: offers and the Notifications stream,
// agent status, queue figures and the WatchQueues stream, routing decisions.

internal import ProtoWire
internal import SwitchboardAPI
internal import SwitchboardCore

extension SwitchboardCore.Offer {
  var wire: SwitchboardAPI.Offer {
    .with {
      $0.offerID = offerID
      $0.conversationID = conversationID
      $0.queueID = queueID
      $0.priority = priority.wire
      $0.channel = channel.wire
      $0.subject = subject
      $0.customerDisplayName = customerDisplayName
      $0.botSummary = botSummary
      $0.detectedIntent = detectedIntent
      $0.mode = mode.wire
      $0.offeredAt = offeredAt.wire
      $0.expiresAt = expiresAt.wire
      $0.customerWaited = customerWaited.wire
      $0.transfer = transfer?.wire
      $0.botContext = botContext?.wire
    }
  }
}

extension SwitchboardCore.AgentStatus {
  var wire: SwitchboardAPI.AgentStatus {
    .with {
      $0.agentID = agentID
      $0.displayName = displayName
      $0.role = role.wire
      $0.presence = presence.wire
      $0.presenceReason = presenceReason
      $0.presenceSince = presenceSince.wire
      $0.activeConversations = activeConversations
      $0.capacity = capacity
      $0.pendingOffers = pendingOffers
      $0.queueIDs = queueIDs
      $0.connected = connected
    }
  }
}

extension SwitchboardCore.Notification {
  /// The notification as one item of the Agents.Notifications stream.
  var wire: SwitchboardAPI.NotificationsResponse {
    .with {
      $0.sentAt = sentAt.wire
      $0.kind = kind.wire
    }
  }
}

extension SwitchboardCore.Notification.Kind {
  var wire: SwitchboardAPI.NotificationsResponse.Kind {
    switch self {
    case .snapshot(let snapshot): .snapshot(snapshot.wire)
    case .offer(let offer): .offer(offer.wire)
    case .offerWithdrawn(let withdrawn): .offerWithdrawn(withdrawn.wire)
    case .handedOver(let handedOver): .handedOver(handedOver.wire)
    case .reassignedAway(let transfer): .reassignedAway(transfer.wire)
    case .customerMessage(let message): .customerMessage(message.wire)
    case .whisper(let message): .whisper(message.wire)
    case .assistanceAnswered(let assistance): .assistanceAnswered(assistance.wire)
    case .presenceChanged(let status): .presenceChanged(status.wire)
    }
  }
}

extension SwitchboardCore.NotificationSnapshot {
  var wire: SwitchboardAPI.NotificationSnapshot {
    .with {
      $0.status = status.wire
      $0.pendingOffers = pendingOffers.map(\.wire)
      $0.activeConversations = activeConversations.map(\.wire)
      $0.openAssistance = openAssistance.map(\.wire)
    }
  }
}

extension SwitchboardCore.OfferWithdrawn {
  var wire: SwitchboardAPI.OfferWithdrawn {
    .with {
      $0.offerID = offerID
      $0.conversationID = conversationID
      $0.reason = reason.wire
    }
  }
}

extension SwitchboardCore.ConversationHandedOver {
  var wire: SwitchboardAPI.ConversationHandedOver {
    .with {
      $0.conversation = conversation.wire
      $0.transfer = transfer.wire
    }
  }
}

extension SwitchboardCore.QueueFigures {
  var wire: SwitchboardAPI.QueueFigures {
    .with {
      $0.queueID = queueID
      $0.name = name
      $0.waiting = waiting
      $0.longestWait = longestWait?.wire
      $0.agentsAvailable = agentsAvailable
      $0.agentsOnline = agentsOnline
      $0.activeConversations = activeConversations
      $0.window = window.wire
      $0.averageTimeToAccept = averageTimeToAccept?.wire
      $0.averageFirstResponseTime = averageFirstResponseTime?.wire
      $0.closedCount = closedCount
      $0.abandonedCount = abandonedCount
      $0.abandonmentRate = abandonmentRate
      $0.csatAverage = csatAverage
      $0.csatResponses = csatResponses
      $0.asOf = asOf.wire
    }
  }
}

extension SwitchboardCore.QueueFiguresUpdate {
  var wire: SwitchboardAPI.QueueFiguresUpdate {
    .with {
      $0.snapshot = snapshot
      $0.queues = queues.map(\.wire)
      $0.removedQueueIDs = removedQueueIDs
    }
  }
}

extension SwitchboardCore.QueueWatchItem {
  /// The item as one response of the Supervision.WatchQueues stream.
  var wire: SwitchboardAPI.WatchQueuesResponse {
    .with {
      $0.sentAt = sentAt.wire
      switch kind {
      case .figures(let update): $0.update = .figures(update.wire)
      case .assistance(let assistance): $0.update = .assistance(assistance.wire)
      }
    }
  }
}

extension SwitchboardCore.RoutingCandidate {
  var wire: SwitchboardAPI.RoutingCandidate {
    .with {
      $0.agentID = agentID
      $0.displayName = displayName
      $0.presence = presence.wire
      $0.activeConversations = activeConversations
      $0.capacity = capacity
      $0.idleTime = idleTime?.wire
      $0.score = score
      $0.outcome = outcome.wire
    }
  }
}

extension SwitchboardCore.RoutingDecision {
  var wire: SwitchboardAPI.RoutingDecision {
    .with {
      $0.decidedAt = decidedAt.wire
      $0.trigger = trigger.wire
      $0.queueID = queueID ?? ""
      $0.rule = rule.wire
      $0.explanation = explanation
      $0.candidates = candidates.map(\.wire)
      $0.chosenAgentID = chosenAgentID ?? ""
      $0.offerIDs = offerIDs
    }
  }
}
