/// The request header names the gRPC layer reads or keeps from handlers' metadata.
///
/// Recognized by length first, so the usual header costs one or two string comparisons rather
/// than one per known name (this runs for every header of every call).
enum HeaderName {
  case contentType
  case grpcTimeout
  case grpcEncoding
  case grpcAcceptEncoding
  /// Any other name that is not user metadata: pseudo-headers, other `grpc-*` names, and HTTP
  /// headers that describe the request rather than the call.
  case otherReserved

  /// The kind of `name`, or nil for a user metadata key.
  init?(_ name: String) {
    let utf8 = name.utf8
    guard let first = utf8.first, first != UInt8(ascii: ":") else {
      self = .otherReserved
      return
    }
    switch utf8.count {
    case 2 where name == "te", 4 where name == "host", 7 where name == "upgrade",
      10 where name == "user-agent" || name == "connection" || name == "keep-alive",
      14 where name == "content-length", 15 where name == "accept-encoding",
      16 where name == "proxy-connection", 17 where name == "transfer-encoding":
      self = .otherReserved
      return
    case 12 where first == UInt8(ascii: "c") && name == "content-type":
      self = .contentType
      return
    case 12 where name == "grpc-timeout":
      self = .grpcTimeout
      return
    case 13 where name == "grpc-encoding":
      self = .grpcEncoding
      return
    case 20 where name == "grpc-accept-encoding":
      self = .grpcAcceptEncoding
      return
    default:
      break
    }
    guard first == UInt8(ascii: "g"), name.hasPrefix("grpc-") else { return nil }
    self = .otherReserved
  }
}
