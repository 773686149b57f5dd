public import RPCCore
public import SwitchboardAPI

/// Calls `switchboard.v1.Transcripts`, the transcript service: reading, searching and exporting
/// conversations.
public struct TranscriptsClient: Sendable {
  private typealias Methods = SwitchboardV1.Transcripts

  /// The gRPC client the calls go through.
  public let client: GRPCClient

  /// A stub that calls through `client`.
  public init(client: GRPCClient) {
    self.client = client
  }

  /// Returns one conversation's transcript; an open conversation returns what exists so far.
  public func getTranscript(
    _ request: GetTranscriptRequest,
    options: CallOptions = .init()
  ) async throws -> GetTranscriptResponse {
    try await client.unary(path: Methods.getTranscript.path, request: request, options: options)
      .message
  }

  /// Searches closed conversations, newest closed first.
  public func searchTranscripts(
    _ request: SearchTranscriptsRequest,
    options: CallOptions = .init()
  ) async throws -> SearchTranscriptsResponse {
    try await client.unary(
      path: Methods.searchTranscripts.path,
      request: request,
      options: options
    ).message
  }

  /// Streams full transcripts matching a filter, oldest closed first; resumable with the resume
  /// token of the last item received.
  public func exportTranscripts<Result>(
    _ request: ExportTranscriptsRequest,
    options: CallOptions = .init(),
    responses: @Sendable (ClientResponseStream<ExportTranscriptsResponse>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: Methods.exportTranscripts.path,
      request: request,
      options: options,
      responses: responses
    )
  }
}
