/// Where a waiting conversation stands in its queue: priority first (urgent before low), then
/// original arrival (kept across re-offers, transfers and overflow), then arrival order.
struct WaitKey: Comparable, Hashable, Sendable {
  /// The conversation's priority.
  var priority: Priority
  /// When the conversation first entered a queue.
  var arrival: WallTime
  /// A registry-wide serial of first arrivals, breaking ties between equal times.
  var arrivalOrder: UInt64
  /// The conversation.
  var conversationID: String

  static func < (lhs: WaitKey, rhs: WaitKey) -> Bool {
    if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
    if lhs.arrival != rhs.arrival { return lhs.arrival < rhs.arrival }
    return lhs.arrivalOrder < rhs.arrivalOrder
  }
}

/// The conversations waiting in one queue (queued or offered), in serving order. A sorted
/// array: insertion and removal are a binary search and a move, and the position of a
/// conversation is its index.
struct WaitingLine: Sendable {
  private(set) var keys: [WaitKey] = []

  /// Conversations waiting.
  var count: Int { keys.count }
  /// True if nobody waits.
  var isEmpty: Bool { keys.isEmpty }

  /// Adds a conversation at its place.
  mutating func insert(_ key: WaitKey) {
    keys.insert(key, at: insertionIndex(of: key))
  }

  /// Removes a conversation; returns false if it was not in the line.
  @discardableResult
  mutating func remove(_ key: WaitKey) -> Bool {
    guard let index = index(of: key) else { return false }
    keys.remove(at: index)
    return true
  }

  /// The conversation's 0-based index, if it waits here.
  func index(of key: WaitKey) -> Int? {
    let index = insertionIndex(of: key)
    return index < keys.count && keys[index] == key ? index : nil
  }

  private func insertionIndex(of key: WaitKey) -> Int {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
