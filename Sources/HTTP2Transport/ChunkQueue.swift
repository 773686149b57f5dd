internal import NIOCore

/// A FIFO of byte chunks that keeps its first chunk inline: most streams never queue more than
/// one, and then the queue allocates nothing of its own.
struct ChunkQueue {
  /// The oldest chunk; nil only when the queue is empty.
  private(set) var first: [UInt8]?
  private var rest: CircularBuffer<[UInt8]>?

  var isEmpty: Bool { first == nil }

  mutating func append(_ chunk: [UInt8]) {
    if first == nil {
      first = chunk
    } else {
      rest = rest ?? CircularBuffer(initialCapacity: 4)
      rest!.append(chunk)
    }
  }

  mutating func popFirst() -> [UInt8]? {
    let chunk = first
    first = rest?.popFirst()
    return chunk
  }

  /// Drops every chunk; returns how many bytes they held.
  mutating func removeAll() -> Int {
    var count = 0
    while let chunk = popFirst() {
      count += chunk.count
    }
    return count
  }
}
