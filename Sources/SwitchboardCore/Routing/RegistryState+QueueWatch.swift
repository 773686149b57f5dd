/// An open queue watch stream: which queues, how often, and what it was last sent.
struct QueueWatcher: Sendable {
  /// The stream.
  let sink: Sink<QueueWatchItem>
  /// Who opened it (for the per-caller limit).
  let callerID: String
  /// The watched queues.
  var queueIDs: Set<String>
  /// Minimum time between two figure updates.
  let minInterval: Duration
  /// The figures last sent per queue.
  var lastSent: [String: QueueFigures] = [:]
  /// Queues that changed since the last update.
  var dirty: Set<String> = []
  /// Watched queues deleted since the last update.
  var removed: [String] = []
  /// When the last update was sent.
  var lastFlush: WallTime
  /// True while a flush timer is armed.
  var flushArmed = false
}

/// Queue watchers: a snapshot first, then changed figures at most once per `minInterval`,
/// coalesced by a timer, and assistance requests of the watched queues as they happen.
extension RegistryState {
  /// Figures changed in `queueIDs` (or the queues were deleted): watchers of them get an
  /// update now if their interval has passed, otherwise when it has (one timer per watcher).
  mutating func queuesChanged(_ queueIDs: Set<String>, now: WallTime, effects: inout Effects) {
    guard !queueIDs.isEmpty else { return }
    for (id, var watcher) in queueWatchers where !watcher.queueIDs.isDisjoint(with: queueIDs) {
      watcher.dirty.formUnion(watcher.queueIDs.intersection(queueIDs))
      let due = watcher.lastFlush + watcher.minInterval
      if !watcher.flushArmed {
        if due <= now {
          queueWatchers[id] = watcher
          flushQueueWatcher(id, now: now, effects: &effects)
          continue
        }
        watcher.flushArmed = true
        effects.arm(.watchFlush(watcherID: id), at: due)
      }
      queueWatchers[id] = watcher
    }
  }

  /// Sends a watcher the figures of its changed queues (only those whose figures other than
  /// `asOf` and the growing `longestWait` really changed) and the queues deleted.
  mutating func flushQueueWatcher(_ id: UInt64, now: WallTime, effects: inout Effects) {
    guard var watcher = queueWatchers[id] else { return }
    watcher.flushArmed = false
    var changed: [QueueFigures] = []
    for queueID in watcher.dirty.sorted() {
      guard let figures = figures(of: queueID, now: now) else { continue }
      if let last = watcher.lastSent[queueID], Self.sameFigures(last, figures) { continue }
      watcher.lastSent[queueID] = figures
      changed.append(figures)
    }
    watcher.dirty.removeAll()
    if !changed.isEmpty || !watcher.removed.isEmpty {
      let update = QueueFiguresUpdate(snapshot: false, queues: changed, removedQueueIDs: watcher.removed)
      effects.send(QueueWatchItem(sentAt: now, kind: .figures(update)), to: watcher.sink)
      watcher.removed.removeAll()
      watcher.lastFlush = now
    }
    queueWatchers[id] = watcher
  }

  private static func sameFigures(_ lhs: QueueFigures, _ rhs: QueueFigures) -> Bool {
    var lhs = lhs
    lhs.asOf = rhs.asOf
    lhs.longestWait = rhs.longestWait
    return lhs == rhs
  }

  /// A queue was deleted: its watchers are told in their next update.
  mutating func queueRemovedFromWatchers(_ queueID: String, now: WallTime, effects: inout Effects) {
    for (id, var watcher) in queueWatchers where watcher.queueIDs.contains(queueID) {
      watcher.queueIDs.remove(queueID)
      watcher.lastSent[queueID] = nil
      watcher.removed.append(queueID)
      queueWatchers[id] = watcher
    }
    queuesChanged([queueID], now: now, effects: &effects)
  }

  /// Assistance requests were raised, resolved or cancelled: the change is journaled and
  /// watchers of their queues get them at once.
  mutating func assistanceChanged(_ requests: [AssistanceRequest], now: WallTime, effects: inout Effects) {
    for request in requests {
      effects.journal(.assistanceChanged(request))
      for watcher in queueWatchers.values where watcher.queueIDs.contains(request.queueID) {
        effects.send(QueueWatchItem(sentAt: now, kind: .assistance(request)), to: watcher.sink)
      }
    }
  }
}
