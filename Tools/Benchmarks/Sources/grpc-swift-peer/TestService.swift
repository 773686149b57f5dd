internal import GRPCCore
internal import SwitchboardAPI

/// `grpc.testing.TestService`, the two methods the benchmark drives: `UnaryCall` (a response
/// payload of `response_size` zero bytes) and `StreamingOutputCall` (one response per
/// `response_parameters` entry, each of `size` zero bytes).
struct TestService: RegistrableRPCService {
  typealias Testing = GRPCTesting

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(
      forMethod: MethodDescriptor(fullyQualifiedService: "grpc.testing.TestService", method: "UnaryCall"),
      deserializer: ProtoDeserializer<Testing.SimpleRequest>(),
      serializer: ProtoSerializer<Testing.SimpleResponse>()
    ) { stream, _ in
      let request = try await ServerRequest(stream: stream)
      var response = Testing.SimpleResponse()
      var payload = Testing.Payload()
      payload.body = [UInt8](repeating: 0, count: Int(request.message.responseSize))
      response.payload = payload
      return StreamingServerResponse(single: ServerResponse(message: response))
    }
    router.registerHandler(
      forMethod: MethodDescriptor(
        fullyQualifiedService: "grpc.testing.TestService", method: "StreamingOutputCall"),
      deserializer: ProtoDeserializer<Testing.StreamingOutputCallRequest>(),
      serializer: ProtoSerializer<Testing.StreamingOutputCallResponse>()
    ) { stream, _ in
      let request = try await ServerRequest(stream: stream)
      return StreamingServerResponse { writer in
        for parameters in request.message.responseParameters {
          var response = Testing.StreamingOutputCallResponse()
          var payload = Testing.Payload()
          payload.body = [UInt8](repeating: 0, count: Int(parameters.size))
          response.payload = payload
          try await writer.write(response)
        }
        return [:]
      }
    }
  }
}
