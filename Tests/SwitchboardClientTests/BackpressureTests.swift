internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardClient
internal import Testing

/// A reader that stops reading stops the server: flow control and the server's bounded send
/// queue hold back a large response stream instead of buffering it. Client and server share
/// this process, so its resident memory covers both.
@Suite(.timeLimit(.minutes(1)))
struct BackpressureTests {
  @Test func aPausedReaderHoldsBackTheServer() async throws {
    let count = 2_000
    let size = 64 * 1024
    let readBeforePause = 10
    // Each response is preceded by a (1 µs) pause, so `ServerPauses` counts responses begun.
    let pauses = ServerPauses()
    try await withLoopback(pauses: pauses) { loopback in
      let request = GRPCTesting.StreamingOutputCallRequest(
        Array(repeating: GRPCTesting.ResponseParameters(size: size, intervalUs: 1), count: count)
      )
      let before = try #require(ResidentMemory.bytes())
      let (received, ahead, growth) = try await loopback.tests.streamingOutputCall(request) {
        responses in
        var iterator = responses.makeAsyncIterator()
        var received = 0
        while received < readBeforePause, try await iterator.next() != nil {
          received += 1
        }
        // The reader stops for a while: long enough for an unbounded server to produce far
        // more than any bound below, at loopback speed.
        try await Task.sleep(for: .milliseconds(300))
        let growth = try #require(ResidentMemory.bytes()) - before
        let ahead = pauses.startedCount - received

        while let response = try await iterator.next() {
          #expect(response.payloadSize == size)
          received += 1
        }
        return (received, ahead, growth)
      }
      #expect(received == count)
      // The client's stream window (1 MiB), the server's queue (128 KiB) and the response in
      // hand: under 20 responses; 40 leaves room and is still 1/50 of the stream.
      #expect(ahead <= 40, "the server ran \(ahead) responses ahead of the reader")
      #expect(
        growth < 32 << 20,
        "resident memory grew by \(growth >> 20) MiB from the call's start to the pause's end"
      )
    }
  }
}
