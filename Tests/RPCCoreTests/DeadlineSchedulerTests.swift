internal import Testing

@testable internal import RPCCore

@Suite("Deadline scheduler")
struct DeadlineSchedulerTests {
  @Test("actions run in deadline order, cancelled ones never")
  func order() async throws {
    let scheduler = DeadlineScheduler()
    let fired = AsyncQueue<Int>()
    let now = ContinuousClock.now
    // Scheduled latest first, so each new one brings an earlier deadline and a new sleeper.
    var ids: [Int: UInt64] = [:]
    for index in (0 ..< 6).reversed() {
      ids[index] = scheduler.schedule(at: now + .milliseconds(5 * index)) { fired.push(index) }
    }
    scheduler.cancel(try #require(ids[2]))
    scheduler.cancel(try #require(ids[4]))
    var order: [Int] = []
    for _ in 0 ..< 4 { order.append(try #require(try await fired.next())) }
    #expect(order == [0, 1, 3, 5])
  }

  @Test("a past deadline runs at once; the scheduler restarts after going idle")
  func idleAndRestart() async throws {
    let scheduler = DeadlineScheduler()
    let fired = AsyncQueue<String>()
    _ = scheduler.schedule(at: .now - .seconds(1)) { fired.push("past") }
    #expect(try await fired.next() == "past")
    _ = scheduler.schedule(at: .now) { fired.push("again") }
    #expect(try await fired.next() == "again")
  }

  @Test("cancelling many keeps the heap compact")
  func compaction() {
    let scheduler = DeadlineScheduler()
    let far = ContinuousClock.now + .seconds(3600)
    for _ in 0 ..< 10_000 {
      scheduler.cancel(scheduler.schedule(at: far) {})
    }
    let live = scheduler.schedule(at: far) {}
    #expect(scheduler.pendingEntries <= 64 + 3)
    scheduler.cancel(live)
  }

  @Test("the heap keeps its order through pushes, pops and removals")
  func heap() {
    var heap = DeadlineHeap()
    let base = ContinuousClock.now
    let offsets = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0]
    for (id, offset) in offsets.enumerated() {
      heap.push(base + .seconds(offset), id: UInt64(id))
    }
    heap.removeAll { $0 == 0 || $0 == 3 }  // offsets 5 and 1
    var popped: [Int] = []
    while let first = heap.first {
      popped.append(offsets[Int(first.id)])
      heap.removeFirst()
    }
    #expect(popped == [0, 2, 3, 4, 6, 7, 8, 9])
  }

  @Test("a race: the first resolution wins, before or after the wait")
  func race() async {
    let early = CallRace()
    early.resolve(.expired)
    early.resolve(.completed)
    #expect(await early.wait() == .expired)
    let late = CallRace()
    async let result = late.wait()
    late.resolve(.completed)
    late.resolve(.expired)
    #expect(await result == .completed)
  }
}
