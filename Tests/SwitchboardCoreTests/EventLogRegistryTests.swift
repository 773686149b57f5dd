import Testing

@testable import SwitchboardCore

@Suite("Registry: the external event feed")
struct EventLogRegistryTests {
  typealias D = ConversationDesk

  @Test("backlog then live, resumable from a cursor, each position once")
  func backlogThenLive() async throws {
    let desk = try await D()
    let (id, _) = try await desk.activeConversation()
    for n in 1 ... 3 {
      _ = try await desk.registry.createTicket(
        caller: D.alice,
        conversationID: id,
        NewTicket(subject: "t\(n)")
      )
    }
    var all = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: "",
      fromNow: false,
      kinds: []
    )
    .makeAsyncIterator()
    let backlog = try await take(3, from: &all)
    #expect(backlog.map(\.cursor) == ["1", "2", "3"])
    var resumed = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: backlog[1].cursor,
      fromNow: false,
      kinds: []
    ).makeAsyncIterator()
    var fresh = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: "",
      fromNow: true,
      kinds: []
    )
    .makeAsyncIterator()
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    #expect(try await take(2, from: &resumed).map(\.cursor) == ["3", "4"])
    let live = try await take(1, from: &all)[0]
    #expect(live.cursor == "4" && live.kind == .conversationClosed)
    if case .conversationClosed(let record) = live.payload {
      #expect(record.agentIDs == ["alice"] && record.resolution.categoryID == "resolved")
    }
    #expect(try await take(1, from: &fresh).map(\.cursor) == ["4"])
  }

  @Test("kinds filter; only admins; malformed and future cursors are invalid")
  func validation() async throws {
    let desk = try await D()
    let (id, customer) = try await desk.activeConversation()
    _ = try await desk.registry.createTicket(
      caller: D.alice,
      conversationID: id,
      NewTicket(subject: "t")
    )
    _ = try await desk.registry.closeConversation(
      caller: D.alice,
      conversationID: id,
      resolutionCategoryID: "resolved",
      notes: ""
    )
    let surveyID = try desk.record(id).surveyOffer.unwrap("no survey").surveyID
    _ = try await desk.registry.submitSurvey(
      caller: customer,
      conversationID: id,
      surveyID: surveyID,
      rating: 5,
      comment: ""
    )
    var surveys = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: "",
      fromNow: false,
      kinds: [.surveySubmitted]
    ).makeAsyncIterator()
    let event = try await take(1, from: &surveys)[0]
    #expect(event.cursor == "3")
    if case .surveySubmitted(let submitted) = event.payload {
      #expect(
        submitted.agentID == "alice" && submitted.queueID == "billing"
          && submitted.survey.rating == 5
      )
    } else {
      Issue.record("expected surveySubmitted")
    }
    await expectCode(.permissionDenied) {
      try await desk.registry.watchEvents(caller: D.sam, afterCursor: "", fromNow: false, kinds: [])
    }
    await expectCode(.invalidArgument) {
      try await desk.registry.watchEvents(
        caller: D.admin,
        afterCursor: "x1",
        fromNow: false,
        kinds: []
      )
    }
    await expectCode(.invalidArgument) {
      try await desk.registry.watchEvents(
        caller: D.admin,
        afterCursor: "99",
        fromNow: false,
        kinds: []
      )
    }
  }

  @Test("a cursor older than the retained feed is outOfRange")
  func retention() async throws {
    let desk = try await D(options: RegistryOptions(eventFeedRetention: 2))
    let (id, _) = try await desk.activeConversation()
    for n in 1 ... 6 {
      _ = try await desk.registry.createTicket(
        caller: D.alice,
        conversationID: id,
        NewTicket(subject: "t\(n)")
      )
    }
    await expectCode(.outOfRange) {
      try await desk.registry.watchEvents(
        caller: D.admin,
        afterCursor: "1",
        fromNow: false,
        kinds: []
      )
    }
    var iterator = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: "",
      fromNow: false,
      kinds: []
    )
    .makeAsyncIterator()
    let first = try await take(1, from: &iterator)[0]
    #expect(Int(first.cursor)! > 1)
  }

  @Test("too many feeds per caller is resourceExhausted; closing one frees a slot")
  func feedLimit() async throws {
    let desk = try await D()
    var feeds: [Subscription<ExternalEvent>] = []
    for _ in 0 ..< Registry.maxFeedStreamsPerCaller {
      feeds.append(
        try await desk.registry.watchEvents(
          caller: D.admin,
          afterCursor: "",
          fromNow: true,
          kinds: []
        )
      )
    }
    await expectCode(.resourceExhausted) {
      try await desk.registry.watchEvents(
        caller: D.admin,
        afterCursor: "",
        fromNow: true,
        kinds: []
      )
    }
    _ = try await desk.registry.watchEvents(
      caller: Caller.admin("crm"),
      afterCursor: "",
      fromNow: true,
      kinds: []
    )
    feeds.removeAll()
    await desk.registry.settle()
    _ = try await desk.registry.watchEvents(
      caller: D.admin,
      afterCursor: "",
      fromNow: true,
      kinds: []
    )
  }
}
