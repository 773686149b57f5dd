internal import RPCCore

extension Optional {
  /// A request's required sub-message; INVALID_ARGUMENT naming `field` when it is unset.
  func required(_ field: String) throws(RPCError) -> Wrapped {
    guard let self else { throw RPCError(.invalidArgument, "\(field) is required") }
    return self
  }
}
