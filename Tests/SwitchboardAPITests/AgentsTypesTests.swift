// Known-byte vectors for Protos/switchboard/v1/agents.proto.
// Every expected byte array was produced by protoc 3.21, for example:
//   echo 'presence: PRESENCE_AWAY reason: "lunch" agent_id: "a7"' \
//     | protoc -I Protos -I /usr/include --encode=switchboard.v1.SetPresenceRequest \
//       switchboard/v1/agents.proto | xxd -i

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

@Suite("switchboard/v1/agents.proto")
struct AgentsTypesTests {
  @Test func setPresenceRequestEnumAndIDs() throws {
    // presence: PRESENCE_AWAY reason: "lunch" agent_id: "a7"
    let request = SetPresenceRequest.with {
      $0.presence = .away
      $0.reason = "lunch"
      $0.agentID = "a7"
    }
    try expectWire(
      request,
      [0x08, 0x02, 0x12, 0x05, 0x6c, 0x75, 0x6e, 0x63, 0x68, 0x1a, 0x02, 0x61, 0x37]
    )
  }

  @Test func notificationsResponseOfferWithdrawn() throws {
    // sent_at { seconds: 1700000000 nanos: 5 } offer_withdrawn { offer_id: "o1"
    // conversation_id: "c1" reason: OFFER_WITHDRAWN_REASON_ACCEPTED_ELSEWHERE }
    let response = NotificationsResponse.with {
      $0.sentAt = ProtoTimestamp(seconds: 1_700_000_000, nanos: 5)
      $0.kind = .offerWithdrawn(
        .with {
          $0.offerID = "o1"
          $0.conversationID = "c1"
          $0.reason = .acceptedElsewhere
        }
      )
    }
    try expectWire(
      response,
      [
        0x0a, 0x08, 0x08, 0x80, 0xe2, 0xcf, 0xaa, 0x06, 0x10, 0x05, 0x62, 0x0a, 0x0a, 0x02, 0x6f,
        0x31, 0x12, 0x02, 0x63, 0x31, 0x18, 0x02,
      ]
    )
  }

  @Test func notificationsResponsePresenceChanged() throws {
    // presence_changed { agent_id: "a1" presence: PRESENCE_AWAY queue_ids: "q1" queue_ids: "q2" }
    let response = NotificationsResponse.with {
      $0.kind = .presenceChanged(
        .with {
          $0.agentID = "a1"
          $0.presence = .away
          $0.queueIDs = ["q1", "q2"]
        }
      )
    }
    try expectWire(
      response,
      [
        0x92, 0x01, 0x0e, 0x0a, 0x02, 0x61, 0x31, 0x20, 0x02, 0x52, 0x02, 0x71, 0x31, 0x52, 0x02,
        0x71, 0x32,
      ]
    )
  }

  @Test func notificationsResponseEmptyMemberStillEncodes() throws {
    // snapshot { }
    try expectWire(
      NotificationsResponse.with { $0.kind = .snapshot(NotificationSnapshot()) },
      [0x52, 0x00]
    )
  }

  @Test func listMyConversationsRequestPackedEnums() throws {
    // states: [CONVERSATION_STATE_ACTIVE, CONVERSATION_STATE_WRAP_UP] page_size: 20 page_token: "t"
    let request = ListMyConversationsRequest.with {
      $0.states = [.active, .wrapUp]
      $0.pageSize = 20
      $0.pageToken = "t"
    }
    try expectWire(request, [0x0a, 0x02, 0x03, 0x04, 0x10, 0x14, 0x1a, 0x01, 0x74])
  }

  @Test func listMyConversationsResponseRepeatedMessages() throws {
    // conversations { } conversations { } next_page_token: "n"
    let response = ListMyConversationsResponse.with {
      $0.conversations = [ConversationSummary(), ConversationSummary()]
      $0.nextPageToken = "n"
    }
    try expectWire(response, [0x0a, 0x00, 0x0a, 0x00, 0x12, 0x01, 0x6e])
  }

  @Test func transferRequestNestedOneof() throws {
    // conversation_id: "c" target { queue_id: "q" } reason: TRANSFER_REASON_LANGUAGE note: "n"
    let request = TransferRequest.with {
      $0.conversationID = "c"
      $0.target = .with { $0.destination = .queueID("q") }
      $0.reason = .language
      $0.note = "n"
    }
    try expectWire(
      request,
      [0x0a, 0x01, 0x63, 0x12, 0x03, 0x12, 0x01, 0x71, 0x18, 0x03, 0x22, 0x01, 0x6e]
    )
  }

  @Test func agentSendMessageResponseTimestamp() throws {
    // sequence: 300 message_id: "m" sent_at { seconds: 1 } duplicate: true
    let response = AgentSendMessageResponse.with {
      $0.sequence = 300
      $0.messageID = "m"
      $0.sentAt = ProtoTimestamp(seconds: 1)
      $0.duplicate = true
    }
    try expectWire(
      response,
      [0x08, 0xac, 0x02, 0x12, 0x01, 0x6d, 0x1a, 0x02, 0x08, 0x01, 0x20, 0x01]
    )
  }

  @Test func unrecognizedEnumValueSurvives() throws {
    // reason: 99
    try expectWire(OfferWithdrawn.with { $0.reason = .unrecognized(99) }, [0x18, 0x63])
  }

  @Test func serviceMethods() {
    #expect(SwitchboardV1.Agents.methods.count == 15)
    #expect(SwitchboardV1.Agents.accept.path == "/switchboard.v1.Agents/Accept")
    #expect(SwitchboardV1.Agents.notifications.kind == .serverStreaming)
    #expect(SwitchboardV1.Agents.follow.kind == .serverStreaming)
    #expect(SwitchboardV1.agentsMessageTypes.count == 33)
  }
}
