// The switchboard.v1 services (Conversations, Agents, Supervision, Admin, Transcripts, Events).
//
// Design: each service is a thin mapping of its RPCs onto SwitchboardCore's `Registry`. A
// handler reads the verified `Principal` that `AuthInterceptor` attached to the call, turns it
// into the core's `Caller`, converts the request (`Wire/`: enums, timestamps, durations and
// required sub-messages are checked here, INVALID_ARGUMENT naming the field), calls the
// registry, and converts the result back. Everything else — authorization, business rules, their
// error messages — is the core's: a `CoreError` becomes the `RPCError` of the same code and
// message (`RPCRouter.domainUnary`). Tokens are the one thing the services decide themselves:
// StartConversation mints the customer's token, Admin issues and revokes tokens, DeleteAgent
// revokes the agent's.
//
// Streams (`RPCRouter.domainStream`) iterate the registry's subscription and write each item.
// They end when the core finishes the subscription (OK), when the client cancels (the
// subscription is released as the iteration stops), when the server starts draining
// (UNAVAILABLE, "server draining; reconnect"), or when the caller's token is revoked or expires
// (UNAUTHENTICATED, checked every `credentialCheckInterval`).

public import SwitchboardCore

/// What the domain services share: the registry, the token authority and the drain signal.
public struct DomainEnvironment: Sendable {
  /// The domain engine the services call.
  public let registry: Registry
  /// Mints customer and admin-issued tokens, revokes tokens, re-checks streaming callers.
  public let authority: TokenAuthority
  /// Ends every open stream when the server shuts down.
  public let drain: DrainSignal
  /// How often an open stream re-checks its caller's token (revocation, expiry).
  public let credentialCheckInterval: Duration

  /// An environment of these parts; streams re-check their token every 2 seconds unless told
  /// otherwise.
  public init(
    registry: Registry,
    authority: TokenAuthority,
    drain: DrainSignal = DrainSignal(),
    credentialCheckInterval: Duration = .seconds(2)
  ) {
    self.registry = registry
    self.authority = authority
    self.drain = drain
    self.credentialCheckInterval = credentialCheckInterval
  }
}
