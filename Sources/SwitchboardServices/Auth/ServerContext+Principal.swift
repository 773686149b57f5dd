public import RPCCore

extension ServerContext {
  /// The caller that `AuthInterceptor` verified for this call. Throws UNAUTHENTICATED if there is
  /// none: the call's path is not protected, or the server runs without the interceptor.
  public var principal: Principal {
    get throws(RPCError) {
      guard let principal = attachment(Principal.self) else {
        throw RPCError(.unauthenticated, "the call carries no verified credentials")
      }
      return principal
    }
  }
}
