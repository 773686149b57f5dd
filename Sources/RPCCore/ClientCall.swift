internal import ProtoWire
internal import Synchronization

/// One client call on one transport stream: sends framed requests, reads and checks the response
/// (headers, messages, status), and turns transport failures, protocol violations, deadline and
/// cancellation into `RPCError`s.
///
/// The lock guards the response reader and request framer between steps; the streaming types
/// that use them are single-consumer and single-writer, so it is not contended.
final class ClientCall: Sendable {
  private struct State {
    enum Phase {
      case awaitingHeaders
      case receiving
      case finished(Status)
    }

    var phase = Phase.awaitingHeaders
    var deframer: MessageDeframer
    var decoder: MessageDecoder
    var framer: MessageFramer
    var initialMetadata = Metadata()
    var trailingMetadata = Metadata()
    /// A failure on this side (transport, protocol violation, deadline); every later read
    /// throws it.
    var failure: RPCError?
    var deadlineExpired = false
    /// Sending failed in the transport: the request stream is gone.
    var requestStreamFailed = false
    /// The stream was reset from this side.
    var streamCancelled = false
  }

  private enum Step {
    case message(ReceivedMessage)
    case end
    case needMore
  }

  let stream: any ClientStream
  private let configuration: RPCConfiguration
  /// The algorithm request messages are compressed with, if any.
  private let requestCompression: CompressionAlgorithm?
  private let state: Mutex<State>

  init(
    stream: any ClientStream,
    configuration: RPCConfiguration,
    requestCompression: CompressionAlgorithm?
  ) {
    self.stream = stream
    self.configuration = configuration
    self.requestCompression = requestCompression == .identity ? nil : requestCompression
    self.state = Mutex(
      State(
        deframer: MessageDeframer(maxMessageSize: configuration.maxReceiveMessageSize),
        decoder: MessageDecoder(encoding: nil, maxMessageSize: configuration.maxReceiveMessageSize),
        framer: MessageFramer(maxMessageSize: configuration.maxSendMessageSize)
      )
    )
  }

  // MARK: Requests

  /// Sends one request message, compressed with the call's algorithm if `compressed`.
  func send<Message: ProtoMessage>(
    _ message: Message,
    compressed: Bool,
    endStream: Bool
  ) async throws(RPCError) {
    let compression = compressed ? requestCompression : nil
    let frame = try state.withLock { (state) throws(RPCError) in
      try state.framer.frame(message, compression: compression)
    }
    do {
      try await stream.send(frame, endStream: endStream)
    } catch {
      throw sendFailure(error)
    }
  }

  /// Ends the request stream.
  func endRequests() async throws(RPCError) {
    do {
      try await stream.send([], endStream: true)
    } catch {
      throw sendFailure(error)
    }
  }

  // MARK: Responses

  /// The next response message (decompressed), or nil once the call ended with OK. Throws the
  /// status as an `RPCError` when the call ended otherwise.
  func nextMessage() async throws(RPCError) -> ReceivedMessage? {
    while true {
      switch try state.withLock({ (state) throws(RPCError) -> Step in try Self.step(&state) }) {
      case .message(let message): return message
      case .end: return nil
      case .needMore: try await receiveNextPart()
      }
    }
  }

  /// Waits for the response headers and returns their metadata (empty for a trailers-only
  /// response, whose metadata is all trailing).
  func initialMetadata() async throws(RPCError) -> Metadata {
    while true {
      let ready = try state.withLock { (state) throws(RPCError) -> Metadata? in
        if let failure = state.failure { throw failure }
        if case .awaitingHeaders = state.phase { return nil }
        return state.initialMetadata
      }
      if let ready { return ready }
      try await receiveNextPart()
    }
  }

  /// Takes the next part from the transport and applies it; a protocol violation fails the call
  /// and resets the stream.
  private func receiveNextPart() async throws(RPCError) {
    let part: ClientResponsePart?
    do {
      part = try await stream.next()
    } catch {
      throw failure(transportError: error)
    }
    let violation = state.withLock { (state) -> RPCError? in
      do throws(RPCError) {
        try receive(part, &state)
        return nil
      } catch {
        let failure = Self.localFailure(error, state)
        state.failure = failure
        return failure
      }
    }
    if let violation {
      cancelUnlessFinished()
      throw violation
    }
  }

  /// The trailing metadata received so far (all of it once the call has ended).
  var trailingMetadata: Metadata {
    state.withLock { $0.trailingMetadata }
  }

  /// Resets the stream (once), unless the response ended with a status: for a call abandoned
  /// early, cancelled, past its deadline, or failed on this side.
  func cancelUnlessFinished() {
    let cancel = state.withLock { state in
      if case .finished = state.phase { return false }
      if state.streamCancelled { return false }
      state.streamCancelled = true
      return true
    }
    if cancel { stream.cancel() }
  }

  /// Records that the deadline passed and resets the stream, unless the call has ended.
  func expireDeadline() {
    let expired = state.withLock { state in
      if state.failure != nil { return false }
      if case .finished = state.phase { return false }
      state.deadlineExpired = true
      state.failure = RPCError(.deadlineExceeded, "deadline exceeded")
      return true
    }
    if expired { cancelUnlessFinished() }
  }

  /// The single response of a unary or client-streaming call, with its metadata. Another
  /// number of messages is a cardinality violation, which gRPC reports as UNIMPLEMENTED.
  func singleResponse<Message: ProtoMessage>(
    _ type: Message.Type
  ) async throws(RPCError) -> ClientResponse<Message> {
    var response: ReceivedMessage?
    while let message = try await nextMessage() {
      guard response == nil else {
        let failure = RPCError(.unimplemented, "more than one response message for a unary call")
        state.withLock { $0.failure = failure }
        cancelUnlessFinished()
        throw failure
      }
      response = message
    }
    guard let response else {
      throw RPCError(.unimplemented, "no response message for a unary call")
    }
    let (initial, trailing) = state.withLock { ($0.initialMetadata, $0.trailingMetadata) }
    return ClientResponse(
      message: try response.decode(Message.self),
      initialMetadata: initial,
      trailingMetadata: trailing
    )
  }

  // MARK: Internals

  private static func step(_ state: inout State) throws(RPCError) -> Step {
    if let failure = state.failure { throw failure }
    guard case .awaitingHeaders = state.phase else {
      do throws(RPCError) {
        if let message = try state.deframer.next() {
          return .message(try state.decoder.decompress(message))
        }
      } catch {
        state.failure = error
        throw error
      }
      guard case .finished(let status) = state.phase else { return .needMore }
      guard status.code == .ok else {
        throw RPCError(status.code, status.message, metadata: state.trailingMetadata)
      }
      return .end
    }
    return .needMore
  }

  /// Applies one response part (nil: the stream ended) to the state.
  private func receive(_ part: ClientResponsePart?, _ state: inout State) throws(RPCError) {
    switch (part, state.phase) {
    case (.headers(let fields, let endStream), .awaitingHeaders):
      try receiveHeaders(fields, endStream: endStream, &state)
    case (.data(let bytes), .receiving):
      state.deframer.append(bytes)
    case (.trailers(let fields), .receiving):
      guard state.deframer.isEmpty else {
        throw RPCError(.internalError, "the response ended in the middle of a message")
      }
      state.trailingMetadata = Metadata(receivedHeaders: fields)
      state.phase = .finished(Self.status(from: fields))
    case (.none, .awaitingHeaders), (.none, .receiving):
      throw RPCError(.internalError, "the response stream ended without a status")
    case (.data, .awaitingHeaders):
      throw RPCError(.internalError, "response DATA before the response headers")
    case (.trailers, .awaitingHeaders):
      throw RPCError(.internalError, "response trailers before the response headers")
    case (.headers, .receiving):
      throw RPCError(.internalError, "a second response HEADERS before the trailers")
    case (_, .finished):
      throw RPCError(.internalError, "response parts after the trailers")
    }
  }

  private func receiveHeaders(
    _ fields: [HeaderField],
    endStream: Bool,
    _ state: inout State
  ) throws(RPCError) {
    var httpStatus: String?
    var contentType: String?
    var encoding: String?
    for field in fields {
      switch field.name {
      case ":status": httpStatus = field.value
      case "content-type": contentType = field.value
      case "grpc-encoding": encoding = field.value
      default: continue
      }
    }
    guard httpStatus == "200" else {
      throw Self.httpError(httpStatus)
    }
    if endStream {
      // Trailers-only: the status and all metadata are in these headers.
      state.trailingMetadata = Metadata(receivedHeaders: fields)
      state.phase = .finished(Self.status(from: fields))
      return
    }
    guard let contentType, contentType.hasPrefix("application/grpc") else {
      throw RPCError(.unknown, "response content-type \(contentType ?? "(none)") is not gRPC")
    }
    if let encoding, encoding != "identity" {
      guard let algorithm = configuration.supportedAlgorithm(named: encoding) else {
        throw RPCError(.internalError, "response grpc-encoding \(encoding) is not supported")
      }
      state.decoder = MessageDecoder(
        encoding: algorithm,
        maxMessageSize: configuration.maxReceiveMessageSize
      )
    }
    state.initialMetadata = Metadata(receivedHeaders: fields)
    state.phase = .receiving
  }

  /// The status in trailers (or trailers-only headers); UNKNOWN when grpc-status is missing or
  /// not a number.
  private static func status(from fields: [HeaderField]) -> Status {
    var code: String?
    var message = ""
    for field in fields {
      switch field.name {
      case "grpc-status": code = field.value
      case "grpc-message": message = StatusMessageEncoding.decode(field.value)
      default: continue
      }
    }
    guard let code else {
      return Status(code: .unknown, message: "the response has no grpc-status")
    }
    guard let parsed = Status.Code(headerValue: code) else {
      return Status(code: .unknown, message: "malformed grpc-status \"\(code)\"")
    }
    return Status(code: parsed, message: message)
  }

  /// The gRPC code for a non-200 HTTP status, as gRPC's HTTP-to-gRPC mapping says.
  private static func httpError(_ httpStatus: String?) -> RPCError {
    let code: Status.Code =
      switch httpStatus {
      case "400": .internalError
      case "401": .unauthenticated
      case "403": .permissionDenied
      case "404": .unimplemented
      case "429", "502", "503", "504": .unavailable
      default: .unknown
      }
    return RPCError(code, "HTTP status \(httpStatus ?? "(none)")")
  }

  /// A local failure as the caller sees it: DEADLINE_EXCEEDED once the deadline passed,
  /// CANCELLED when the caller's task was cancelled, else `error`.
  private static func localFailure(_ error: RPCError, _ state: State) -> RPCError {
    if state.deadlineExpired { return RPCError(.deadlineExceeded, "deadline exceeded") }
    if Task.isCancelled { return RPCError(.cancelled, "the call was cancelled") }
    return error
  }

  /// Records and returns the failure a transport error while reading stands for.
  private func failure(transportError error: any Error) -> RPCError {
    state.withLock { state in
      if let failure = state.failure { return failure }
      let failure = Self.localFailure(Self.transportFailure(error), state)
      state.failure = failure
      return failure
    }
  }

  /// The failure a transport error while sending stands for. Only the request stream is marked
  /// failed: the response may still hold the status that explains it (a server rejecting the
  /// call early).
  private func sendFailure(_ error: any Error) -> RPCError {
    state.withLock { state in
      state.requestStreamFailed = true
      return state.failure ?? Self.localFailure(Self.transportFailure(error), state)
    }
  }

  /// Whether sending failed in the transport.
  var requestStreamFailed: Bool {
    state.withLock { $0.requestStreamFailed }
  }

  private static func transportFailure(_ error: any Error) -> RPCError {
    (error as? RPCError) ?? RPCError(.unavailable, "the stream failed: \(error)", cause: error)
  }
}
