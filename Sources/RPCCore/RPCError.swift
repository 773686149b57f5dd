/// An RPC that ended with a status other than OK.
///
/// Handlers throw it to choose the status a client sees; clients receive it for every non-OK
/// status. Any other error a handler throws reaches the client as `unknown`.
public struct RPCError: Error, Sendable, CustomStringConvertible {
  /// The status code (never `ok`).
  public var code: Status.Code
  /// The message for people, sent as `grpc-message`.
  public var message: String
  /// Trailing metadata sent with (or received with) the status.
  public var metadata: Metadata
  /// The error that led to this one, if any (kept locally, never sent).
  public var cause: (any Error)?

  /// An error with a code and a message, and optionally trailing metadata.
  public init(_ code: Status.Code, _ message: String, metadata: Metadata = [:]) {
    self.code = code
    self.message = message
    self.metadata = metadata
    self.cause = nil
  }

  /// An error with a code, a message and the error that caused it.
  public init(_ code: Status.Code, _ message: String, cause: any Error) {
    self.init(code, message)
    self.cause = cause
  }

  /// The status this error stands for.
  public var status: Status { Status(code: code, message: message) }

  public var description: String {
    let base = message.isEmpty ? code.description : "\(code): \(message)"
    guard let cause else { return base }
    return "\(base) (cause: \(cause))"
  }
}
