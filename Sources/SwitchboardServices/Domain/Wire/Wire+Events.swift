// Conversation messages and the events of the Follow and Monitor streams, core to wire. The core
// has already filtered them for the caller's view (the customer's never holds notes or whispers).

internal import ProtoWire
internal import SwitchboardAPI
internal import SwitchboardCore

extension SwitchboardCore.ConversationMessage {
  var wire: SwitchboardAPI.ConversationMessage {
    .with {
      $0.messageID = messageID
      $0.conversationID = conversationID
      $0.sequence = sequence
      $0.clientMessageID = clientMessageID
      $0.author = author.wire
      $0.text = text
      $0.visibility = visibility.wire
      $0.recipientAgentID = recipientAgentID
      $0.sentAt = sentAt.wire
    }
  }
}

extension SwitchboardCore.TypingIndicator {
  var wire: SwitchboardAPI.TypingIndicator {
    .with {
      $0.participant = participant.wire
      $0.typing = typing
    }
  }
}

extension SwitchboardCore.QueuePositionUpdate {
  var wire: SwitchboardAPI.QueuePositionUpdate {
    .with {
      $0.queueID = queueID
      $0.position = position
      $0.estimatedWait = estimatedWait?.wire
    }
  }
}

extension SwitchboardCore.ConversationAssigned {
  var wire: SwitchboardAPI.ConversationAssigned {
    .with {
      $0.agent = agent.wire
      $0.queueID = queueID
    }
  }
}

extension SwitchboardCore.ReadReceipt {
  var wire: SwitchboardAPI.ReadReceipt {
    .with {
      $0.participant = participant.wire
      $0.readThroughSequence = readThroughSequence
    }
  }
}

extension SwitchboardCore.ConversationEvent {
  var wire: SwitchboardAPI.ConversationEvent {
    .with {
      $0.conversationID = conversationID
      $0.sequence = sequence
      $0.ephemeral = ephemeral
      $0.occurredAt = occurredAt.wire
      $0.kind = kind.wire
    }
  }
}

extension SwitchboardCore.ConversationEvent.Kind {
  var wire: SwitchboardAPI.ConversationEvent.Kind {
    switch self {
    case .message(let message): .message(message.wire)
    case .participantJoined(let participant): .participantJoined(participant.wire)
    case .participantLeft(let participant): .participantLeft(participant.wire)
    case .typing(let typing): .typing(typing.wire)
    case .queuePosition(let position): .queuePosition(position.wire)
    case .assigned(let assigned): .assigned(assigned.wire)
    case .transferred(let transfer): .transferred(transfer.wire)
    case .closed(let resolution): .closed(resolution.wire)
    case .surveyOffered(let offer): .surveyOffered(offer.wire)
    case .read(let receipt): .read(receipt.wire)
    }
  }
}
