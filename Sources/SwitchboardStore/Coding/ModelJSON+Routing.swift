internal import SwitchboardCore

extension Offer: JSONStorable {
  var json: JSON {
    .object([
      ("offerID", .string(offerID)), ("conversationID", .string(conversationID)),
      ("queueID", .string(queueID)), ("priority", .code(priority)), ("channel", .code(channel)),
      ("subject", .string(subject)), ("customerDisplayName", .string(customerDisplayName)),
      ("botSummary", .string(botSummary)), ("detectedIntent", .string(detectedIntent)),
      ("mode", .code(mode)), ("offeredAt", .time(offeredAt)), ("expiresAt", .time(expiresAt)),
      ("customerWaited", .duration(customerWaited)), ("transfer", .optional(transfer)),
      ("botContext", .optional(botContext)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      offerID: try reader.string("offerID"),
      conversationID: try reader.string("conversationID"),
      queueID: try reader.string("queueID"),
      priority: try reader.code("priority"),
      channel: try reader.code("channel"),
      subject: try reader.string("subject"),
      customerDisplayName: try reader.string("customerDisplayName"),
      botSummary: try reader.string("botSummary"),
      detectedIntent: try reader.string("detectedIntent"),
      mode: try reader.code("mode"),
      offeredAt: try reader.time("offeredAt"),
      expiresAt: try reader.time("expiresAt"),
      customerWaited: try reader.duration("customerWaited"),
      transfer: try reader.optionalValue("transfer"),
      botContext: try reader.optionalValue("botContext")
    )
  }
}

extension RoutingCandidate: JSONStorable {
  var json: JSON {
    .object([
      ("agentID", .string(agentID)), ("displayName", .string(displayName)),
      ("presence", .code(presence)), ("activeConversations", .int(Int64(activeConversations))),
      ("capacity", .int(Int64(capacity))), ("idleTime", .optionalDuration(idleTime)),
      ("score", .double(score)), ("outcome", .code(outcome)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      agentID: try reader.string("agentID"),
      displayName: try reader.string("displayName"),
      presence: try reader.code("presence"),
      activeConversations: try reader.uint32("activeConversations"),
      capacity: try reader.uint32("capacity"),
      idleTime: try reader.optionalDuration("idleTime"),
      score: try reader.double("score"),
      outcome: try reader.code("outcome")
    )
  }
}

extension RoutingDecision: JSONStorable {
  var json: JSON {
    .object([
      ("decidedAt", .time(decidedAt)), ("trigger", .code(trigger)),
      ("queueID", .optionalString(queueID)), ("rule", .code(rule)),
      ("explanation", .string(explanation)), ("candidates", .values(candidates)),
      ("chosenAgentID", .optionalString(chosenAgentID)), ("offerIDs", .strings(offerIDs)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      decidedAt: try reader.time("decidedAt"),
      trigger: try reader.code("trigger"),
      queueID: try reader.optionalString("queueID"),
      rule: try reader.code("rule"),
      explanation: try reader.string("explanation"),
      candidates: try reader.values("candidates"),
      chosenAgentID: try reader.optionalString("chosenAgentID"),
      offerIDs: try reader.strings("offerIDs")
    )
  }
}

extension ConversationEvent.Kind {
  /// The stored kind code of a durable event; `nil` for ephemeral kinds, which are never stored.
  var storedKind: String? {
    switch self {
    case .message: "message"
    case .participantJoined: "participant_joined"
    case .participantLeft: "participant_left"
    case .assigned: "assigned"
    case .transferred: "transferred"
    case .closed: "closed"
    case .surveyOffered: "survey_offered"
    case .read: "read"
    case .typing, .queuePosition: nil
    }
  }

  /// The detail object of a durable event other than a message (messages are stored in
  /// columns of their own); `nil` for messages and ephemeral kinds.
  var detail: JSON? {
    switch self {
    case .participantJoined(let participant), .participantLeft(let participant): participant.json
    case .assigned(let assigned):
      .object([("agent", assigned.agent.json), ("queueID", .string(assigned.queueID))])
    case .transferred(let record): record.json
    case .closed(let resolution): resolution.json
    case .surveyOffered(let offer): offer.json
    case .read(let receipt):
      .object([
        ("participant", receipt.participant.json),
        ("readThroughSequence", .uint(receipt.readThroughSequence)),
      ])
    case .message, .typing, .queuePosition: nil
    }
  }

  /// The non-message kind stored as `kind` with `detail`.
  init(storedKind kind: String, detail reader: JSONReader) throws(SQLiteError) {
    switch kind {
    case "participant_joined": self = .participantJoined(try Participant(json: reader))
    case "participant_left": self = .participantLeft(try Participant(json: reader))
    case "assigned":
      self = .assigned(
        ConversationAssigned(
          agent: try reader.value("agent"),
          queueID: try reader.string("queueID")
        )
      )
    case "transferred": self = .transferred(try TransferRecord(json: reader))
    case "closed": self = .closed(try Resolution(json: reader))
    case "survey_offered": self = .surveyOffered(try SurveyOffer(json: reader))
    case "read":
      self = .read(
        ReadReceipt(
          participant: try reader.value("participant"),
          readThroughSequence: try reader.uint64("readThroughSequence")
        )
      )
    default: throw SQLiteError.corruptValue(reader.path, "unknown event kind \"\(kind)\"")
    }
  }
}
