/// Ways to reach a customer outside the chat.
public struct ContactDetails: Sendable, Hashable {
  /// E-mail address; empty if unknown.
  public var email: String
  /// Phone number in E.164 form (`+4915112345678`); empty if unknown.
  public var phoneNumber: String
  /// The channel the customer prefers to be contacted on, if they said.
  public var preferredChannel: Channel?

  /// Creates contact details; every field defaults to "unknown".
  public init(email: String = "", phoneNumber: String = "", preferredChannel: Channel? = nil) {
    self.email = email
    self.phoneNumber = phoneNumber
    self.preferredChannel = preferredChannel
  }
}

/// Who the customer is, as told by whoever started the conversation.
public struct CustomerInfo: Sendable, Hashable {
  /// The customer's id in the caller's systems (CRM id, account number); may be empty for guests.
  public var customerID: String
  /// Name shown to agents.
  public var displayName: String
  /// How to reach the customer outside the chat.
  public var contact: ContactDetails
  /// BCP 47 language tag of the customer's language, e.g. "de-DE".
  public var locale: String
  /// True if the caller verified the customer's identity.
  public var verified: Bool

  /// Creates customer information.
  public init(
    customerID: String = "",
    displayName: String,
    contact: ContactDetails = ContactDetails(),
    locale: String = "",
    verified: Bool = false
  ) {
    self.customerID = customerID
    self.displayName = displayName
    self.contact = contact
    self.locale = locale
    self.verified = verified
  }
}

/// One line of the conversation a bot had with the customer before escalating.
public struct BotTranscriptEntry: Sendable, Hashable {
  /// Who said it: `.customer` or `.bot`.
  public var speaker: Role
  /// What was said.
  public var text: String
  /// When it was said, if the bot knows.
  public var sentAt: WallTime?

  /// Creates a bot transcript line.
  public init(speaker: Role, text: String, sentAt: WallTime? = nil) {
    self.speaker = speaker
    self.text = text
    self.sentAt = sentAt
  }
}

/// One key-value fact a bot collected (order number, plan, device …); order is kept.
public struct BotAttribute: Sendable, Hashable {
  /// The fact's name.
  public var key: String
  /// The fact's value.
  public var value: String

  /// Creates an attribute.
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// What a bot learned before handing the customer over to a human.
public struct BotContext: Sendable, Hashable {
  /// The escalating bot's id.
  public var botID: String
  /// A short summary of the problem for the agent.
  public var summary: String
  /// The intent the bot detected, e.g. "billing.refund".
  public var detectedIntent: String
  /// The bot's confidence in `detectedIntent`, 0.0 to 1.0.
  public var intentConfidence: Double
  /// Facts the bot collected, in the order given.
  public var attributes: [BotAttribute]
  /// The bot's own conversation with the customer, oldest first.
  public var transcript: [BotTranscriptEntry]

  /// Creates a bot context.
  public init(
    botID: String,
    summary: String = "",
    detectedIntent: String = "",
    intentConfidence: Double = 0,
    attributes: [BotAttribute] = [],
    transcript: [BotTranscriptEntry] = []
  ) {
    self.botID = botID
    self.summary = summary
    self.detectedIntent = detectedIntent
    self.intentConfidence = intentConfidence
    self.attributes = attributes
    self.transcript = transcript
  }
}

/// Someone taking part in (or watching) a conversation.
public struct Participant: Sendable, Hashable {
  /// The participant's id: customer id, bot id, agent id, supervisor id, or "system".
  public var participantID: String
  /// What kind of participant this is.
  public var role: Role
  /// Name shown to the other participants.
  public var displayName: String

  /// Creates a participant.
  public init(participantID: String, role: Role, displayName: String) {
    self.participantID = participantID
    self.role = role
    self.displayName = displayName
  }

  /// Switchboard itself, the author of system messages and of automatic closes.
  public static let system = Participant(
    participantID: "system",
    role: .system,
    displayName: "Switchboard"
  )
}
