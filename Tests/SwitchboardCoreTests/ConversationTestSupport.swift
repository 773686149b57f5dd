@testable import SwitchboardCore

/// Builders shared by the conversation-content tests.
enum ConversationFixture {
  /// A fixed start time for record-level tests.
  static let t0 = WallTime(secondsSinceEpoch: 1_735_689_600)

  static let limits = ConversationLimits()

  static let alice = Participant(participantID: "alice", role: .agent, displayName: "Alice")
  static let bob = Participant(participantID: "bob", role: .agent, displayName: "Bob")
  static let sam = Participant(participantID: "sam", role: .supervisor, displayName: "Sam")

  static let customer = CustomerInfo(
    customerID: "cust-1",
    displayName: "Dana",
    contact: ContactDetails(email: "dana@example.com", phoneNumber: "+4915112345678")
  )

  /// A queued conversation in `billing`, started by a bot.
  static func record(id: String = "c-1", at time: WallTime = t0) -> ConversationRecord {
    ConversationRecord(
      id: id,
      queueID: "billing",
      priority: .normal,
      channel: .web,
      subject: "Refund for invoice",
      customer: customer,
      botContext: BotContext(botID: "bot-1", summary: "wants a refund", detectedIntent: "refund"),
      startedByBotID: "bot-1",
      createdAt: time
    )
  }

  /// A conversation offered at `t0 + 10 s` and accepted by Alice at `t0 + 15 s`.
  static func activeRecord(id: String = "c-1") -> ConversationRecord {
    var record = record(id: id)
    record.recordOffer()
    _ = record.assign(
      to: alice,
      queueID: "billing",
      offeredAt: t0 + .seconds(10),
      at: t0 + .seconds(15)
    )
    return record
  }
}

extension ConversationEvent {
  /// The message of a message event.
  var message: ConversationMessage? {
    if case .message(let message) = kind { message } else { nil }
  }
}
