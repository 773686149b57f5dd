/// The outcome of an RPC: a gRPC status code and a message for people.
public struct Status: Sendable, Hashable, CustomStringConvertible {
  /// A gRPC status code (`doc/statuscodes.md`).
  public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The number sent as `grpc-status`.
    public var rawValue: Int32

    /// The code for `rawValue`, or nil for a number gRPC does not define (a receiver treats such
    /// a number as `unknown`).
    public init?(rawValue: Int32) {
      guard (0 ... 16).contains(rawValue) else { return nil }
      self.rawValue = rawValue
    }

    @usableFromInline init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// Not an error: the call succeeded.
    public static let ok = Code(0)
    /// The call was cancelled, typically by the caller.
    public static let cancelled = Code(1)
    /// An error without a better code, such as one a handler threw that was not an `RPCError`.
    public static let unknown = Code(2)
    /// The client sent an argument that is invalid whatever the system's state.
    public static let invalidArgument = Code(3)
    /// The deadline passed before the call finished.
    public static let deadlineExceeded = Code(4)
    /// A requested entity was not found.
    public static let notFound = Code(5)
    /// The entity the client tried to create exists already.
    public static let alreadyExists = Code(6)
    /// The caller may not do this.
    public static let permissionDenied = Code(7)
    /// A resource ran out, such as a quota or the maximum message size.
    public static let resourceExhausted = Code(8)
    /// The system is not in the state the call requires.
    public static let failedPrecondition = Code(9)
    /// The call was aborted, typically by a concurrency conflict.
    public static let aborted = Code(10)
    /// An argument is outside the valid range.
    public static let outOfRange = Code(11)
    /// The method is not implemented or not supported.
    public static let unimplemented = Code(12)
    /// An invariant the system relies on is broken.
    public static let internalError = Code(13)
    /// The service is unavailable for now; retrying may help.
    public static let unavailable = Code(14)
    /// Data was lost or corrupted.
    public static let dataLoss = Code(15)
    /// The call lacks valid authentication credentials.
    public static let unauthenticated = Code(16)

    /// The code's name as gRPC spells it, such as `DEADLINE_EXCEEDED`.
    public var description: String {
      switch rawValue {
      case 0: "OK"
      case 1: "CANCELLED"
      case 2: "UNKNOWN"
      case 3: "INVALID_ARGUMENT"
      case 4: "DEADLINE_EXCEEDED"
      case 5: "NOT_FOUND"
      case 6: "ALREADY_EXISTS"
      case 7: "PERMISSION_DENIED"
      case 8: "RESOURCE_EXHAUSTED"
      case 9: "FAILED_PRECONDITION"
      case 10: "ABORTED"
      case 11: "OUT_OF_RANGE"
      case 12: "UNIMPLEMENTED"
      case 13: "INTERNAL"
      case 14: "UNAVAILABLE"
      case 15: "DATA_LOSS"
      case 16: "UNAUTHENTICATED"
      default: "CODE_\(rawValue)"
      }
    }

    /// The `grpc-status` header value; a literal, so sending a status allocates nothing.
    var headerValue: String {
      switch rawValue {
      case 0: "0"
      case 1: "1"
      case 2: "2"
      case 3: "3"
      case 4: "4"
      case 5: "5"
      case 6: "6"
      case 7: "7"
      case 8: "8"
      case 9: "9"
      case 10: "10"
      case 11: "11"
      case 12: "12"
      case 13: "13"
      case 14: "14"
      case 15: "15"
      case 16: "16"
      default: String(rawValue)
      }
    }

    /// The code a `grpc-status` header value stands for: `unknown` for a number gRPC does not
    /// define, nil for a value that is not a number.
    init?(headerValue: String) {
      guard let number = Int32(headerValue) else { return nil }
      self = Code(rawValue: number) ?? .unknown
    }
  }

  /// The code.
  public var code: Code
  /// The message for people (may be empty).
  public var message: String

  /// A status.
  public init(code: Code, message: String = "") {
    self.code = code
    self.message = message
  }

  /// Success, without a message.
  public static let ok = Status(code: .ok)

  public var description: String {
    message.isEmpty ? code.description : "\(code): \(message)"
  }
}
