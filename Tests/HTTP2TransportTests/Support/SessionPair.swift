internal import NIOCore
internal import RPCCore

@testable internal import HTTP2Transport

/// A server session and a client session wired to each other in memory.
final class SessionPair {
  let server: NGHTTP2Session
  let client: NGHTTP2Session
  let serverEvents = SessionRecorder()
  let clientEvents = SessionRecorder()

  init(
    server serverConfiguration: NGHTTP2Session.Configuration = .init(),
    client clientConfiguration: NGHTTP2Session.Configuration = .init()
  ) throws {
    server = try NGHTTP2Session(role: .server, configuration: serverConfiguration)
    client = try NGHTTP2Session(role: .client, configuration: clientConfiguration)
    server.delegate = serverEvents
    client.delegate = clientEvents
  }

  deinit {
    server.close()
    client.close()
  }

  /// Everything `session` has to send now.
  static func output(of session: NGHTTP2Session) throws -> [UInt8] {
    var buffer = ByteBuffer()
    try session.send(into: &buffer)
    return Array(buffer.readableBytesView)
  }

  /// Moves bytes both ways until neither side has anything left to send.
  func exchange() throws {
    while true {
      let fromClient = try Self.output(of: client)
      try fromClient.withUnsafeBytes { try server.receive($0) }
      let fromServer = try Self.output(of: server)
      try fromServer.withUnsafeBytes { try client.receive($0) }
      if fromClient.isEmpty && fromServer.isEmpty {
        return
      }
    }
  }

  /// Opens a request stream on the client; returns its body queue, which names the stream.
  func request(_ path: String = "/echo") throws -> OutboundQueue {
    try client.submitRequest(headers: requestHeaders(path))
  }
}

/// gRPC-style request headers for `path`.
func requestHeaders(_ path: String, extra: [HeaderField] = []) -> [HeaderField] {
  [
    HeaderField(":method", "POST"), HeaderField(":scheme", "http"),
    HeaderField(":path", path), HeaderField(":authority", "localhost"),
    HeaderField("content-type", "application/grpc"), HeaderField("te", "trailers"),
  ] + extra
}

let responseHeaders = [
  HeaderField(":status", "200"), HeaderField("content-type", "application/grpc"),
]
let okTrailers = [HeaderField("grpc-status", "0")]
