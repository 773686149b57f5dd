/// Rebuilding a conversation's record from what the store kept.
extension ConversationRecord {
  /// The record of a recovered conversation: its durable events are replayed in order, so the
  /// log, the sequence numbers, the client-message-id index, read marks, participants, the
  /// owning agent, transfers, the resolution, the survey and the metrics' timestamps come out
  /// as they were when the events happened. Offers still pending when the store last wrote are
  /// not the record's business: routing takes them back (the conversation is `queued`).
  init(replaying recovered: RecoveredConversation) {
    self.init(
      id: recovered.conversationID,
      queueID: recovered.queueIDs.first ?? recovered.queueID,
      priority: recovered.priority,
      channel: recovered.channel,
      subject: recovered.request.subject,
      customer: recovered.request.customer,
      botContext: recovered.request.botContext,
      startedByBotID: recovered.startedBy?.role == .bot ? recovered.startedBy?.id : nil,
      createdAt: recovered.createdAt
    )
    for queueID in recovered.queueIDs.dropFirst() { enterQueue(queueID) }
    enterQueue(recovered.queueID)
    for event in recovered.events { replay(event, offers: recovered.offers) }
    clock.offerCount = UInt32(clamping: recovered.offers.count)
    clock.declinedOfferCount = UInt32(
      clamping: recovered.offers.count { offer in
        switch offer.outcome {
        case .declined?, .withdrawn(.timedOut)?: true
        default: false
        }
      }
    )
    for stored in recovered.tickets {
      tickets.append(stored.ticket)
      if !stored.request.idempotencyKey.isEmpty {
        ticketKeys[stored.request.idempotencyKey] = (stored.request, tickets.count - 1)
      }
    }
    assistance = recovered.assistance
    channelMoves = recovered.channelMoves
    surveyResponse = recovered.surveyResponse
  }

  /// Applies one stored event the way the method that logged it did.
  private mutating func replay(_ event: ConversationEvent, offers: [StoredOffer]) {
    let time = event.occurredAt
    _ = append(event.kind, at: time)
    switch event.kind {
    case .message(let message):
      noteStored(message)
    case .participantJoined(let participant):
      setJoined(participant, true)
    case .participantLeft(let participant):
      if participant.role == .customer {
        markCustomerLeft()
        if state == .active { state = .wrapUp }
      } else if assignedAgent?.participantID == participant.participantID {
        setAssignedAgent(nil, at: nil)
      } else {
        setJoined(participant, false)
      }
    case .assigned(let assigned):
      state = .active
      setAssignedAgent(assigned.agent, at: time)
      if clock.firstAcceptedAt == nil {
        clock.firstAcceptedAt = time
        let accepted = offers.last { offer in
          offer.agentID == assigned.agent.participantID && offer.outcome == .accepted
            && offer.endedAt == time
        }
        clock.timeToAccept = accepted.map { time - $0.offer.offeredAt }
      }
    case .transferred(let record):
      transfers.append(record)
      state = .queued
    case .closed(let resolution):
      state = .closed
      self.resolution = resolution
      clock.closedAt = resolution.closedAt
      joinedSupervisors = []
      setAssignedAgent(nil, at: nil)
    case .surveyOffered(let offer):
      surveyOffer = offer
    case .read(let receipt):
      setReadMark(of: receipt.participant, receipt.readThroughSequence)
    case .typing, .queuePosition:
      break
    }
  }
}
