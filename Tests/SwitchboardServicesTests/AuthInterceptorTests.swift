internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardServices
internal import Synchronization
internal import Testing

@Suite("Auth: AuthInterceptor")
struct AuthInterceptorTests {
  static let start = SwitchboardV1.Conversations.startConversation.path
  static let send = SwitchboardV1.Conversations.sendMessage.path
  static let health = GRPCHealthV1.Health.check.path

  let clock = AuthTestClock()
  let authority: TokenAuthority
  let client: GRPCClient
  /// What `context.principal` gave each handler, in call order (nil: it threw).
  let seen = Seen()

  final class Seen: Sendable {
    private let principals = Mutex<[Principal?]>([])

    func append(_ principal: Principal?) { principals.withLock { $0.append(principal) } }
    var all: [Principal?] { principals.withLock { $0 } }
  }

  init() {
    authority = TokenAuthority(key: AuthTestSupport.key(), now: clock.function)
    var router = RPCRouter()
    let seen = self.seen
    for path in [Self.start, Self.send, Self.health] {
      router.unary(path) { (_: GRPCTesting.Empty, context: ServerContext) in
        seen.append(try? context.principal)
        return GRPCTesting.Empty()
      }
    }
    let dispatcher = GRPCServerDispatcher(
      router: router,
      interceptors: [AuthInterceptor(authority: authority)]
    )
    client = GRPCClient(transport: InProcessTransport(handler: dispatcher), authority: "in-process")
  }

  /// Calls `path` with `authorization` values; returns the principal the handler saw.
  func call(_ path: String, _ authorization: [String] = []) async throws -> Principal? {
    var metadata = Metadata()
    for value in authorization { metadata.add("authorization", value) }
    let _: ClientResponse<GRPCTesting.Empty> = try await client.unary(
      path: path,
      request: GRPCTesting.Empty(),
      options: CallOptions(metadata: metadata)
    )
    return seen.all.last ?? nil
  }

  /// The error a call ends with, if it is an `RPCError`.
  func failure(_ path: String, _ authorization: [String] = []) async -> RPCError? {
    do {
      _ = try await call(path, authorization)
      return nil
    } catch {
      return error as? RPCError
    }
  }

  func mint(
    _ role: PrincipalRole,
    _ subject: String = "someone",
    conversation: String? = nil
  ) throws -> IssuedToken {
    try authority.mint(role: role, subject: subject, conversationID: conversation)
  }

  @Test("health, reflection and grpc.testing need no token; their handlers see no principal")
  func openPaths() async throws {
    #expect(try await call(Self.health) == nil)
    #expect(seen.all == [nil])
    // A token there is ignored, even an invalid one.
    #expect(try await call(Self.health, ["Bearer nonsense"]) == nil)
  }

  @Test("a valid token reaches the handler as its principal, whatever the scheme's case")
  func principal() async throws {
    let issued = try mint(.agent, "agent-7")
    let expected = try authority.verify(issued.token)
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
      #expect(try await call(Self.send, ["\(scheme) \(issued.token)"]) == expected)
    }
    #expect(try await call(Self.send, ["Bearer   \(issued.token) "]) == expected)
  }

  @Test("missing or malformed credentials are UNAUTHENTICATED, saying what is wrong")
  func malformedCredentials() async throws {
    let token = try mint(.agent).token
    let cases: [([String], String)] = [
      ([], #"missing credentials: send metadata "authorization: Bearer <token>""#),
      (["Basic dXNlcjpwYXNz"], #"the authorization metadata must be "Bearer <token>""#),
      ([token], #"the authorization metadata must be "Bearer <token>""#),
      (["Bearer"], #"the authorization metadata must be "Bearer <token>""#),
      (["Bearer  "], "the authorization metadata has no token after Bearer"),
      (["Bearer \(token)", "Bearer \(token)"], "send exactly one authorization metadata value"),
      (["Bearer not-a-jwt"], "token is not a JWT (header.payload.signature)"),
    ]
    for (authorization, message) in cases {
      let error = await failure(Self.send, authorization)
      #expect(error?.code == .unauthenticated, "\(authorization)")
      #expect(error?.message == message, "\(authorization)")
    }
    #expect(seen.all.isEmpty)
  }

  @Test("bad, expired and revoked tokens are UNAUTHENTICATED; the message never has the token")
  func rejectedTokens() async throws {
    let other = TokenAuthority(key: AuthTestSupport.key(9), now: clock.function)
    let forged = try other.mint(role: .admin, subject: "root").token
    let revoked = try mint(.agent, "agent-7")
    try authority.revoke(tokenID: revoked.tokenID)
    let expiring = try authority.mint(role: .bot, subject: "bot-1", ttl: .seconds(10))
    clock.advance(10)

    let cases: [(String, String)] = [
      (forged, "token signature is invalid"),
      (revoked.token, "token was revoked"),
      (expiring.token, "token expired 0 s ago"),
    ]
    for (token, message) in cases {
      let error = await failure(Self.start, ["Bearer \(token)"])
      #expect(error?.code == .unauthenticated)
      #expect(error?.message == message)
      #expect(error.map { !$0.message.contains(token) } == true)
    }
    #expect(seen.all.isEmpty)
  }

  @Test("an unscoped customer token may only call StartConversation")
  func unscopedCustomer() async throws {
    let token = try mint(.customer, "cust-1").token
    #expect(try await call(Self.start, ["Bearer \(token)"])?.role == .customer)
    let error = await failure(Self.send, ["Bearer \(token)"])
    #expect(error?.code == .permissionDenied)
    #expect(
      error?.message
        == "this customer token is not scoped to a conversation: it may only call StartConversation"
    )
  }

  @Test("a scoped customer token reaches every method with its conversation")
  func scopedCustomer() async throws {
    let token = try mint(.customer, "cust-1", conversation: "conv-9").token
    #expect(try await call(Self.send, ["Bearer \(token)"])?.conversationID == "conv-9")
    #expect(try await call(Self.start, ["Bearer \(token)"])?.conversationID == "conv-9")
  }

  @Test("a context without the interceptor's principal is UNAUTHENTICATED")
  func noPrincipal() throws {
    let context = ServerContext(path: Self.send)
    #expect(throws: RPCError.self) { try context.principal }
    let principal = Principal(
      role: .admin,
      subject: "root",
      tokenID: "t",
      issuedAt: 0,
      expiresAt: 1
    )
    context.attach(principal)
    #expect(try context.principal == principal)
  }
}
