internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardClient
internal import Testing

/// `grpc.reflection.v1.ServerReflection` through its stub: several requests on one stream.
@Suite(.timeLimit(.minutes(1)))
struct ReflectionTests {
  @Test func listsTheServicesThenDescribesOne() async throws {
    try await withLoopback { loopback in
      let answers = try await loopback.connection.reflection.serverReflectionInfo { writer in
        for messageRequest in [
          GRPCReflectionV1.ServerReflectionRequest.MessageRequest.listServices(""),
          .fileContainingSymbol(GRPCTesting.TestService.serviceName),
        ] {
          var request = GRPCReflectionV1.ServerReflectionRequest()
          request.messageRequest = messageRequest
          try await writer.write(request)
        }
      } responses: { responses in
        var answers: [GRPCReflectionV1.ServerReflectionResponse.MessageResponse?] = []
        for try await response in responses { answers.append(response.messageResponse) }
        return answers
      }
      try #require(answers.count == 2)
      guard case .listServicesResponse(let list) = answers[0],
        case .fileDescriptorResponse(let files) = answers[1]
      else {
        Issue.record("unexpected answers \(answers)")
        return
      }
      #expect(
        Set(list.service.map(\.name)).isSuperset(of: [
          GRPCTesting.TestService.serviceName, GRPCHealthV1.Health.serviceName,
          GRPCReflectionV1.ServerReflection.serviceName,
        ])
      )
      #expect(!files.fileDescriptorProto.isEmpty)
    }
  }
}
