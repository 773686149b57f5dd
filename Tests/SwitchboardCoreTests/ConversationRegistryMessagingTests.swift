import Testing

@testable import SwitchboardCore

@Suite("Registry: messages, notes, whispers, typing, read marks")
struct ConversationRegistryMessagingTests {
  typealias D = ConversationDesk

  @Test("the customer side: scoped customer and starting bot may write; nobody else")
  func customerPermissions() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.start()
    let other = try await desk.start()
    let sent = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m1",
      text: "still there?"
    )
    #expect(sent.message.sequence == 2 && sent.message.author.role == .customer)
    _ = try await desk.registry.sendMessage(
      caller: D.bot,
      conversationID: id,
      clientMessageID: "relay-1",
      text: "relayed"
    )
    await expectCode(.permissionDenied) {
      try await desk.registry.sendMessage(
        caller: other.customer,
        conversationID: id,
        clientMessageID: "x",
        text: "hi"
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.sendMessage(
        caller: Caller.customer("cust-1"),
        conversationID: id,
        clientMessageID: "x",
        text: "hi"
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.sendMessage(
        caller: Caller.bot("bot-2"),
        conversationID: id,
        clientMessageID: "x",
        text: "hi"
      )
    }
    await expectCode(.notFound) {
      try await desk.registry.sendMessage(
        caller: Caller.customer("c", conversation: "c-404"),
        conversationID: "c-404",
        clientMessageID: "x",
        text: "hi"
      )
    }
    await expectCode(.notFound) {
      try await desk.registry.sendMessage(
        caller: D.bot,
        conversationID: "c-404",
        clientMessageID: "x",
        text: "hi"
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.sendMessage(
        caller: D.admin,
        conversationID: id,
        clientMessageID: "x",
        text: "hi"
      )
    }
  }

  @Test("a retried send returns the same sequence, stores nothing twice and notifies once")
  func idempotentSend() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    var alice = try await desk.registry.notifications(caller: D.alice, becomeAvailable: false)
      .makeAsyncIterator()
    _ = try await take(1, from: &alice)  // snapshot
    let first = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m1",
      text: "hello"
    )
    let retry = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m1",
      text: "hello again"
    )
    #expect(!first.duplicate && retry.duplicate && retry.message == first.message)
    #expect(try desk.record(id).messages.count == 2)
    let marker = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m2",
      text: "marker"
    )
    let notes = try await take(2, from: &alice)
    #expect(
      notes.map(\.kind) == [.customerMessage(first.message), .customerMessage(marker.message)]
    )
  }

  @Test("agents write only while assigned and active; joined supervisors too")
  func agentSide() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    let sent = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "a1",
      text: "Hi, Alice here"
    )
    #expect(
      sent.message.author == Participant(participantID: "alice", role: .agent, displayName: "Alice")
    )
    await expectCode(.permissionDenied) {
      try await desk.registry.sendMessage(
        caller: D.bob,
        conversationID: id,
        clientMessageID: "b",
        text: "hi"
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.sendMessage(
        caller: D.sam,
        conversationID: id,
        clientMessageID: "s",
        text: "hi"
      )
    }
    _ = try await desk.registry.joinConversation(caller: D.sam, conversationID: id, greeting: "")
    _ = try await desk.registry.sendMessage(
      caller: D.sam,
      conversationID: id,
      clientMessageID: "s",
      text: "hi"
    )
    #expect(
      try await desk.registry.leaveConversation(caller: customer, conversationID: id, reason: "")
        == .wrapUp
    )
    await expectCode(.failedPrecondition) {
      try await desk.registry.sendMessage(
        caller: D.alice,
        conversationID: id,
        clientMessageID: "a2",
        text: "?"
      )
    }
    await expectCode(.invalidArgument) {
      try await desk.registry.sendMessage(
        caller: D.alice,
        conversationID: id,
        clientMessageID: "",
        text: "?"
      )
    }
  }

  @Test("notes: agents who handled it and supervisors of its queue; never in the customer view")
  func notes() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    var follow = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 0
    ).makeAsyncIterator()
    let note = try await desk.registry.addNote(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "n1",
      text: "VIP customer"
    )
    #expect(note.message.visibility == .internalNote)
    _ = try await desk.registry.addNote(
      caller: D.sam,
      conversationID: id,
      clientMessageID: "n2",
      text: "agreed"
    )
    await expectCode(.permissionDenied) {
      try await desk.registry.addNote(
        caller: D.tess,
        conversationID: id,
        clientMessageID: "n3",
        text: "no"
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.addNote(
        caller: customer,
        conversationID: id,
        clientMessageID: "n4",
        text: "no"
      )
    }
    let marker = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "a1",
      text: "public"
    )
    let events = try await take(3, from: &follow)
    #expect(events.compactMap(\.message).map(\.text) == ["Hello", "public"])
    #expect(events.last?.sequence == marker.message.sequence)
    #expect(events.allSatisfy { $0.message?.visibility != .internalNote })
  }

  @Test("whispers reach the agent (notification) and staff views only")
  func whispers() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    var alice = try await desk.registry.notifications(caller: D.alice, becomeAvailable: false)
      .makeAsyncIterator()
    _ = try await take(1, from: &alice)
    var agentView = try await desk.registry.followConversation(
      caller: D.alice,
      conversationID: id,
      afterSequence: 2
    ).makeAsyncIterator()
    var customerView = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 2
    ).makeAsyncIterator()
    await expectCode(.permissionDenied) {
      try await desk.registry.whisper(
        caller: D.tess,
        conversationID: id,
        clientMessageID: "w",
        text: "psst"
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.whisper(
        caller: D.alice,
        conversationID: id,
        clientMessageID: "w",
        text: "psst"
      )
    }
    let whisper = try await desk.registry.whisper(
      caller: D.sam,
      conversationID: id,
      clientMessageID: "w",
      text: "offer a voucher"
    )
    #expect(whisper.message.recipientAgentID == "alice")
    #expect(try await take(1, from: &alice).first?.kind == .whisper(whisper.message))
    #expect(try await take(1, from: &agentView).first?.message == whisper.message)
    let marker = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "a",
      text: "Here is a voucher"
    )
    #expect(try await take(1, from: &customerView).first?.message == marker.message)
  }

  @Test("typing is relayed to the other side and not stored")
  func typing() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    var agentView = try await desk.registry.followConversation(
      caller: D.alice,
      conversationID: id,
      afterSequence: 2
    ).makeAsyncIterator()
    let before = try desk.record(id).lastSequence
    try await desk.registry.setTyping(caller: customer, conversationID: id, typing: true)
    let event = try await take(1, from: &agentView)[0]
    #expect(event.ephemeral && event.sequence == before)
    #expect(
      event.kind
        == .typing(
          TypingIndicator(participant: try desk.record(id).customerParticipant, typing: true)
        )
    )
    #expect(try desk.record(id).lastSequence == before)
    await expectCode(.permissionDenied) {
      try await desk.registry.setTyping(caller: D.bob, conversationID: id, typing: true)
    }
    try await desk.registry.setTyping(caller: D.alice, conversationID: id, typing: true)
  }

  @Test("read marks: stored per participant, never backwards, bounded")
  func markRead() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    _ = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "a",
      text: "hi"
    )
    #expect(
      try await desk.registry.markRead(caller: customer, conversationID: id, throughSequence: 3)
        == 3
    )
    #expect(
      try await desk.registry.markRead(caller: customer, conversationID: id, throughSequence: 1)
        == 3
    )
    await expectCode(.invalidArgument) {
      try await desk.registry.markRead(caller: customer, conversationID: id, throughSequence: 99)
    }
    _ = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m",
      text: "x"
    )
    #expect(try desk.record(id).summary.unreadCount == 1, "alice read up to her own reply")
    let last = try desk.record(id).lastSequence
    #expect(
      try await desk.registry.markRead(caller: D.alice, conversationID: id, throughSequence: last)
        == last
    )
    #expect(try desk.record(id).summary.unreadCount == 0)
  }
}
