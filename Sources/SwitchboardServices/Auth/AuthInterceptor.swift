public import RPCCore
internal import SwitchboardAPI

/// Requires a valid token on every call under `/switchboard.v1.` and attaches its `Principal`
/// to the call (read it with `context.principal`). Health, reflection and `grpc.testing` stay
/// open.
///
/// The token comes in `authorization: Bearer <token>` metadata (the scheme in any case). A call
/// without one, or with one that is malformed, wrongly signed, expired or revoked, ends with
/// UNAUTHENTICATED; an unscoped customer token calling anything but StartConversation ends with
/// PERMISSION_DENIED. The status message says what was wrong, never the token.
public struct AuthInterceptor: ServerInterceptor {
  /// The paths that need a token: every method of the `switchboard.v1` services.
  public static let protectedPrefix = "/switchboard.v1."

  private let authority: TokenAuthority

  /// An interceptor that checks tokens with `authority`.
  public init(authority: TokenAuthority) {
    self.authority = authority
  }

  public func intercept(path: String, metadata: Metadata, context: ServerContext) async throws {
    guard path.hasPrefix(Self.protectedPrefix) else { return }
    let principal: Principal
    do {
      principal = try authority.verify(try Self.bearerToken(in: metadata))
    } catch let error as TokenError {
      throw RPCError(.unauthenticated, error.message, cause: error)
    }
    if principal.role == .customer, principal.conversationID == nil,
      path != SwitchboardV1.Conversations.startConversation.path
    {
      throw RPCError(
        .permissionDenied,
        "this customer token is not scoped to a conversation: it may only call StartConversation"
      )
    }
    context.attach(principal)
  }

  /// The token of the one `authorization: Bearer <token>` entry of `metadata`.
  static func bearerToken(in metadata: Metadata) throws(RPCError) -> String {
    let values = metadata.values(for: "authorization")
    guard !values.isEmpty else {
      throw RPCError(
        .unauthenticated,
        "missing credentials: send metadata \"authorization: Bearer <token>\""
      )
    }
    guard values.count == 1, case .string(let value) = values[0] else {
      throw RPCError(.unauthenticated, "send exactly one authorization metadata value")
    }
    let scheme = "bearer "
    guard value.utf8.count > scheme.utf8.count,
      value.prefix(scheme.count).lowercased() == scheme
    else {
      throw RPCError(
        .unauthenticated,
        "the authorization metadata must be \"Bearer <token>\""
      )
    }
    let token = value.dropFirst(scheme.count).trimmingSpaces()
    guard !token.isEmpty else {
      throw RPCError(.unauthenticated, "the authorization metadata has no token after Bearer")
    }
    return String(token)
  }
}

extension Substring {
  /// This text without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> Substring {
    var text = self
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return text
  }
}
