internal import Testing

@testable internal import RPCCore

@Suite("Status and RPCError")
struct StatusTests {
  @Test(
    "codes have gRPC's numbers and names",
    arguments: [
      (Status.Code.ok, 0, "OK"), (.cancelled, 1, "CANCELLED"), (.unknown, 2, "UNKNOWN"),
      (.invalidArgument, 3, "INVALID_ARGUMENT"), (.deadlineExceeded, 4, "DEADLINE_EXCEEDED"),
      (.notFound, 5, "NOT_FOUND"), (.alreadyExists, 6, "ALREADY_EXISTS"),
      (.permissionDenied, 7, "PERMISSION_DENIED"), (.resourceExhausted, 8, "RESOURCE_EXHAUSTED"),
      (.failedPrecondition, 9, "FAILED_PRECONDITION"), (.aborted, 10, "ABORTED"),
      (.outOfRange, 11, "OUT_OF_RANGE"), (.unimplemented, 12, "UNIMPLEMENTED"),
      (.internalError, 13, "INTERNAL"), (.unavailable, 14, "UNAVAILABLE"),
      (.dataLoss, 15, "DATA_LOSS"), (.unauthenticated, 16, "UNAUTHENTICATED"),
    ] as [(Status.Code, Int32, String)]
  )
  func codes(code: Status.Code, number: Int32, name: String) {
    #expect(code.rawValue == number)
    #expect(code.description == name)
    #expect(code.headerValue == String(number))
    #expect(Status.Code(rawValue: number) == code)
    #expect(Status.Code(headerValue: String(number)) == code)
  }

  @Test("numbers gRPC does not define")
  func undefinedNumbers() {
    #expect(Status.Code(rawValue: 17) == nil)
    #expect(Status.Code(rawValue: -1) == nil)
    #expect(Status.Code(headerValue: "42") == .unknown)
    #expect(Status.Code(headerValue: "x") == nil)
    #expect(Status.Code(headerValue: "") == nil)
  }

  @Test("descriptions")
  func descriptions() {
    #expect(Status(code: .notFound, message: "no queue").description == "NOT_FOUND: no queue")
    #expect(Status.ok.description == "OK")
    let error = RPCError(.aborted, "conflict", metadata: ["retry": "1"])
    #expect(error.status == Status(code: .aborted, message: "conflict"))
    #expect(error.metadata[stringValue: "retry"] == "1")
    #expect(error.description == "ABORTED: conflict")
    struct Cause: Error {}
    #expect(RPCError(.internalError, "x", cause: Cause()).description.contains("cause"))
  }
}
