// Known-byte vectors for Protos/switchboard/v1/conversations.proto and transcripts.proto.
// Every expected byte array was produced by protoc 3.21, for example:
//   echo 'queue_id: "" priority: PRIORITY_URGENT' \
//     | protoc -I Protos -I /usr/include --encode=switchboard.v1.StartConversationRequest \
//       switchboard/v1/conversations.proto | xxd -i

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

@Suite("switchboard/v1/conversations.proto")
struct ConversationsTypesTests {
  @Test func startConversationRequestTopicAndEnums() throws {
    // topic: "billing" priority: PRIORITY_HIGH channel: CHANNEL_MOBILE_APP subject: "Refund"
    // initial_message: "hi" idempotency_key: "k1"
    let request = StartConversationRequest.with {
      $0.destination = .topic("billing")
      $0.priority = .high
      $0.channel = .mobileApp
      $0.subject = "Refund"
      $0.initialMessage = "hi"
      $0.idempotencyKey = "k1"
    }
    try expectWire(request, [
      0x12, 0x07, 0x62, 0x69, 0x6c, 0x6c, 0x69, 0x6e, 0x67, 0x18, 0x03, 0x20, 0x02, 0x32, 0x06,
      0x52, 0x65, 0x66, 0x75, 0x6e, 0x64, 0x42, 0x02, 0x68, 0x69, 0x4a, 0x02, 0x6b, 0x31,
    ])
  }

  @Test func startConversationRequestEmptyQueueIDStillEncodes() throws {
    // queue_id: "" priority: PRIORITY_URGENT (a oneof member encodes even at its default)
    let request = StartConversationRequest.with {
      $0.destination = .queueID("")
      $0.priority = .urgent
    }
    try expectWire(request, [0x0a, 0x00, 0x18, 0x04])
  }

  @Test func startConversationRequestLastMemberWins() throws {
    // queue_id: "q" then topic: "t": the later member replaces the earlier one.
    let decoded = try StartConversationRequest(
      serializedBytes: [0x0a, 0x01, 0x71, 0x12, 0x01, 0x74],
      options: DecodingOptions(rejectUnknownFields: true))
    #expect(decoded.destination == .topic("t"))
  }

  @Test func startConversationResponseNestedMessages() throws {
    // conversation_id: "c1" queue_id: "q1" customer_token: "tok"
    // token_expires_at { seconds: 1700000000 nanos: 5 } queue_position: 3
    // estimated_wait { seconds: 90 } duplicate: true
    let response = StartConversationResponse.with {
      $0.conversationID = "c1"
      $0.queueID = "q1"
      $0.customerToken = "tok"
      $0.tokenExpiresAt = ProtoTimestamp(seconds: 1_700_000_000, nanos: 5)
      $0.queuePosition = 3
      $0.estimatedWait = ProtoDuration(seconds: 90)
      $0.duplicate = true
    }
    try expectWire(response, [
      0x0a, 0x02, 0x63, 0x31, 0x12, 0x02, 0x71, 0x31, 0x1a, 0x03, 0x74, 0x6f, 0x6b, 0x22, 0x08,
      0x08, 0x80, 0xe2, 0xcf, 0xaa, 0x06, 0x10, 0x05, 0x28, 0x03, 0x32, 0x02, 0x08, 0x5a, 0x38,
      0x01,
    ])
  }

  @Test func sendMessageResponsePresentEmptyTimestamp() throws {
    // sequence: 300 message_id: "m7" sent_at { } duplicate: true
    let response = SendMessageResponse.with {
      $0.sequence = 300
      $0.messageID = "m7"
      $0.sentAt = ProtoTimestamp()
      $0.duplicate = true
    }
    try expectWire(response, [0x08, 0xac, 0x02, 0x12, 0x02, 0x6d, 0x37, 0x1a, 0x00, 0x20, 0x01])
  }

  @Test func submitSurveyRequest() throws {
    // conversation_id: "c1" survey_id: "s1" rating: 5 comment: "great"
    let request = SubmitSurveyRequest.with {
      $0.conversationID = "c1"
      $0.surveyID = "s1"
      $0.rating = 5
      $0.comment = "great"
    }
    try expectWire(request, [
      0x0a, 0x02, 0x63, 0x31, 0x12, 0x02, 0x73, 0x31, 0x18, 0x05, 0x22, 0x05, 0x67, 0x72, 0x65,
      0x61, 0x74,
    ])
  }

  @Test func leaveResponseEnum() throws {
    // state: CONVERSATION_STATE_WRAP_UP
    try expectWire(LeaveResponse.with { $0.state = .wrapUp }, [0x08, 0x04])
    // An unnamed state survives a round trip.
    try expectWire(LeaveResponse.with { $0.state = .unrecognized(9) }, [0x08, 0x09])
  }

  @Test func followResponseEmptyEvent() throws {
    // event { }
    try expectWire(FollowResponse.with { $0.event = ConversationEvent() }, [0x0a, 0x00])
  }

  @Test func emptyMessages() throws {
    try expectWire(SetTypingResponse(), [])
    try expectWire(StartConversationRequest(), [])
  }

  @Test func serviceDescriptors() {
    #expect(SwitchboardV1.Conversations.follow.kind == .serverStreaming)
    #expect(SwitchboardV1.Conversations.startConversation.path
      == "/switchboard.v1.Conversations/StartConversation")
    #expect(SwitchboardV1.Conversations.methods.count == 7)
    #expect(SwitchboardV1.conversationsMessageTypes.count == 14)
  }
}

@Suite("switchboard/v1/transcripts.proto")
struct TranscriptsTypesTests {
  @Test func searchTranscriptsResponseRepeatedAndEnums() throws {
    // results { conversation_id: "c1" queue_id: "q1" agent_ids: "a1" agent_ids: "a2"
    //   customer_display_name: "Ann" subject: "S" channel: CHANNEL_WEB created_at { seconds: 10 }
    //   closed_at { seconds: 20 } close_reason: CLOSE_REASON_ABANDONED resolution_category_id: "r"
    //   survey_rating: 4 snippet: "x" }
    // results { conversation_id: "c2" } next_page_token: "n" total_estimate: -1
    let response = SearchTranscriptsResponse.with {
      $0.results = [
        .with {
          $0.conversationID = "c1"
          $0.queueID = "q1"
          $0.agentIDs = ["a1", "a2"]
          $0.customerDisplayName = "Ann"
          $0.subject = "S"
          $0.channel = .web
          $0.createdAt = ProtoTimestamp(seconds: 10)
          $0.closedAt = ProtoTimestamp(seconds: 20)
          $0.closeReason = .abandoned
          $0.resolutionCategoryID = "r"
          $0.surveyRating = 4
          $0.snippet = "x"
        },
        .with { $0.conversationID = "c2" },
      ]
      $0.nextPageToken = "n"
      $0.totalEstimate = -1
    }
    try expectWire(response, [
      0x0a, 0x2c, 0x0a, 0x02, 0x63, 0x31, 0x12, 0x02, 0x71, 0x31, 0x1a, 0x02, 0x61, 0x31, 0x1a,
      0x02, 0x61, 0x32, 0x22, 0x03, 0x41, 0x6e, 0x6e, 0x2a, 0x01, 0x53, 0x30, 0x01, 0x3a, 0x02,
      0x08, 0x0a, 0x42, 0x02, 0x08, 0x14, 0x48, 0x02, 0x52, 0x01, 0x72, 0x58, 0x04, 0x62, 0x01,
      0x78, 0x0a, 0x04, 0x0a, 0x02, 0x63, 0x32, 0x12, 0x01, 0x6e, 0x18, 0xff, 0xff, 0xff, 0xff,
      0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ])
  }

  @Test func exportTranscriptsResponseNestedTranscript() throws {
    // transcript { conversation { } participants { } participants { } tickets { } assistance { } }
    // resume_token: "t"
    let response = ExportTranscriptsResponse.with {
      $0.transcript = .with {
        $0.conversation = ConversationSummary()
        $0.participants = [Participant(), Participant()]
        $0.tickets = [Ticket()]
        $0.assistance = [AssistanceRequest()]
      }
      $0.resumeToken = "t"
    }
    try expectWire(response, [
      0x0a, 0x0a, 0x0a, 0x00, 0x22, 0x00, 0x22, 0x00, 0x52, 0x00, 0x62, 0x00, 0x12, 0x01, 0x74,
    ])
  }

  @Test func searchTranscriptsRequest() throws {
    // queue_id: "q" agent_id: "a" closed { } resolution_category_id: "r" text: "refund"
    // page_size: 50 page_token: "p"
    let request = SearchTranscriptsRequest.with {
      $0.queueID = "q"
      $0.agentID = "a"
      $0.closed = TimeRange()
      $0.resolutionCategoryID = "r"
      $0.text = "refund"
      $0.pageSize = 50
      $0.pageToken = "p"
    }
    try expectWire(request, [
      0x0a, 0x01, 0x71, 0x12, 0x01, 0x61, 0x1a, 0x00, 0x22, 0x01, 0x72, 0x2a, 0x06, 0x72, 0x65,
      0x66, 0x75, 0x6e, 0x64, 0x30, 0x32, 0x3a, 0x01, 0x70,
    ])
  }

  @Test func serviceDescriptors() {
    #expect(SwitchboardV1.Transcripts.exportTranscripts.kind == .serverStreaming)
    #expect(SwitchboardV1.Transcripts.getTranscript.kind == .unary)
    #expect(SwitchboardV1.Transcripts.methods.count == 3)
    #expect(SwitchboardV1.transcriptsMessageTypes.count == 8)
  }
}
