public import RPCCore

extension DomainEnvironment {
  /// Adds the six switchboard.v1 services (Conversations, Agents, Supervision, Admin,
  /// Transcripts, Events) to `router`, all over this environment.
  public func registerServices(into router: inout RPCRouter) {
    ConversationsService(environment: self).register(into: &router)
    AgentsService(environment: self).register(into: &router)
    SupervisionService(environment: self).register(into: &router)
    AdminService(environment: self).register(into: &router)
    TranscriptsService(environment: self).register(into: &router)
    EventsService(environment: self).register(into: &router)
  }
}
