import Testing

@testable import SwitchboardCore

@Suite("Tickets, assistance and channel moves")
struct ConversationEscalationTests {
  typealias F = ConversationFixture

  @Test("tickets are idempotent by key: same content → duplicate, other content → alreadyExists")
  func ticketIdempotency() throws {
    var record = F.activeRecord()
    let request = NewTicket(subject: "Refund", description: "order 42", idempotencyKey: "k1")
    let first = try record.createTicket(request, createdBy: "alice", at: F.t0, limits: F.limits)
    #expect(!first.duplicate && first.ticket.ticketID == "c-1-t1")
    #expect(first.ticket.priority == .normal, "defaults to the conversation's priority")
    let retry = try record.createTicket(
      request,
      createdBy: "alice",
      at: F.t0 + .seconds(9),
      limits: F.limits
    )
    #expect(retry.duplicate && retry.ticket == first.ticket)
    var changed = request
    changed.description = "order 43"
    #expect(
      throws: CoreError(
        .alreadyExists,
        "idempotency_key \"k1\" was used for ticket c-1-t1 with different content"
      )
    ) {
      try record.createTicket(changed, createdBy: "alice", at: F.t0, limits: F.limits)
    }
    let unkeyed = try record.createTicket(
      NewTicket(subject: "Other", priority: .urgent),
      createdBy: "alice",
      at: F.t0,
      limits: F.limits
    )
    #expect(unkeyed.ticket.ticketID == "c-1-t2" && unkeyed.ticket.priority == .urgent)
    #expect(record.tickets.count == 2)
  }

  @Test("ticket input is validated")
  func ticketValidation() {
    var record = F.activeRecord()
    #expect(throws: CoreError(.invalidArgument, "subject is empty")) {
      try record.createTicket(
        NewTicket(subject: ""),
        createdBy: "alice",
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(throws: CoreError(.invalidArgument, "subject is 257 bytes; the limit is 256 bytes")) {
      try record.createTicket(
        NewTicket(subject: String(repeating: "s", count: 257)),
        createdBy: "alice",
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(
      throws: CoreError(.invalidArgument, "description is 16385 bytes; the limit is 16384 bytes")
    ) {
      try record.createTicket(
        NewTicket(subject: "s", description: String(repeating: "d", count: 16_385)),
        createdBy: "alice",
        at: F.t0,
        limits: F.limits
      )
    }
  }

  @Test("one open assistance request per conversation; resolving answers it once")
  func assistance() throws {
    var record = F.activeRecord()
    #expect(throws: CoreError(.invalidArgument, "question is empty")) {
      try record.requestAssistance(
        agentID: "alice",
        question: "",
        urgency: nil,
        at: F.t0,
        limits: F.limits
      )
    }
    let open = try record.requestAssistance(
      agentID: "alice",
      question: "refund over limit?",
      urgency: .high,
      at: F.t0,
      limits: F.limits
    )
    #expect(open.status == .open && open.urgency == .high && open.queueID == "billing")
    #expect(
      throws: CoreError(
        .alreadyExists,
        "assistance request c-1-a1 is still open for conversation c-1 (asked at \(F.t0))"
      )
    ) {
      try record.requestAssistance(
        agentID: "alice",
        question: "again",
        urgency: nil,
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(throws: CoreError(.invalidArgument, "answer is empty")) {
      try record.resolveAssistance("c-1-a1", answer: " ", by: "sam", at: F.t0, limits: F.limits)
    }
    #expect(throws: CoreError(.notFound, "assistance request c-1-a9 does not exist")) {
      try record.resolveAssistance("c-1-a9", answer: "yes", by: "sam", at: F.t0, limits: F.limits)
    }
    let resolved = try record.resolveAssistance(
      "c-1-a1",
      answer: "yes",
      by: "sam",
      at: F.t0 + .seconds(5),
      limits: F.limits
    )
    #expect(
      resolved.status == .resolved && resolved.resolvedBy == "sam"
        && resolved.resolvedAt == F.t0 + .seconds(5)
    )
    #expect(throws: CoreError(.failedPrecondition, "assistance request c-1-a1 is already resolved"))
    {
      try record.resolveAssistance("c-1-a1", answer: "yes", by: "sam", at: F.t0, limits: F.limits)
    }
    let second = try record.requestAssistance(
      agentID: "alice",
      question: "more",
      urgency: nil,
      at: F.t0,
      limits: F.limits
    )
    #expect(second.assistanceID == "c-1-a2" && second.urgency == .normal)
  }

  @Test("a channel move falls back to known contact details and tells the customer")
  func moveChannel() throws {
    var record = F.activeRecord()
    let phone = try record.moveChannel(
      to: .phone,
      contact: ContactDetails(),
      note: "call back",
      requestedBy: "alice",
      at: F.t0,
      limits: F.limits
    )
    #expect(phone.move.contact.phoneNumber == "+4915112345678")
    #expect(phone.events.first?.message?.text == "We will continue by phone at +4915112345678.")
    #expect(phone.events.first?.message?.author == .system)
    let mail = try record.moveChannel(
      to: .email,
      contact: ContactDetails(email: "d@work.example"),
      note: "",
      requestedBy: "alice",
      at: F.t0,
      limits: F.limits
    )
    #expect(mail.move.contact.email == "d@work.example" && mail.move.moveID == "c-1-mv2")
  }

  @Test(
    "channel moves validate the target and the contact",
    arguments: [
      (
        Channel.web, ContactDetails(), "target channel web is not a move target; use phone or email"
      ),
      (
        .phone, ContactDetails(phoneNumber: "0151 123"),
        "phone number \"0151 123\" is not in E.164 form (\"+\" then 7 to 15 digits, e.g. +4915112345678)"
      ),
      (
        .phone, ContactDetails(phoneNumber: "+123456"),
        "phone number \"+123456\" is not in E.164 form (\"+\" then 7 to 15 digits, e.g. +4915112345678)"
      ),
      (
        .email, ContactDetails(email: "a@b@c.de"),
        "e-mail address \"a@b@c.de\" is malformed (expected one \"@\" and a domain with a dot)"
      ),
      (
        .email, ContactDetails(email: "dana@localhost"),
        "e-mail address \"dana@localhost\" is malformed (expected one \"@\" and a domain with a dot)"
      ),
    ]
  )
  func moveValidation(target: Channel, contact: ContactDetails, message: String) {
    var record = F.activeRecord()
    #expect(throws: CoreError(.invalidArgument, message)) {
      try record.moveChannel(
        to: target,
        contact: contact,
        note: "",
        requestedBy: "alice",
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(record.channelMoves.isEmpty)
  }

  @Test("a move without any known contact names what is missing")
  func moveWithoutContact() {
    var record = ConversationRecord(
      id: "c-2",
      queueID: "billing",
      priority: .low,
      channel: .web,
      subject: "",
      customer: CustomerInfo(displayName: "Guest"),
      botContext: nil,
      startedByBotID: nil,
      createdAt: F.t0
    )
    #expect(
      throws: CoreError(
        .invalidArgument,
        "no phone number given and the customer's contact details have none"
      )
    ) {
      try record.moveChannel(
        to: .phone,
        contact: ContactDetails(),
        note: "",
        requestedBy: "a",
        at: F.t0,
        limits: F.limits
      )
    }
    #expect(
      throws: CoreError(
        .invalidArgument,
        "no e-mail address given and the customer's contact details have none"
      )
    ) {
      try record.moveChannel(
        to: .email,
        contact: ContactDetails(),
        note: "",
        requestedBy: "a",
        at: F.t0,
        limits: F.limits
      )
    }
  }

  @Test("E.164 and e-mail shapes")
  func contactShapes() {
    #expect(ContactRule.isE164("+1234567"))
    #expect(ContactRule.isE164("+123456789012345"))
    #expect(!ContactRule.isE164("+1234567890123456"))
    #expect(!ContactRule.isE164("+0123456789"))
    #expect(!ContactRule.isE164("4915112345678"))
    #expect(ContactRule.isEmail("a.b@c.example"))
    #expect(!ContactRule.isEmail("@c.example"))
    #expect(!ContactRule.isEmail("a@.example"))
    #expect(!ContactRule.isEmail("a b@c.example"))
  }
}
