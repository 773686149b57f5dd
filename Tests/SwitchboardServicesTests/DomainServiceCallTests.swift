internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore
internal import SwitchboardServices
internal import Testing

/// Calls through the real dispatcher with AuthInterceptor: the token's principal reaches the
/// core as the caller, the core's answer (or error) reaches the client.
@Suite("Domain: calls through the dispatcher")
struct DomainServiceCallTests {
  let harness = DomainHarness()

  @Test("Admin: an admin creates a queue (version 1); an agent is refused by the core")
  func adminCreatesQueue() async throws {
    let request = CreateQueueRequest.with {
      $0.queue = .with {
        $0.queueID = "vip"
        $0.name = "VIP"
        $0.offerTimeout = ProtoDuration(seconds: 20)
      }
    }
    let created: CreateQueueResponse = try await harness.call(
      SwitchboardV1.Admin.createQueue,
      request,
      token: try harness.admin
    )
    #expect(created.queue?.version == 1)
    #expect(created.queue?.offerTimeout == ProtoDuration(seconds: 20))
    #expect(
      await harness.code(
        SwitchboardV1.Admin.createQueue,
        request,
        token: try harness.token(.agent, "alice"),
        as: CreateQueueResponse.self
      ) == .permissionDenied
    )
    #expect(
      await harness.code(
        SwitchboardV1.Admin.createQueue,
        CreateQueueRequest(),
        token: try harness.admin,
        as: CreateQueueResponse.self
      ) == .invalidArgument
    )
  }

  @Test("Conversations: a bot starts a conversation and gets a customer token scoped to it")
  func startMintsCustomerToken() async throws {
    try await harness.setUpBilling()
    let started = try await harness.startConversation(idempotencyKey: "k-1")
    #expect(started.queueID == "billing" && started.queuePosition == 1 && !started.duplicate)
    let principal = try harness.authority.verify(started.customerToken)
    #expect(principal.role == .customer)
    #expect(principal.subject == "crm-7")
    #expect(principal.conversationID == started.conversationID)
    #expect(started.tokenExpiresAt == ProtoTimestamp(seconds: principal.expiresAt))

    let retry = try await harness.startConversation(idempotencyKey: "k-1")
    #expect(retry.duplicate && retry.conversationID == started.conversationID)

    let sent: SendMessageResponse = try await harness.call(
      SwitchboardV1.Conversations.sendMessage,
      SendMessageRequest.with {
        $0.conversationID = started.conversationID
        $0.clientMessageID = "m-1"
        $0.text = "Are you there?"
      },
      token: started.customerToken
    )
    #expect(sent.sequence == 2)
    #expect(
      await harness.code(
        SwitchboardV1.Conversations.sendMessage,
        SendMessageRequest.with {
          $0.conversationID = started.conversationID
          $0.clientMessageID = "m-2"
          $0.text = "as the agent"
        },
        token: try harness.token(.agent, "alice"),
        as: SendMessageResponse.self
      )
        == .permissionDenied
    )
  }

  @Test("Conversations: wire validation comes first: destination, enums, timestamps")
  func startValidation() async throws {
    try await harness.setUpBilling()
    let bot = try harness.token(.bot, "bot-1")
    let valid = StartConversationRequest.with {
      $0.destination = .queueID("billing")
      $0.customer = .with { $0.displayName = "Erin" }
    }
    var noDestination = valid
    noDestination.destination = nil
    var unknownPriority = valid
    unknownPriority.priority = .unrecognized(99)
    var badTime = valid
    badTime.botContext = .with {
      $0.botID = "bot-1"
      $0.transcript = [
        .with {
          $0.speaker = .bot
          $0.sentAt = ProtoTimestamp(seconds: 0, nanos: -5)
        }
      ]
    }
    for request in [noDestination, unknownPriority, badTime] {
      #expect(
        await harness.code(
          SwitchboardV1.Conversations.startConversation,
          request,
          token: bot,
          as: StartConversationResponse.self
        ) == .invalidArgument
      )
    }
    #expect(
      await harness.code(
        SwitchboardV1.Conversations.startConversation,
        valid,
        token: bot,
        as: StartConversationResponse.self
      ) == .ok
    )
  }

  @Test("Agents: Notifications streams the snapshot, then an offer; Accept returns the detail")
  func notificationsAndAccept() async throws {
    try await harness.setUpBilling()
    let alice = try harness.token(.agent, "alice")
    let harness = self.harness
    let offer = try await harness.stream(
      SwitchboardV1.Agents.notifications,
      NotificationsRequest.with { $0.becomeAvailable = true },
      token: alice
    ) { (responses: ClientResponseStream<NotificationsResponse>) -> SwitchboardAPI.Offer? in
      var iterator = responses.makeAsyncIterator()
      guard case .snapshot(let snapshot)? = try await iterator.next()?.kind else { return nil }
      #expect(snapshot.status?.presence == .available && snapshot.status?.connected == true)
      _ = try await harness.startConversation()
      guard case .offer(let offer)? = try await iterator.next()?.kind else { return nil }
      return offer
    }
    let received = try #require(offer)
    #expect(received.queueID == "billing" && received.customerDisplayName == "Erin")
    // The stream was closed, but the grace period keeps the offer pending.
    let accepted: AcceptResponse = try await harness.call(
      SwitchboardV1.Agents.accept,
      AcceptRequest.with { $0.offerID = received.offerID },
      token: alice
    )
    #expect(accepted.conversation?.summary?.assignedAgentID == "alice")
    #expect(accepted.conversation?.transcript.first?.text == "I was charged twice")
  }

  @Test("Supervision: a supervisor lists the figures of their queues; a bot is refused")
  func supervisionListsQueues() async throws {
    try await harness.setUpBilling()
    _ = try await harness.startConversation()
    let listed: ListQueuesResponse = try await harness.call(
      SwitchboardV1.Supervision.listQueues,
      ListQueuesRequest(),
      token: try harness.token(.supervisor, "sam")
    )
    #expect(listed.queues.map(\.queueID) == ["billing"])
    #expect(listed.queues.first?.waiting == 1)
    #expect(
      await harness.code(
        SwitchboardV1.Supervision.listQueues,
        ListQueuesRequest(),
        token: try harness.token(.bot, "bot-1"),
        as: ListQueuesResponse.self
      ) == .permissionDenied
    )
  }

  @Test("Transcripts: the customer reads the public transcript, but not the internal one")
  func customerReadsTranscript() async throws {
    try await harness.setUpBilling()
    let started = try await harness.startConversation()
    let response: GetTranscriptResponse = try await harness.call(
      SwitchboardV1.Transcripts.getTranscript,
      GetTranscriptRequest.with { $0.conversationID = started.conversationID },
      token: started.customerToken
    )
    #expect(response.transcript?.messages.map(\.text) == ["I was charged twice"])
    #expect(response.transcript?.conversation?.state == .queued)
    #expect(
      await harness.code(
        SwitchboardV1.Transcripts.getTranscript,
        GetTranscriptRequest.with {
          $0.conversationID = started.conversationID
          $0.includeInternal = true
        },
        token: started.customerToken,
        as: GetTranscriptResponse.self
      ) == .permissionDenied
    )
  }

  @Test("Events: an admin's WatchEvents delivers a ticket created after it opened")
  func eventsFeed() async throws {
    try await harness.setUpBilling()
    let started = try await harness.startConversation()
    let alice = try harness.token(.agent, "alice")
    // Alice accepts (the offer waits for her while her stream is open).
    let harness = self.harness
    try await harness.stream(
      SwitchboardV1.Agents.notifications,
      NotificationsRequest.with { $0.becomeAvailable = true },
      token: alice
    ) { (responses: ClientResponseStream<NotificationsResponse>) in
      for try await item in responses {
        guard case .offer(let offer)? = item.kind else { continue }
        let _: AcceptResponse = try await harness.call(
          SwitchboardV1.Agents.accept,
          AcceptRequest.with { $0.offerID = offer.offerID },
          token: alice
        )
        return
      }
    }
    // From the oldest retained event rather than `fromNow`: the ticket is created right after
    // the call starts, possibly before the server registered the stream, and must arrive either
    // way (replayed or live).
    let event = try await harness.stream(
      SwitchboardV1.Events.watchEvents,
      WatchEventsRequest(),
      token: try harness.admin
    ) { (responses: ClientResponseStream<WatchEventsResponse>) in
      let _: CreateTicketResponse = try await harness.call(
        SwitchboardV1.Agents.createTicket,
        CreateTicketRequest.with {
          $0.conversationID = started.conversationID
          $0.subject = "Refund the second charge"
        },
        token: alice
      )
      for try await item in responses where item.event?.kind == .ticketCreated {
        return item.event
      }
      return nil
    }
    #expect(event?.kind == .ticketCreated)
    guard case .ticketCreated(let ticket)? = event?.payload else {
      Issue.record("expected a ticket, got \(String(describing: event))")
      return
    }
    #expect(ticket.subject == "Refund the second charge" && ticket.createdBy == "alice")
    #expect(
      await harness.streamCode(
        SwitchboardV1.Events.watchEvents,
        WatchEventsRequest(),
        token: alice,
        as: WatchEventsResponse.self
      ) == .permissionDenied
    )
  }
}
