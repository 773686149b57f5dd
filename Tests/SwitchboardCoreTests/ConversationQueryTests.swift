import Testing

@testable import SwitchboardCore

@Suite("Registry: conversation details and lists")
struct ConversationQueryTests {
  typealias D = ConversationDesk

  @Test("getConversation: the agent view for those who handled it")
  func detail() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    _ = try await desk.registry.addNote(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "n",
      text: "note"
    )
    let detail = try desk.registry.getConversation(caller: D.alice, conversationID: id)
    #expect(detail.summary.assignedAgentID == "alice" && detail.summary.state == .active)
    #expect(detail.transcript.map(\.text) == ["Hello", "note"])
    #expect(detail.botContext?.summary == "wants money back")
    #expect(detail.participants.map(\.participantID) == ["cust-1", "alice"])
    _ = try desk.registry.getConversation(caller: D.sam, conversationID: id)
    await expectCode(.permissionDenied) {
      try desk.registry.getConversation(caller: D.bob, conversationID: id)
    }
    await expectCode(.permissionDenied) {
      try desk.registry.getConversation(caller: customer, conversationID: id)
    }
    await expectCode(.notFound) {
      try desk.registry.getConversation(caller: D.alice, conversationID: "c-404")
    }
  }

  @Test("listMyConversations: active and wrap-up by default, newest activity first, paged")
  func mine() async throws {
    let desk = try await D()
    let first = try await desk.activeConversation()
    let second = try await desk.activeConversation()
    let third = try await desk.activeConversation()
    desk.clock.advance(by: .seconds(1))
    _ = try await desk.registry.sendMessage(
      caller: first.customer,
      conversationID: first.id,
      clientMessageID: "m",
      text: "x"
    )
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: third.id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    let page1 = try desk.registry.listMyConversations(
      caller: D.alice,
      states: [],
      pageSize: 1,
      pageToken: ""
    )
    #expect(page1.items.map(\.conversationID) == [first.id] && !page1.nextPageToken.isEmpty)
    let page2 = try desk.registry.listMyConversations(
      caller: D.alice,
      states: [],
      pageSize: 1,
      pageToken: page1.nextPageToken
    )
    #expect(page2.items.map(\.conversationID) == [second.id] && page2.nextPageToken.isEmpty)
    let closed = try desk.registry.listMyConversations(
      caller: D.alice,
      states: [.closed],
      pageSize: 0,
      pageToken: ""
    )
    #expect(closed.items.map(\.conversationID) == [third.id])
    #expect(
      try desk.registry.listMyConversations(caller: D.bob, states: [], pageSize: 0, pageToken: "")
        .items.isEmpty
    )
    await expectCode(.invalidArgument) {
      try desk.registry.listMyConversations(
        caller: D.alice,
        states: [],
        pageSize: 101,
        pageToken: ""
      )
    }
    await expectCode(.invalidArgument) {
      try desk.registry.listMyConversations(
        caller: D.alice,
        states: [],
        pageSize: 0,
        pageToken: "garbage"
      )
    }
    await expectCode(.permissionDenied) {
      try desk.registry.listMyConversations(
        caller: Caller.agent("ghost"),
        states: [],
        pageSize: 0,
        pageToken: ""
      )
    }
  }

  @Test("listConversations: supervisors' queues, filters, oldest first")
  func supervisorList() async throws {
    let desk = try await D()
    let active = try await desk.activeConversation()
    _ = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: active.id,
      clientMessageID: "a",
      text: "Hi"
    )
    desk.clock.advance(by: .seconds(60))
    _ = try await desk.registry.setPresence(caller: D.alice, .away, reason: "")
    let urgent = try await desk.start(priority: .urgent)
    let technical = try await desk.start(queue: "technical")
    desk.clock.advance(by: .seconds(30))
    func ids(_ caller: Caller, _ filter: ConversationListFilter) throws -> [String] {
      try desk.registry.listConversations(
        caller: caller,
        filter: filter,
        pageSize: 0,
        pageToken: ""
      )
      .items.map(\.conversationID)
    }
    #expect(try ids(D.sam, ConversationListFilter()) == [active.id, urgent.id])
    #expect(try ids(D.admin, ConversationListFilter()) == [active.id, urgent.id, technical.id])
    #expect(try ids(D.sam, ConversationListFilter(states: [.queued])) == [urgent.id])
    #expect(try ids(D.sam, ConversationListFilter(agentID: "alice")) == [active.id])
    #expect(try ids(D.sam, ConversationListFilter(minPriority: .high)) == [urgent.id])
    #expect(try ids(D.sam, ConversationListFilter(minWait: .seconds(20))) == [urgent.id])
    #expect(try ids(D.admin, ConversationListFilter(minWait: .seconds(31))).isEmpty)
    _ = try await desk.registry.sendMessage(
      caller: active.customer,
      conversationID: active.id,
      clientMessageID: "m",
      text: "hello?"
    )
    desk.clock.advance(by: .seconds(40))
    #expect(
      try ids(D.sam, ConversationListFilter(minWait: .seconds(35))) == [active.id, urgent.id]
    )
    let created = TimeRange(start: desk.clock.now - .seconds(80), end: nil)
    #expect(
      try ids(D.admin, ConversationListFilter(created: created)) == [urgent.id, technical.id]
    )
    await expectCode(.invalidArgument) {
      try ids(
        D.admin,
        ConversationListFilter(
          created: TimeRange(start: desk.clock.now, end: desk.clock.now - .seconds(1))
        )
      )
    }
    await expectCode(.permissionDenied) {
      try ids(D.sam, ConversationListFilter(queueIDs: ["technical"]))
    }
    await expectCode(.notFound) { try ids(D.admin, ConversationListFilter(queueIDs: ["nope"])) }
    await expectCode(.permissionDenied) { try ids(D.alice, ConversationListFilter()) }
  }
}
