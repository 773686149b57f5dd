internal import RPCCore
internal import SwitchboardCore
internal import Testing

@testable internal import SwitchboardServices

@Suite("Domain: core errors as statuses")
struct DomainErrorTests {
  @Test("every core error code becomes the gRPC code of the same name, with the core's message")
  func mapping() {
    let expected: [CoreError.Code: Status.Code] = [
      .invalidArgument: .invalidArgument,
      .notFound: .notFound,
      .failedPrecondition: .failedPrecondition,
      .permissionDenied: .permissionDenied,
      .alreadyExists: .alreadyExists,
      .resourceExhausted: .resourceExhausted,
      .aborted: .aborted,
      .outOfRange: .outOfRange,
      .unavailable: .unavailable,
    ]
    #expect(Set(expected.keys) == Set(CoreError.Code.allCases))
    for (code, status) in expected {
      let error = RPCError(CoreError(code, "offer o-12 expired"))
      #expect(error.code == status)
      #expect(error.message == "offer o-12 expired")
      #expect(error.cause as? CoreError == CoreError(code, "offer o-12 expired"))
    }
  }

  @Test("a principal becomes the core's caller: role, subject, conversation scope")
  func callers() {
    let customer = Principal(
      role: .customer,
      subject: "crm-7",
      conversationID: "c-9",
      tokenID: "t",
      issuedAt: 0,
      expiresAt: 1
    )
    #expect(Caller(customer) == Caller(role: .customer, id: "crm-7", conversationScope: "c-9"))
    for role in PrincipalRole.allCases {
      let principal = Principal(role: role, subject: "s", tokenID: "t", issuedAt: 0, expiresAt: 1)
      #expect(Caller(principal).role.wire == role.apiRole)
      #expect(Caller(principal).conversationScope == nil)
    }
  }
}
