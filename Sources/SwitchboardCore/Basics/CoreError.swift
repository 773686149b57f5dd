/// An error of the core, with a gRPC-like code the services map one to one to a status.
///
/// Messages are written for a client developer: they name the object and say what was wrong
/// ("offer o-12 expired at 2025-03-01T09:30:00.000Z", "agent bob is at capacity (2/2)").
public struct CoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The kind of failure.
  public enum Code: Sendable, Hashable, CaseIterable {
    /// The request is malformed or a value is out of its allowed set.
    case invalidArgument
    /// A named object does not exist.
    case notFound
    /// The object exists but is not in a state that allows the operation.
    case failedPrecondition
    /// The caller's role or scope does not allow the operation on this object.
    case permissionDenied
    /// The object (or an idempotency key with different content) already exists.
    case alreadyExists
    /// A limit was reached (streams per agent, buffers).
    case resourceExhausted
    /// A concurrent change won (version mismatch); read again and retry.
    case aborted
    /// A position is outside the retained range (event feed cursors).
    case outOfRange
    /// The core cannot serve the call right now (journal failure); retrying may succeed.
    case unavailable
  }

  /// The kind of failure.
  public var code: Code
  /// What went wrong, for a client developer.
  public var message: String

  /// An error with a code and a message.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "\(code): \(message)" }
}
