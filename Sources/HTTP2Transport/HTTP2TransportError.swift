/// Why an HTTP/2 operation failed: a stream was reset, the connection closed or is going away, or
/// nghttp2 refused a call.
public struct HTTP2TransportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of failure.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable {
      case streamReset, connectionClosed, goingAway, protocolViolation, nghttp2, reentrantCall
      case connectionLimit
    }
    private let kind: Kind

    /// The stream was reset (RST_STREAM) by the peer or locally; `http2ErrorCode` says why.
    public static let streamReset = Code(kind: .streamReset)
    /// The connection closed before the operation could finish.
    public static let connectionClosed = Code(kind: .connectionClosed)
    /// The connection is going away (GOAWAY) and accepts no new streams.
    public static let goingAway = Code(kind: .goingAway)
    /// The caller broke the order of a stream's parts (such as DATA before HEADERS).
    public static let protocolViolation = Code(kind: .protocolViolation)
    /// nghttp2 returned an error; the message holds its description.
    public static let nghttp2 = Code(kind: .nghttp2)
    /// nghttp2 was entered again from inside one of its own callbacks.
    public static let reentrantCall = Code(kind: .reentrantCall)
    /// The server already holds its maximum number of connections.
    public static let connectionLimit = Code(kind: .connectionLimit)

    public var description: String { "\(kind)" }
  }

  /// The kind of failure.
  public var code: Code
  /// What happened, for people.
  public var message: String
  /// The HTTP/2 error code (RFC 9113 §7) of a reset stream or a GOAWAY, if there was one.
  public var http2ErrorCode: UInt32?

  /// An error.
  public init(_ code: Code, _ message: String, http2ErrorCode: UInt32? = nil) {
    self.code = code
    self.message = message
    self.http2ErrorCode = http2ErrorCode
  }

  public var description: String {
    guard let http2ErrorCode else { return "\(code): \(message)" }
    return "\(code): \(message) (HTTP/2 error code \(http2ErrorCode))"
  }

  static func streamReset(_ errorCode: UInt32) -> HTTP2TransportError {
    HTTP2TransportError(.streamReset, "the stream was reset", http2ErrorCode: errorCode)
  }

  static let connectionClosed = HTTP2TransportError(.connectionClosed, "the connection closed")
  static let goingAway = HTTP2TransportError(
    .goingAway,
    "the connection is going away and accepts no new streams"
  )
}
