// libFuzzer entry point: decodes each input as one of a few rich message types.

internal import ProtoWire
internal import SwitchboardAPI

/// The message types an input's first byte selects (modulo their count). Keep the order in step
/// with `types` in Tools/fuzz.sh, which writes the seed corpus.
let fuzzedTypes: [any ProtoMessage.Type] = [
  Transcript.self,  // switchboard.v1.Transcript: deep nesting, repeated messages
  ConversationEvent.self,  // switchboard.v1.ConversationEvent: a large oneof
  BotContext.self,  // switchboard.v1.BotContext: map<string, string>, double, repeated
  NotificationsResponse.self,  // switchboard.v1.NotificationsResponse: oneof of messages
  WatchEventsResponse.self,  // switchboard.v1.WatchEventsResponse
  ConversationDetail.self,  // switchboard.v1.ConversationDetail
  GRPCReflectionV1.ServerReflectionResponse.self,  // grpc.reflection.v1: oneofs, repeated bytes
  GRPCTesting.StreamingOutputCallRequest.self,  // grpc.testing: packed-capable repeated fields
]

/// Called by libFuzzer for every input. Decoding must either succeed or throw a `WireFormatError`
/// that points into the input; an accepted input must re-encode to bytes that decode and
/// re-encode identically. Anything else traps, which libFuzzer reports as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size > 0 else { return 0 }
  let type = fuzzedTypes[Int(data[0]) % fuzzedTypes.count]
  let body = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
  check(type, body, DecodingOptions())
  check(type, body, DecodingOptions(maxDepth: 8, rejectUnknownFields: true))
  return 0
}

/// Decodes `bytes` as `M` and checks the outcome.
func check<M: ProtoMessage>(
  _ type: M.Type,
  _ bytes: UnsafeRawBufferPointer,
  _ options: DecodingOptions
) {
  let message: M
  do {
    message = try M(serializedBytes: bytes, options: options)
  } catch {
    precondition(
      error.offset >= 0 && error.offset <= bytes.count,
      "error offset outside the input: \(error)"
    )
    precondition((error.fieldNumber ?? 1) > 0, "error with a field number below 1: \(error)")
    return
  }
  let encoded = message.serializedBytes()
  precondition(encoded.count == message.encodedSize(), "encodedSize disagrees with the encoding")
  do {
    let again = try M(serializedBytes: encoded, options: options)
    precondition(
      again.serializedBytes() == encoded,
      "re-encoding \(M.protoMessageName) is not stable"
    )
  } catch {
    preconditionFailure(
      "the re-encoding of an accepted \(M.protoMessageName) does not decode: \(error)"
    )
  }
}
