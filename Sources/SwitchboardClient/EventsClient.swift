public import RPCCore
public import SwitchboardAPI

/// Calls `switchboard.v1.Events`, the feed integrations (ticketing, telephony, e-mail) follow.
public struct EventsClient: Sendable {
  private typealias Methods = SwitchboardV1.Events

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// Streams events after a cursor, the backlog then live events; never ends on its own.
  public func watchEvents<Result>(
    _ request: WatchEventsRequest,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<WatchEventsResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.watchEvents.path,
      request: request,
      options: options,
      responses: responses
    )
  }
}
