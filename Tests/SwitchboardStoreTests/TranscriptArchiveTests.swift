import SwitchboardCore
import Testing

@testable import SwitchboardStore

@Suite("Transcript archive (read-only export) and its JSON Lines")
struct TranscriptArchiveTests {
  /// A transcript with a bit of everything: a bot context, a note, a transfer, a resolution,
  /// a survey, metrics with and without durations, a ticket.
  static let sample: Transcript = {
    let alice = Participant(participantID: "alice", role: .agent, displayName: "Alice \"A\"")
    let customer = Participant(participantID: "cust-1", role: .customer, displayName: "Dana")
    let at = { (milliseconds: Int64) in
      WallTime(nanosecondsSinceEpoch: 1_764_097_260_000_000_000 + milliseconds * 1_000_000)
    }
    return Transcript(
      conversation: ConversationSummary(
        conversationID: "c-1",
        queueID: "billing",
        state: .closed,
        priority: .high,
        channel: .mobileApp,
        subject: "Refund\nplease",
        customerDisplayName: "Dana",
        assignedAgentID: "alice",
        createdAt: at(0),
        assignedAt: at(1_500),
        lastMessageAt: nil,
        lastSequence: 4,
        unreadCount: 0,
        transferCount: 1
      ),
      customer: CustomerInfo(
        customerID: "cust-1",
        displayName: "Dana",
        contact: ContactDetails(email: "dana@example.com"),
        locale: "de-DE",
        verified: true
      ),
      botContext: BotContext(
        botID: "bot-1",
        detectedIntent: "refund",
        intentConfidence: 0.75,
        attributes: [BotAttribute(key: "plan", value: "pro")],
        transcript: [BotTranscriptEntry(speaker: .bot, text: "Hi")]
      ),
      participants: [customer, alice],
      messages: [
        ConversationMessage(
          messageID: "m-1",
          conversationID: "c-1",
          sequence: 2,
          clientMessageID: "cm-1",
          author: customer,
          text: "Grüße",
          visibility: .public,
          sentAt: at(2_000)
        ),
        ConversationMessage(
          messageID: "m-2",
          conversationID: "c-1",
          sequence: 3,
          clientMessageID: "",
          author: alice,
          text: "check plan",
          visibility: .internalNote,
          sentAt: at(2_000_123)
        ),
      ],
      transfers: [
        TransferRecord(
          transferID: "t-1",
          conversationID: "c-1",
          transferredBy: alice,
          target: .queue("technical"),
          reason: .supervisorReassign,
          note: "n",
          transferredAt: at(3_000)
        )
      ],
      resolution: Resolution(
        reason: .agentClosed,
        categoryID: "resolved",
        categoryLabel: "Resolved",
        notes: "",
        closedBy: alice,
        closedAt: at(60_000)
      ),
      survey: nil,
      metrics: ConversationMetrics(waitTime: .milliseconds(1_500), handleTime: .seconds(90)),
      tickets: [
        Ticket(
          ticketID: "tk-1",
          conversationID: "c-1",
          subject: "s",
          description: "d",
          priority: .urgent,
          createdBy: "alice",
          createdAt: at(4_000)
        )
      ],
      channelMoves: [],
      assistance: []
    )
  }()

  @Test("a transcript is one line of proto3 JSON with the proto's field names")
  func jsonLine() {
    let expected =
      #"{"conversation":{"conversation_id":"c-1","queue_id":"billing","state":"CONVERSATION_STATE_CLOSED","#
      + #""priority":"PRIORITY_HIGH","channel":"CHANNEL_MOBILE_APP","subject":"Refund\nplease","#
      + #""customer_display_name":"Dana","assigned_agent_id":"alice","created_at":"2025-11-25T19:01:00Z","#
      + #""assigned_at":"2025-11-25T19:01:01.500Z","last_sequence":"4","unread_count":0,"transfer_count":1},"#
      + #""customer":{"customer_id":"cust-1","display_name":"Dana","contact":{"email":"dana@example.com","#
      + #""phone_number":"","preferred_channel":"CHANNEL_UNSPECIFIED"},"locale":"de-DE","verified":true},"#
      + #""bot_context":{"bot_id":"bot-1","summary":"","detected_intent":"refund","intent_confidence":0.75,"#
      + #""attributes":{"plan":"pro"},"transcript":[{"speaker":"ROLE_BOT","text":"Hi"}]},"#
      + #""participants":[{"participant_id":"cust-1","role":"ROLE_CUSTOMER","display_name":"Dana"},"#
      + #"{"participant_id":"alice","role":"ROLE_AGENT","display_name":"Alice \"A\""}],"#
      + #""messages":[{"message_id":"m-1","conversation_id":"c-1","sequence":"2","client_message_id":"cm-1","#
      + #""author":{"participant_id":"cust-1","role":"ROLE_CUSTOMER","display_name":"Dana"},"text":"Grüße","#
      + #""visibility":"MESSAGE_VISIBILITY_PUBLIC","recipient_agent_id":"","sent_at":"2025-11-25T19:01:02Z"},"#
      + #"{"message_id":"m-2","conversation_id":"c-1","sequence":"3","client_message_id":"","#
      + #""author":{"participant_id":"alice","role":"ROLE_AGENT","display_name":"Alice \"A\""},"#
      + #""text":"check plan","visibility":"MESSAGE_VISIBILITY_INTERNAL_NOTE","recipient_agent_id":"","#
      + #""sent_at":"2025-11-25T19:34:20.123Z"}],"#
      + #""transfers":[{"transfer_id":"t-1","conversation_id":"c-1","#
      + #""transferred_by":{"participant_id":"alice","role":"ROLE_AGENT","display_name":"Alice \"A\""},"#
      + #""target":{"queue_id":"technical"},"reason":"TRANSFER_REASON_SUPERVISOR_REASSIGN","note":"n","#
      + #""transferred_at":"2025-11-25T19:01:03Z"}],"#
      + #""resolution":{"reason":"CLOSE_REASON_AGENT_CLOSED","category_id":"resolved","#
      + #""category_label":"Resolved","notes":"","#
      + #""closed_by":{"participant_id":"alice","role":"ROLE_AGENT","display_name":"Alice \"A\""},"#
      + #""closed_at":"2025-11-25T19:02:00Z"},"#
      + #""metrics":{"wait_time":"1.500s","handle_time":"90s","transfer_count":0,"offer_count":0,"#
      + #""declined_offer_count":0,"customer_message_count":0,"agent_message_count":0},"#
      + #""tickets":[{"ticket_id":"tk-1","conversation_id":"c-1","subject":"s","description":"d","#
      + #""priority":"PRIORITY_URGENT","created_by":"alice","created_at":"2025-11-25T19:01:04Z"}],"#
      + #""channel_moves":[],"assistance":[]}"#
    #expect(TranscriptJSON.line(Self.sample) == expected)
  }

  @Test("timestamps and durations have 0, 3, 6 or 9 fractional digits; times before 1970 work")
  func timesAndDurations() {
    let times: [(Int64, String)] = [
      (0, "1970-01-01T00:00:00Z"),
      (-1, "1969-12-31T23:59:59.999999999Z"),
      (951_782_400_000_001_000, "2000-02-29T00:00:00.000001Z"),
      (4_107_542_399_120_000_000, "2100-02-28T23:59:59.120Z"),
    ]
    for (nanoseconds, text) in times {
      #expect(
        TranscriptJSON.timestamp(WallTime(nanosecondsSinceEpoch: nanoseconds)) == .string(text)
      )
    }
    let durations: [(Duration, String)] = [
      (.zero, "0s"), (.nanoseconds(1), "0.000000001s"), (.milliseconds(-1), "-0.001s"),
      (.microseconds(2_500_000), "2.500s"), (.seconds(3_600), "3600s"),
    ]
    for (duration, text) in durations {
      #expect(TranscriptJSON.duration(duration) == .string(text))
    }
  }

  @Test("the archive reads closed conversations while a server's store holds the directory")
  func readsBesideTheStore() async throws {
    try await withStore { store, directory in
      var records: [JournalRecord] = [Records.queue("billing"), Records.queue("technical")]
      for (index, (id, queue)) in [("c-1", "billing"), ("c-2", "technical"), ("c-3", "billing")]
        .enumerated()
      {
        records += [
          Records.started(id, queue: queue),
          Records.assigned(id, 1, agent: "alice"),
          Records.message(id, 2, "hello from \(id)"),
        ]
        // c-3 stays open.
        if id != "c-3" {
          records += Records.closed(
            id,
            3,
            queue: queue,
            at: Int64(100 * (index + 1)),
            feed: index + 1
          )
        }
      }
      try await store.append(records)

      let archive = try await TranscriptArchive.open(
        dataDirectory: directory.options().dataDirectory
      )
      let all = try await archive.exportTranscripts(
        TranscriptFilter(),
        reach: .everything,
        resumeToken: "",
        limit: 1
      )
      #expect(all.map(\.transcript.conversation.conversationID) == ["c-1"])
      let rest = try await archive.exportTranscripts(
        TranscriptFilter(),
        reach: .everything,
        resumeToken: all[0].resumeToken,
        limit: 10
      )
      #expect(rest.map(\.transcript.conversation.conversationID) == ["c-2"])
      #expect(rest[0].transcript.messages.map(\.text) == ["hello from c-2"])
      let technical = try await archive.exportTranscripts(
        TranscriptFilter(queueID: "technical"),
        reach: .everything,
        resumeToken: "",
        limit: 10
      )
      #expect(technical.map(\.transcript.conversation.conversationID) == ["c-2"])
      await archive.close()
    }
  }

  @Test("a data directory without a database is a clear error")
  func missingDatabase() async throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.options().databasePath
    await #expect(
      throws: StoreError(
        .cannotOpen,
        "there is no database at \(path) (No such file or directory); check --data-dir: a "
          + "server writes it there once it has started"
      )
    ) {
      try await TranscriptArchive.open(dataDirectory: directory.options().dataDirectory)
    }
  }
}
