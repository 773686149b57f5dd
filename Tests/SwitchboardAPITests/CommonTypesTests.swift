// Known-byte vectors for Protos/switchboard/v1/common.proto.
// Every expected byte array was produced by protoc 3.21, for example:
//   echo 'ticket_id: "t" priority: 99' \
//     | protoc -I Protos -I /usr/include --encode=switchboard.v1.Ticket \
//       switchboard/v1/common.proto | xxd -i

internal import ProtoWire
internal import SwitchboardAPI
internal import Testing

/// Checks that `message` encodes to exactly `bytes` and that `bytes` decode back to `message` with
/// every field known to the Swift type.
private func expectWire<M: ProtoMessage>(
  _ message: M,
  _ bytes: [UInt8],
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  #expect(message.encodedSize() == bytes.count, sourceLocation: sourceLocation)
  #expect(message.serializedBytes() == bytes, sourceLocation: sourceLocation)
  let decoded = try M(serializedBytes: bytes, options: DecodingOptions(rejectUnknownFields: true))
  #expect(decoded == message, sourceLocation: sourceLocation)
  #expect(decoded.serializedBytes() == bytes, sourceLocation: sourceLocation)
}

@Suite("switchboard/v1/common.proto")
struct CommonTypesTests {
  @Test func conversationEventMessageKind() throws {
    // conversation_id: "c-1" sequence: 7 occurred_at { seconds: 1700000000 nanos: 5 }
    // message { message_id: "m-9" conversation_id: "c-1" sequence: 7
    //   author { participant_id: "a-2" role: ROLE_AGENT display_name: "Ana" } text: "hi"
    //   visibility: MESSAGE_VISIBILITY_INTERNAL_NOTE sent_at { seconds: 1700000000 } }
    let event = ConversationEvent.with {
      $0.conversationID = "c-1"
      $0.sequence = 7
      $0.occurredAt = ProtoTimestamp(seconds: 1_700_000_000, nanos: 5)
      $0.kind = .message(
        .with {
          $0.messageID = "m-9"
          $0.conversationID = "c-1"
          $0.sequence = 7
          $0.author = .with {
            $0.participantID = "a-2"
            $0.role = .agent
            $0.displayName = "Ana"
          }
          $0.text = "hi"
          $0.visibility = .internalNote
          $0.sentAt = ProtoTimestamp(seconds: 1_700_000_000)
        })
    }
    try expectWire(
      event,
      [
        0x0a, 0x03, 0x63, 0x2d, 0x31, 0x10, 0x07, 0x22, 0x08, 0x08, 0x80, 0xe2, 0xcf, 0xaa, 0x06,
        0x10, 0x05, 0x52, 0x28, 0x0a, 0x03, 0x6d, 0x2d, 0x39, 0x12, 0x03, 0x63, 0x2d, 0x31, 0x18,
        0x07, 0x2a, 0x0c, 0x0a, 0x03, 0x61, 0x2d, 0x32, 0x10, 0x03, 0x1a, 0x03, 0x41, 0x6e, 0x61,
        0x32, 0x02, 0x68, 0x69, 0x38, 0x02, 0x4a, 0x06, 0x08, 0x80, 0xe2, 0xcf, 0xaa, 0x06,
      ])
  }

  @Test func conversationEventEmptyMemberStillEncodes() throws {
    // conversation_id: "c-1" sequence: 3 ephemeral: true read { }
    let event = ConversationEvent.with {
      $0.conversationID = "c-1"
      $0.sequence = 3
      $0.ephemeral = true
      $0.kind = .read(ReadReceipt())
    }
    try expectWire(
      event, [0x0a, 0x03, 0x63, 0x2d, 0x31, 0x10, 0x03, 0x18, 0x01, 0x9a, 0x01, 0x00])
  }

  @Test func conversationEventLastMemberWins() throws {
    // typing { typing: true } followed by read { read_through_sequence: 4 }: the oneof keeps read.
    let bytes: [UInt8] = [0x6a, 0x02, 0x10, 0x01, 0x9a, 0x01, 0x02, 0x10, 0x04]
    let event = try ConversationEvent(
      serializedBytes: bytes, options: DecodingOptions(rejectUnknownFields: true))
    #expect(event.kind == .read(.with { $0.readThroughSequence = 4 }))
  }

  @Test func transferTargetDestination() throws {
    // agent_id: "a-7"
    try expectWire(
      TransferTarget.with { $0.destination = .agentID("a-7") }, [0x0a, 0x03, 0x61, 0x2d, 0x37])
    // queue_id: "" (a oneof member is encoded even at its default)
    try expectWire(TransferTarget.with { $0.destination = .queueID("") }, [0x12, 0x00])
  }

  @Test func botContextMapAndRepeatedMessages() throws {
    // bot_id: "bot-1" summary: "refund" detected_intent: "billing.refund" intent_confidence: 0.75
    // attributes { key: "order" value: "42" } attributes { key: "plan" value: "pro" }
    // transcript { speaker: ROLE_CUSTOMER text: "help" }
    // transcript { speaker: ROLE_BOT text: "ok" sent_at { seconds: 1 } }
    let context = BotContext.with {
      $0.botID = "bot-1"
      $0.summary = "refund"
      $0.detectedIntent = "billing.refund"
      $0.intentConfidence = 0.75
      $0.attributes = ["order": "42", "plan": "pro"]
      $0.transcript = [
        .with {
          $0.speaker = .customer
          $0.text = "help"
        },
        .with {
          $0.speaker = .bot
          $0.text = "ok"
          $0.sentAt = ProtoTimestamp(seconds: 1)
        },
      ]
    }
    try expectWire(
      context,
      [
        0x0a, 0x05, 0x62, 0x6f, 0x74, 0x2d, 0x31, 0x12, 0x06, 0x72, 0x65, 0x66, 0x75, 0x6e, 0x64,
        0x1a, 0x0e, 0x62, 0x69, 0x6c, 0x6c, 0x69, 0x6e, 0x67, 0x2e, 0x72, 0x65, 0x66, 0x75, 0x6e,
        0x64, 0x21, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe8, 0x3f, 0x2a, 0x0b, 0x0a, 0x05, 0x6f,
        0x72, 0x64, 0x65, 0x72, 0x12, 0x02, 0x34, 0x32, 0x2a, 0x0b, 0x0a, 0x04, 0x70, 0x6c, 0x61,
        0x6e, 0x12, 0x03, 0x70, 0x72, 0x6f, 0x32, 0x08, 0x08, 0x01, 0x12, 0x04, 0x68, 0x65, 0x6c,
        0x70, 0x32, 0x0a, 0x08, 0x02, 0x12, 0x02, 0x6f, 0x6b, 0x1a, 0x02, 0x08, 0x01,
      ])
  }

  @Test func routingDecisionCandidatesAndOfferIDs() throws {
    // decided_at { seconds: 10 } trigger: ROUTING_TRIGGER_OFFER_TIMED_OUT queue_id: "q"
    // rule: ROUTING_RULE_LEAST_LOADED explanation: "x"
    // candidates { agent_id: "a" presence: PRESENCE_AVAILABLE active_conversations: 1 capacity: 3
    //   idle_time { seconds: 60 } score: 0.5 outcome: CANDIDATE_OUTCOME_CHOSEN }
    // candidates { agent_id: "b" outcome: CANDIDATE_OUTCOME_AT_CAPACITY }
    // chosen_agent_id: "a" offer_ids: "o1" offer_ids: "o2"
    let decision = RoutingDecision.with {
      $0.decidedAt = ProtoTimestamp(seconds: 10)
      $0.trigger = .offerTimedOut
      $0.queueID = "q"
      $0.rule = .leastLoaded
      $0.explanation = "x"
      $0.candidates = [
        .with {
          $0.agentID = "a"
          $0.presence = .available
          $0.activeConversations = 1
          $0.capacity = 3
          $0.idleTime = ProtoDuration(seconds: 60)
          $0.score = 0.5
          $0.outcome = .chosen
        },
        .with {
          $0.agentID = "b"
          $0.outcome = .atCapacity
        },
      ]
      $0.chosenAgentID = "a"
      $0.offerIDs = ["o1", "o2"]
    }
    try expectWire(
      decision,
      [
        0x0a, 0x02, 0x08, 0x0a, 0x10, 0x03, 0x1a, 0x01, 0x71, 0x20, 0x02, 0x2a, 0x01, 0x78, 0x32,
        0x18, 0x0a, 0x01, 0x61, 0x18, 0x01, 0x20, 0x01, 0x28, 0x03, 0x32, 0x02, 0x08, 0x3c, 0x39,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe0, 0x3f, 0x40, 0x01, 0x32, 0x05, 0x0a, 0x01, 0x62,
        0x40, 0x05, 0x3a, 0x01, 0x61, 0x42, 0x02, 0x6f, 0x31, 0x42, 0x02, 0x6f, 0x32,
      ])
  }

  @Test func offerNestedTransferAndBotContext() throws {
    // offer_id: "o" mode: OFFER_MODE_BROADCAST customer_waited { seconds: 90 }
    // transfer { transfer_id: "tr" target { queue_id: "q2" } reason: TRANSFER_REASON_LANGUAGE }
    // bot_context { bot_id: "b" }
    let offer = Offer.with {
      $0.offerID = "o"
      $0.mode = .broadcast
      $0.customerWaited = ProtoDuration(seconds: 90)
      $0.transfer = .with {
        $0.transferID = "tr"
        $0.target = .with { $0.destination = .queueID("q2") }
        $0.reason = .language
      }
      $0.botContext = .with { $0.botID = "b" }
    }
    try expectWire(
      offer,
      [
        0x0a, 0x01, 0x6f, 0x50, 0x02, 0x6a, 0x02, 0x08, 0x5a, 0x72, 0x0c, 0x0a, 0x02, 0x74, 0x72,
        0x22, 0x04, 0x12, 0x02, 0x71, 0x32, 0x28, 0x03, 0x7a, 0x03, 0x0a, 0x01, 0x62,
      ])
  }

  @Test func queueFiguresHighFieldNumbers() throws {
    // queue_id: "q" closed_count: 300 abandonment_rate: 0.25 csat_responses: 12
    // as_of { seconds: 5 }
    let figures = QueueFigures.with {
      $0.queueID = "q"
      $0.closedCount = 300
      $0.abandonmentRate = 0.25
      $0.csatResponses = 12
      $0.asOf = ProtoTimestamp(seconds: 5)
    }
    try expectWire(
      figures,
      [
        0x0a, 0x01, 0x71, 0x58, 0xac, 0x02, 0x69, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xd0, 0x3f,
        0x78, 0x0c, 0x82, 0x01, 0x02, 0x08, 0x05,
      ])
  }

  @Test func unrecognizedEnumValueSurvives() throws {
    // ticket_id: "t" priority: 99
    let ticket = Ticket.with {
      $0.ticketID = "t"
      $0.priority = .unrecognized(99)
    }
    try expectWire(ticket, [0x0a, 0x01, 0x74, 0x28, 0x63])
    #expect(Priority(rawValue: 4) == .urgent)
    #expect(MessageVisibility.public.rawValue == 1)
    #expect(CandidateOutcome(rawValue: 8) == .transferringAgent)
  }

  @Test func catalogListsEveryCommonMessage() {
    #expect(SwitchboardV1.commonMessageTypes.count == 32)
    let names = Set(MessageCatalog.all.map { $0.protoMessageName })
    for type in SwitchboardV1.commonMessageTypes {
      #expect(names.contains(type.protoMessageName))
      #expect(type.protoMessageName.hasPrefix("switchboard.v1."))
    }
  }
}
