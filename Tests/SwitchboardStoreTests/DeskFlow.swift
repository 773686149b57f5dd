import SwitchboardCore
import Testing

@testable import SwitchboardStore

/// A registry journaling into a store, driven through a day at a help desk that produces every
/// kind of journal record: configuration, presence, routing with a decline, messages (and a
/// retried send), notes, a supervisor joining and whispering, a ticket (and its retry),
/// assistance, a transfer, closing, a survey, a late note, a channel move, and conversations
/// left active and waiting.
///
/// - billing: alice and carol, supervised by sam; technical (default priority high): bob.
/// - c-1: refund, declined once, transferred to technical, closed by bob, rated 5, late note.
/// - c-2: moved to e-mail. c-3: active with bob. c-4: waiting with a pending offer.
struct DeskFlow {
  static let admin = Caller.admin("root")
  static let bot = Caller.bot("bot-1")
  static let sam = Caller.supervisor("sam")

  let clock = ManualClock()
  let journal: RecordingJournal
  let registry: Registry
  /// Open notifications streams, kept so the agents stay connected.
  private(set) var streams: [Subscription<SwitchboardCore.Notification>] = []
  private(set) var ids: [String: String] = [:]
  /// The agent who declined c-1 and the one who accepted it.
  private(set) var firstAgent = ""
  private(set) var secondAgent = ""

  init(store: any Store) {
    journal = RecordingJournal(store)
    registry = Registry(clock: clock, journal: journal)
  }

  /// The conversation ids: "c1" … "c4".
  subscript(name: String) -> String { ids[name]! }

  /// The agent and id of the pending offer for a conversation.
  func pendingOffer(for conversationID: String) throws -> (agentID: String, offerID: String) {
    var pending: [String: String] = [:]
    for record in journal.records {
      switch record {
      case .offerMade(let agentID, let offer) where offer.conversationID == conversationID:
        pending[offer.offerID] = agentID
      case .offerEnded(let offerID, _, _): pending[offerID] = nil
      default: break
      }
    }
    let offer = try #require(pending.first, "no pending offer for \(conversationID)")
    return (offer.value, offer.key)
  }

  mutating func run() async throws {
    try await configure()
    try await refundConversation()
    try await movedConversation()
    try await openConversations()
  }

  private mutating func configure() async throws {
    _ = try await registry.createQueue(
      caller: Self.admin,
      QueueConfig(queueID: "billing", name: "Billing", topics: ["refund"])
    )
    _ = try await registry.createQueue(
      caller: Self.admin,
      QueueConfig(
        queueID: "technical",
        name: "Technical",
        offerTimeout: .seconds(45),
        defaultPriority: .high
      )
    )
    _ = try await registry.createQueue(caller: Self.admin, QueueConfig(queueID: "old", name: "Old"))
    _ = try await registry.deleteQueue(caller: Self.admin, queueID: "old", drainTo: nil)
    for profile in [
      AgentProfile(
        agentID: "alice",
        displayName: "Alice",
        queueIDs: ["billing"],
        capacity: 2,
        skills: ["lang:de"]
      ),
      AgentProfile(agentID: "carol", displayName: "Carol", queueIDs: ["billing"], capacity: 2),
      AgentProfile(agentID: "bob", displayName: "Bob", queueIDs: ["technical"], capacity: 2),
      AgentProfile(agentID: "sam", displayName: "Sam", role: .supervisor, capacity: 2),
      AgentProfile(agentID: "temp", displayName: "Temp", queueIDs: ["billing"]),
    ] {
      _ = try await registry.upsertAgent(caller: Self.admin, profile)
    }
    try await registry.deleteAgent(caller: Self.admin, agentID: "temp")
    _ = try await registry.updateQueue(
      caller: Self.admin,
      QueueConfig(queueID: "billing", name: "Billing", topics: ["refund"], supervisorIDs: ["sam"]),
      expectedVersion: 0
    )
    _ = try await registry.setResolutionCategories(
      caller: Self.admin,
      [
        ResolutionCategory(categoryID: "resolved", label: "Resolved", sortOrder: 1),
        ResolutionCategory(
          categoryID: "refund-issued",
          label: "Refund issued",
          requiresNotes: true,
          sortOrder: 2
        ),
      ]
    )
    _ = try await registry.setSurveySettings(
      caller: Self.admin,
      SurveySettings(enabled: true, responseWindow: .seconds(3600), prompt: "How did we do?")
    )
    for agent in ["alice", "carol", "bob"] {
      streams.append(try await registry.notifications(caller: .agent(agent), becomeAvailable: true))
    }
  }

  private mutating func refundConversation() async throws {
    clock.advance(by: .seconds(5))
    let request = NewConversation(
      destination: .topic("refund"),
      customer: CustomerInfo(
        customerID: "cust-1",
        displayName: "Dana Customer",
        contact: ContactDetails(
          email: "dana@example.com",
          phoneNumber: "+4915112345678",
          preferredChannel: .email
        ),
        locale: "de-DE",
        verified: true
      ),
      subject: "Refund for order 1234",
      botContext: BotContext(
        botID: "bot-1",
        summary: "wants a refund",
        detectedIntent: "billing.refund",
        intentConfidence: 0.93,
        attributes: [BotAttribute(key: "order", value: "1234")],
        transcript: [
          BotTranscriptEntry(speaker: .customer, text: "I want my money back", sentAt: clock.now),
          BotTranscriptEntry(speaker: .bot, text: "Let me get a human"),
        ]
      ),
      initialMessage: "Hello, I need a refund",
      idempotencyKey: "start-1"
    )
    let c1 = try await registry.startConversation(caller: Self.bot, request).conversationID
    ids["c1"] = c1
    let first = try pendingOffer(for: c1)
    firstAgent = first.agentID
    clock.advance(by: .seconds(2))
    try await registry.decline(
      caller: .agent(first.agentID),
      offerID: first.offerID,
      reason: .busy,
      note: "in a call"
    )
    let second = try pendingOffer(for: c1)
    secondAgent = second.agentID
    clock.advance(by: .seconds(3))
    _ = try await registry.accept(caller: .agent(second.agentID), offerID: second.offerID)
    let customer = Caller.customer("cust-1", conversation: c1)
    let agent = Caller.agent(second.agentID)
    clock.advance(by: .seconds(1))
    _ = try await registry.sendMessage(
      caller: customer,
      conversationID: c1,
      clientMessageID: "cm-1",
      text: "My order arrived broken"
    )
    _ = try await registry.sendMessage(
      caller: customer,
      conversationID: c1,
      clientMessageID: "cm-1",
      text: "My order arrived broken"
    )
    clock.advance(by: .seconds(4))
    _ = try await registry.sendMessage(
      caller: agent,
      conversationID: c1,
      clientMessageID: "a-1",
      text: "Sorry to hear that, let me check the shipping"
    )
    _ = try await registry.addNote(
      caller: agent,
      conversationID: c1,
      clientMessageID: "n-1",
      text: "VIP customer"
    )
    _ = try await registry.markRead(caller: customer, conversationID: c1, throughSequence: 4)
    _ = try await registry.joinConversation(
      caller: Self.sam,
      conversationID: c1,
      greeting: "Hi, Sam here"
    )
    _ = try await registry.whisper(
      caller: Self.sam,
      conversationID: c1,
      clientMessageID: "w-1",
      text: "offer a voucher"
    )
    _ = try await registry.leaveAsSupervisor(caller: Self.sam, conversationID: c1)
    let ticket = NewTicket(
      subject: "Refund 1234",
      description: "broken item",
      priority: .high,
      idempotencyKey: "t-1"
    )
    _ = try await registry.createTicket(caller: agent, conversationID: c1, ticket)
    _ = try await registry.createTicket(caller: agent, conversationID: c1, ticket)
    let assistance = try await registry.requestAssistance(
      caller: agent,
      conversationID: c1,
      question: "Can I refund shipping?",
      urgency: .high
    )
    clock.advance(by: .seconds(10))
    _ = try await registry.resolveAssistance(
      caller: Self.sam,
      assistanceID: assistance.assistanceID,
      answer: "Yes"
    )
    _ = try await registry.transfer(
      caller: agent,
      conversationID: c1,
      to: .queue("technical"),
      reason: .expertise,
      note: "device issue, please check"
    )
    let third = try pendingOffer(for: c1)
    clock.advance(by: .seconds(7))
    _ = try await registry.accept(caller: .agent(third.agentID), offerID: third.offerID)
    _ = try await registry.sendMessage(
      caller: .agent("bob"),
      conversationID: c1,
      clientMessageID: "b-1",
      text: "Technical support here"
    )
    clock.advance(by: .seconds(60))
    _ = try await registry.closeConversation(
      caller: .agent("bob"),
      conversationID: c1,
      resolutionCategoryID: "refund-issued",
      notes: "refunded order 1234 including shipping"
    )
    clock.advance(by: .seconds(30))
    _ = try await registry.submitSurvey(
      caller: customer,
      conversationID: c1,
      surveyID: "\(c1)-survey",
      rating: 5,
      comment: "great help"
    )
    _ = try await registry.addNote(
      caller: .agent("bob"),
      conversationID: c1,
      clientMessageID: "n-2",
      text: "late note: voucher booked"
    )
  }

  private mutating func movedConversation() async throws {
    clock.advance(by: .seconds(5))
    let c2 = try await registry.startConversation(
      caller: .customer("cust-2"),
      NewConversation(
        destination: .queue("billing"),
        channel: .mobileApp,
        customer: CustomerInfo(displayName: "Guest"),
        subject: "Invoice question",
        initialMessage: "Where is my invoice?"
      )
    ).conversationID
    ids["c2"] = c2
    let offer = try pendingOffer(for: c2)
    _ = try await registry.accept(caller: .agent(offer.agentID), offerID: offer.offerID)
    clock.advance(by: .seconds(20))
    _ = try await registry.moveChannel(
      caller: .agent(offer.agentID),
      conversationID: c2,
      to: .email,
      contact: ContactDetails(email: "guest@example.com"),
      note: "send the invoice by mail"
    )
  }

  private mutating func openConversations() async throws {
    clock.advance(by: .seconds(5))
    let c3 = try await registry.startConversation(
      caller: Self.bot,
      NewConversation(
        destination: .queue("technical"),
        customer: CustomerInfo(customerID: "cust-3", displayName: "Eli"),
        subject: "Router blinks",
        initialMessage: "My router blinks red"
      )
    ).conversationID
    ids["c3"] = c3
    let offer = try pendingOffer(for: c3)
    _ = try await registry.accept(caller: .agent(offer.agentID), offerID: offer.offerID)
    _ = try await registry.sendMessage(
      caller: .agent("bob"),
      conversationID: c3,
      clientMessageID: "b-9",
      text: "Please restart it"
    )
    clock.advance(by: .seconds(5))
    let c4 = try await registry.startConversation(
      caller: Self.bot,
      NewConversation(
        destination: .queue("billing"),
        priority: .urgent,
        customer: CustomerInfo(displayName: "Fay"),
        subject: "Charged twice"
      )
    ).conversationID
    ids["c4"] = c4
    await registry.settle()
  }
}
