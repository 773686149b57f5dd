import Foundation
import SwitchboardCore
import Synchronization
import Testing

@testable import SwitchboardStore

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.path
    path = "\(base)/switchboard-store-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The store options for a data directory inside this one.
  func options(
    _ name: String = "data",
    sync: SQLiteStore.SyncMode = .normal,
    groupCommit: GroupCommitPolicy = GroupCommitPolicy()
  ) -> SQLiteStore.Options {
    SQLiteStore.Options(dataDirectory: "\(path)/\(name)", sync: sync, groupCommit: groupCommit)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The integer `sql` returns, read through a connection of its own to the data directory's
  /// database, i.e. what is committed, not what the writer holds in its open transaction.
  func committed(_ sql: String) throws -> Int64 {
    let connection = try SQLiteConnection(path: options().databasePath, mode: .readWrite)
    // As the store's own connections do: wait out the writer's short WAL locks, not fail.
    connection.setBusyTimeout(milliseconds: 5_000)
    return try connection.integer(sql) ?? -1
  }
}

/// Opens a store in a fresh directory, runs `body`, closes the store and removes the directory.
func withStore<Result>(
  sync: SQLiteStore.SyncMode = .normal,
  groupCommit: GroupCommitPolicy = GroupCommitPolicy(),
  _ body: (SQLiteStore, TemporaryDirectory) async throws -> Result
) async throws -> Result {
  let directory = try TemporaryDirectory()
  defer { directory.remove() }
  let store = try await SQLiteStore.open(directory.options(sync: sync, groupCommit: groupCommit))
  do {
    let result = try await body(store, directory)
    await store.close()
    return result
  } catch {
    await store.close()
    throw error
  }
}

/// A journal that forwards to another and keeps a copy of every record it accepted, so tests
/// can compare what the store returns with what the registry journaled.
final class RecordingJournal: Journal {
  private let target: any Journal
  private let stored = Mutex<[JournalRecord]>([])

  init(_ target: any Journal) { self.target = target }

  var records: [JournalRecord] { stored.withLock { $0 } }

  func append(_ records: [JournalRecord]) async throws(CoreError) {
    try await target.append(records)
    stored.withLock { $0.append(contentsOf: records) }
  }
}

extension JournalRecord {
  /// The name of the record's case, to check that a flow covers every case.
  var caseName: String {
    switch self {
    case .queueSaved: "queueSaved"
    case .queueDeleted: "queueDeleted"
    case .agentSaved: "agentSaved"
    case .agentDeleted: "agentDeleted"
    case .resolutionCategoriesSet: "resolutionCategoriesSet"
    case .surveySettingsSet: "surveySettingsSet"
    case .presenceChanged: "presenceChanged"
    case .conversationStarted: "conversationStarted"
    case .conversationQueued: "conversationQueued"
    case .routingDecided: "routingDecided"
    case .offerMade: "offerMade"
    case .offerEnded: "offerEnded"
    case .conversationEvent: "conversationEvent"
    case .ticketCreated: "ticketCreated"
    case .assistanceChanged: "assistanceChanged"
    case .channelMoveRequested: "channelMoveRequested"
    case .surveySubmitted: "surveySubmitted"
    case .externalEvent: "externalEvent"
    }
  }

  /// Every case name.
  static let allCaseNames: Set<String> = [
    "queueSaved", "queueDeleted", "agentSaved", "agentDeleted", "resolutionCategoriesSet",
    "surveySettingsSet", "presenceChanged", "conversationStarted", "conversationQueued",
    "routingDecided", "offerMade", "offerEnded", "conversationEvent", "ticketCreated",
    "assistanceChanged", "channelMoveRequested", "surveySubmitted", "externalEvent",
  ]
}

/// Small builders of records for tests that write to the store directly.
enum Records {
  static let start = WallTime(secondsSinceEpoch: 1_735_689_600)

  static func time(_ seconds: Int64) -> WallTime { start + .seconds(seconds) }

  static let customer = CustomerInfo(customerID: "cust-1", displayName: "Dana Customer")

  static func queue(_ id: String) -> JournalRecord {
    .queueSaved(QueueConfig(queueID: id, name: "Queue \(id)", version: 1, updatedAt: start))
  }

  static func started(
    _ id: String,
    queue: String = "billing",
    subject: String = "Question",
    by caller: Caller = .bot("bot-1"),
    at: Int64 = 0
  )
    -> JournalRecord
  {
    .conversationStarted(
      conversationID: id,
      queueID: queue,
      request: NewConversation(destination: .queue(queue), customer: customer, subject: subject),
      startedBy: caller,
      at: time(at)
    )
  }

  static func message(
    _ conversationID: String,
    _ sequence: UInt64,
    _ text: String,
    author: Participant = agent("alice"),
    visibility: MessageVisibility = .public,
    clientMessageID: String? = nil,
    at: Int64 = 1
  ) -> JournalRecord {
    let message = ConversationMessage(
      messageID: "\(conversationID)-m\(sequence)",
      conversationID: conversationID,
      sequence: sequence,
      clientMessageID: clientMessageID ?? "cm-\(sequence)",
      author: author,
      text: text,
      visibility: visibility,
      sentAt: time(at)
    )
    return .conversationEvent(
      ConversationEvent(
        conversationID: conversationID,
        sequence: sequence,
        occurredAt: time(at),
        kind: .message(message)
      )
    )
  }

  static func agent(_ id: String) -> Participant {
    Participant(participantID: id, role: .agent, displayName: "Agent \(id)")
  }

  static func assigned(
    _ conversationID: String,
    _ sequence: UInt64,
    agent id: String,
    at: Int64 = 1
  ) -> JournalRecord {
    .conversationEvent(
      ConversationEvent(
        conversationID: conversationID,
        sequence: sequence,
        occurredAt: time(at),
        kind: .assigned(ConversationAssigned(agent: agent(id), queueID: "billing"))
      )
    )
  }

  /// The `closed` event and the feed's conversationClosed event, as the registry journals them.
  static func closed(
    _ conversationID: String,
    _ sequence: UInt64,
    queue: String = "billing",
    agents: [String] = ["alice"],
    category: String = "resolved",
    notes: String = "",
    subject: String = "Question",
    at: Int64,
    feed position: Int
  ) -> [JournalRecord] {
    let resolution = Resolution(
      reason: .agentClosed,
      categoryID: category,
      categoryLabel: category,
      notes: notes,
      closedBy: agent(agents.last ?? "alice"),
      closedAt: time(at)
    )
    let summary = ConversationSummary(
      conversationID: conversationID,
      queueID: queue,
      state: .closed,
      priority: .normal,
      channel: .web,
      subject: subject,
      customerDisplayName: customer.displayName,
      assignedAgentID: agents.last ?? "",
      createdAt: time(0),
      assignedAt: time(1),
      lastMessageAt: time(1),
      lastSequence: sequence,
      unreadCount: 0,
      transferCount: 0
    )
    let record = ConversationClosedRecord(
      conversation: summary,
      customer: customer,
      resolution: resolution,
      metrics: ConversationMetrics(waitTime: .seconds(1), handleTime: .seconds(at - 1)),
      agentIDs: agents
    )
    return [
      .conversationEvent(
        ConversationEvent(
          conversationID: conversationID,
          sequence: sequence,
          occurredAt: time(at),
          kind: .closed(resolution)
        )
      ),
      .externalEvent(
        ExternalEvent(
          cursor: String(position),
          eventID: "evt-\(position)",
          conversationID: conversationID,
          occurredAt: time(at),
          payload: .conversationClosed(record)
        )
      ),
    ]
  }
}
