// Who takes part in a conversation, between the wire and the core: participants, customers and
// their contact details, and the escalating bot's context. Customers, contacts and bot contexts
// arrive in requests too, so they convert both ways.

internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

extension SwitchboardCore.Participant {
  var wire: SwitchboardAPI.Participant {
    .with {
      $0.participantID = participantID
      $0.role = role.wire
      $0.displayName = displayName
    }
  }
}

extension SwitchboardCore.ContactDetails {
  var wire: SwitchboardAPI.ContactDetails {
    .with {
      $0.email = email
      $0.phoneNumber = phoneNumber
      $0.preferredChannel = preferredChannel?.wire ?? .unspecified
    }
  }
}

extension SwitchboardAPI.ContactDetails {
  /// The request's contact details; INVALID_ARGUMENT for an unknown preferred channel.
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.ContactDetails {
    SwitchboardCore.ContactDetails(
      email: email,
      phoneNumber: phoneNumber,
      preferredChannel: try preferredChannel.core("\(field).preferred_channel")
    )
  }
}

extension SwitchboardCore.CustomerInfo {
  var wire: SwitchboardAPI.CustomerInfo {
    .with {
      $0.customerID = customerID
      $0.displayName = displayName
      $0.contact = contact.wire
      $0.locale = locale
      $0.verified = verified
    }
  }
}

extension SwitchboardAPI.CustomerInfo {
  /// The request's customer; an unset contact is an empty one.
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.CustomerInfo {
    SwitchboardCore.CustomerInfo(
      customerID: customerID,
      displayName: displayName,
      contact: try (contact ?? SwitchboardAPI.ContactDetails()).core("\(field).contact"),
      locale: locale,
      verified: verified
    )
  }
}

extension SwitchboardCore.BotTranscriptEntry {
  var wire: SwitchboardAPI.BotTranscriptEntry {
    .with {
      $0.speaker = speaker.wire
      $0.text = text
      $0.sentAt = sentAt?.wire
    }
  }
}

extension SwitchboardAPI.BotTranscriptEntry {
  /// The request's bot transcript line; its speaker must be set.
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.BotTranscriptEntry {
    SwitchboardCore.BotTranscriptEntry(
      speaker: try speaker.required("\(field).speaker"),
      text: text,
      sentAt: try sentAt.core("\(field).sent_at")
    )
  }
}

extension SwitchboardCore.BotContext {
  var wire: SwitchboardAPI.BotContext {
    .with {
      $0.botID = botID
      $0.summary = summary
      $0.detectedIntent = detectedIntent
      $0.intentConfidence = intentConfidence
      for attribute in attributes { $0.attributes[attribute.key] = attribute.value }
      $0.transcript = transcript.map(\.wire)
    }
  }
}

extension SwitchboardAPI.BotContext {
  /// The request's bot context; attributes keep their wire order. INVALID_ARGUMENT for a
  /// confidence that is not a number in 0...1.
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.BotContext {
    guard (0 ... 1).contains(intentConfidence) else {
      throw RPCError(
        .invalidArgument,
        "\(field).intent_confidence \(intentConfidence) is outside 0.0...1.0"
      )
    }
    var entries: [SwitchboardCore.BotTranscriptEntry] = []
    for (index, entry) in transcript.enumerated() {
      entries.append(try entry.core("\(field).transcript[\(index)]"))
    }
    return SwitchboardCore.BotContext(
      botID: botID,
      summary: summary,
      detectedIntent: detectedIntent,
      intentConfidence: intentConfidence,
      attributes: attributes.map { SwitchboardCore.BotAttribute(key: $0.key, value: $0.value) },
      transcript: entries
    )
  }
}
