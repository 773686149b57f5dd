/// HTTP/2 error codes (RFC 9113 §7) used in RST_STREAM and GOAWAY frames.
enum HTTP2ErrorCode {
  static let noError: UInt32 = 0x0
  static let protocolError: UInt32 = 0x1
  static let internalError: UInt32 = 0x2
  static let cancel: UInt32 = 0x8
}
