internal import SwitchboardCore

extension TransferRecord: JSONStorable {
  var json: JSON {
    let target: JSON =
      switch self.target {
      case .agent(let agentID): .object([("agent", .string(agentID))])
      case .queue(let queueID): .object([("queue", .string(queueID))])
      }
    return .object([
      ("transferID", .string(transferID)), ("conversationID", .string(conversationID)),
      ("transferredBy", transferredBy.json), ("target", target), ("reason", .code(reason)),
      ("note", .string(note)), ("transferredAt", .time(transferredAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    let targetReader = try reader.object("target")
    let target: TransferTarget
    if let agentID = try targetReader.optionalString("agent") {
      target = .agent(agentID)
    } else {
      target = .queue(try targetReader.string("queue"))
    }
    self.init(
      transferID: try reader.string("transferID"),
      conversationID: try reader.string("conversationID"),
      transferredBy: try reader.value("transferredBy"),
      target: target,
      reason: try reader.code("reason"),
      note: try reader.string("note"),
      transferredAt: try reader.time("transferredAt")
    )
  }
}

extension Resolution: JSONStorable {
  var json: JSON {
    .object([
      ("reason", .code(reason)), ("categoryID", .string(categoryID)),
      ("categoryLabel", .string(categoryLabel)), ("notes", .string(notes)),
      ("closedBy", closedBy.json), ("closedAt", .time(closedAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      reason: try reader.code("reason"),
      categoryID: try reader.string("categoryID"),
      categoryLabel: try reader.string("categoryLabel"),
      notes: try reader.string("notes"),
      closedBy: try reader.value("closedBy"),
      closedAt: try reader.time("closedAt")
    )
  }
}

extension SurveyOffer: JSONStorable {
  var json: JSON {
    .object([
      ("surveyID", .string(surveyID)), ("prompt", .string(prompt)), ("expiresAt", .time(expiresAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      surveyID: try reader.string("surveyID"),
      prompt: try reader.string("prompt"),
      expiresAt: try reader.time("expiresAt")
    )
  }
}

extension SurveyResponse: JSONStorable {
  var json: JSON {
    .object([
      ("surveyID", .string(surveyID)), ("conversationID", .string(conversationID)),
      ("rating", .int(Int64(rating))), ("comment", .string(comment)),
      ("submittedAt", .time(submittedAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      surveyID: try reader.string("surveyID"),
      conversationID: try reader.string("conversationID"),
      rating: try reader.int("rating"),
      comment: try reader.string("comment"),
      submittedAt: try reader.time("submittedAt")
    )
  }
}

extension ConversationSummary: JSONStorable {
  var json: JSON {
    .object([
      ("conversationID", .string(conversationID)), ("queueID", .string(queueID)),
      ("state", .code(state)), ("priority", .code(priority)), ("channel", .code(channel)),
      ("subject", .string(subject)), ("customerDisplayName", .string(customerDisplayName)),
      ("assignedAgentID", .string(assignedAgentID)), ("createdAt", .time(createdAt)),
      ("assignedAt", .optionalTime(assignedAt)), ("lastMessageAt", .optionalTime(lastMessageAt)),
      ("lastSequence", .uint(lastSequence)), ("unreadCount", .int(Int64(unreadCount))),
      ("transferCount", .int(Int64(transferCount))),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      conversationID: try reader.string("conversationID"),
      queueID: try reader.string("queueID"),
      state: try reader.code("state"),
      priority: try reader.code("priority"),
      channel: try reader.code("channel"),
      subject: try reader.string("subject"),
      customerDisplayName: try reader.string("customerDisplayName"),
      assignedAgentID: try reader.string("assignedAgentID"),
      createdAt: try reader.time("createdAt"),
      assignedAt: try reader.optionalTime("assignedAt"),
      lastMessageAt: try reader.optionalTime("lastMessageAt"),
      lastSequence: try reader.uint64("lastSequence"),
      unreadCount: try reader.uint32("unreadCount"),
      transferCount: try reader.uint32("transferCount")
    )
  }
}

extension ConversationMetrics: JSONStorable {
  var json: JSON {
    .object([
      ("waitTime", .optionalDuration(waitTime)), ("timeToAccept", .optionalDuration(timeToAccept)),
      ("firstResponseTime", .optionalDuration(firstResponseTime)),
      ("handleTime", .optionalDuration(handleTime)), ("transferCount", .int(Int64(transferCount))),
      ("offerCount", .int(Int64(offerCount))),
      ("declinedOfferCount", .int(Int64(declinedOfferCount))),
      ("customerMessageCount", .int(Int64(customerMessageCount))),
      ("agentMessageCount", .int(Int64(agentMessageCount))),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      waitTime: try reader.optionalDuration("waitTime"),
      timeToAccept: try reader.optionalDuration("timeToAccept"),
      firstResponseTime: try reader.optionalDuration("firstResponseTime"),
      handleTime: try reader.optionalDuration("handleTime"),
      transferCount: try reader.uint32("transferCount"),
      offerCount: try reader.uint32("offerCount"),
      declinedOfferCount: try reader.uint32("declinedOfferCount"),
      customerMessageCount: try reader.uint32("customerMessageCount"),
      agentMessageCount: try reader.uint32("agentMessageCount")
    )
  }
}

extension ConversationClosedRecord: JSONStorable {
  var json: JSON {
    .object([
      ("conversation", conversation.json), ("customer", customer.json),
      ("resolution", resolution.json), ("metrics", metrics.json), ("agentIDs", .strings(agentIDs)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      conversation: try reader.value("conversation"),
      customer: try reader.value("customer"),
      resolution: try reader.value("resolution"),
      metrics: try reader.value("metrics"),
      agentIDs: try reader.strings("agentIDs")
    )
  }
}

extension Ticket: JSONStorable {
  var json: JSON {
    .object([
      ("ticketID", .string(ticketID)), ("conversationID", .string(conversationID)),
      ("subject", .string(subject)), ("description", .string(description)),
      ("priority", .code(priority)), ("createdBy", .string(createdBy)),
      ("createdAt", .time(createdAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      ticketID: try reader.string("ticketID"),
      conversationID: try reader.string("conversationID"),
      subject: try reader.string("subject"),
      description: try reader.string("description"),
      priority: try reader.code("priority"),
      createdBy: try reader.string("createdBy"),
      createdAt: try reader.time("createdAt")
    )
  }
}

extension ChannelMove: JSONStorable {
  var json: JSON {
    .object([
      ("moveID", .string(moveID)), ("conversationID", .string(conversationID)),
      ("targetChannel", .code(targetChannel)), ("contact", contact.json), ("note", .string(note)),
      ("requestedBy", .string(requestedBy)), ("requestedAt", .time(requestedAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      moveID: try reader.string("moveID"),
      conversationID: try reader.string("conversationID"),
      targetChannel: try reader.code("targetChannel"),
      contact: try reader.value("contact"),
      note: try reader.string("note"),
      requestedBy: try reader.string("requestedBy"),
      requestedAt: try reader.time("requestedAt")
    )
  }
}

extension AssistanceRequest: JSONStorable {
  var json: JSON {
    .object([
      ("assistanceID", .string(assistanceID)), ("conversationID", .string(conversationID)),
      ("queueID", .string(queueID)), ("agentID", .string(agentID)), ("question", .string(question)),
      ("urgency", .code(urgency)), ("status", .code(status)), ("requestedAt", .time(requestedAt)),
      ("answer", .string(answer)), ("resolvedBy", .string(resolvedBy)),
      ("resolvedAt", .optionalTime(resolvedAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      assistanceID: try reader.string("assistanceID"),
      conversationID: try reader.string("conversationID"),
      queueID: try reader.string("queueID"),
      agentID: try reader.string("agentID"),
      question: try reader.string("question"),
      urgency: try reader.code("urgency"),
      status: try reader.code("status"),
      requestedAt: try reader.time("requestedAt"),
      answer: try reader.string("answer"),
      resolvedBy: try reader.string("resolvedBy"),
      resolvedAt: try reader.optionalTime("resolvedAt")
    )
  }
}

extension SurveySubmitted: JSONStorable {
  var json: JSON {
    .object([("survey", survey.json), ("agentID", .string(agentID)), ("queueID", .string(queueID))])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      survey: try reader.value("survey"),
      agentID: try reader.string("agentID"),
      queueID: try reader.string("queueID")
    )
  }
}

extension ExternalEvent.Payload {
  /// The payload's object; its kind is stored in a column of its own.
  var json: JSON {
    switch self {
    case .conversationClosed(let record): record.json
    case .ticketCreated(let ticket): ticket.json
    case .channelMoveRequested(let move): move.json
    case .surveySubmitted(let submitted): submitted.json
    case .assistanceRequested(let request): request.json
    }
  }

  /// The payload of kind `kind` stored in `reader`'s object.
  init(kind: ExternalEventKind, json reader: JSONReader) throws(SQLiteError) {
    switch kind {
    case .conversationClosed: self = .conversationClosed(try ConversationClosedRecord(json: reader))
    case .ticketCreated: self = .ticketCreated(try Ticket(json: reader))
    case .channelMoveRequested: self = .channelMoveRequested(try ChannelMove(json: reader))
    case .surveySubmitted: self = .surveySubmitted(try SurveySubmitted(json: reader))
    case .assistanceRequested: self = .assistanceRequested(try AssistanceRequest(json: reader))
    }
  }
}
