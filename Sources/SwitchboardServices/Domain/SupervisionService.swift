internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

/// Serves `switchboard.v1.Supervision`: queue figures (listed and streamed), agents,
/// conversations, silent monitoring, whispers, barging in and leaving, reassignment, assistance
/// requests and routing explanations.
public struct SupervisionService: Sendable {
  private typealias Methods = SwitchboardV1.Supervision

  private let environment: DomainEnvironment

  /// The service over `environment`.
  public init(environment: DomainEnvironment) {
    self.environment = environment
  }

  /// Adds every method of `switchboard.v1.Supervision` to `router`.
  public func register(into router: inout RPCRouter) {
    registerOverview(into: &router)
    registerIntervention(into: &router)
  }

  /// ListQueues, WatchQueues, ListAgents, ListConversations, ListAssistanceRequests,
  /// ExplainRouting.
  private func registerOverview(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainUnary(Methods.listQueues) {
      (request: ListQueuesRequest, caller) -> ListQueuesResponse in
      let page = try registry.listQueueFigures(
        caller: caller,
        queueIDs: request.queueIDs,
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.queues = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
    router.domainStream(
      Methods.watchQueues,
      environment,
      open: { (request: WatchQueuesRequest, caller) in
        try await registry.watchQueues(
          caller: caller,
          queueIDs: request.queueIDs,
          minInterval: try request.minInterval.core("min_interval")
        )
      },
      response: \.wire
    )
    router.domainUnary(Methods.listAgents) {
      (request: ListAgentsRequest, caller) -> ListAgentsResponse in
      let page = try registry.listAgentStatuses(
        caller: caller,
        queueID: request.queueID.isEmpty ? nil : request.queueID,
        presences: Set(try request.presences.required("presences")),
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.agents = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
    router.domainUnary(Methods.listConversations) {
      (request: ListConversationsRequest, caller) -> ListConversationsResponse in
      let filter = ConversationListFilter(
        queueIDs: request.queueIDs,
        agentID: request.agentID.isEmpty ? nil : request.agentID,
        states: try request.states.stateFilter("states"),
        minPriority: try request.minPriority.core("min_priority"),
        channel: try request.channel.core("channel"),
        created: try request.created.core("created"),
        minWait: try request.minWait.core("min_wait")
      )
      let page = try registry.listConversations(
        caller: caller,
        filter: filter,
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.conversations = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
    router.domainUnary(Methods.listAssistanceRequests) {
      (request: ListAssistanceRequestsRequest, caller) -> ListAssistanceRequestsResponse in
      let page = try registry.listAssistance(
        caller: caller,
        queueIDs: request.queueIDs,
        status: try request.status.core("status"),
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.requests = page.items.map(\.wire)
        $0.nextPageToken = page.nextPageToken
      }
    }
    router.domainUnary(Methods.explainRouting) {
      (request: ExplainRoutingRequest, caller) -> ExplainRoutingResponse in
      let explanation = try registry.explainRouting(
        caller: caller,
        conversationID: request.conversationID
      )
      return .with {
        $0.decisions = explanation.decisions.map(\.wire)
        $0.currentAgentID = explanation.currentAgentID ?? ""
      }
    }
  }

  /// Monitor, Whisper, Join, Leave, Reassign, ResolveAssistance.
  private func registerIntervention(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainStream(
      Methods.monitor,
      environment,
      open: { (request: MonitorRequest, caller) in
        try await registry.monitorConversation(
          caller: caller,
          conversationID: request.conversationID,
          afterSequence: request.afterSequence
        )
      },
      response: { event in MonitorResponse.with { $0.event = event.wire } }
    )
    router.domainUnary(Methods.whisper) { (request: WhisperRequest, caller) -> WhisperResponse in
      let sent = try await registry.whisper(
        caller: caller,
        conversationID: request.conversationID,
        clientMessageID: request.clientMessageID,
        text: request.text
      )
      return .with {
        $0.sequence = sent.message.sequence
        $0.messageID = sent.message.messageID
        $0.duplicate = sent.duplicate
      }
    }
    router.domainUnary(Methods.join) { (request: JoinRequest, caller) -> JoinResponse in
      let joined = try await registry.joinConversation(
        caller: caller,
        conversationID: request.conversationID,
        greeting: request.greeting
      )
      return .with {
        $0.participant = joined.participant.wire
        $0.sequence = joined.sequence
      }
    }
    router.domainUnary(Methods.leave) {
      (request: SupervisorLeaveRequest, caller) -> SupervisorLeaveResponse in
      let sequence = try await registry.leaveAsSupervisor(
        caller: caller,
        conversationID: request.conversationID
      )
      return .with { $0.sequence = sequence }
    }
    router.domainUnary(Methods.reassign) {
      (request: ReassignRequest, caller) -> ReassignResponse in
      let record = try await registry.reassign(
        caller: caller,
        conversationID: request.conversationID,
        to: request.target.core,
        note: request.note,
        force: request.force
      )
      return .with { $0.transfer = record.wire }
    }
    router.domainUnary(Methods.resolveAssistance) {
      (request: ResolveAssistanceRequest, caller) -> ResolveAssistanceResponse in
      let assistance = try await registry.resolveAssistance(
        caller: caller,
        assistanceID: request.assistanceID,
        answer: request.answer
      )
      return .with { $0.assistance = assistance.wire }
    }
  }
}
