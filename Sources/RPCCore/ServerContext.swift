internal import ProtoWire
internal import Synchronization

/// What a handler knows about its call, and how it sets response metadata. One per call.
public final class ServerContext: Sendable {
  /// The method path, such as `/grpc.health.v1.Health/Check`.
  public let path: String
  /// The request metadata: the client's headers without pseudo-headers, reserved `grpc-*` keys
  /// and HTTP headers such as `content-type`, `te` and `user-agent`.
  public let metadata: Metadata
  /// When the call's `grpc-timeout` runs out, if the client set one.
  public let deadline: ContinuousClock.Instant?
  /// The client's address, for logs.
  public let peer: String
  /// The request's `grpc-encoding`, if the client sent one.
  public let requestEncoding: String?

  /// The client's `grpc-accept-encoding`, parsed only when a handler asks for compression.
  let acceptEncoding: String?
  /// The dispatcher's settings.
  let shared: ServerShared
  let state: Mutex<ServerCallState>

  init(
    path: String,
    metadata: Metadata,
    deadline: ContinuousClock.Instant?,
    peer: String,
    requestEncoding: String?,
    acceptEncoding: String?,
    shared: ServerShared
  ) {
    self.path = path
    self.metadata = metadata
    self.deadline = deadline
    self.peer = peer
    self.requestEncoding = requestEncoding
    self.acceptEncoding = acceptEncoding
    self.shared = shared
    self.state = Mutex(ServerCallState())
  }

  /// A context for calling a handler directly, as tests of services do.
  public convenience init(
    path: String,
    metadata: Metadata = [:],
    deadline: ContinuousClock.Instant? = nil,
    peer: String = "in-process"
  ) {
    self.init(
      path: path,
      metadata: metadata,
      deadline: deadline,
      peer: peer,
      requestEncoding: nil,
      acceptEncoding: nil,
      shared: ServerShared(configuration: RPCConfiguration())
    )
  }

  /// Sets the metadata sent with the response headers. Has no effect once the headers are sent
  /// (with the first response message, or with the status).
  public func setInitialMetadata(_ metadata: Metadata) {
    state.withLock { $0.initialMetadata = metadata }
  }

  /// Adds metadata to send with the trailers.
  public func addTrailingMetadata(_ metadata: Metadata) {
    state.withLock { $0.trailingMetadata.add(contentsOf: metadata) }
  }

  /// The metadata set for the response headers so far.
  public var initialMetadata: Metadata {
    state.withLock { $0.initialMetadata }
  }

  /// The metadata added for the trailers so far.
  public var trailingMetadata: Metadata {
    state.withLock { $0.trailingMetadata }
  }

  /// The algorithm to compress responses with when `compressed` asks for it: the best one both
  /// the server and the client's `grpc-accept-encoding` have, or nil.
  func responseCompression(_ compressed: Bool) -> CompressionAlgorithm? {
    guard compressed else { return nil }
    return shared.configuration.negotiatedAlgorithm(acceptEncoding: acceptEncoding)
  }

  /// The frame of a single response (unary and client-streaming calls) and the algorithm it is
  /// compressed with. `compressed` nil means the default: uncompressed.
  func frameSingleResponse<Message: ProtoMessage>(
    _ message: Message,
    compressed: Bool?
  ) throws(RPCError) -> SingleResponse {
    let encoding = responseCompression(compressed ?? false)
    var framer = MessageFramer(maxMessageSize: shared.configuration.maxSendMessageSize)
    return SingleResponse(
      frame: try framer.frame(message, compression: encoding),
      encoding: encoding
    )
  }
}

/// A framed single response, ready to send.
struct SingleResponse: Sendable {
  var frame: [UInt8]
  var encoding: CompressionAlgorithm?
}

/// What has been sent on a call so far.
enum ResponsePhase: Sendable {
  /// Nothing yet.
  case idle
  /// The response headers, announcing `encoding` (nil: none), and maybe messages.
  case streaming(encoding: CompressionAlgorithm?)
  /// The status: the call is over.
  case finished
}

/// The mutable part of a call, shared by the handler (metadata, writes) and the dispatcher
/// (status, deadline).
struct ServerCallState: Sendable {
  var initialMetadata = Metadata()
  var trailingMetadata = Metadata()
  var phase = ResponsePhase.idle
  /// The deadline passed: the call ends with DEADLINE_EXCEEDED whatever the handler does.
  var deadlineExpired = false
  /// The transport failed (the stream was reset): nothing more is sent.
  var transportFailed = false
  /// A response writer is sending; only it may send until it is done.
  var writeInFlight = false
  /// What interceptors attached for the handler, by type (`ServerContext.attach`).
  var attachments: [ObjectIdentifier: any Sendable] = [:]
}
