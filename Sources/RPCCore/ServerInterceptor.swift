/// Code that runs before every handler, in the order given to the dispatcher, such as
/// authentication. Throwing rejects the call: an `RPCError` is sent as the status, any other
/// error as UNKNOWN; the handler does not run.
public protocol ServerInterceptor: Sendable {
  /// Inspects a call before its handler runs; throws to reject it.
  func intercept(path: String, metadata: Metadata, context: ServerContext) async throws
}
