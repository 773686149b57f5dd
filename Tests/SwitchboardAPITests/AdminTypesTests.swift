// Known-byte vectors for Protos/switchboard/v1/admin.proto. Every expected byte array was produced
// by protoc 3.21, for example:
//   echo 'drained_conversations: 300' | protoc -I Protos -I /usr/include \
//     --encode=switchboard.v1.DeleteQueueResponse switchboard/v1/admin.proto | xxd -p
// admin.proto has no oneof and declares no enum; the enum cases use common.proto's Role.

internal import ProtoWire
internal import SwitchboardAPI
internal import Testing

/// Checks that `message` encodes to exactly `bytes` and that `bytes` decode back to `message` with
/// every field known to the Swift type.
private func expectWire<M: ProtoMessage>(
  _ message: M, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
) throws {
  #expect(message.encodedSize() == bytes.count, sourceLocation: sourceLocation)
  #expect(message.serializedBytes() == bytes, sourceLocation: sourceLocation)
  let decoded = try M(serializedBytes: bytes, options: DecodingOptions(rejectUnknownFields: true))
  #expect(decoded == message, sourceLocation: sourceLocation)
  #expect(decoded.serializedBytes() == bytes, sourceLocation: sourceLocation)
}

@Suite("switchboard/v1/admin.proto")
struct AdminTypesTests {
  @Test func updateQueueRequestNestedMessage() throws {
    // queue { queue_id: "billing" name: "Billing" topics: "invoice" topics: "refund"
    //   offer_timeout { seconds: 30 } offer_mode: OFFER_MODE_BROADCAST
    //   default_priority: PRIORITY_URGENT supervisor_ids: "sup-1" version: 7
    //   updated_at { seconds: 1700000000 nanos: 5 } } expected_version: 6
    let request = UpdateQueueRequest.with {
      $0.queue = .with {
        $0.queueID = "billing"
        $0.name = "Billing"
        $0.topics = ["invoice", "refund"]
        $0.offerTimeout = ProtoDuration.with { $0.seconds = 30 }
        $0.offerMode = .broadcast
        $0.defaultPriority = .urgent
        $0.supervisorIDs = ["sup-1"]
        $0.version = 7
        $0.updatedAt = ProtoTimestamp(seconds: 1_700_000_000, nanos: 5)
      }
      $0.expectedVersion = 6
    }
    try expectWire(
      request,
      [
        0x0a, 0x3e, 0x0a, 0x07, 0x62, 0x69, 0x6c, 0x6c, 0x69, 0x6e, 0x67, 0x12,
        0x07, 0x42, 0x69, 0x6c, 0x6c, 0x69, 0x6e, 0x67, 0x1a, 0x07, 0x69, 0x6e,
        0x76, 0x6f, 0x69, 0x63, 0x65, 0x1a, 0x06, 0x72, 0x65, 0x66, 0x75, 0x6e,
        0x64, 0x22, 0x02, 0x08, 0x1e, 0x28, 0x02, 0x40, 0x04, 0x4a, 0x05, 0x73,
        0x75, 0x70, 0x2d, 0x31, 0x58, 0x07, 0x62, 0x08, 0x08, 0x80, 0xe2, 0xcf,
        0xaa, 0x06, 0x10, 0x05, 0x10, 0x06,
      ])
  }

  @Test func adminListQueuesResponseRepeatedMessages() throws {
    // queues { queue_id: "a" } queues { queue_id: "b" name: "B" } next_page_token: "tok"
    let response = AdminListQueuesResponse.with {
      $0.queues = [.with { $0.queueID = "a" }, .with { $0.queueID = "b"; $0.name = "B" }]
      $0.nextPageToken = "tok"
    }
    try expectWire(
      response,
      [
        0x0a, 0x03, 0x0a, 0x01, 0x61, 0x0a, 0x06, 0x0a, 0x01, 0x62, 0x12, 0x01,
        0x42, 0x12, 0x03, 0x74, 0x6f, 0x6b,
      ])
  }

  @Test func setResolutionCategoriesResponseRepeatedMessages() throws {
    // categories { category_id: "refund-issued" label: "Refund" requires_notes: true
    //   active: true sort_order: -1 } categories { category_id: "old" } retired_count: 1
    let response = SetResolutionCategoriesResponse.with {
      $0.categories = [
        .with {
          $0.categoryID = "refund-issued"
          $0.label = "Refund"
          $0.requiresNotes = true
          $0.active = true
          $0.sortOrder = -1
        },
        .with { $0.categoryID = "old" },
      ]
      $0.retiredCount = 1
    }
    try expectWire(
      response,
      [
        0x0a, 0x26, 0x0a, 0x0d, 0x72, 0x65, 0x66, 0x75, 0x6e, 0x64, 0x2d, 0x69,
        0x73, 0x73, 0x75, 0x65, 0x64, 0x12, 0x06, 0x52, 0x65, 0x66, 0x75, 0x6e,
        0x64, 0x20, 0x01, 0x28, 0x01, 0x30, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xff, 0xff, 0xff, 0x01, 0x0a, 0x05, 0x0a, 0x03, 0x6f, 0x6c, 0x64, 0x10,
        0x01,
      ])
  }

  @Test func upsertAgentResponseRepeatedStringsAndEnum() throws {
    // agent { agent_id: "ann" display_name: "Ann" role: ROLE_AGENT queue_ids: "q1"
    //   queue_ids: "q2" capacity: 3 skills: "lang:de" } created: true
    let response = UpsertAgentResponse.with {
      $0.agent = .with {
        $0.agentID = "ann"
        $0.displayName = "Ann"
        $0.role = .agent
        $0.queueIDs = ["q1", "q2"]
        $0.capacity = 3
        $0.skills = ["lang:de"]
      }
      $0.created = true
    }
    try expectWire(
      response,
      [
        0x0a, 0x1f, 0x0a, 0x03, 0x61, 0x6e, 0x6e, 0x12, 0x03, 0x41, 0x6e, 0x6e,
        0x18, 0x03, 0x22, 0x02, 0x71, 0x31, 0x22, 0x02, 0x71, 0x32, 0x28, 0x03,
        0x32, 0x07, 0x6c, 0x61, 0x6e, 0x67, 0x3a, 0x64, 0x65, 0x10, 0x01,
      ])
  }

  @Test func createAccessTokenRequestEnumAndDuration() throws {
    // role: ROLE_CUSTOMER subject: "cust-9" conversation_id: "conv-1" ttl { seconds: 3600 }
    // description: "crm-connector prod"
    let request = CreateAccessTokenRequest.with {
      $0.role = .customer
      $0.subject = "cust-9"
      $0.conversationID = "conv-1"
      $0.ttl = ProtoDuration.with { $0.seconds = 3600 }
      $0.description = "crm-connector prod"
    }
    try expectWire(
      request,
      [
        0x08, 0x01, 0x12, 0x06, 0x63, 0x75, 0x73, 0x74, 0x2d, 0x39, 0x1a, 0x06,
        0x63, 0x6f, 0x6e, 0x76, 0x2d, 0x31, 0x22, 0x03, 0x08, 0x90, 0x1c, 0x2a,
        0x12, 0x63, 0x72, 0x6d, 0x2d, 0x63, 0x6f, 0x6e, 0x6e, 0x65, 0x63, 0x74,
        0x6f, 0x72, 0x20, 0x70, 0x72, 0x6f, 0x64,
      ])
  }

  @Test func adminListAgentsRequestEnum() throws {
    // queue_id: "q" role: ROLE_SUPERVISOR page_size: 50 page_token: "p"
    let request = AdminListAgentsRequest.with {
      $0.queueID = "q"
      $0.role = .supervisor
      $0.pageSize = 50
      $0.pageToken = "p"
    }
    try expectWire(request, [0x0a, 0x01, 0x71, 0x10, 0x04, 0x18, 0x32, 0x22, 0x01, 0x70])
  }

  @Test func unnamedEnumValueSurvives() throws {
    // role: 42
    try expectWire(AdminListAgentsRequest.with { $0.role = .unrecognized(42) }, [0x10, 0x2a])
  }

  @Test func timestampsAndScalars() throws {
    // token_id: "t1" token: "secret" expires_at { seconds: 1700000000 }
    try expectWire(
      CreateAccessTokenResponse.with {
        $0.tokenID = "t1"
        $0.token = "secret"
        $0.expiresAt = ProtoTimestamp(seconds: 1_700_000_000)
      },
      [
        0x0a, 0x02, 0x74, 0x31, 0x12, 0x06, 0x73, 0x65, 0x63, 0x72, 0x65, 0x74,
        0x1a, 0x06, 0x08, 0x80, 0xe2, 0xcf, 0xaa, 0x06,
      ])
    // settings { enabled: true response_window { seconds: 86400 } prompt: "How did we do?" }
    try expectWire(
      SetSurveySettingsRequest.with {
        $0.settings = .with {
          $0.enabled = true
          $0.responseWindow = ProtoDuration.with { $0.seconds = 86400 }
          $0.prompt = "How did we do?"
        }
      },
      [
        0x0a, 0x18, 0x08, 0x01, 0x12, 0x04, 0x08, 0x80, 0xa3, 0x05, 0x1a, 0x0e,
        0x48, 0x6f, 0x77, 0x20, 0x64, 0x69, 0x64, 0x20, 0x77, 0x65, 0x20, 0x64,
        0x6f, 0x3f,
      ])
    // drained_conversations: 300
    try expectWire(DeleteQueueResponse.with { $0.drainedConversations = 300 }, [0x08, 0xac, 0x02])
    try expectWire(GetSurveySettingsRequest(), [])
  }

  @Test func catalogAndService() {
    #expect(SwitchboardV1.adminMessageTypes.count == 26)
    #expect(SwitchboardV1.Admin.methods.count == 13)
    #expect(SwitchboardV1.Admin.methods.allSatisfy { $0.kind == .unary })
    #expect(SwitchboardV1.Admin.revokeAccessToken.path == "/switchboard.v1.Admin/RevokeAccessToken")
  }
}
