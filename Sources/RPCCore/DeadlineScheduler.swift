internal import Synchronization

/// Runs actions at deadlines, for every call of a dispatcher, with one sleeping task.
///
/// A sleeping task per call would leave a pending system timer behind for every call that
/// finishes early (a cancelled sleep's timer stays queued until it fires): with a 20-second
/// timeout at 100k calls/s, two million of them. Here a call costs a dictionary entry and a heap
/// push, and removing it is one dictionary removal; the heap drops removed entries lazily and is
/// compacted when they outnumber the live ones. The one sleeper sleeps until the earliest live
/// deadline, and is replaced only when a call brings an earlier one.
final class DeadlineScheduler: Sendable {
  typealias Action = @Sendable () -> Void

  private struct State {
    var actions: [UInt64: Action] = [:]
    var heap = DeadlineHeap()
    var nextID: UInt64 = 0
    /// When the sleeper wakes; nil when there is no sleeper.
    var wakeAt: ContinuousClock.Instant?
    /// Identifies the current sleeper; an older one exits when it wakes.
    var generation: UInt64 = 0
    var sleeper: Task<Void, Never>?
  }

  private let state = Mutex(State())

  /// The longest wait scheduled: a later deadline (`grpc-timeout` allows 99999999 hours) is
  /// treated as this far away, which no call outlives and which keeps the system timer's
  /// nanosecond arithmetic in range.
  private static let maxWait = Duration.seconds(1_000_000_000)

  /// Runs `action` at `deadline` unless cancelled first; returns the id to cancel it with.
  func schedule(at deadline: ContinuousClock.Instant, _ action: @escaping Action) -> UInt64 {
    let deadline = min(deadline, .now + Self.maxWait)
    let (id, replaced, generation) = state.withLock {
      state -> (UInt64, Task<Void, Never>?, UInt64?) in
      let id = state.nextID
      state.nextID &+= 1
      state.actions[id] = action
      state.heap.push(deadline, id: id)
      if let wakeAt = state.wakeAt, wakeAt <= deadline { return (id, nil, nil) }
      state.wakeAt = deadline
      state.generation &+= 1
      defer { state.sleeper = nil }
      return (id, state.sleeper, state.generation)
    }
    replaced?.cancel()
    if let generation {
      let sleeper = Task { await self.sleep(until: deadline, generation: generation) }
      let superseded = state.withLock { state in
        guard state.generation == generation else { return true }
        state.sleeper = sleeper
        return false
      }
      if superseded { sleeper.cancel() }
    }
    return id
  }

  /// The number of entries the heap holds, live or cancelled (for tests of compaction).
  var pendingEntries: Int {
    state.withLock { $0.heap.count }
  }

  /// Cancels the action scheduled as `id`, if it has not run.
  func cancel(_ id: UInt64) {
    state.withLock { state in
      state.actions[id] = nil
      if state.heap.count > 2 * state.actions.count + 64 {
        state.heap.removeAll { state.actions[$0] == nil }
      }
    }
  }

  /// The sleeper: runs due actions, then sleeps until the next live deadline, until none is left
  /// or a newer sleeper takes over.
  private func sleep(until deadline: ContinuousClock.Instant, generation: UInt64) async {
    var deadline = deadline
    while true {
      try? await Task.sleep(until: deadline, clock: .continuous)
      if Task.isCancelled { return }
      let (due, next) = state.withLock { state -> ([Action], ContinuousClock.Instant?) in
        guard state.generation == generation else { return ([], nil) }
        let now = ContinuousClock.now
        var due: [Action] = []
        while let top = state.heap.first, top.deadline <= now || state.actions[top.id] == nil {
          state.heap.removeFirst()
          if let action = state.actions.removeValue(forKey: top.id) { due.append(action) }
        }
        state.wakeAt = state.heap.first?.deadline
        if state.wakeAt == nil { state.sleeper = nil }
        return (due, state.wakeAt)
      }
      for action in due { action() }
      guard let next else { return }
      deadline = next
    }
  }
}

/// A binary min-heap of (deadline, id).
struct DeadlineHeap {
  private var items: [(deadline: ContinuousClock.Instant, id: UInt64)] = []

  var count: Int { items.count }

  /// The earliest entry.
  var first: (deadline: ContinuousClock.Instant, id: UInt64)? { items.first }

  mutating func push(_ deadline: ContinuousClock.Instant, id: UInt64) {
    items.append((deadline, id))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child].deadline < items[parent].deadline else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  /// Removes the earliest entry; the heap must not be empty.
  mutating func removeFirst() {
    items.swapAt(0, items.count - 1)
    items.removeLast()
    siftDown(from: 0)
  }

  /// Removes every entry whose id matches, and restores the heap order.
  mutating func removeAll(where shouldRemove: (UInt64) -> Bool) {
    items.removeAll { shouldRemove($0.id) }
    for index in stride(from: items.count / 2 - 1, through: 0, by: -1) {
      siftDown(from: index)
    }
  }

  private mutating func siftDown(from start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < items.count else { return }
      let right = left + 1
      var smallest = left
      if right < items.count, items[right].deadline < items[left].deadline { smallest = right }
      guard items[smallest].deadline < items[parent].deadline else { return }
      items.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
