internal import RPCCore

extension DomainEnvironment {
  /// Mints a token with the authority; a request it refuses (empty subject, a conversation on a
  /// token that is not a customer's, a lifetime out of range) is INVALID_ARGUMENT.
  func mint(
    role: PrincipalRole,
    subject: String,
    conversationID: String?,
    ttl: Duration?
  ) throws(RPCError) -> IssuedToken {
    do {
      return try authority.mint(
        role: role,
        subject: subject,
        conversationID: conversationID,
        ttl: ttl
      )
    } catch {
      // Minting fails only for requests no token may carry.
      throw RPCError(.invalidArgument, error.message, cause: error)
    }
  }
}
