// The boundary between an HTTP/2 transport and the gRPC layer, on the client side.
//
// A client transport (HTTP2Transport's client connection) opens HTTP/2 streams; the gRPC layer
// (RPCCore's client call) builds request heads, frames and compresses messages, reads the
// response and turns trailers into a status.

/// A connection that can open request streams.
public protocol ClientTransport: Sendable {
  /// Opens a stream and sends the request HEADERS (pseudo-headers first). Throws when the
  /// connection is closed or going away.
  func openStream(headers: [HeaderField]) async throws -> any ClientStream
}

/// One piece of a response as a client receives it.
public enum ClientResponsePart: Sendable {
  /// The response HEADERS; `endStream` when they are also the last frame (trailers-only).
  case headers([HeaderField], endStream: Bool)
  /// DATA bytes.
  case data([UInt8])
  /// The trailers, which end the stream.
  case trailers([HeaderField])
}

/// One open request stream.
public protocol ClientStream: Sendable {
  /// Queues request DATA; suspends while the stream's unsent queue is over its bound. With
  /// `endStream`, the request ends after these bytes (bytes may be empty).
  func send(_ bytes: [UInt8], endStream: Bool) async throws
  /// The next response part, or nil after the last one. Taking DATA releases it to flow control.
  /// Throws when the stream was reset (the error says the HTTP/2 error code) or the connection
  /// closed.
  func next() async throws -> ClientResponsePart?
  /// Resets the stream with CANCEL.
  func cancel()
}
