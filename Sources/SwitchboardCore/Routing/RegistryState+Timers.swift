extension RegistryState {
  /// A registry timer fired; each handler checks that it still matters.
  mutating func timerFired(_ key: TimerKey, now: WallTime, effects: inout Effects) {
    switch key {
    case .offerExpiry(let offerID):
      offerTimedOut(offerID, now: now, effects: &effects)
    case .maxWait(let conversationID, let entry):
      maxWaitReached(conversationID, entry: entry, now: now, effects: &effects)
    case .disconnectGrace(let agentID, let generation):
      disconnectGraceEnded(agentID: agentID, generation: generation, now: now, effects: &effects)
    case .watchFlush(let watcherID):
      flushQueueWatcher(watcherID, now: now, effects: &effects)
    case .evictionSweep:
      sweepClosedConversations(now: now, effects: &effects)
    }
  }
}
