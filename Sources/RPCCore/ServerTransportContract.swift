// The boundary between an HTTP/2 transport and the gRPC layer, on the server side.
//
// A transport (HTTP2Transport) accepts connections and, for every new HTTP/2 stream, runs
// `ServerStreamHandler.handle` in its own task, passing the request head, the request body and a
// way to respond. The gRPC layer (RPCCore's dispatcher) does everything gRPC: content-type and
// method checks, routing, deadlines, deframing, decompression, handler calls, framing, trailers.
// The transport owns only HTTP/2: flow control, backpressure, stream and connection lifetimes.
// It cancels the handler's task when the peer resets the stream or the connection goes away.

/// One HTTP header or trailer field. Names are lowercase; pseudo-headers start with ":".
public struct HeaderField: Sendable, Hashable {
  /// The field name, lowercase.
  public var name: String
  /// The field value.
  public var value: String

  /// A field.
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// The request head of a new stream.
public struct ServerStreamHead: Sendable {
  /// `:method`, such as "POST".
  public var method: String
  /// `:path`, such as "/grpc.health.v1.Health/Check".
  public var path: String
  /// `:authority`, if sent.
  public var authority: String?
  /// `:scheme`, if sent.
  public var scheme: String?
  /// Every regular (non-pseudo) header, in arrival order.
  public var headers: [HeaderField]
  /// The peer's address, for logs (such as "127.0.0.1:53422").
  public var peer: String

  /// A head.
  public init(
    method: String,
    path: String,
    authority: String?,
    scheme: String?,
    headers: [HeaderField],
    peer: String
  ) {
    self.method = method
    self.path = path
    self.authority = authority
    self.scheme = scheme
    self.headers = headers
    self.peer = peer
  }
}

/// The request body of one stream, as the transport received it.
public protocol ServerStreamInbound: Sendable {
  /// The next DATA payload (never empty), or nil once the peer ended the stream. Returning bytes
  /// hands them to the caller, and only then does the transport release them to HTTP/2 flow
  /// control (WINDOW_UPDATE): a caller that stops calling stops the peer. Throws when the stream
  /// was reset or the connection closed.
  func next() async throws -> [UInt8]?
}

/// One piece of a response, in the order HEADERS, DATA*, trailers.
public enum ResponsePart: Sendable {
  /// The response HEADERS (":status" first). With `endStream` it is the whole response
  /// (gRPC's trailers-only form, or a plain HTTP error such as 415).
  case headers([HeaderField], endStream: Bool)
  /// DATA bytes (any number of gRPC messages, or part of one).
  case data([UInt8])
  /// The trailers, which end the stream.
  case trailers([HeaderField])
}

/// How the gRPC layer responds on one stream.
public protocol ServerStreamOutbound: Sendable {
  /// Queues the parts for sending, in order. Suspends while the stream's queue of unsent DATA is
  /// over its bound (the peer reads slowly or its flow-control window is closed), so a fast writer
  /// is slowed to the reader's pace instead of growing memory. Throws when the stream was reset or
  /// the connection closed. Sending several parts in one call costs one hop to the transport.
  func send(_ parts: [ResponsePart]) async throws

  /// Resets the stream (RST_STREAM) with an HTTP/2 error code, such as CANCEL (0x8) or
  /// INTERNAL_ERROR (0x2). Anything not yet sent is dropped.
  func reset(errorCode: UInt32)
}

/// The gRPC layer, as a transport sees it.
public protocol ServerStreamHandler: Sendable {
  /// Serves one stream to its end. Runs in a task of its own, which the transport cancels when
  /// the stream is reset by the peer or the connection closes.
  func handle(
    head: ServerStreamHead,
    inbound: some ServerStreamInbound,
    outbound: some ServerStreamOutbound
  ) async
}
