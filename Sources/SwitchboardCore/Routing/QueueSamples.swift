internal import DequeModule

/// Timestamped samples of one queue within the figures window (accepts, first responses,
/// closes, survey ratings), oldest first. Old samples are pruned as new ones arrive and when
/// the figures are read, so memory stays proportional to the traffic of one window.
struct QueueSamples: Sendable {
  /// Time to accept of each accept.
  private(set) var accepts: Deque<(at: WallTime, timeToAccept: Duration?)> = []
  /// First response times.
  private(set) var firstResponses: Deque<(at: WallTime, duration: Duration)> = []
  /// Closes, abandoned or not, with the handle time of those an agent handled.
  private(set) var closes: Deque<(at: WallTime, abandoned: Bool, handleTime: Duration?)> = []
  /// Survey ratings.
  private(set) var ratings: Deque<(at: WallTime, rating: Int)> = []

  mutating func accepted(at time: WallTime, timeToAccept: Duration?) {
    accepts.append((time, timeToAccept))
  }

  mutating func firstResponse(at time: WallTime, after duration: Duration) {
    firstResponses.append((time, duration))
  }

  mutating func closed(at time: WallTime, abandoned: Bool, handleTime: Duration?) {
    closes.append((time, abandoned, handleTime))
  }

  mutating func rated(at time: WallTime, rating: Int) {
    ratings.append((time, rating))
  }

  /// Drops samples older than `cutoff`.
  mutating func prune(before cutoff: WallTime) {
    while let first = accepts.first, first.at < cutoff { accepts.removeFirst() }
    while let first = firstResponses.first, first.at < cutoff { firstResponses.removeFirst() }
    while let first = closes.first, first.at < cutoff { closes.removeFirst() }
    while let first = ratings.first, first.at < cutoff { ratings.removeFirst() }
  }
}
