import SwitchboardClient

#if canImport(Glibc)
import Glibc
#endif

/// The bearer tokens of the benchmark's principals, minted once (every server of the run uses the
/// same key file).
struct Tokens: Sendable {
  /// The admin that creates the queue and the agents.
  let admin: String
  /// The bot that starts the conversations.
  let bot: String
  /// One per agent, for `Round.agentID(index)`.
  let agents: [String]
}

/// What one round measured, latencies in microseconds.
struct RoundResult: Sendable {
  /// Measured messages (conversations × messages).
  let messages: Int
  /// Measured messages over the time from the first measured send to the last acknowledgement.
  let ackedPerSecond: Double
  /// Measured messages over the time from the first measured send to the last delivery on an
  /// agent's Follow stream.
  let deliveredPerSecond: Double
  /// CPU time the server used in the measured phase, per measured message.
  let serverCPUPerMessage: Double
  /// CPU time this process (every client) used in the measured phase, per measured message.
  let clientCPUPerMessage: Double
  /// Send → SendMessage returned OK.
  let ackLatency: [Double]
  /// Send → the message arrived on the agent's Follow stream.
  let deliveryLatency: [Double]
}

/// One round against one running server: a queue, agents that accept every offer, C
/// conversations each followed by its agent, then C customers sending in parallel, each one
/// message at a time.
struct Round: Sendable {
  static let queueID = "bench"

  let settings: Settings
  let tokens: Tokens
  let port: Int
  /// The server's process, whose CPU time the round reports.
  let serverPID: pid_t

  static func agentID(_ index: Int) -> String { "bench-agent-\(index + 1)" }

  /// What the tasks of a round report to the round while it sets up.
  enum Progress: Sendable {
    /// An agent's Notifications snapshot arrived: it is available.
    case agentReady
    /// An agent accepted the offer of a conversation.
    case accepted(conversationID: String, agent: Int)
    /// A Follow stream delivered its first event.
    case followReady
  }

  /// How a task of the round's group ended.
  enum Finished: Sendable {
    case agent
    case delivered(conversation: Int, at: [ContinuousClock.Instant?])
  }

  /// Connects the admin and bot, the agents and the customers (one connection each), runs the
  /// round, closes the connections.
  func run() async throws -> RoundResult {
    var connections: [SwitchboardConnection] = []
    do {
      for _ in 0 ..< 1 + settings.agents + settings.conversations {
        connections.append(try await connect())
      }
      let result = try await measure(
        control: connections[0],
        agents: Array(connections[1 ... settings.agents]),
        customers: Array(connections[(1 + settings.agents)...])
      )
      for connection in connections { await connection.close() }
      return result
    } catch {
      for connection in connections { await connection.close() }
      throw error
    }
  }

  func measure(
    control: SwitchboardConnection,
    agents: [SwitchboardConnection],
    customers: [SwitchboardConnection]
  ) async throws -> RoundResult {
    let total = settings.warmup + settings.messages
    try await configure(control)
    let (progress, sink) = AsyncThrowingStream.makeStream(of: Progress.self)
    let limit = Duration.seconds(120 + total * settings.conversations / 100)

    return try await withThrowingTaskGroup(of: Finished.self) { group in
      group.addTask {
        try await Task.sleep(for: limit)
        let error = BenchmarkError("the round did not finish within \(limit)")
        sink.finish(throwing: error)
        throw error
      }
      for (index, connection) in agents.enumerated() {
        group.addTask {
          do {
            try await Self.acceptOffers(
              connection,
              token: tokens.agents[index],
              agent: index,
              sink: sink
            )
          } catch {
            sink.finish(throwing: error)
            throw error
          }
          return .agent
        }
      }
      var events = progress.makeAsyncIterator()
      var accepted: [String: Int] = [:]
      var agentsReady = 0
      var followsReady = 0
      func waitUntil(_ done: () -> Bool) async throws {
        while !done() {
          switch try await events.next() {
          case .agentReady?: agentsReady += 1
          case .accepted(let conversation, let agent)?: accepted[conversation] = agent
          case .followReady?: followsReady += 1
          case nil: throw BenchmarkError("the round's tasks ended while setting up")
          }
        }
      }
      try await waitUntil { agentsReady == settings.agents }
      let started = try await startConversations(control)
      try await waitUntil { started.allSatisfy { accepted[$0.id] != nil } }

      for (index, conversation) in started.enumerated() {
        let agent = accepted[conversation.id]!
        group.addTask {
          let delivered = try await Self.follow(
            agents[agent],
            token: tokens.agents[agent],
            conversationID: conversation.id,
            expected: total,
            sink: sink
          )
          return .delivered(conversation: index, at: delivered)
        }
      }
      try await waitUntil { followsReady == started.count }

      _ = try await send(started, customers, indices: 0 ..< settings.warmup)
      let cpuBefore = (Machine.cpuSeconds(of: serverPID), Machine.cpuSeconds(of: getpid()))
      let start = ContinuousClock.now
      let sends = try await send(started, customers, indices: settings.warmup ..< total)

      var delivered = [[ContinuousClock.Instant?]](repeating: [], count: started.count)
      var followsDone = 0
      while followsDone < started.count {
        guard let finished = try await group.next() else {
          throw BenchmarkError("the round's tasks ended before every message was delivered")
        }
        if case .delivered(let index, let instants) = finished {
          delivered[index] = instants
          followsDone += 1
        }
      }
      let cpu = (
        server: Machine.cpuSeconds(of: serverPID) - cpuBefore.0,
        client: Machine.cpuSeconds(of: getpid()) - cpuBefore.1
      )
      group.cancelAll()
      return result(start: start, sends: sends, delivered: delivered, cpu: cpu)
    }
  }

  /// The figures of the measured messages: `sends[c][i]` is the send and acknowledgement of the
  /// measured message i of conversation c, `delivered[c][warmup + i]` its arrival.
  func result(
    start: ContinuousClock.Instant,
    sends: [[(sent: ContinuousClock.Instant, acked: ContinuousClock.Instant)]],
    delivered: [[ContinuousClock.Instant?]],
    cpu: (server: Double, client: Double)
  ) -> RoundResult {
    var ackLatency: [Double] = []
    var deliveryLatency: [Double] = []
    var lastAck = start
    var lastDelivery = start
    for (conversation, times) in sends.enumerated() {
      for (offset, time) in times.enumerated() {
        let arrival = delivered[conversation][settings.warmup + offset]!
        ackLatency.append(microseconds(time.acked - time.sent))
        deliveryLatency.append(microseconds(arrival - time.sent))
        lastAck = max(lastAck, time.acked)
        lastDelivery = max(lastDelivery, arrival)
      }
    }
    let count = ackLatency.count
    return RoundResult(
      messages: count,
      ackedPerSecond: Double(count) / (microseconds(lastAck - start) / 1e6),
      deliveredPerSecond: Double(count) / (microseconds(lastDelivery - start) / 1e6),
      serverCPUPerMessage: cpu.server * 1e6 / Double(count),
      clientCPUPerMessage: cpu.client * 1e6 / Double(count),
      ackLatency: ackLatency,
      deliveryLatency: deliveryLatency
    )
  }

  func connect() async throws -> SwitchboardConnection {
    try await SwitchboardConnection.connect(host: "127.0.0.1", port: port)
  }
}

/// A duration in microseconds.
func microseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}
