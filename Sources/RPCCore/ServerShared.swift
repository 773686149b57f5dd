/// What every call of one dispatcher shares: the configuration and the header values computed
/// from it once.
final class ServerShared: Sendable {
  let configuration: RPCConfiguration
  /// The `grpc-accept-encoding` value the server announces.
  let acceptEncoding: String
  /// Enforces the deadlines of the dispatcher's calls.
  let deadlines = DeadlineScheduler()

  init(configuration: RPCConfiguration) {
    self.configuration = configuration
    self.acceptEncoding = configuration.acceptEncodingHeader
  }

  /// The response HEADERS: `:status 200`, content-type, the encodings, then initial metadata.
  func responseHeaders(encoding: CompressionAlgorithm?, metadata: Metadata) -> [HeaderField] {
    var fields: [HeaderField] = []
    fields.reserveCapacity(4 + metadata.count)
    fields.append(HeaderField(":status", "200"))
    fields.append(HeaderField("content-type", "application/grpc"))
    fields.append(HeaderField("grpc-accept-encoding", acceptEncoding))
    if let encoding {
      fields.append(HeaderField("grpc-encoding", encoding.rawValue))
    }
    metadata.appendHeaders(to: &fields)
    return fields
  }

  /// The trailers: the status, then trailing metadata.
  func trailers(_ status: Status, metadata: Metadata) -> [HeaderField] {
    var fields: [HeaderField] = []
    fields.reserveCapacity(2 + metadata.count)
    Self.appendStatus(status, to: &fields)
    metadata.appendHeaders(to: &fields)
    return fields
  }

  /// A trailers-only response: response headers and status in one HEADERS with END_STREAM.
  func trailersOnly(_ status: Status, initial: Metadata, trailing: Metadata) -> [HeaderField] {
    var fields: [HeaderField] = []
    fields.reserveCapacity(5 + initial.count + trailing.count)
    fields.append(HeaderField(":status", "200"))
    fields.append(HeaderField("content-type", "application/grpc"))
    fields.append(HeaderField("grpc-accept-encoding", acceptEncoding))
    Self.appendStatus(status, to: &fields)
    initial.appendHeaders(to: &fields)
    trailing.appendHeaders(to: &fields)
    return fields
  }

  private static func appendStatus(_ status: Status, to fields: inout [HeaderField]) {
    fields.append(HeaderField("grpc-status", status.code.headerValue))
    if !status.message.isEmpty {
      fields.append(HeaderField("grpc-message", StatusMessageEncoding.encode(status.message)))
    }
  }
}
