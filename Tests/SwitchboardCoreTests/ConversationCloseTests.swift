import Testing

@testable import SwitchboardCore

@Suite("Registry: closing, surveys, leaving, channel moves")
struct ConversationCloseTests {
  typealias D = ConversationDesk

  @Test("close validates the category and notes, and who may close")
  func closeValidation() async throws {
    let desk = try await D()
    let (id, _) = try await desk.activeConversation()
    let close = { (caller: Caller, category: String, notes: String) in
      try await desk.registry.closeConversation(
        caller: caller,
        conversationID: id,
        resolutionCategoryID: category,
        notes: notes
      )
    }
    await expectCode(.invalidArgument) { try await close(D.alice, "", "") }
    await expectCode(.notFound) { try await close(D.alice, "nope", "") }
    await expectCode(.failedPrecondition) { try await close(D.alice, "old", "") }
    await expectCode(.invalidArgument) { try await close(D.alice, "refund-issued", "  ") }
    await expectCode(.invalidArgument) {
      try await close(D.alice, "resolved", String(repeating: "n", count: 4097))
    }
    await expectCode(.permissionDenied) { try await close(D.bob, "resolved", "") }
    await expectCode(.permissionDenied) { try await close(D.tess, "resolved", "") }
    let closed = try await close(D.sam, "resolved", "")
    #expect(closed.resolution.closedBy.participantID == "sam" && closed.surveyOffered)
    await expectCode(.failedPrecondition) { try await close(D.alice, "resolved", "") }
    let waiting = try await desk.start()
    #expect(try desk.record(waiting.id).state == .offered)
    await expectCode(.failedPrecondition) {
      try await desk.registry.closeConversation(
        caller: D.sam,
        conversationID: waiting.id,
        resolutionCategoryID: "resolved",
        notes: ""
      )
    }
  }

  @Test("close returns the metrics measured with the clock and frees the agent")
  func closeMetrics() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation(wait: .seconds(7))
    desk.clock.advance(by: .seconds(20))
    _ = try await desk.registry.sendMessage(
      caller: D.alice,
      conversationID: id,
      clientMessageID: "a",
      text: "Hi"
    )
    _ = try await desk.registry.sendMessage(
      caller: customer,
      conversationID: id,
      clientMessageID: "m",
      text: "Yo"
    )
    desk.clock.advance(by: .seconds(100))
    let closed = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    #expect(
      closed.metrics
        == ConversationMetrics(
          waitTime: .seconds(7),
          timeToAccept: .seconds(7),
          firstResponseTime: .seconds(20),
          handleTime: .seconds(120),
          offerCount: 1,
          customerMessageCount: 2,
          agentMessageCount: 1
        )
    )
    #expect(
      try desk.registry.agentStatus(caller: D.alice, agentID: "alice").activeConversations == 0
    )
  }

  @Test("the survey: once, within the window, only by the customer side")
  func survey() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    await expectCode(.failedPrecondition) {
      try await desk.registry.submitSurvey(
        caller: customer,
        conversationID: id,
        surveyID: "x",
        rating: 5,
        comment: ""
      )
    }
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    let surveyID = try desk.record(id).surveyOffer.unwrap("no survey").surveyID
    await expectCode(.permissionDenied) {
      try await desk.registry.submitSurvey(
        caller: D.alice,
        conversationID: id,
        surveyID: surveyID,
        rating: 5,
        comment: ""
      )
    }
    await expectCode(.invalidArgument) {
      try await desk.registry.submitSurvey(
        caller: customer,
        conversationID: id,
        surveyID: surveyID,
        rating: 6,
        comment: ""
      )
    }
    await expectCode(.notFound) {
      try await desk.registry.submitSurvey(
        caller: customer,
        conversationID: id,
        surveyID: "x",
        rating: 5,
        comment: ""
      )
    }
    let answer = try await desk.registry.submitSurvey(
      caller: customer,
      conversationID: id,
      surveyID: surveyID,
      rating: 4,
      comment: "fast"
    )
    #expect(answer.rating == 4)
    await expectCode(.alreadyExists) {
      try await desk.registry.submitSurvey(
        caller: D.bot,
        conversationID: id,
        surveyID: surveyID,
        rating: 5,
        comment: ""
      )
    }
    let figures = try desk.registry.listQueueFigures(
      caller: D.sam,
      queueIDs: ["billing"],
      pageSize: 0,
      pageToken: ""
    )
    #expect(figures.items.first?.csatResponses == 1 && figures.items.first?.csatAverage == 4)
  }

  @Test("the survey window comes from the settings; a late answer is refused")
  func surveyWindow() async throws {
    let desk = try await D()
    _ = try await desk.registry.setSurveySettings(
      caller: D.admin,
      SurveySettings(enabled: true, responseWindow: .seconds(600), prompt: "Rate us")
    )
    let (id, customer) = try await desk.activeConversation()
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    let offer = try desk.record(id).surveyOffer.unwrap("no survey")
    #expect(offer.prompt == "Rate us" && offer.expiresAt == desk.clock.now + .seconds(600))
    desk.clock.advance(by: .seconds(600))
    await expectCode(.failedPrecondition) {
      try await desk.registry.submitSurvey(
        caller: customer,
        conversationID: id,
        surveyID: offer.surveyID,
        rating: 5,
        comment: ""
      )
    }
  }

  @Test("without surveys enabled no survey is offered")
  func surveysDisabled() async throws {
    let desk = try await D()
    _ = try await desk.registry.setSurveySettings(
      caller: D.admin,
      SurveySettings(enabled: false, responseWindow: nil, prompt: "")
    )
    let (id, _) = try await desk.activeConversation()
    let closed = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    #expect(!closed.surveyOffered)
    #expect(try desk.record(id).log.last?.kind == .closed(closed.resolution))
  }

  @Test("leaving: waiting → abandoned, active → wrap-up, twice succeeds; the reason is a note")
  func leave() async throws {
    let desk = try await D()
    _ = try await desk.registry.setPresence(caller: D.alice, .away, reason: "")
    let waiting = try await desk.start(queue: "quiet")
    #expect(
      try await desk.registry.leaveConversation(
        caller: waiting.customer,
        conversationID: waiting.id,
        reason: ""
      ) == .closed
    )
    #expect(try desk.record(waiting.id).resolution?.reason == .abandoned)
    _ = try await desk.registry.setPresence(caller: D.alice, .available, reason: "")
    let (id, customer) = try await desk.activeConversation()
    await expectCode(.invalidArgument) {
      try await desk.registry.leaveConversation(
        caller: customer,
        conversationID: id,
        reason: String(repeating: "r", count: 513)
      )
    }
    #expect(
      try await desk.registry.leaveConversation(
        caller: customer,
        conversationID: id,
        reason: "no time"
      ) == .wrapUp
    )
    #expect(
      try await desk.registry.leaveConversation(caller: customer, conversationID: id, reason: "")
        == .wrapUp
    )
    let note = try desk.record(id).messages.last.unwrap("no note")
    #expect(note.visibility == .internalNote && note.text == "The customer left: no time")
    await expectCode(.permissionDenied) {
      try await desk.registry.leaveConversation(caller: D.alice, conversationID: id, reason: "")
    }
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    #expect(
      try await desk.registry.leaveConversation(caller: customer, conversationID: id, reason: "")
        == .closed
    )
  }

  @Test("moving to phone: system message, closed with moved-to-phone, feed events")
  func moveChannel() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    var view = try await desk.registry.followConversation(
      caller: customer,
      conversationID: id,
      afterSequence: 2
    ).makeAsyncIterator()
    await expectCode(.invalidArgument) {
      try await desk.registry.moveChannel(
        caller: D.alice,
        conversationID: id,
        to: .web,
        contact: ContactDetails(),
        note: ""
      )
    }
    await expectCode(.invalidArgument) {
      try await desk.registry.moveChannel(
        caller: D.alice,
        conversationID: id,
        to: .phone,
        contact: ContactDetails(phoneNumber: "12"),
        note: ""
      )
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.moveChannel(
        caller: D.sam,
        conversationID: id,
        to: .phone,
        contact: ContactDetails(),
        note: ""
      )
    }
    let move = try await desk.registry.moveChannel(
      caller: D.alice,
      conversationID: id,
      to: .phone,
      contact: ContactDetails(),
      note: "call after 5"
    )
    #expect(move.contact.phoneNumber == "+4915112345678" && move.targetChannel == .phone)
    let tail = try await take(2, from: &view)
    #expect(tail[0].message?.text == "We will continue by phone at +4915112345678.")
    guard case .closed(let resolution) = tail[1].kind else {
      Issue.record("expected closed")
      return
    }
    #expect(resolution.categoryID.isEmpty, "blanked for the customer")
    #expect(try await view.next() == nil, "no survey after a move")
    #expect(try desk.record(id).resolution?.categoryID == ResolutionCategory.movedToPhoneID)
    var feed = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: "",
      fromNow: false,
      kinds: [.channelMoveRequested, .conversationClosed]
    ).makeAsyncIterator()
    let events = try await take(2, from: &feed)
    #expect(events.map(\.kind) == [.channelMoveRequested, .conversationClosed])
    #expect(events[0].payload == .channelMoveRequested(move) && events[0].conversationID == id)
    await expectCode(.failedPrecondition) {
      try await desk.registry.moveChannel(
        caller: D.alice,
        conversationID: id,
        to: .email,
        contact: ContactDetails(),
        note: ""
      )
    }
  }
}
