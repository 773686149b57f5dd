import Testing

@testable import SwitchboardCore

@Suite("Registry: joining, tickets, assistance")
struct ConversationSupervisionTests {
  typealias D = ConversationDesk

  @Test("a supervisor of the queue joins visibly, greets, and leaves")
  func joinAndLeave() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    var view = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 2
    ).makeAsyncIterator()
    await expectCode(.permissionDenied) {
      try await desk.registry.joinConversation(caller: D.tess, conversationID: id, greeting: "")
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.joinConversation(caller: D.alice, conversationID: id, greeting: "")
    }
    await expectCode(.failedPrecondition) {
      try await desk.registry.leaveAsSupervisor(caller: D.sam, conversationID: id)
    }
    let joined = try await desk.registry.joinConversation(
      caller: D.sam,
      conversationID: id,
      greeting: "Hello, I am Sam"
    )
    #expect(
      joined.participant == Participant(participantID: "sam", role: .supervisor, displayName: "Sam")
    )
    await expectCode(.alreadyExists) {
      try await desk.registry.joinConversation(caller: D.sam, conversationID: id, greeting: "")
    }
    let left = try await desk.registry.leaveAsSupervisor(caller: D.sam, conversationID: id)
    let events = try await take(3, from: &view)
    #expect(events.map(\.sequence) == [joined.sequence, joined.sequence + 1, left])
    #expect(events[0].kind == .participantJoined(joined.participant))
    #expect(events[1].message?.text == "Hello, I am Sam")
    #expect(events[2].kind == .participantLeft(joined.participant))
    await expectCode(.permissionDenied) {
      try await desk.registry.leaveAsSupervisor(caller: D.tess, conversationID: id)
    }
  }

  @Test("tickets: idempotent by key, on the feed once, by those who handled it")
  func tickets() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    let request = NewTicket(subject: "Refund 42", description: "20 EUR", idempotencyKey: "k")
    let first = try await desk.registry.createTicket(caller: D.alice, conversationID: id, request)
    let retry = try await desk.registry.createTicket(caller: D.alice, conversationID: id, request)
    #expect(!first.duplicate && retry.duplicate && retry.ticket == first.ticket)
    var changed = request
    changed.priority = .urgent
    await expectCode(.alreadyExists) {
      try await desk.registry.createTicket(caller: D.alice, conversationID: id, changed)
    }
    await expectCode(.invalidArgument) {
      try await desk.registry.createTicket(
        caller: D.alice,
        conversationID: id,
        NewTicket(subject: "")
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.createTicket(caller: customer, conversationID: id, request)
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.createTicket(caller: D.bob, conversationID: id, request)
    }
    _ = try await desk.registry.createTicket(
      caller: D.sam,
      conversationID: id,
      NewTicket(subject: "By Sam")
    )
    let feed = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: "",
      fromNow: false,
      kinds: [.ticketCreated]
    )
    var iterator = feed.makeAsyncIterator()
    let events = try await take(2, from: &iterator)
    #expect(
      events.map(\.payload) == [
        .ticketCreated(first.ticket), .ticketCreated(try desk.record(id).tickets[1]),
      ]
    )
  }

  @Test(
    "assistance: supervisors notified on watch streams, one open request, answer notifies the agent"
  )
  func assistance() async throws {
    let desk = try await D()
    let (id, _) = try await desk.activeConversation()
    var watch = try await desk.registry.watchQueues(
      caller: D.sam,
      queueIDs: ["billing"],
      minInterval: nil
    )
    .makeAsyncIterator()
    _ = try await take(1, from: &watch)
    var alice = try await desk.registry.notifications(caller: D.alice, becomeAvailable: false)
      .makeAsyncIterator()
    _ = try await take(1, from: &alice)
    await expectCode(.permissionDenied) {
      try await desk.registry.requestAssistance(
        caller: D.sam,
        conversationID: id,
        question: "?",
        urgency: nil
      )
    }
    await expectCode(.invalidArgument) {
      try await desk.registry.requestAssistance(
        caller: D.alice,
        conversationID: id,
        question: "",
        urgency: nil
      )
    }
    let request = try await desk.registry.requestAssistance(
      caller: D.alice,
      conversationID: id,
      question: "Refund above limit?",
      urgency: .high
    )
    await expectCode(.alreadyExists) {
      try await desk.registry.requestAssistance(
        caller: D.alice,
        conversationID: id,
        question: "again",
        urgency: nil
      )
    }
    #expect(try await take(1, from: &watch).first?.kind == .assistance(request))
    let listed = try desk.registry.listAssistance(
      caller: D.sam,
      queueIDs: [],
      status: nil,
      pageSize: 0,
      pageToken: ""
    )
    #expect(listed.items == [request])
    #expect(
      try desk.registry.listAssistance(
        caller: D.tess,
        queueIDs: [],
        status: nil,
        pageSize: 0,
        pageToken: ""
      ).items.isEmpty
    )
    await expectCode(.permissionDenied) {
      try desk.registry.listAssistance(
        caller: D.tess,
        queueIDs: ["billing"],
        status: nil,
        pageSize: 0,
        pageToken: ""
      )
    }
    await expectCode(.notFound) {
      try desk.registry.listAssistance(
        caller: D.admin,
        queueIDs: ["nope"],
        status: nil,
        pageSize: 0,
        pageToken: ""
      )
    }
    await expectCode(.permissionDenied) {
      try desk.registry.listAssistance(
        caller: D.alice,
        queueIDs: [],
        status: nil,
        pageSize: 0,
        pageToken: ""
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.resolveAssistance(
        caller: D.tess,
        assistanceID: request.assistanceID,
        answer: "no"
      )
    }
    await expectCode(.notFound) {
      try await desk.registry.resolveAssistance(caller: D.sam, assistanceID: "a-404", answer: "no")
    }
    let resolved = try await desk.registry.resolveAssistance(
      caller: D.sam,
      assistanceID: request.assistanceID,
      answer: "Yes, go ahead"
    )
    #expect(resolved.status == .resolved && resolved.resolvedBy == "sam")
    #expect(try await take(1, from: &alice).first?.kind == .assistanceAnswered(resolved))
    await expectCode(.failedPrecondition) {
      try await desk.registry.resolveAssistance(
        caller: D.sam,
        assistanceID: request.assistanceID,
        answer: "again"
      )
    }
    let resolvedList = try desk.registry.listAssistance(
      caller: D.admin,
      queueIDs: ["billing"],
      status: .resolved,
      pageSize: 0,
      pageToken: ""
    )
    #expect(resolvedList.items == [resolved])
  }

  @Test("assistance needs supervisors on the queue; closing cancels an open request")
  func assistanceEdges() async throws {
    let desk = try await D()
    let quiet = try await desk.activeConversation(queue: "quiet")
    await expectCode(.failedPrecondition) {
      try await desk.registry.requestAssistance(
        caller: D.alice,
        conversationID: quiet.id,
        question: "?",
        urgency: nil
      )
    }
    let (id, _) = try await desk.activeConversation()
    let request = try await desk.registry.requestAssistance(
      caller: D.alice,
      conversationID: id,
      question: "?",
      urgency: nil
    )
    #expect(request.urgency == .normal)
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    let cancelled = try desk.registry.listAssistance(
      caller: D.sam,
      queueIDs: [],
      status: .cancelled,
      pageSize: 0,
      pageToken: ""
    )
    #expect(cancelled.items.map(\.assistanceID) == [request.assistanceID])
    #expect(
      desk.journal.records.contains { record in
        if case .assistanceChanged(let changed) = record {
          changed.status == .cancelled
        } else {
          false
        }
      }
    )
  }
}
