// store-benchmark: how long a server takes to start (open the store + loadForRecovery) with a
// large history. It writes a synthetic history through the journal (conversations with
// messages, closings and feed events, a small share left open, the newest closed ones within
// the recovery window), closes the store, then opens it and recovers several times.
//
// Usage: swift run -c release store-benchmark [--messages N] [--per-conversation N]
//          [--open-share PERCENT] [--dir PATH] [--runs N] [--feed-retention N] [--reuse]
// The default is 1,000,000 messages, 20 per conversation, 1 % open, in a temporary directory
// (kept afterwards; `--reuse` measures an existing one again with the same settings).

import SwitchboardCore
import SwitchboardStore

#if canImport(Glibc)
import Glibc
#endif

struct Settings {
  var messages = 1_000_000
  var perConversation = 20
  var openPercent = 1
  var directory = "/tmp/switchboard-store-benchmark-\(getpid())"
  var runs = 3
  /// Feed events recovery returns (the registry's default retention is 100,000).
  var feedRetention = 100_000
  /// Reuse the history already in `directory` instead of writing it.
  var reuse = false

  init(arguments: [String]) {
    var iterator = arguments.dropFirst().makeIterator()
    while let flag = iterator.next() {
      if flag == "--reuse" {
        reuse = true
        continue
      }
      guard let value = iterator.next() else { Self.usage("missing value for \(flag)") }
      switch flag {
      case "--messages": messages = Self.number(value, flag)
      case "--per-conversation": perConversation = max(1, Self.number(value, flag))
      case "--open-share": openPercent = Self.number(value, flag)
      case "--dir": directory = value
      case "--runs": runs = max(1, Self.number(value, flag))
      case "--feed-retention": feedRetention = Self.number(value, flag)
      default: Self.usage("unknown option \(flag)")
      }
    }
  }

  static func number(_ value: String, _ flag: String) -> Int {
    guard let number = Int(value), number >= 0 else {
      usage("\(flag) needs a number, not \(value)")
    }
    return number
  }

  static func usage(_ problem: String) -> Never {
    print("store-benchmark: \(problem)")
    print(
      "usage: store-benchmark [--messages N] [--per-conversation N] [--open-share PERCENT] [--dir PATH] [--runs N] [--feed-retention N] [--reuse]"
    )
    exit(2)
  }
}

/// A synthetic history: conversation i starts i minutes after the epoch of the run, gets its
/// messages one second apart, and closes 30 minutes later, except every n-th, which stays open.
struct History {
  static let start = WallTime(secondsSinceEpoch: 1_735_689_600)
  static let words = [
    "refund", "invoice", "router", "password", "delivery", "broken", "account", "order", "help",
    "thanks",
    "please", "check", "shipping", "voucher", "reset", "login", "payment", "card", "address",
    "update",
  ]

  let settings: Settings
  var conversations: Int {
    (settings.messages + settings.perConversation - 1) / settings.perConversation
  }
  /// The time recovery runs at: an hour after the last conversation started.
  var now: WallTime { Self.start + .seconds(Int64(conversations) * 60 + 3600) }

  func isOpen(_ index: Int) -> Bool {
    settings.openPercent > 0 && index % max(1, 100 / settings.openPercent) == 0
  }

  func text(_ index: Int, _ sequence: Int) -> String {
    (0 ..< 8).map { Self.words[(index * 7 + sequence * 13 + $0 * 3) % Self.words.count] }.joined(
      separator: " "
    )
  }

  /// The records of conversation `index` (its feed event gets position `feed + 1` if it closes).
  func records(_ index: Int, feed: inout Int) -> [JournalRecord] {
    let id = "c-\(index + 1)"
    let begin = Self.start + .seconds(Int64(index) * 60)
    let customer = CustomerInfo(customerID: "cust-\(index)", displayName: "Customer \(index)")
    let agent = Participant(
      participantID: "agent-\(index % 50)",
      role: .agent,
      displayName: "Agent \(index % 50)"
    )
    let queue = index % 2 == 0 ? "billing" : "technical"
    var records: [JournalRecord] = [
      .conversationStarted(
        conversationID: id,
        queueID: queue,
        request: NewConversation(
          destination: .queue(queue),
          customer: customer,
          subject: text(index, 0)
        ),
        startedBy: .customer(customer.customerID),
        at: begin
      ),
      .conversationEvent(
        ConversationEvent(
          conversationID: id,
          sequence: 1,
          occurredAt: begin,
          kind: .assigned(ConversationAssigned(agent: agent, queueID: queue))
        )
      ),
    ]
    let count = min(settings.perConversation, settings.messages - index * settings.perConversation)
    for offset in 0 ..< count {
      let sequence = UInt64(offset + 2)
      let at = begin + .seconds(Int64(offset + 1))
      let author =
        offset % 2 == 0
        ? Participant(
          participantID: customer.customerID,
          role: .customer,
          displayName: customer.displayName
        ) : agent
      let message = ConversationMessage(
        messageID: "\(id)-m\(sequence)",
        conversationID: id,
        sequence: sequence,
        clientMessageID: "m\(offset)",
        author: author,
        text: text(index, offset + 1),
        visibility: .public,
        sentAt: at
      )
      records.append(
        .conversationEvent(
          ConversationEvent(
            conversationID: id,
            sequence: sequence,
            occurredAt: at,
            kind: .message(message)
          )
        )
      )
    }
    guard !isOpen(index) else { return records }
    let closedAt = begin + .seconds(1800)
    let resolution = Resolution(
      reason: .agentClosed,
      categoryID: "resolved",
      categoryLabel: "Resolved",
      closedBy: agent,
      closedAt: closedAt
    )
    let lastSequence = UInt64(count + 2)
    feed += 1
    let summary = ConversationSummary(
      conversationID: id,
      queueID: queue,
      state: .closed,
      priority: .normal,
      channel: .web,
      subject: text(index, 0),
      customerDisplayName: customer.displayName,
      assignedAgentID: agent.participantID,
      createdAt: begin,
      assignedAt: begin,
      lastMessageAt: begin + .seconds(Int64(count)),
      lastSequence: lastSequence,
      unreadCount: 0,
      transferCount: 0
    )
    records += [
      .conversationEvent(
        ConversationEvent(
          conversationID: id,
          sequence: lastSequence,
          occurredAt: closedAt,
          kind: .closed(resolution)
        )
      ),
      .externalEvent(
        ExternalEvent(
          cursor: String(feed),
          eventID: "evt-\(feed)",
          conversationID: id,
          occurredAt: closedAt,
          payload: .conversationClosed(
            ConversationClosedRecord(
              conversation: summary,
              customer: customer,
              resolution: resolution,
              metrics: ConversationMetrics(waitTime: .zero, handleTime: .seconds(1800)),
              agentIDs: [agent.participantID]
            )
          )
        )
      ),
    ]
    return records
  }
}

func milliseconds(_ duration: Duration) -> String {
  let tenths = Int(
    (Double(duration.components.seconds) * 1e4 + Double(duration.components.attoseconds) / 1e14)
      .rounded()
  )
  return "\(tenths / 10).\(tenths % 10) ms"
}

func grouped(_ value: Int) -> String {
  let digits = String(value)
  var result = ""
  for (offset, character) in digits.enumerated() {
    if offset > 0 && (digits.count - offset) % 3 == 0 { result += "," }
    result.append(character)
  }
  return result
}

func fileSize(_ path: String) -> Int {
  var status = stat()
  return stat(path, &status) == 0 ? Int(status.st_size) : 0
}

let settings = Settings(arguments: CommandLine.arguments)
let history = History(settings: settings)
let options = SQLiteStore.Options(dataDirectory: settings.directory, sync: .normal)
let clock = ContinuousClock()

func write() async throws {
  let store = try await SQLiteStore.open(options)
  let written = clock.now
  var feed = 0
  var batch: [JournalRecord] = [
    .queueSaved(QueueConfig(queueID: "billing", name: "Billing")),
    .queueSaved(QueueConfig(queueID: "technical", name: "Technical")),
  ]
  for index in 0 ..< history.conversations {
    batch += history.records(index, feed: &feed)
    if batch.count >= 5_000 {
      try await store.append(batch)
      batch = []
    }
  }
  try await store.append(batch)
  await store.close()
  let writeTime = clock.now - written
  let open = (0 ..< history.conversations).filter(history.isOpen).count
  print(
    "store-benchmark: \(grouped(settings.messages)) messages in \(grouped(history.conversations)) conversations "
      + "(\(grouped(open)) open), database \(fileSize(options.databasePath) / 1_048_576) MiB (+ WAL \(fileSize(options.databasePath + "-wal") / 1_048_576) MiB)"
  )
  let seconds =
    Double(writeTime.components.seconds) + Double(writeTime.components.attoseconds) / 1e18
  print(
    "  written in \(milliseconds(writeTime)) (\(grouped(Int(Double(settings.messages) / seconds))) messages/s, sync normal, batches of 5,000 records)"
  )
}

do {
  if !settings.reuse { try await write() }

  for run in 1 ... settings.runs {
    let started = clock.now
    let store = try await SQLiteStore.open(options)
    let opened = clock.now
    let state = try await store.loadForRecovery(
      RecoveryRequest(now: history.now, feedRetention: settings.feedRetention)
    )
    let recovered = clock.now
    await store.close()
    let events = state.openConversations.reduce(0) { $0 + $1.events.count }
    print(
      "  run \(run): start-up \(milliseconds(recovered - started)) (open \(milliseconds(opened - started)), "
        + "loadForRecovery \(milliseconds(recovered - opened))): \(grouped(state.openConversations.count)) open "
        + "conversations with \(grouped(events)) events, \(grouped(state.recentlyClosed.count)) recently closed, "
        + "\(grouped(state.feed.count)) feed events"
    )
  }
} catch {
  print("store-benchmark: \(error)")
  exit(1)
}
