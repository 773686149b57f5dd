internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore
internal import Testing

@testable internal import SwitchboardServices

@Suite("Domain: wire conversions")
struct DomainWireTests {
  static let instant = WallTime(nanosecondsSinceEpoch: 1_767_225_600_123_456_789)

  /// The INVALID_ARGUMENT message `body` throws, or nil if it does not throw one.
  static func invalidArgument(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      guard let error = error as? RPCError, error.code == .invalidArgument else { return nil }
      return error.message
    }
  }

  @Test("timestamps round trip to the nanosecond, before and after the epoch")
  func timestamps() throws {
    for nanoseconds: Int64 in [0, 1, -1, 1_767_225_600_123_456_789, -86_400_000_000_001] {
      let time = WallTime(nanosecondsSinceEpoch: nanoseconds)
      let wire = time.wire
      #expect((0 ... 999_999_999).contains(wire.nanos))
      #expect(try wire.core("t") == time)
    }
    #expect(
      WallTime(nanosecondsSinceEpoch: -1).wire == ProtoTimestamp(seconds: -1, nanos: 999_999_999)
    )
  }

  @Test("timestamps outside what a WallTime holds, or with bad nanos, are INVALID_ARGUMENT")
  func timestampRange() throws {
    let far = ProtoTimestamp(seconds: 253_402_300_799)  // 9999-12-31, valid on the wire
    #expect(
      Self.invalidArgument { _ = try far.core("created.end") }?.hasPrefix("created.end") == true
    )
    #expect(Self.invalidArgument { _ = try ProtoTimestamp(seconds: 0, nanos: -1).core("t") } != nil)
    #expect(
      Self.invalidArgument { _ = try ProtoTimestamp(seconds: 0, nanos: 1_000_000_000).core("t") }
        != nil
    )
    let last = ProtoTimestamp.coreSecondsRange.upperBound
    #expect(throws: Never.self) { try ProtoTimestamp(seconds: last, nanos: 999_999_999).core("t") }
    let unset: ProtoTimestamp? = nil
    #expect(try unset.core("t") == nil)
  }

  @Test("durations round trip; invalid or longer than 100 years are INVALID_ARGUMENT")
  func durations() throws {
    for duration: Duration in [
      .zero, .milliseconds(1500), .nanoseconds(-2_500_000_001), .seconds(86_400),
    ] {
      #expect(try duration.wire.core("d") == duration)
    }
    #expect(Self.invalidArgument { _ = try ProtoDuration(seconds: 1, nanos: -1).core("d") } != nil)
    #expect(
      Self.invalidArgument { _ = try ProtoDuration(seconds: 0, nanos: 1_000_000_000).core("d") }
        != nil
    )
    #expect(
      Self.invalidArgument { _ = try ProtoDuration(seconds: 4_000_000_000).core("queue.max_wait") }
        == "queue.max_wait (4000000000 s) is longer than 100 years"
    )
  }

  @Test("enums: every core value round trips; UNSPECIFIED is nil; unknown numbers are rejected")
  func enums() throws {
    for priority in SwitchboardCore.Priority.allCases {
      #expect(try priority.wire.core("p") == priority)
    }
    for channel in SwitchboardCore.Channel.allCases {
      #expect(try channel.wire.core("c") == channel)
    }
    for presence in SwitchboardCore.Presence.allCases {
      #expect(try presence.wire.core("p") == presence)
    }
    for role in SwitchboardCore.Role.allCases { #expect(try role.wire.core("r") == role) }
    for state in SwitchboardCore.ConversationState.allCases {
      #expect(try state.wire.core("s") == state)
    }
    for mode in SwitchboardCore.OfferMode.allCases { #expect(try mode.wire.core("m") == mode) }
    for reason in SwitchboardCore.TransferReason.allCases {
      #expect(try reason.wire.core("r") == reason)
    }
    for status in SwitchboardCore.AssistanceStatus.allCases {
      #expect(try status.wire.core("s") == status)
    }
    for kind in SwitchboardCore.ExternalEventKind.allCases {
      #expect(try kind.wire.core("k") == kind)
    }

    #expect(try SwitchboardAPI.Priority.unspecified.core("priority") == nil)
    #expect(
      Self.invalidArgument { _ = try SwitchboardAPI.Priority.unrecognized(9).core("priority") }
        == "priority: 9 is not a known switchboard.v1.Priority value"
    )
    #expect(
      Self.invalidArgument { _ = try SwitchboardAPI.Presence.unspecified.required("presence") }
        == "presence must be set (it is unspecified)"
    )
    #expect(
      Self.invalidArgument {
        _ = try [SwitchboardAPI.ConversationState.active, .unrecognized(42)].required("states")
      } == "states[1]: 42 is not a known switchboard.v1.ConversationState value"
    )
  }

  @Test("a queue configuration round trips, and UNSPECIFIED fields take their defaults")
  func queueConfig() throws {
    let queue = SwitchboardCore.QueueConfig(
      queueID: "billing",
      name: "Billing",
      topics: ["refund", "invoice"],
      offerTimeout: .seconds(20),
      offerMode: .broadcast,
      maxWait: .seconds(600),
      overflowQueueID: "overflow",
      defaultPriority: .high,
      supervisorIDs: ["sam"],
      requiredSkills: ["lang:de"],
      version: 3,
      updatedAt: Self.instant
    )
    #expect(try queue.wire.core("queue") == queue)

    let minimal = SwitchboardCore.QueueConfig(queueID: "q", name: "Q")
    #expect(try minimal.wire.core("queue") == minimal)
    let bare = SwitchboardAPI.QueueConfig.with {
      $0.queueID = "q"
      $0.name = "Q"
    }
    #expect(try bare.core("queue") == minimal)
    #expect(minimal.wire.overflowQueueID.isEmpty && minimal.wire.offerTimeout == nil)
  }

  @Test("an agent profile round trips; its role is required")
  func agentProfile() throws {
    let profile = SwitchboardCore.AgentProfile(
      agentID: "alice",
      displayName: "Alice",
      role: .supervisor,
      queueIDs: ["billing"],
      capacity: 3,
      skills: ["billing"],
      updatedAt: Self.instant
    )
    #expect(try profile.wire.core("agent") == profile)
    var noRole = profile.wire
    noRole.role = .unspecified
    #expect(
      Self.invalidArgument { _ = try noRole.core("agent") }
        == "agent.role must be set (it is unspecified)"
    )
  }

  @Test("categories and survey settings round trip")
  func categoriesAndSurveys() throws {
    let category = SwitchboardCore.ResolutionCategory(
      categoryID: "refund-issued",
      label: "Refund issued",
      description: "Money went back",
      requiresNotes: true,
      active: false,
      sortOrder: -2
    )
    #expect(category.wire.core == category)
    let settings = SwitchboardCore.SurveySettings(
      enabled: true,
      responseWindow: .seconds(3600),
      prompt: "How?"
    )
    #expect(try settings.wire.core("settings") == settings)
    let off = SwitchboardCore.SurveySettings(enabled: false, responseWindow: nil, prompt: "")
    #expect(try off.wire.core("settings") == off)
  }

  @Test("customers, contacts and bot contexts round trip, attributes in order")
  func parties() throws {
    let customer = SwitchboardCore.CustomerInfo(
      customerID: "crm-7",
      displayName: "Erin",
      contact: SwitchboardCore.ContactDetails(
        email: "erin@example.com",
        phoneNumber: "+4915112345678",
        preferredChannel: .email
      ),
      locale: "de-DE",
      verified: true
    )
    #expect(try customer.wire.core("customer") == customer)
    let context = SwitchboardCore.BotContext(
      botID: "bot-1",
      summary: "wants a refund",
      detectedIntent: "billing.refund",
      intentConfidence: 0.75,
      attributes: [
        .init(key: "order", value: "A-1"), .init(key: "plan", value: "pro"),
        .init(key: "device", value: "ios"),
      ],
      transcript: [
        .init(speaker: .customer, text: "refund please", sentAt: Self.instant),
        .init(speaker: .bot, text: "let me get a human"),
      ]
    )
    let wire = context.wire
    #expect(wire.attributes.keys == ["order", "plan", "device"])
    #expect(try wire.core("bot_context") == context)

    var unknownChannel = customer.wire
    unknownChannel.contact?.preferredChannel = .unrecognized(77)
    #expect(
      Self.invalidArgument { _ = try unknownChannel.core("customer") }?.hasPrefix(
        "customer.contact.preferred_channel"
      ) == true
    )
    var silent = wire
    silent.transcript[1].speaker = .unspecified
    #expect(
      Self.invalidArgument { _ = try silent.core("bot_context") }
        == "bot_context.transcript[1].speaker must be set (it is unspecified)"
    )
    var sure = wire
    sure.intentConfidence = 1.5
    #expect(Self.invalidArgument { _ = try sure.core("bot_context") } != nil)
  }

  @Test("transfer targets round trip; an unset target or destination is nil")
  func transferTargets() {
    for target in [SwitchboardCore.TransferTarget.agent("bob"), .queue("technical")] {
      let wire: SwitchboardAPI.TransferTarget? = target.wire
      #expect(wire.core == target)
    }
    let none: SwitchboardAPI.TransferTarget? = nil
    let empty: SwitchboardAPI.TransferTarget? = SwitchboardAPI.TransferTarget()
    #expect(none.core == nil)
    #expect(empty.core == nil)
  }

  @Test("time ranges: bounds are checked and must be in order")
  func timeRanges() throws {
    let range: SwitchboardAPI.TimeRange? = .with {
      $0.start = ProtoTimestamp(seconds: 100)
      $0.end = ProtoTimestamp(seconds: 200)
    }
    #expect(
      try range.core("closed")
        == SwitchboardCore.TimeRange(
          start: WallTime(secondsSinceEpoch: 100),
          end: WallTime(secondsSinceEpoch: 200)
        )
    )
    let reversed: SwitchboardAPI.TimeRange? = .with {
      $0.start = ProtoTimestamp(seconds: 200)
      $0.end = ProtoTimestamp(seconds: 100)
    }
    #expect(
      Self.invalidArgument { _ = try reversed.core("closed") }?.hasPrefix("closed.end") == true
    )
    let unset: SwitchboardAPI.TimeRange? = nil
    #expect(try unset.core("closed") == nil)
  }
}
