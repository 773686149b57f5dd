internal import ProtoWire

/// A small hand-written message for the tests: a string and some bytes.
struct EchoMessage: ProtoMessage, Hashable {
  static let protoMessageName = "rpccore.test.Echo"
  var text = ""
  var payload: [UInt8] = []
  var unknownFields = UnknownFields()

  init() {}

  init(_ text: String, payload: [UInt8] = []) {
    self.text = text
    self.payload = payload
  }

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(text, 1)
    visitor.bytes(payload, 2)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: text = try decoder.string(wireType)
    case 2: payload = try decoder.bytes(wireType)
    default: return false
    }
    return true
  }
}
