// An in-process server of the six switchboard.v1 services for the Domain tests: a registry on a
// manual clock, a token authority on a fixed clock, the real dispatcher with AuthInterceptor, and
// helpers to call it with a token.

internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore
internal import SwitchboardServices

struct DomainHarness {
  let clock = ManualClock()
  let tokenClock = AuthTestClock()
  let registry: Registry
  let authority: TokenAuthority
  let environment: DomainEnvironment
  let client: GRPCClient

  /// A harness whose streams re-check their token every `credentialCheckInterval`.
  init(credentialCheckInterval: Duration = .seconds(2)) {
    registry = Registry(clock: clock)
    authority = TokenAuthority(key: AuthTestSupport.key(), now: tokenClock.function)
    environment = DomainEnvironment(
      registry: registry,
      authority: authority,
      credentialCheckInterval: credentialCheckInterval
    )
    var router = RPCRouter()
    environment.registerServices(into: &router)
    let dispatcher = GRPCServerDispatcher(
      router: router,
      interceptors: [AuthInterceptor(authority: authority)]
    )
    client = GRPCClient(transport: InProcessTransport(handler: dispatcher), authority: "in-process")
  }

  /// A fresh token.
  func token(_ role: PrincipalRole, _ subject: String, conversation: String? = nil) throws -> String
  {
    try authority.mint(role: role, subject: subject, conversationID: conversation).token
  }

  static func options(_ token: String) -> CallOptions {
    CallOptions(metadata: ["authorization": "Bearer \(token)"])
  }

  /// Calls the unary `method` with `token`.
  func call<Request: ProtoMessage, Response: ProtoMessage>(
    _ method: MethodDescriptor,
    _ request: Request,
    token: String
  ) async throws -> Response {
    let response: ClientResponse<Response> = try await client.unary(
      path: method.path,
      request: request,
      options: Self.options(token)
    )
    return response.message
  }

  /// The status code the unary `method` ends with when called with `token`; `.ok` if it answers.
  func code<Request: ProtoMessage, Response: ProtoMessage>(
    _ method: MethodDescriptor,
    _ request: Request,
    token: String,
    as _: Response.Type
  ) async -> Status.Code {
    do {
      let _: Response = try await call(method, request, token: token)
      return .ok
    } catch {
      return (error as? RPCError)?.code ?? .unknown
    }
  }

  /// The status code the server-streaming `method` ends with before its first response when
  /// opened with `token`; `.ok` if a response arrives (or the stream ends OK).
  func streamCode<Request: ProtoMessage, Response: ProtoMessage>(
    _ method: MethodDescriptor,
    _ request: Request,
    token: String,
    as _: Response.Type
  ) async -> Status.Code {
    do {
      try await stream(method, request, token: token) {
        (responses: ClientResponseStream<Response>) in
        var iterator = responses.makeAsyncIterator()
        _ = try await iterator.next()
      }
      return .ok
    } catch {
      return (error as? RPCError)?.code ?? .unknown
    }
  }

  /// Opens the server-streaming `method` with `token` and runs `body` over its responses.
  func stream<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
    _ method: MethodDescriptor,
    _ request: Request,
    token: String,
    _ body: @Sendable (ClientResponseStream<Response>) async throws -> Result
  ) async throws -> Result {
    try await client.serverStreaming(
      path: method.path,
      request: request,
      options: Self.options(token),
      responses: body
    )
  }

  /// An admin token.
  var admin: String { get throws { try token(.admin, "root") } }

  /// Supervisor `sam`, queue `billing` (topic `refund`, supervised by sam) and agent `alice`
  /// (capacity 2), through Admin.
  func setUpBilling() async throws {
    let admin = try self.admin
    let _: UpsertAgentResponse = try await call(
      SwitchboardV1.Admin.upsertAgent,
      UpsertAgentRequest.with {
        $0.agent = .with {
          $0.agentID = "sam"
          $0.displayName = "Sam"
          $0.role = .supervisor
          $0.capacity = 2
        }
      },
      token: admin
    )
    let _: CreateQueueResponse = try await call(
      SwitchboardV1.Admin.createQueue,
      CreateQueueRequest.with {
        $0.queue = .with {
          $0.queueID = "billing"
          $0.name = "Billing"
          $0.topics = ["refund"]
          $0.supervisorIDs = ["sam"]
        }
      },
      token: admin
    )
    let _: UpsertAgentResponse = try await call(
      SwitchboardV1.Admin.upsertAgent,
      UpsertAgentRequest.with {
        $0.agent = .with {
          $0.agentID = "alice"
          $0.displayName = "Alice"
          $0.role = .agent
          $0.queueIDs = ["billing"]
          $0.capacity = 2
        }
      },
      token: admin
    )
  }

  /// A conversation started by bot `bot-1` in `billing`, with a first message.
  func startConversation(idempotencyKey: String = "") async throws -> StartConversationResponse {
    try await call(
      SwitchboardV1.Conversations.startConversation,
      StartConversationRequest.with {
        $0.destination = .topic("refund")
        $0.customer = .with {
          $0.customerID = "crm-7"
          $0.displayName = "Erin"
        }
        $0.subject = "Refund"
        $0.initialMessage = "I was charged twice"
        $0.idempotencyKey = idempotencyKey
      },
      token: try token(.bot, "bot-1")
    )
  }
}
