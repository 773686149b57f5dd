import SwitchboardCore
import Testing

@testable import SwitchboardStore

@Suite("Journal → recovery and transcripts, through a real registry")
struct RecoveryRoundTripTests {
  @Test("every journal record case is stored and comes back through recovery and transcripts")
  func deskDay() async throws {
    try await withStore { store, directory in
      var desk = DeskFlow(store: store)
      try await desk.run()
      let records = desk.journal.records
      #expect(Set(records.map(\.caseName)) == JournalRecord.allCaseNames)

      let recovered = try await store.loadForRecovery(RecoveryRequest(now: desk.clock.now))
      try expectConfiguration(recovered, matches: records)
      try expectOpenConversations(recovered, desk: desk)

      // Closed conversations are not replayed; the recent ones come back whole, like open ones.
      #expect(recovered.recentlyClosed.map(\.conversationID) == [desk["c1"], desk["c2"]])
      for conversation in recovered.recentlyClosed {
        try expectContent(conversation, records: records)
      }
      let c1 = try #require(recovered.recentlyClosed.first)
      #expect(c1.startedBy == DeskFlow.bot)
      #expect(c1.queueIDs == ["billing", "technical"])
      #expect(c1.tickets.map(\.request.idempotencyKey) == ["t-1"])
      #expect(c1.lastSequence == UInt64(events(of: desk["c1"], in: records).count))
      #expect(c1.messages.last?.text == "late note: voucher booked")  // added after closing
      let ending = c1.events.compactMap { event -> (Resolution?, SurveyOffer?) in
        switch event.kind {
        case .closed(let resolution): (resolution, nil)
        case .surveyOffered(let offer): (nil, offer)
        default: (nil, nil)
        }
      }
      #expect(ending.compactMap(\.0).map(\.categoryID) == ["refund-issued"])
      #expect(ending.compactMap(\.1).map(\.surveyID) == ["\(desk["c1"])-survey"])
      let survey = records.compactMap { record -> SurveyResponse? in
        if case .surveySubmitted(let response) = record { response } else { nil }
      }
      #expect(c1.surveyResponse == survey.first)
      #expect(c1.surveyResponse?.rating == 5)
      let c2 = recovered.recentlyClosed[1]
      #expect(c2.startedBy == .customer("cust-2"))
      #expect(c2.channel == .mobileApp)
      #expect(c2.surveyResponse == nil)
      #expect(c2.channelMoves.map(\.targetChannel) == [.email])

      // The feed, its position and the id counters continue where they were.
      let feed = records.compactMap {
        if case .externalEvent(let event) = $0 { event } else { nil }
      }
      #expect(recovered.feed == feed)
      #expect(recovered.lastFeedPosition == UInt64(feed.count))
      let offers = records.filter { $0.caseName == "offerMade" }.count
      #expect(recovered.idCounters == ["c": 4, "o": UInt64(offers)])
      #expect(recovered.lastArrivalOrder == 4)

      // Transcripts read from the store equal the registry's own, late note included.
      for name in ["c1", "c2"] {
        let stored = try #require(try await store.transcript(conversationID: desk[name]))
        let live = try await desk.registry.transcript(
          caller: DeskFlow.admin,
          conversationID: desk[name],
          includeInternal: true
        )
        #expect(stored.transcript == live)
      }
      #expect(try await store.transcript(conversationID: desk["c3"]) == nil)
      // The note added after closing is searchable; the whisper is not.
      let search = { (text: String) async throws -> [String] in
        try await store.searchTranscripts(
          TranscriptFilter(),
          text: text,
          reach: .everything,
          pageSize: 10,
          pageToken: ""
        ).page.items.map(\.conversationID)
      }
      #expect(try await search("voucher booked") == [desk["c1"]])
      #expect(try await search("offer voucher") == [])
      #expect(try await store.transcript(conversationID: "c-404") == nil)

      // The state survives closing and reopening the store.
      await store.close()
      let reopened = try await SQLiteStore.open(directory.options())
      #expect(try await reopened.loadForRecovery(RecoveryRequest(now: desk.clock.now)) == recovered)
      await reopened.close()
    }
  }

  @Test("only conversations closed within the window or with an open survey come back")
  func recoveryWindow() async throws {
    try await withStore { store, _ in
      var desk = DeskFlow(store: store)
      try await desk.run()
      // Two hours later: c-1's survey window (1 hour) has passed; a 1-hour window drops both.
      let later = desk.clock.now + .seconds(7200)
      let recovered = try await store.loadForRecovery(
        RecoveryRequest(now: later, recentlyClosedWindow: .seconds(3600), feedRetention: 2)
      )
      #expect(recovered.recentlyClosed.isEmpty)
      #expect(recovered.openConversations.map(\.conversationID) == [desk["c3"], desk["c4"]])
      // The feed's tail is cut to the retention; the position is still the newest.
      #expect(
        recovered.feed.map(\.cursor) == [
          "\(recovered.lastFeedPosition - 1)", "\(recovered.lastFeedPosition)",
        ]
      )
      // Older events are read on demand, by position and kind.
      let feed = desk.journal.records.compactMap {
        if case .externalEvent(let event) = $0 { event } else { nil }
      }
      #expect(try await store.feedEvents(after: 0, kinds: [], limit: 100) == feed)
      #expect(try await store.feedEvents(after: 1, kinds: [], limit: 2) == Array(feed[1 ..< 3]))
      let surveys = try await store.feedEvents(
        after: 0,
        kinds: [.surveySubmitted, .ticketCreated],
        limit: 100
      )
      #expect(surveys == feed.filter { $0.kind == .surveySubmitted || $0.kind == .ticketCreated })
      #expect(surveys.count == 2)
    }
  }

  private func events(of conversationID: String, in records: [JournalRecord]) -> [ConversationEvent]
  {
    records.compactMap {
      if case .conversationEvent(let event) = $0, event.conversationID == conversationID {
        event
      } else {
        nil
      }
    }
  }

  /// Checks a recovered conversation against what the registry journaled about it.
  private func expectContent(
    _ conversation: RecoveredConversation,
    records: [JournalRecord]
  ) throws {
    let id = conversation.conversationID
    #expect(conversation.events == events(of: id, in: records))
    let started = records.compactMap { record -> (String, NewConversation, Caller, WallTime)? in
      if case .conversationStarted(id, let queueID, let request, let startedBy, let at) = record {
        (queueID, request, startedBy, at)
      } else {
        nil
      }
    }
    #expect(started.count == 1)
    #expect(conversation.request == started.first?.1)
    #expect(conversation.startedBy == started.first?.2)
    #expect(conversation.createdAt == started.first?.3)
    #expect(conversation.queueIDs.first == started.first?.0)
    let decisions = records.compactMap { record -> RoutingDecision? in
      if case .routingDecided(id, let decision) = record { decision } else { nil }
    }
    #expect(conversation.decisions == decisions)
    let offers = records.compactMap { record -> Offer? in
      if case .offerMade(_, let offer) = record, offer.conversationID == id { offer } else { nil }
    }
    #expect(conversation.offers.map(\.offer) == offers)
    let tickets = records.compactMap { record -> StoredTicket? in
      if case .ticketCreated(let ticket, let request) = record, ticket.conversationID == id {
        StoredTicket(ticket: ticket, request: request)
      } else {
        nil
      }
    }
    #expect(conversation.tickets == tickets)
    let moves = records.compactMap { record -> ChannelMove? in
      if case .channelMoveRequested(let move) = record, move.conversationID == id {
        move
      } else {
        nil
      }
    }
    #expect(conversation.channelMoves == moves)
    var assistance: [String: AssistanceRequest] = [:]
    var assistanceOrder: [String] = []
    for record in records {
      if case .assistanceChanged(let request) = record, request.conversationID == id {
        if assistance[request.assistanceID] == nil { assistanceOrder.append(request.assistanceID) }
        assistance[request.assistanceID] = request
      }
    }
    #expect(conversation.assistance == assistanceOrder.compactMap { assistance[$0] })
  }

  private func expectConfiguration(
    _ recovered: RecoveredState,
    matches records: [JournalRecord]
  ) throws {
    var queues: [String: QueueConfig] = [:]
    var agents: [String: AgentProfile] = [:]
    var presence: [String: AgentPresence] = [:]
    var categories: [ResolutionCategory]?
    var survey: SurveySettings?
    for record in records {
      switch record {
      case .queueSaved(let queue): queues[queue.queueID] = queue
      case .queueDeleted(let queueID): queues[queueID] = nil
      case .agentSaved(let profile): agents[profile.agentID] = profile
      case .agentDeleted(let agentID):
        agents[agentID] = nil
        presence[agentID] = nil
      case .presenceChanged(let agentID, let state, let reason, let at):
        presence[agentID] = AgentPresence(
          agentID: agentID,
          presence: state,
          reason: reason,
          since: at
        )
      case .resolutionCategoriesSet(let all): categories = all
      case .surveySettingsSet(let settings): survey = settings
      default: break
      }
    }
    #expect(recovered.queues == queues.values.sorted { $0.queueID < $1.queueID })
    #expect(recovered.queues.map(\.queueID) == ["billing", "technical"])
    #expect(recovered.agents == agents.values.sorted { $0.agentID < $1.agentID })
    #expect(recovered.presence == presence.values.sorted { $0.agentID < $1.agentID })
    #expect(recovered.presence.map(\.presence) == [.available, .available, .available])
    #expect(recovered.resolutionCategories == categories)
    #expect(recovered.surveySettings == survey)
  }

  private func expectOpenConversations(_ recovered: RecoveredState, desk: DeskFlow) throws {
    #expect(recovered.openConversations.map(\.conversationID) == [desk["c3"], desk["c4"]])
    for conversation in recovered.openConversations {
      try expectContent(conversation, records: desk.journal.records)
      #expect(conversation.startedBy == DeskFlow.bot)
      #expect(conversation.surveyResponse == nil)
    }
    let active = recovered.openConversations[0]
    #expect(active.priority == .high)  // the technical queue's default
    #expect(active.channel == .web)
    #expect(active.pendingOffers.isEmpty)
    #expect(active.offers.first?.outcome == .accepted)
    #expect(active.messages.map(\.clientMessageID) == ["", "b-9"])
    let waiting = recovered.openConversations[1]
    #expect(waiting.priority == .urgent)
    #expect(waiting.pendingOffers.count == 1)
    #expect(waiting.skippedAgentIDs.isEmpty)
  }
}
