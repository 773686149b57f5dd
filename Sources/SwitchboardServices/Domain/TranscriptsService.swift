internal import ProtoWire
public import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

/// Serves `switchboard.v1.Transcripts`: one transcript, search over closed conversations, and
/// the export stream.
public struct TranscriptsService: Sendable {
  private typealias Methods = SwitchboardV1.Transcripts

  private let environment: DomainEnvironment

  /// The service over `environment`.
  public init(environment: DomainEnvironment) {
    self.environment = environment
  }

  /// Adds every method of `switchboard.v1.Transcripts` to `router`.
  public func register(into router: inout RPCRouter) {
    let registry = environment.registry
    router.domainUnary(Methods.getTranscript) {
      (request: GetTranscriptRequest, caller) -> GetTranscriptResponse in
      let transcript = try await registry.transcript(
        caller: caller,
        conversationID: request.conversationID,
        includeInternal: request.includeInternal
      )
      return .with { $0.transcript = transcript.wire }
    }
    router.domainUnary(Methods.searchTranscripts) {
      (request: SearchTranscriptsRequest, caller) -> SearchTranscriptsResponse in
      let filter = TranscriptFilter(
        queueID: request.queueID.isEmpty ? nil : request.queueID,
        agentID: request.agentID.isEmpty ? nil : request.agentID,
        closed: try request.closed.core("closed"),
        resolutionCategoryID: request.resolutionCategoryID.isEmpty
          ? nil : request.resolutionCategoryID
      )
      let result = try await registry.searchTranscripts(
        caller: caller,
        filter: filter,
        text: request.text,
        pageSize: Int(request.pageSize),
        pageToken: request.pageToken
      )
      return .with {
        $0.results = result.page.items.map(\.wire)
        $0.nextPageToken = result.page.nextPageToken
        $0.totalEstimate = Int64(result.totalEstimate)
      }
    }
    router.domainStream(
      Methods.exportTranscripts,
      environment,
      open: { (request: ExportTranscriptsRequest, caller) in
        let filter = TranscriptFilter(
          queueID: request.queueID.isEmpty ? nil : request.queueID,
          agentID: request.agentID.isEmpty ? nil : request.agentID,
          closed: try request.closed.core("closed"),
          resolutionCategoryID: request.resolutionCategoryID.isEmpty
            ? nil : request.resolutionCategoryID
        )
        return try registry.exportTranscripts(
          caller: caller,
          filter: filter,
          includeInternal: request.includeInternal,
          resumeToken: request.resumeToken
        )
      },
      response: { item in
        ExportTranscriptsResponse.with {
          $0.transcript = item.transcript.wire
          $0.resumeToken = item.resumeToken
        }
      }
    )
  }
}
