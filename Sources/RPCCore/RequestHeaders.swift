/// What the dispatcher reads from a request's headers, in one pass.
struct RequestHeaders {
  var contentType: String?
  var timeout: String?
  var encoding: String?
  var acceptEncoding: String?
  /// The user metadata: every header that is not reserved.
  var metadata = Metadata()

  init(_ headers: [HeaderField]) {
    for field in headers {
      switch HeaderName(field.name) {
      case .none: metadata.addReceived(field.name, field.value)
      case .contentType: contentType = field.value
      case .grpcTimeout: timeout = field.value
      case .grpcEncoding: encoding = field.value
      case .grpcAcceptEncoding: acceptEncoding = field.value
      case .otherReserved: continue
      }
    }
  }

  /// Whether the content-type is gRPC with the protobuf codec: `application/grpc` or
  /// `application/grpc+proto`, optionally with parameters (`;charset=...`), in any case.
  var hasGRPCContentType: Bool {
    guard let contentType else { return false }
    if contentType == "application/grpc" { return true }
    let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
    let normalized = mediaType.trimmingASCIISpaces().lowercased()
    return normalized == "application/grpc" || normalized == "application/grpc+proto"
  }
}
