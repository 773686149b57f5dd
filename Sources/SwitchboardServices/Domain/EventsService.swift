internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

/// Serves `switchboard.v1.Events`: the resumable integration event feed.
public struct EventsService: Sendable {
  private typealias Methods = SwitchboardV1.Events

  private let environment: DomainEnvironment

  /// The service over `environment`.
  public init(environment: DomainEnvironment) {
    self.environment = environment
  }

  /// Adds `WatchEvents` to `router`.
  public func register(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainStream(
      Methods.watchEvents,
      environment,
      open: { (request: WatchEventsRequest, caller) in
        try await registry.watchEvents(
          caller: caller,
          afterCursor: request.afterCursor,
          fromNow: request.fromNow,
          kinds: Set(try request.kinds.required("kinds"))
        )
      },
      response: { event in WatchEventsResponse.with { $0.event = event.wire } }
    )
  }
}
