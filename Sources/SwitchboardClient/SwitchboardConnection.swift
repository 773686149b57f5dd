// SwitchboardClient: typed Swift stubs for the Switchboard services, over one HTTP/2 connection.
//
// Design: a `SwitchboardConnection` owns one `HTTP2ClientConnection` (nghttp2's client session on
// SwiftNIO) and the `GRPCClient` that makes calls over it; every call is one stream, multiplexed
// on that connection. Each service has a small stub struct (`AgentsClient`, `HealthClient`, …)
// holding only the `GRPCClient`: one method per RPC, named after it, taking the request message
// and `CallOptions`, calling the method's `MethodDescriptor.path` with the matching call kind.
// The stubs add no behaviour of their own: deadlines (`CallOptions.timeout`), metadata,
// compression, cancellation (cancel the calling task) and errors (`RPCError` for every status
// other than OK) are RPCCore's. The four call kinds look like this:
//
// - unary: `try await agents.accept(request)` returns the response message;
// - server streaming: `try await agents.follow(request) { responses in for try await … }`: the
//   closure reads the responses and its result is returned; leaving it early cancels the call;
// - client streaming: `try await tests.streamingInputCall { writer in … }`: the closure writes
//   the requests (the request stream ends when it returns) and the response is returned;
// - bidirectional: both closures, run concurrently.
//
// A stub can be made from any `GRPCClient` (over any `ClientTransport`), so the same stubs serve
// tests with an in-process transport.

public import HTTP2Transport
public import RPCCore

/// A connection to a Switchboard server, with a stub for every service it serves.
///
/// Connect once and share the connection: calls run concurrently, each on its own HTTP/2 stream.
/// When the server goes away (GOAWAY, or the connection drops), calls fail with UNAVAILABLE and
/// a new connection is needed.
public final class SwitchboardConnection: Sendable {
  /// How the connection speaks HTTP/2 and gRPC.
  public struct Configuration: Sendable {
    /// HTTP/2 settings: flow-control windows, frame and header limits, connect timeout.
    public var http2 = HTTP2ClientConnection.Configuration()
    /// gRPC settings: message size limits and the compression algorithms accepted in responses.
    public var rpc = RPCConfiguration()

    /// The defaults.
    public init() {}
  }

  /// The gRPC client the stubs call through; use it directly to call a method by its path.
  public let client: GRPCClient

  private let transport: HTTP2ClientConnection

  private init(transport: HTTP2ClientConnection, client: GRPCClient) {
    self.transport = transport
    self.client = client
  }

  /// Connects to the server at `host:port` over plaintext HTTP/2 (h2c with prior knowledge).
  public static func connect(
    host: String,
    port: Int,
    configuration: Configuration = .init()
  ) async throws -> SwitchboardConnection {
    let transport = try await HTTP2ClientConnection.connect(
      host: host,
      port: port,
      configuration: configuration.http2
    )
    let client = GRPCClient(
      transport: transport,
      authority: "\(host):\(port)",
      configuration: configuration.rpc
    )
    return SwitchboardConnection(transport: transport, client: client)
  }

  /// Closes the connection (GOAWAY first); calls still in flight fail. Returns once it is closed.
  public func close() async {
    await transport.close()
  }

  /// The customer- and bot-facing `switchboard.v1.Conversations` service.
  public var conversations: ConversationsClient { ConversationsClient(client: client) }
  /// The agent-facing `switchboard.v1.Agents` service.
  public var agents: AgentsClient { AgentsClient(client: client) }
  /// The supervisor-facing `switchboard.v1.Supervision` service.
  public var supervision: SupervisionClient { SupervisionClient(client: client) }
  /// The configuration service `switchboard.v1.Admin`.
  public var admin: AdminClient { AdminClient(client: client) }
  /// The transcript service `switchboard.v1.Transcripts`.
  public var transcripts: TranscriptsClient { TranscriptsClient(client: client) }
  /// The integration feed `switchboard.v1.Events`.
  public var events: EventsClient { EventsClient(client: client) }
  /// The standard health service `grpc.health.v1.Health`.
  public var health: HealthClient { HealthClient(client: client) }
  /// The standard reflection service `grpc.reflection.v1.ServerReflection`.
  public var reflection: ServerReflectionClient { ServerReflectionClient(client: client) }
  /// The interoperability test service `grpc.testing.TestService`.
  public var testService: TestServiceClient { TestServiceClient(client: client) }
}
