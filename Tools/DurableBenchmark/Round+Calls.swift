import ProtoWire
import RPCCore
import SwitchboardAPI
import SwitchboardClient

/// The calls of a round: setting up, sending, accepting offers, following.
extension Round {
  /// The queue, and the agents with capacity for every conversation.
  func configure(_ control: SwitchboardConnection) async throws {
    var queue = QueueConfig()
    queue.queueID = Self.queueID
    queue.name = "Benchmark"
    queue.offerTimeout = ProtoDuration(seconds: 120)
    var createQueue = CreateQueueRequest()
    createQueue.queue = queue
    _ = try await control.admin.createQueue(createQueue, options: Self.options(tokens.admin))
    for index in 0 ..< settings.agents {
      var profile = AgentProfile()
      profile.agentID = Self.agentID(index)
      profile.displayName = "Benchmark agent \(index + 1)"
      profile.role = .agent
      profile.queueIDs = [Self.queueID]
      profile.capacity = UInt32(settings.capacity)
      var upsert = UpsertAgentRequest()
      upsert.agent = profile
      _ = try await control.admin.upsertAgent(upsert, options: Self.options(tokens.admin))
    }
  }

  /// Starts the conversations as the bot; returns their ids and customer tokens, in order.
  func startConversations(
    _ control: SwitchboardConnection
  ) async throws -> [(id: String, customerToken: String)] {
    try await withThrowingTaskGroup(of: (Int, String, String).self) { group in
      for index in 0 ..< settings.conversations {
        group.addTask {
          var customer = CustomerInfo()
          customer.customerID = "bench-customer-\(index + 1)"
          customer.displayName = "Benchmark customer \(index + 1)"
          var request = StartConversationRequest()
          request.destination = .queueID(Self.queueID)
          request.customer = customer
          request.subject = "Benchmark conversation \(index + 1)"
          let response = try await control.conversations.startConversation(
            request,
            options: Self.options(tokens.bot)
          )
          return (index, response.conversationID, response.customerToken)
        }
      }
      var started = [(id: String, customerToken: String)](
        repeating: ("", ""),
        count: settings.conversations
      )
      for try await (index, id, token) in group { started[index] = (id, token) }
      return started
    }
  }

  /// Every customer sends the messages `indices` (client message id: the index), one at a time;
  /// returns per conversation when each was sent and acknowledged.
  func send(
    _ conversations: [(id: String, customerToken: String)],
    _ connections: [SwitchboardConnection],
    indices: Range<Int>
  ) async throws -> [[(sent: ContinuousClock.Instant, acked: ContinuousClock.Instant)]] {
    let text = String(
      String(repeating: "durable benchmark message ", count: 1 + settings.textBytes / 26).prefix(
        settings.textBytes
      )
    )
    return try await withThrowingTaskGroup(
      of: (Int, [(sent: ContinuousClock.Instant, acked: ContinuousClock.Instant)]).self
    ) { group in
      for (index, conversation) in conversations.enumerated() {
        let customer = connections[index].conversations
        group.addTask {
          let options = Self.options(conversation.customerToken)
          var times: [(sent: ContinuousClock.Instant, acked: ContinuousClock.Instant)] = []
          times.reserveCapacity(indices.count)
          for message in indices {
            var request = SendMessageRequest()
            request.conversationID = conversation.id
            request.clientMessageID = String(message)
            request.text = text
            let sent = ContinuousClock.now
            let response = try await customer.sendMessage(request, options: options)
            let acked = ContinuousClock.now
            guard !response.duplicate else {
              throw BenchmarkError("message \(message) of \(conversation.id) was a duplicate")
            }
            times.append((sent, acked))
          }
          return (index, times)
        }
      }
      var all = [[(sent: ContinuousClock.Instant, acked: ContinuousClock.Instant)]](
        repeating: [],
        count: conversations.count
      )
      for try await (index, times) in group { all[index] = times }
      return all
    }
  }

  /// An agent's Notifications stream, accepting every offer, until cancelled.
  static func acceptOffers(
    _ connection: SwitchboardConnection,
    token: String,
    agent: Int,
    sink: AsyncThrowingStream<Progress, any Error>.Continuation
  ) async throws {
    var request = NotificationsRequest()
    request.becomeAvailable = true
    let agents = connection.agents
    try await agents.notifications(request, options: Self.streamOptions(token)) { responses in
      func accept(_ offer: Offer) async throws {
        var accept = AcceptRequest()
        accept.offerID = offer.offerID
        _ = try await agents.accept(accept, options: Self.options(token))
        sink.yield(.accepted(conversationID: offer.conversationID, agent: agent))
      }
      for try await response in responses {
        switch response.kind {
        case .snapshot(let snapshot)?:
          sink.yield(.agentReady)
          for offer in snapshot.pendingOffers { try await accept(offer) }
        case .offer(let offer)?:
          try await accept(offer)
        default:
          continue
        }
      }
    }
  }

  /// The agent's Follow stream of a conversation until the customer messages 0 ..< expected
  /// (by client message id) have all arrived; returns when each arrived.
  static func follow(
    _ connection: SwitchboardConnection,
    token: String,
    conversationID: String,
    expected: Int,
    sink: AsyncThrowingStream<Progress, any Error>.Continuation
  ) async throws -> [ContinuousClock.Instant?] {
    var request = AgentFollowRequest()
    request.conversationID = conversationID
    return try await connection.agents.follow(request, options: Self.streamOptions(token)) {
      responses in
      var delivered = [ContinuousClock.Instant?](repeating: nil, count: expected)
      var missing = expected
      var ready = false
      for try await response in responses {
        let now = ContinuousClock.now
        if !ready {
          ready = true
          sink.yield(.followReady)
        }
        guard case .message(let message)? = response.event?.kind,
          message.author?.role == .customer,
          let index = Int(message.clientMessageID), delivered.indices.contains(index),
          delivered[index] == nil
        else { continue }
        delivered[index] = now
        missing -= 1
        if missing == 0 { return delivered }
      }
      throw BenchmarkError(
        "the Follow stream of \(conversationID) ended with \(missing) of \(expected) messages missing"
      )
    }
  }

  /// A unary call's options: the bearer token and a 30 s deadline.
  static func options(_ token: String) -> CallOptions {
    CallOptions(timeout: .seconds(30), metadata: ["authorization": "Bearer \(token)"])
  }

  /// A stream's options: the bearer token, no deadline (the round cancels its streams).
  static func streamOptions(_ token: String) -> CallOptions {
    CallOptions(metadata: ["authorization": "Bearer \(token)"])
  }
}
