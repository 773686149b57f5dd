public import RPCCore
public import SwitchboardCore

extension RPCError {
  /// The status a client sees for a core error: the code of the same name, the core's message.
  public init(_ error: CoreError) {
    self.init(error.code.status, error.message, cause: error)
  }
}

extension CoreError.Code {
  /// The gRPC status code of the same name.
  public var status: Status.Code {
    switch self {
    case .invalidArgument: .invalidArgument
    case .notFound: .notFound
    case .failedPrecondition: .failedPrecondition
    case .permissionDenied: .permissionDenied
    case .alreadyExists: .alreadyExists
    case .resourceExhausted: .resourceExhausted
    case .aborted: .aborted
    case .outOfRange: .outOfRange
    case .unavailable: .unavailable
    }
  }
}
