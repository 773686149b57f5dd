import Testing

@testable import SwitchboardCore

@Suite("Conversation messages")
struct ConversationMessageTests {
  typealias F = ConversationFixture

  @Test("sequences are gapless across every kind of durable event")
  func gaplessSequences() throws {
    var record = F.record()
    _ = try record.addInitialMessage("Hello?", at: F.t0, limits: F.limits)
    _ = try record.addCustomerMessage(
      clientMessageID: "m1",
      text: "anyone?",
      at: F.t0,
      limits: F.limits
    )
    _ = record.assign(to: F.alice, queueID: "billing", offeredAt: nil, at: F.t0)
    _ = try record.addAgentMessage(
      author: F.alice,
      clientMessageID: "a1",
      text: "Hi",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.addNote(
      author: F.alice,
      clientMessageID: "n1",
      text: "VIP",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.markRead(record.customerParticipant, through: 4, at: F.t0)
    #expect(record.log.map(\.sequence) == [1, 2, 3, 4, 5, 6])
    #expect(record.lastSequence == 6)
    #expect(record.events(after: 4).map(\.sequence) == [5, 6])
    #expect(record.events(after: 6).isEmpty)
  }

  @Test("a retried client message id returns the original result and stores nothing")
  func dedupe() throws {
    var record = F.record()
    let first = try record.addCustomerMessage(
      clientMessageID: "m1",
      text: "hello",
      at: F.t0,
      limits: F.limits
    )
    let retry = try record.addCustomerMessage(
      clientMessageID: "m1",
      text: "different text",
      at: F.t0 + .seconds(5),
      limits: F.limits
    )
    #expect(!first.sent.duplicate)
    #expect(retry.sent.duplicate)
    #expect(retry.events.isEmpty)
    #expect(retry.sent.message == first.sent.message)
    #expect(record.lastSequence == 1)
  }

  @Test("two authors may use the same client message id")
  func dedupePerAuthor() throws {
    var record = F.activeRecord()
    let customer = try record.addCustomerMessage(
      clientMessageID: "1",
      text: "hi",
      at: F.t0,
      limits: F.limits
    )
    let agent = try record.addAgentMessage(
      author: F.alice,
      clientMessageID: "1",
      text: "hello",
      at: F.t0,
      limits: F.limits
    )
    #expect(!customer.sent.duplicate && !agent.sent.duplicate)
    #expect(customer.sent.message.sequence != agent.sent.message.sequence)
  }

  @Test("a retry after closing still returns the original result")
  func dedupeAfterClose() throws {
    var record = F.activeRecord()
    let sent = try record.addCustomerMessage(
      clientMessageID: "m",
      text: "x",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.close(with: Resolution(reason: .agentClosed, closedBy: F.alice, closedAt: F.t0))
    let retry = try record.addCustomerMessage(
      clientMessageID: "m",
      text: "x",
      at: F.t0,
      limits: F.limits
    )
    #expect(retry.sent.duplicate && retry.sent.message == sent.sent.message)
  }

  @Test(
    "invalid message input is rejected with invalidArgument",
    arguments: [
      ("", "hello", "client_message_id is empty"),
      ("m1", "", "text is empty"),
      ("m1", "   \n", "text is empty"),
      ("m1", String(repeating: "x", count: 4097), "text is 4097 bytes; the limit is 4096 bytes"),
      (
        String(repeating: "k", count: 129), "hi",
        "client_message_id is 129 bytes; the limit is 128 bytes"
      ),
    ]
  )
  func invalidInput(clientMessageID: String, text: String, message: String) {
    var record = F.record()
    #expect(throws: CoreError(.invalidArgument, message)) {
      try record.addCustomerMessage(
        clientMessageID: clientMessageID,
        text: text,
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(record.lastSequence == 0)
  }

  @Test("the message limit is configurable and counts UTF-8 bytes")
  func configurableLimit() throws {
    var record = F.record()
    var limits = F.limits
    limits.message = 4
    _ = try record.addCustomerMessage(clientMessageID: "a", text: "ää", at: F.t0, limits: limits)
    #expect(throws: CoreError(.invalidArgument, "text is 6 bytes; the limit is 4 bytes")) {
      try record.addCustomerMessage(clientMessageID: "b", text: "äää", at: F.t0, limits: limits)
    }
  }

  @Test("customers cannot write after leaving or closing; agents only while active")
  func statePreconditions() throws {
    var record = F.record()
    #expect(
      throws: CoreError(
        .failedPrecondition,
        "conversation c-1 is queued, not active; cannot send messages"
      )
    ) {
      try record.addAgentMessage(
        author: F.alice,
        clientMessageID: "a",
        text: "hi",
        at: F.t0,
        limits: F.limits
      )
    }
    record = F.activeRecord()
    _ = record.customerLeaveActive(at: F.t0)
    #expect(record.state == .wrapUp)
    #expect(
      throws: CoreError(
        .failedPrecondition,
        "the customer left conversation c-1; cannot send messages"
      )
    ) {
      try record.addCustomerMessage(clientMessageID: "m", text: "hi", at: F.t0, limits: F.limits)
    }
    #expect(
      throws: CoreError(
        .failedPrecondition,
        "conversation c-1 is wrapUp, not active; cannot send messages"
      )
    ) {
      try record.addAgentMessage(
        author: F.alice,
        clientMessageID: "a",
        text: "hi",
        at: F.t0,
        limits: F.limits
      )
    }
    _ = try record.close(with: Resolution(reason: .agentClosed, closedBy: F.alice, closedAt: F.t0))
    var closed = F.record()
    _ = try closed.closeAutomatically(reason: .maxWaitExceeded, at: F.t0)
    #expect(
      throws: CoreError(.failedPrecondition, "conversation c-1 is closed; cannot send messages")
    ) {
      try closed.addCustomerMessage(clientMessageID: "m", text: "hi", at: F.t0, limits: F.limits)
    }
  }

  @Test("notes are accepted in wrap-up and for 24 hours after closing")
  func noteWindow() throws {
    var record = F.activeRecord()
    _ = try record.close(with: Resolution(reason: .agentClosed, closedBy: F.alice, closedAt: F.t0))
    _ = try record.addNote(
      author: F.alice,
      clientMessageID: "n1",
      text: "late",
      at: F.t0 + .seconds(86_400),
      limits: F.limits
    )
    #expect(throws: CoreError.self) {
      try record.addNote(
        author: F.alice,
        clientMessageID: "n2",
        text: "too late",
        at: F.t0 + .seconds(86_401),
        limits: F.limits
      )
    }
    #expect(throws: CoreError(.invalidArgument, "text is empty")) {
      try record.addNote(
        author: F.alice,
        clientMessageID: "n3",
        text: "",
        at: F.t0,
        limits: F.limits
      )
    }
  }

  @Test("a whisper goes to the assigned agent and needs one")
  func whisper() throws {
    var queued = F.record()
    #expect(
      throws: CoreError(
        .failedPrecondition,
        "conversation c-1 has no assigned agent to whisper to (it is queued)"
      )
    ) {
      try queued.addWhisper(
        author: F.sam,
        clientMessageID: "w",
        text: "psst",
        at: F.t0,
        limits: F.limits
      )
    }
    var record = F.activeRecord()
    let sent = try record.addWhisper(
      author: F.sam,
      clientMessageID: "w",
      text: "offer a voucher",
      at: F.t0,
      limits: F.limits
    )
    #expect(sent.sent.message.visibility == .whisper)
    #expect(sent.sent.message.recipientAgentID == "alice")
  }

  @Test("read marks never move backwards and are bounded by the latest sequence")
  func readMarks() throws {
    var record = F.activeRecord()
    for index in 1 ... 3 {
      _ = try record.addCustomerMessage(
        clientMessageID: "m\(index)",
        text: "x",
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(record.summary.unreadCount == 3)
    let read = try record.markRead(F.alice, through: 3, at: F.t0)
    #expect(read.mark == 3 && read.events.count == 1)
    #expect(record.summary.unreadCount == 1)
    let backwards = try record.markRead(F.alice, through: 2, at: F.t0)
    #expect(backwards.mark == 3 && backwards.events.isEmpty)
    #expect(
      throws: CoreError(
        .invalidArgument,
        "read_through_sequence 99 is beyond the latest sequence 5 of conversation c-1"
      )
    ) {
      try record.markRead(F.alice, through: 99, at: F.t0)
    }
    _ = try record.addAgentMessage(
      author: F.alice,
      clientMessageID: "a",
      text: "ok",
      at: F.t0,
      limits: F.limits
    )
    #expect(record.summary.unreadCount == 0, "writing implies having read")
  }

  @Test("typing is ephemeral and carries the latest sequence")
  func typing() throws {
    let record = F.activeRecord()
    let event = try record.typing(record.customerParticipant, true, at: F.t0)
    #expect(event.ephemeral && event.sequence == record.lastSequence)
    #expect(record.lastSequence == 1)
    let queued = F.record()
    #expect(throws: CoreError.self) { try queued.typing(F.alice, true, at: F.t0) }
    _ = try queued.typing(queued.customerParticipant, true, at: F.t0)
  }
}
