internal import ProtoWire
internal import RPCCore
internal import SwitchboardCore

extension DomainEnvironment {
  /// How a stream ends when the server shuts down.
  static let drainingError = RPCError(.unavailable, "server draining; reconnect")

  /// Writes `response(item)` for every item of `items` until the first of:
  /// - the items end (the core finished the stream): returns, and the call ends OK;
  /// - the core fails the stream: its `CoreError` as a status;
  /// - the server starts draining: UNAVAILABLE;
  /// - `principal`'s token is revoked or expires: UNAUTHENTICATED;
  /// - the call is cancelled (client gone, deadline).
  /// In every case the iteration of `items` stops, which releases the core's subscription.
  func pump<Items: AsyncSequence & Sendable, Response: ProtoMessage>(
    _ items: Items,
    to writer: ResponseWriter<Response>,
    for principal: Principal,
    _ response: @escaping @Sendable (Items.Element) -> Response
  ) async throws where Items.Element: Sendable {
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        do {
          for try await item in items {
            try await writer.write(response(item))
          }
        } catch let error as CoreError {
          throw RPCError(error)
        }
      }
      group.addTask {
        if await drain.waitUntilDraining() { throw Self.drainingError }
      }
      group.addTask {
        try await watchCredentials(of: principal)
      }
      // The two watchers return only when cancelled, so the first child to finish is the
      // writer (or one that threw, which `next` rethrows).
      try await group.next()
      group.cancelAll()
    }
  }

  /// Re-checks `principal`'s token every `credentialCheckInterval`; throws UNAUTHENTICATED once
  /// it is revoked or expired, returns when cancelled.
  private func watchCredentials(of principal: Principal) async throws {
    while true {
      do {
        try await Task.sleep(for: credentialCheckInterval)
      } catch {
        return
      }
      do {
        try authority.recheck(principal)
      } catch {
        throw RPCError(.unauthenticated, error.message, cause: error)
      }
    }
  }
}
