import Testing

@testable import SwitchboardCore

@Suite("External event log")
struct EventLogTests {
  typealias F = ConversationFixture

  static func ticket(_ n: Int) -> ExternalEvent.Payload {
    .ticketCreated(
      Ticket(
        ticketID: "t\(n)",
        conversationID: "c-1",
        subject: "s",
        description: "",
        priority: .normal,
        createdBy: "alice",
        createdAt: F.t0
      )
    )
  }

  @Test("cursors are positions; reading after a cursor returns each later event once")
  func cursors() throws {
    var log = ExternalEventLog()
    #expect(try log.requestedPosition(afterCursor: "", fromNow: false) == 0)
    let first = log.append(conversationID: "c-1", at: F.t0, Self.ticket(1), retention: 4)
    let second = log.append(conversationID: "c-1", at: F.t0, Self.ticket(2), retention: 4)
    #expect(first.cursor == "1" && second.cursor == "2" && second.eventID == "evt-2")
    let start = try log.requestedPosition(afterCursor: "1", fromNow: false)
    #expect(log.events(after: start, kinds: []) == [second])
    #expect(
      log.events(after: try log.requestedPosition(afterCursor: "2", fromNow: false), kinds: [])
        .isEmpty
    )
    #expect(try log.requestedPosition(afterCursor: "", fromNow: true) == 2)
    #expect(log.events(after: 0, kinds: []).map(\.cursor) == ["1", "2"])
  }

  @Test("kinds filter the events; positions stay those of the whole feed")
  func kinds() {
    var log = ExternalEventLog()
    _ = log.append(conversationID: "c-1", at: F.t0, Self.ticket(1), retention: 4)
    let move = log.append(
      conversationID: "c-1",
      at: F.t0,
      .channelMoveRequested(
        ChannelMove(
          moveID: "m",
          conversationID: "c-1",
          targetChannel: .phone,
          contact: ContactDetails(),
          note: "",
          requestedBy: "alice",
          requestedAt: F.t0
        )
      ),
      retention: 100
    )
    #expect(log.events(after: 0, kinds: [.channelMoveRequested]) == [move])
    #expect(move.cursor == "2" && move.kind == .channelMoveRequested)
  }

  @Test(
    "malformed cursors are invalidArgument",
    arguments: ["abc", "-1", "1.5", " 1", "+1", "99999999999999999999999"]
  )
  func malformed(cursor: String) {
    let log = ExternalEventLog()
    #expect(
      throws: CoreError(
        .invalidArgument,
        "cursor \"\(cursor)\" is malformed; pass back an event's cursor unchanged"
      )
    ) {
      try log.requestedPosition(afterCursor: cursor, fromNow: false)
    }
  }

  @Test("a cursor ahead of the feed is invalidArgument")
  func ahead() {
    var log = ExternalEventLog()
    _ = log.append(conversationID: "c-1", at: F.t0, Self.ticket(1), retention: 4)
    #expect(throws: CoreError(.invalidArgument, "cursor 5 is ahead of the newest event (1)")) {
      try log.requestedPosition(afterCursor: "5", fromNow: false)
    }
  }

  @Test("retention drops old events; a cursor before the retained range is not retained")
  func retention() throws {
    var log = ExternalEventLog()
    for n in 1 ... 10 {
      _ = log.append(conversationID: "c-1", at: F.t0, Self.ticket(n), retention: 4)
    }
    let retained = log.events(after: 0, kinds: [])
    #expect(retained.count >= 4)
    let oldest = UInt64(retained[0].cursor)!
    #expect(retained.map(\.cursor) == (oldest ... 10).map(String.init))
    #expect(log.retains(after: oldest - 1) && !log.retains(after: oldest - 2))
    #expect(try log.requestedPosition(afterCursor: "1", fromNow: false) == 1)
    #expect(!log.retains(after: 1) && log.tooOld(cursor: "1").code == .outOfRange)
    #expect(try log.requestedPosition(afterCursor: "", fromNow: false) == oldest - 1)
  }

  @Test("a restored tail with purged gaps keeps only the run that ends at the last position")
  func restoredWithGaps() throws {
    var source = ExternalEventLog()
    var all: [ExternalEvent] = []
    for n in 1...6 { all.append(source.append(conversationID: "c-1", at: F.t0, Self.ticket(n), retention: 10)) }
    let stored = all.filter { $0.cursor != "3" }  // position 3 was purged
    let log = ExternalEventLog(restoring: stored, lastPosition: 6)
    #expect(log.lastPosition == 6)
    #expect(log.retains(after: 3))
    #expect(!log.retains(after: 2))
    #expect(log.events(after: 3, kinds: []).map(\.cursor) == ["4", "5", "6"])
    #expect(log.events(after: 4, kinds: []).map(\.cursor) == ["5", "6"])
    let empty = ExternalEventLog(restoring: [], lastPosition: 9)
    #expect(empty.lastPosition == 9 && empty.events(after: 9, kinds: []).isEmpty)
  }
}
