internal import RPCCore
internal import Testing

@Suite("ServerContext attachments")
struct ServerContextAttachmentTests {
  struct Caller: Sendable, Equatable {
    var name: String
  }

  struct Tenant: Sendable, Equatable {
    var id: Int
  }

  @Test("one value per type: attached, read back, replaced; other types apart")
  func attachments() {
    let context = ServerContext(path: "/pkg.Service/Method")
    #expect(context.attachment(Caller.self) == nil)
    context.attach(Caller(name: "a"))
    context.attach(Tenant(id: 1))
    #expect(context.attachment(Caller.self) == Caller(name: "a"))
    #expect(context.attachment(Tenant.self) == Tenant(id: 1))
    context.attach(Caller(name: "b"))
    #expect(context.attachment(Caller.self) == Caller(name: "b"))
    #expect(context.attachment(Tenant.self) == Tenant(id: 1))
  }
}
