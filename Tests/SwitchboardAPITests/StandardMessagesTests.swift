// Known-byte vectors for the standard protos of Protos/grpc/reflection/v1 and Protos/grpc/testing.
// Every expected byte array was produced by protoc 3.21, for example:
//   echo 'response_size: 314159' \
//     | protoc -I Protos --encode=grpc.testing.SimpleRequest grpc/testing/messages.proto | xxd -i

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
}

@Suite("grpc/testing/empty.proto")
struct TestingEmptyTests {
  @Test func emptyEncodesToNothing() throws {
    try expectWire(GRPCTesting.Empty(), [])
  }

  @Test func emptyKeepsUnknownFields() throws {
    let bytes: [UInt8] = [0x08, 0x01, 0x12, 0x01, 0x61]
    let empty = try GRPCTesting.Empty(serializedBytes: bytes)
    #expect(empty.unknownFields.bytes == bytes)
    #expect(empty.serializedBytes() == bytes)
    #expect(throws: WireFormatError.self) {
      try GRPCTesting.Empty(
        serializedBytes: bytes, options: DecodingOptions(rejectUnknownFields: true))
    }
  }
}

@Suite("grpc/testing/messages.proto")
struct TestingMessagesTests {
  @Test func simpleRequestResponseSize() throws {
    // response_size: 314159
    try expectWire(
      GRPCTesting.SimpleRequest.with { $0.responseSize = 314159 }, [0x10, 0xaf, 0x96, 0x13])
  }

  @Test func simpleRequestEveryField() throws {
    // response_type: COMPRESSABLE response_size: 314159 payload { body: "\000\001\002\003" }
    // fill_username: true fill_oauth_scope: true response_compressed { value: true }
    // response_status { code: 2 message: "oops" } expect_compressed {}
    let request = GRPCTesting.SimpleRequest.with {
      $0.responseType = .compressable
      $0.responseSize = 314159
      $0.payload = .with { $0.body = [0, 1, 2, 3] }
      $0.fillUsername = true
      $0.fillOauthScope = true
      $0.responseCompressed = .with { $0.value = true }
      $0.responseStatus = .with {
        $0.code = 2
        $0.message = "oops"
      }
      // Present but false: a message field encodes even when all its fields are defaults.
      $0.expectCompressed = GRPCTesting.BoolValue()
    }
    try expectWire(request, [
      0x10, 0xaf, 0x96, 0x13, 0x1a, 0x06, 0x12, 0x04, 0x00, 0x01, 0x02, 0x03,
      0x20, 0x01, 0x28, 0x01, 0x32, 0x02, 0x08, 0x01, 0x3a, 0x08, 0x08, 0x02,
      0x12, 0x04, 0x6f, 0x6f, 0x70, 0x73, 0x42, 0x00,
    ])
  }

  @Test func simpleResponse() throws {
    // payload { type: COMPRESSABLE body: "xyz" } username: "alice" oauth_scope: "scope"
    let response = GRPCTesting.SimpleResponse.with {
      $0.payload = .with { $0.body = Array("xyz".utf8) }
      $0.username = "alice"
      $0.oauthScope = "scope"
    }
    try expectWire(response, [
      0x0a, 0x05, 0x12, 0x03, 0x78, 0x79, 0x7a, 0x12, 0x05, 0x61, 0x6c, 0x69,
      0x63, 0x65, 0x1a, 0x05, 0x73, 0x63, 0x6f, 0x70, 0x65,
    ])
  }

  @Test func streamingOutputCallRequest() throws {
    // response_parameters { size: 31415 }
    // response_parameters { size: 9 interval_us: 1000 compressed { value: true } }
    // payload { body: "ab" } response_status { code: 13 }
    let request = GRPCTesting.StreamingOutputCallRequest.with {
      $0.responseParameters = [
        .with { $0.size = 31415 },
        .with {
          $0.size = 9
          $0.intervalUs = 1000
          $0.compressed = .with { $0.value = true }
        },
      ]
      $0.payload = .with { $0.body = Array("ab".utf8) }
      $0.responseStatus = .with { $0.code = 13 }
    }
    try expectWire(request, [
      0x12, 0x04, 0x08, 0xb7, 0xf5, 0x01, 0x12, 0x09, 0x08, 0x09, 0x10, 0xe8,
      0x07, 0x1a, 0x02, 0x08, 0x01, 0x1a, 0x04, 0x12, 0x02, 0x61, 0x62, 0x3a,
      0x02, 0x08, 0x0d,
    ])
  }

  @Test func streamingInputCallResponse() throws {
    // aggregated_payload_size: 74922
    try expectWire(
      GRPCTesting.StreamingInputCallResponse.with { $0.aggregatedPayloadSize = 74922 },
      [0x08, 0xaa, 0xc9, 0x04])
  }

  @Test func reconnectParamsNegative() throws {
    // max_reconnect_backoff_ms: -1 (an int32 is sign-extended to ten bytes)
    try expectWire(
      GRPCTesting.ReconnectParams.with { $0.maxReconnectBackoffMs = -1 },
      [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])
  }

  @Test func reconnectInfoPacksBackoffs() throws {
    // passed: true backoff_ms: [100, 200, 300000]
    let info = GRPCTesting.ReconnectInfo.with {
      $0.passed = true
      $0.backoffMs = [100, 200, 300000]
    }
    try expectWire(info, [0x08, 0x01, 0x12, 0x06, 0x64, 0xc8, 0x01, 0xe0, 0xa7, 0x12])
    // The unpacked encoding of the same values decodes to the same message.
    let unpacked: [UInt8] = [0x08, 0x01, 0x10, 0x64, 0x10, 0xc8, 0x01, 0x10, 0xe0, 0xa7, 0x12]
    #expect(try GRPCTesting.ReconnectInfo(serializedBytes: unpacked) == info)
  }

  @Test func payloadTypeUnrecognizedSurvives() throws {
    let payload = try GRPCTesting.Payload(serializedBytes: [0x08, 0x07])
    #expect(payload.type == .unrecognized(7))
    #expect(payload.serializedBytes() == [0x08, 0x07])
    #expect(GRPCTesting.PayloadType(rawValue: 0) == .compressable)
    #expect(GRPCTesting.PayloadType.protoEnumName == "grpc.testing.PayloadType")
  }
}

@Suite("grpc/testing/test.proto")
struct TestingTestTests {
  @Test func testServiceMethods() {
    typealias Service = GRPCTesting.TestService
    #expect(Service.emptyCall.path == "/grpc.testing.TestService/EmptyCall")
    #expect(Service.methods.map(\.method) == [
      "EmptyCall", "UnaryCall", "CacheableUnaryCall", "StreamingOutputCall", "StreamingInputCall",
      "FullDuplexCall", "HalfDuplexCall", "UnimplementedCall",
    ])
    #expect(Service.methods.map(\.kind) == [
      .unary, .unary, .unary, .serverStreaming, .clientStreaming, .bidirectionalStreaming,
      .bidirectionalStreaming, .unary,
    ])
  }

  @Test func otherServices() {
    #expect(GRPCTesting.UnimplementedService.methods.map(\.path) == [
      "/grpc.testing.UnimplementedService/UnimplementedCall"
    ])
    #expect(GRPCTesting.ReconnectService.methods.map(\.path) == [
      "/grpc.testing.ReconnectService/Start", "/grpc.testing.ReconnectService/Stop",
    ])
    #expect(GRPCTesting.ReconnectService.methods.allSatisfy { $0.kind == .unary })
  }
}

@Suite("grpc/reflection/v1/reflection.proto")
struct ReflectionV1Tests {
  typealias Request = GRPCReflectionV1.ServerReflectionRequest
  typealias Response = GRPCReflectionV1.ServerReflectionResponse

  @Test func listServicesAtDefaultStillEncodes() throws {
    // list_services: ""
    try expectWire(Request.with { $0.messageRequest = .listServices("") }, [0x3a, 0x00])
  }

  @Test func hostAndListServices() throws {
    // host: "localhost" list_services: "*"
    let request = Request.with {
      $0.host = "localhost"
      $0.messageRequest = .listServices("*")
    }
    try expectWire(request, [
      0x0a, 0x09, 0x6c, 0x6f, 0x63, 0x61, 0x6c, 0x68, 0x6f, 0x73, 0x74, 0x3a,
      0x01, 0x2a,
    ])
  }

  @Test func fileContainingExtension() throws {
    // file_containing_extension { containing_type: "grpc.testing.SimpleRequest"
    // extension_number: 100 }
    let request = Request.with {
      $0.messageRequest = .fileContainingExtension(.with {
        $0.containingType = "grpc.testing.SimpleRequest"
        $0.extensionNumber = 100
      })
    }
    try expectWire(request, [
      0x2a, 0x1e, 0x0a, 0x1a, 0x67, 0x72, 0x70, 0x63, 0x2e, 0x74, 0x65, 0x73,
      0x74, 0x69, 0x6e, 0x67, 0x2e, 0x53, 0x69, 0x6d, 0x70, 0x6c, 0x65, 0x52,
      0x65, 0x71, 0x75, 0x65, 0x73, 0x74, 0x10, 0x64,
    ])
  }

  @Test func lastOneofMemberWins() throws {
    // file_by_filename: "a" then list_services: "b"
    let request = try Request(serializedBytes: [0x1a, 0x01, 0x61, 0x3a, 0x01, 0x62])
    #expect(request.messageRequest == .listServices("b"))
  }

  @Test func listServicesResponse() throws {
    // valid_host: "h" original_request { list_services: "" }
    // list_services_response { service { name: "grpc.health.v1.Health" }
    //                          service { name: "grpc.testing.TestService" } }
    let response = Response.with {
      $0.validHost = "h"
      $0.originalRequest = .with { $0.messageRequest = .listServices("") }
      $0.messageResponse = .listServicesResponse(.with {
        $0.service = [
          .with { $0.name = GRPCHealthV1.Health.serviceName },
          .with { $0.name = GRPCTesting.TestService.serviceName },
        ]
      })
    }
    try expectWire(response, [
      0x0a, 0x01, 0x68, 0x12, 0x02, 0x3a, 0x00, 0x32, 0x35, 0x0a, 0x17, 0x0a,
      0x15, 0x67, 0x72, 0x70, 0x63, 0x2e, 0x68, 0x65, 0x61, 0x6c, 0x74, 0x68,
      0x2e, 0x76, 0x31, 0x2e, 0x48, 0x65, 0x61, 0x6c, 0x74, 0x68, 0x0a, 0x1a,
      0x0a, 0x18, 0x67, 0x72, 0x70, 0x63, 0x2e, 0x74, 0x65, 0x73, 0x74, 0x69,
      0x6e, 0x67, 0x2e, 0x54, 0x65, 0x73, 0x74, 0x53, 0x65, 0x72, 0x76, 0x69,
      0x63, 0x65,
    ])
  }

  @Test func errorResponse() throws {
    // error_response {}
    try expectWire(Response.with { $0.messageResponse = .errorResponse(.init()) }, [0x3a, 0x00])
    // error_response { error_code: 5 error_message: "not found" }
    let notFound = Response.with {
      $0.messageResponse = .errorResponse(.with {
        $0.errorCode = 5
        $0.errorMessage = "not found"
      })
    }
    try expectWire(notFound, [
      0x3a, 0x0d, 0x08, 0x05, 0x12, 0x09, 0x6e, 0x6f, 0x74, 0x20, 0x66, 0x6f,
      0x75, 0x6e, 0x64,
    ])
  }

  @Test func repeatedOneofMessageMerges() throws {
    // error_response { error_code: 5 } then error_response { error_message: "x" }
    let response = try Response(
      serializedBytes: [0x3a, 0x02, 0x08, 0x05, 0x3a, 0x03, 0x12, 0x01, 0x78])
    #expect(response.messageResponse == .errorResponse(.with {
      $0.errorCode = 5
      $0.errorMessage = "x"
    }))
  }

  @Test func fileDescriptorResponse() throws {
    // file_descriptor_proto: "\n\001a" file_descriptor_proto: "" (an empty element still encodes)
    let response = Response.with {
      $0.messageResponse = .fileDescriptorResponse(.with {
        $0.fileDescriptorProto = [[0x0a, 0x01, 0x61], []]
      })
    }
    try expectWire(response, [0x22, 0x07, 0x0a, 0x03, 0x0a, 0x01, 0x61, 0x0a, 0x00])
  }

  @Test func extensionNumberResponse() throws {
    // all_extension_numbers_response { base_type_name: "a.B" extension_number: [100, 1000] }
    let response = Response.with {
      $0.messageResponse = .allExtensionNumbersResponse(.with {
        $0.baseTypeName = "a.B"
        $0.extensionNumber = [100, 1000]
      })
    }
    try expectWire(
      response, [0x2a, 0x0a, 0x0a, 0x03, 0x61, 0x2e, 0x42, 0x12, 0x03, 0x64, 0xe8, 0x07])
  }

  @Test func serverReflectionInfoIsBidirectional() {
    let method = GRPCReflectionV1.ServerReflection.serverReflectionInfo
    #expect(method.path == "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")
    #expect(method.kind == .bidirectionalStreaming)
    #expect(GRPCReflectionV1.ServerReflection.methods == [method])
  }
}

@Test func catalogListsEveryStandardMessage() {
  let names = MessageCatalog.all.map { $0.protoMessageName }
  #expect(Set(names).count == names.count)
  let expected = [
    "grpc.reflection.v1.ServerReflectionRequest", "grpc.reflection.v1.ExtensionRequest",
    "grpc.reflection.v1.ServerReflectionResponse", "grpc.reflection.v1.FileDescriptorResponse",
    "grpc.reflection.v1.ExtensionNumberResponse", "grpc.reflection.v1.ListServiceResponse",
    "grpc.reflection.v1.ServiceResponse", "grpc.reflection.v1.ErrorResponse",
    "grpc.testing.Empty", "grpc.testing.BoolValue", "grpc.testing.Payload",
    "grpc.testing.EchoStatus", "grpc.testing.SimpleRequest", "grpc.testing.SimpleResponse",
    "grpc.testing.StreamingInputCallRequest", "grpc.testing.StreamingInputCallResponse",
    "grpc.testing.ResponseParameters", "grpc.testing.StreamingOutputCallRequest",
    "grpc.testing.StreamingOutputCallResponse", "grpc.testing.ReconnectParams",
    "grpc.testing.ReconnectInfo",
  ]
  for name in expected { #expect(names.contains(name), "\(name) missing from MessageCatalog.all") }
}
