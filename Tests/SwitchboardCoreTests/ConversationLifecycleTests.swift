import Testing

@testable import SwitchboardCore

@Suite("Conversation lifecycle")
struct ConversationLifecycleTests {
  typealias F = ConversationFixture

  @Test("accepting logs assigned and makes the agent a participant")
  func assign() throws {
    let record = F.activeRecord()
    #expect(record.state == .active)
    #expect(record.assignedAgent == F.alice)
    #expect(record.summary.assignedAgentID == "alice")
    #expect(record.summary.assignedAt == F.t0 + .seconds(15))
    #expect(
      record.log.last?.kind == .assigned(ConversationAssigned(agent: F.alice, queueID: "billing"))
    )
    #expect(record.currentParticipants.map(\.participantID) == ["cust-1", "alice"])
  }

  @Test("a transfer needs a note, leaves the sender and queues the conversation again")
  func transfer() throws {
    var record = F.activeRecord()
    #expect(throws: CoreError(.invalidArgument, "note is empty")) {
      try record.transfer(
        by: F.alice,
        to: .queue("technical"),
        reason: .expertise,
        note: " ",
        at: F.t0,
        limits: F.limits
      )
    }
    let done = try record.transfer(
      by: F.alice,
      to: .queue("technical"),
      reason: .expertise,
      note: "needs a technician",
      at: F.t0 + .seconds(60),
      limits: F.limits
    )
    #expect(done.record.transferID == "c-1-x1")
    #expect(done.events.map(\.kind) == [.transferred(done.record), .participantLeft(F.alice)])
    #expect(record.state == .queued && record.assignedAgent == nil)
    #expect(record.summary.transferCount == 1)
    record.enterQueue("technical")
    _ = record.assign(to: F.bob, queueID: "technical", offeredAt: nil, at: F.t0 + .seconds(90))
    #expect(record.agentIDs == ["alice", "bob"])
    #expect(record.queuesVisited == ["billing", "technical"])
    #expect(record.detail(for: .agent("bob")).transfers.first?.note == "needs a technician")
  }

  @Test("a reassignment may come without a note and takes joined supervisors along")
  func reassign() throws {
    var record = F.activeRecord()
    _ = try record.join(F.sam, greeting: "", at: F.t0, limits: F.limits)
    let done = try record.transfer(
      by: F.sam,
      to: .agent("bob"),
      reason: .supervisorReassign,
      note: "",
      at: F.t0,
      limits: F.limits
    )
    #expect(
      done.events.dropFirst().map(\.kind) == [.participantLeft(F.alice), .participantLeft(F.sam)]
    )
    #expect(record.joinedSupervisors.isEmpty)
  }

  @Test("join and leave as a supervisor")
  func joinLeave() throws {
    var queued = F.record()
    #expect(
      throws: CoreError(.failedPrecondition, "conversation c-1 is queued, not active; cannot join")
    ) {
      try queued.join(F.sam, greeting: "", at: F.t0, limits: F.limits)
    }
    var record = F.activeRecord()
    let joined = try record.join(F.sam, greeting: "Hi, I am Sam", at: F.t0, limits: F.limits)
    #expect(joined.joinSequence == 2)
    #expect(joined.events.count == 2)
    #expect(joined.events[1].message?.author == F.sam)
    #expect(throws: CoreError(.alreadyExists, "sam has already joined conversation c-1")) {
      try record.join(F.sam, greeting: "", at: F.t0, limits: F.limits)
    }
    _ = try record.addAgentMessage(
      author: F.sam,
      clientMessageID: "s",
      text: "ok",
      at: F.t0,
      limits: F.limits
    )
    let left = try record.supervisorLeave(F.sam, at: F.t0)
    #expect(left.kind == .participantLeft(F.sam))
    #expect(throws: CoreError(.failedPrecondition, "sam has not joined conversation c-1")) {
      try record.supervisorLeave(F.sam, at: F.t0)
    }
    #expect(record.everyone.map(\.participantID) == ["cust-1", "alice", "sam"])
  }

  @Test("the customer leaving an active conversation moves it to wrap-up, once")
  func customerLeaves() {
    var record = F.activeRecord()
    let events = record.customerLeaveActive(at: F.t0)
    #expect(events.map(\.kind) == [.participantLeft(record.customerParticipant)])
    #expect(record.state == .wrapUp)
    #expect(record.customerLeaveActive(at: F.t0).isEmpty)
  }

  @Test("abandonment logs the customer leaving, then closed by the system")
  func abandoned() throws {
    var record = F.record()
    let closed = try record.closeAutomatically(reason: .abandoned, at: F.t0 + .seconds(30))
    let resolution = Resolution(
      reason: .abandoned,
      closedBy: .system,
      closedAt: F.t0 + .seconds(30)
    )
    #expect(
      closed.events.map(\.kind) == [
        .participantLeft(record.customerParticipant), .closed(resolution),
      ]
    )
    #expect(record.state == .closed && record.customerLeft)
    #expect(throws: CoreError.self) { try record.closeAutomatically(reason: .abandoned, at: F.t0) }
  }

  @Test("closing twice fails; closing cancels open assistance")
  func close() throws {
    var record = F.activeRecord()
    _ = try record.requestAssistance(
      agentID: "alice",
      question: "help",
      urgency: nil,
      at: F.t0,
      limits: F.limits
    )
    let resolution = Resolution(
      reason: .agentClosed,
      categoryID: "resolved",
      categoryLabel: "Resolved",
      notes: "done",
      closedBy: F.alice,
      closedAt: F.t0 + .seconds(100)
    )
    let closed = try record.close(with: resolution)
    #expect(closed.cancelled.map(\.status) == [.cancelled])
    #expect(record.assistance.map(\.status) == [.cancelled])
    #expect(closed.events.map(\.kind) == [.closed(resolution)])
    #expect(
      throws: CoreError(
        .failedPrecondition,
        "conversation c-1 is already closed (at \(F.t0 + .seconds(100)))"
      )
    ) {
      try record.close(with: resolution)
    }
  }

  @Test("the survey is accepted once, within its window, with a rating 1...5")
  func survey() throws {
    var record = F.activeRecord()
    #expect(throws: CoreError(.failedPrecondition, "no survey was offered for conversation c-1")) {
      try record.submitSurvey(
        surveyID: "c-1-survey",
        rating: 5,
        comment: "",
        at: F.t0,
        limits: F.limits
      )
    }
    _ = try record.close(with: Resolution(reason: .agentClosed, closedBy: F.alice, closedAt: F.t0))
    let offered = record.offerSurvey(prompt: "How did we do?", window: .seconds(3600), at: F.t0)
    guard case .surveyOffered(let offer) = offered.kind else {
      Issue.record("expected a survey offer")
      return
    }
    for rating in [0, 6, -1] {
      #expect(throws: CoreError(.invalidArgument, "rating \(rating) is outside 1...5")) {
        try record.submitSurvey(
          surveyID: offer.surveyID,
          rating: rating,
          comment: "",
          at: F.t0,
          limits: F.limits
        )
      }
    }
    #expect(throws: CoreError.self) {
      try record.submitSurvey(
        surveyID: offer.surveyID,
        rating: 5,
        comment: String(repeating: "c", count: 2049),
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(
      throws: CoreError(
        .notFound,
        "survey \"nope\" does not exist for conversation c-1 (offered: c-1-survey)"
      )
    ) {
      try record.submitSurvey(surveyID: "nope", rating: 5, comment: "", at: F.t0, limits: F.limits)
    }
    let response = try record.submitSurvey(
      surveyID: offer.surveyID,
      rating: 4,
      comment: "quick",
      at: F.t0 + .seconds(60),
      limits: F.limits
    )
    #expect(response.rating == 4 && record.surveyResponse == response)
    #expect(
      throws: CoreError(
        .alreadyExists,
        "survey c-1-survey was already answered at \(F.t0 + .seconds(60))"
      )
    ) {
      try record.submitSurvey(
        surveyID: offer.surveyID,
        rating: 5,
        comment: "",
        at: F.t0,
        limits: F.limits
      )
    }
  }

  @Test("a survey answer after the window is refused")
  func surveyWindow() throws {
    var record = F.activeRecord()
    _ = try record.close(with: Resolution(reason: .agentClosed, closedBy: F.alice, closedAt: F.t0))
    _ = record.offerSurvey(prompt: "?", window: .seconds(60), at: F.t0)
    #expect(
      throws: CoreError(
        .failedPrecondition,
        "survey c-1-survey expired at \(F.t0 + .seconds(60)); answers are no longer accepted"
      )
    ) {
      try record.submitSurvey(
        surveyID: "c-1-survey",
        rating: 3,
        comment: "",
        at: F.t0 + .seconds(60),
        limits: F.limits
      )
    }
  }

  @Test("metrics: wait, time to accept, first response, handle time and counters")
  func metrics() throws {
    var record = F.record()
    _ = try record.addInitialMessage("help", at: F.t0, limits: F.limits)
    record.recordOffer()
    record.recordOfferRefused()
    record.recordOffer()
    #expect(record.state == .offered)
    #expect(
      record.metrics(now: F.t0 + .seconds(5))
        == ConversationMetrics(
          offerCount: 2,
          declinedOfferCount: 1,
          customerMessageCount: 1
        )
    )
    _ = record.assign(
      to: F.alice,
      queueID: "billing",
      offeredAt: F.t0 + .seconds(40),
      at: F.t0 + .seconds(45)
    )
    _ = try record.addNote(
      author: F.alice,
      clientMessageID: "n",
      text: "note",
      at: F.t0 + .seconds(50),
      limits: F.limits
    )
    _ = try record.addAgentMessage(
      author: F.alice,
      clientMessageID: "a",
      text: "Hello",
      at: F.t0 + .seconds(65),
      limits: F.limits
    )
    _ = try record.addCustomerMessage(
      clientMessageID: "m",
      text: "hi",
      at: F.t0 + .seconds(70),
      limits: F.limits
    )
    let open = record.metrics(now: F.t0 + .seconds(145))
    #expect(open.waitTime == .seconds(45))
    #expect(open.timeToAccept == .seconds(5))
    #expect(open.firstResponseTime == .seconds(20))
    #expect(open.handleTime == .seconds(100))
    #expect(open.customerMessageCount == 2 && open.agentMessageCount == 1)
    _ = try record.transfer(
      by: F.alice,
      to: .agent("bob"),
      reason: .workload,
      note: "n",
      at: F.t0 + .seconds(200),
      limits: F.limits
    )
    _ = record.assign(
      to: F.bob,
      queueID: "",
      offeredAt: F.t0 + .seconds(200),
      at: F.t0 + .seconds(230)
    )
    _ = try record.close(
      with: Resolution(reason: .agentClosed, closedBy: F.bob, closedAt: F.t0 + .seconds(300))
    )
    let closed = record.metrics(now: F.t0 + .seconds(9999))
    #expect(closed.handleTime == .seconds(255))
    #expect(closed.timeToAccept == .seconds(5), "the first accept counts")
    #expect(closed.transferCount == 1)
  }
}
