import Testing

@testable import SwitchboardCore

@Suite("Conversation views")
struct ConversationViewsTests {
  typealias F = ConversationFixture

  /// A closed conversation with every kind of content.
  static func fullRecord() throws -> ConversationRecord {
    var record = F.activeRecord()
    _ = try record.addCustomerMessage(
      clientMessageID: "m",
      text: "my invoice",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.addNote(
      author: F.alice,
      clientMessageID: "n",
      text: "secret note",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.addWhisper(
      author: F.sam,
      clientMessageID: "w",
      text: "whisper",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.transfer(
      by: F.alice,
      to: .agent("bob"),
      reason: .workload,
      note: "internal handover",
      at: F.t0,
      limits: F.limits
    )
    _ = record.assign(to: F.bob, queueID: "", offeredAt: nil, at: F.t0)
    _ = try record.createTicket(
      NewTicket(subject: "t"),
      createdBy: "bob",
      at: F.t0,
      limits: F.limits
    )
    _ = try record.close(
      with: Resolution(
        reason: .agentClosed,
        categoryID: "refund-issued",
        categoryLabel: "Refund issued",
        notes: "refunded 20 EUR",
        closedBy: F.bob,
        closedAt: F.t0
      )
    )
    return record
  }

  @Test("the customer view never contains notes, whispers or internal details")
  func customerView() throws {
    let record = try Self.fullRecord()
    let view = record.log.compactMap(ConversationViewer.customer.view)
    #expect(view.compactMap(\.message).map(\.text) == ["my invoice"])
    for event in view {
      if case .transferred(let transfer) = event.kind { #expect(transfer.note.isEmpty) }
      if case .closed(let resolution) = event.kind {
        #expect(
          resolution.categoryID.isEmpty && resolution.categoryLabel.isEmpty
            && resolution.notes.isEmpty
        )
        #expect(resolution.reason == .agentClosed && resolution.closedBy == F.bob)
      }
    }
    #expect(view.map(\.sequence) == view.map(\.sequence).sorted(), "gaps where hidden events were")
    let transcript = record.transcript(includeInternal: false, now: F.t0)
    #expect(transcript.messages.map(\.text) == ["my invoice"])
    #expect(transcript.transfers.allSatisfy { $0.note.isEmpty })
    #expect(
      transcript.resolution?.notes == "" && transcript.tickets.isEmpty
        && transcript.botContext == nil
    )
  }

  @Test("agents see notes and their own whispers; supervisors see everything")
  func staffViews() throws {
    let record = try Self.fullRecord()
    let alice = record.log.compactMap(ConversationViewer.agent("alice").view).compactMap(\.message)
    let bob = record.log.compactMap(ConversationViewer.agent("bob").view).compactMap(\.message)
    let sam = record.log.compactMap(ConversationViewer.supervisor.view).compactMap(\.message)
    #expect(alice.map(\.text) == ["my invoice", "secret note", "whisper"])
    #expect(bob.map(\.text) == ["my invoice", "secret note"])
    #expect(sam.count == 3)
    let internalTranscript = record.transcript(includeInternal: true, now: F.t0)
    #expect(internalTranscript.transfers.first?.note == "internal handover")
    #expect(internalTranscript.resolution?.notes == "refunded 20 EUR")
    #expect(internalTranscript.tickets.count == 1)
    #expect(
      record.detail(for: .agent("bob")).transcript.map(\.text) == ["my invoice", "secret note"]
    )
  }

  @Test("queue positions reach only the customer; the customer's own typing is not echoed")
  func ephemeralViews() throws {
    let record = F.record()
    let position = record.ephemeral(
      .queuePosition(
        QueuePositionUpdate(queueID: "billing", position: 2, estimatedWait: .seconds(60))
      ),
      at: F.t0
    )
    #expect(ConversationViewer.customer.view(position) == position)
    #expect(ConversationViewer.supervisor.view(position) == nil)
    let typing = try record.typing(record.customerParticipant, true, at: F.t0)
    #expect(ConversationViewer.customer.view(typing) == nil)
    #expect(ConversationViewer.agent("alice").view(typing) == typing)
  }
}
