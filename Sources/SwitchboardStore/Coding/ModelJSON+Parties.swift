internal import SwitchboardCore

extension ContactDetails: JSONStorable {
  var json: JSON {
    .object([
      ("email", .string(email)), ("phoneNumber", .string(phoneNumber)),
      ("preferredChannel", .optionalCode(preferredChannel)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      email: try reader.string("email"),
      phoneNumber: try reader.string("phoneNumber"),
      preferredChannel: try reader.optionalCode("preferredChannel")
    )
  }
}

extension CustomerInfo: JSONStorable {
  var json: JSON {
    .object([
      ("customerID", .string(customerID)), ("displayName", .string(displayName)),
      ("contact", contact.json), ("locale", .string(locale)), ("verified", .bool(verified)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      customerID: try reader.string("customerID"),
      displayName: try reader.string("displayName"),
      contact: try reader.value("contact"),
      locale: try reader.string("locale"),
      verified: try reader.bool("verified")
    )
  }
}

extension BotAttribute: JSONStorable {
  var json: JSON { .object([("key", .string(key)), ("value", .string(value))]) }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(key: try reader.string("key"), value: try reader.string("value"))
  }
}

extension BotTranscriptEntry: JSONStorable {
  var json: JSON {
    .object([
      ("speaker", .code(speaker)), ("text", .string(text)), ("sentAt", .optionalTime(sentAt)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      speaker: try reader.code("speaker"),
      text: try reader.string("text"),
      sentAt: try reader.optionalTime("sentAt")
    )
  }
}

extension BotContext: JSONStorable {
  var json: JSON {
    .object([
      ("botID", .string(botID)), ("summary", .string(summary)),
      ("detectedIntent", .string(detectedIntent)), ("intentConfidence", .double(intentConfidence)),
      ("attributes", .values(attributes)), ("transcript", .values(transcript)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      botID: try reader.string("botID"),
      summary: try reader.string("summary"),
      detectedIntent: try reader.string("detectedIntent"),
      intentConfidence: try reader.double("intentConfidence"),
      attributes: try reader.values("attributes"),
      transcript: try reader.values("transcript")
    )
  }
}

extension NewConversation: JSONStorable {
  var json: JSON {
    let destination: JSON =
      switch self.destination {
      case .queue(let queueID): .object([("queue", .string(queueID))])
      case .topic(let topic): .object([("topic", .string(topic))])
      }
    return .object([
      ("destination", destination), ("priority", .optionalCode(priority)),
      ("channel", .optionalCode(channel)), ("customer", customer.json),
      ("subject", .string(subject)),
      ("botContext", .optional(botContext)), ("initialMessage", .string(initialMessage)),
      ("idempotencyKey", .string(idempotencyKey)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    let target = try reader.object("destination")
    let destination: ConversationDestination
    if let queueID = try target.optionalString("queue") {
      destination = .queue(queueID)
    } else {
      destination = .topic(try target.string("topic"))
    }
    self.init(
      destination: destination,
      priority: try reader.optionalCode("priority"),
      channel: try reader.optionalCode("channel"),
      customer: try reader.value("customer"),
      subject: try reader.string("subject"),
      botContext: try reader.optionalValue("botContext"),
      initialMessage: try reader.string("initialMessage"),
      idempotencyKey: try reader.string("idempotencyKey")
    )
  }
}

extension Participant: JSONStorable {
  var json: JSON {
    .object([
      ("participantID", .string(participantID)), ("role", .code(role)),
      ("displayName", .string(displayName)),
    ])
  }

  init(json reader: JSONReader) throws(SQLiteError) {
    self.init(
      participantID: try reader.string("participantID"),
      role: try reader.code("role"),
      displayName: try reader.string("displayName")
    )
  }
}
