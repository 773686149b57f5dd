/// The seam between state changes and conversation streams: every durable conversation event
/// goes through `publish` (journaled, then delivered to each follower in its view), every
/// ephemeral one through `publishEphemeral`. Follow and monitor streams register a
/// `ConversationFollower` here.
struct ConversationFollower: Sendable {
  /// The stream.
  let sink: Sink<ConversationEvent>
  /// What the follower may see.
  let viewer: ConversationViewer
  /// Who opened it (for the per-caller limit).
  let caller: CallerKey
}

extension RegistryState {
  /// Journals durable events of one conversation and delivers them to its followers, each in
  /// its view. When the conversation is closed after these events, its followers' streams end
  /// (so publish the `closed` event together with the survey offer that follows it).
  mutating func publish(_ events: [ConversationEvent], now: WallTime, effects: inout Effects) {
    guard let conversationID = events.first?.conversationID else { return }
    for event in events {
      effects.journal(.conversationEvent(event))
      for follower in followers[conversationID, default: [:]].values {
        if let visible = follower.viewer.view(event) { effects.send(visible, to: follower.sink) }
      }
    }
    if conversations[conversationID]?.state == .closed,
      let ending = followers.removeValue(forKey: conversationID)
    {
      for follower in ending.values { effects.finish(follower.sink) }
    }
  }

  /// Delivers an ephemeral event (typing, queue position) to the conversation's followers who
  /// may see it; nothing is stored or journaled.
  mutating func publishEphemeral(
    _ kind: ConversationEvent.Kind, in conversationID: String, now: WallTime, effects: inout Effects
  ) {
    guard let record = conversations[conversationID], let following = followers[conversationID] else {
      return
    }
    let event = record.ephemeral(kind, at: now)
    for follower in following.values {
      if let visible = follower.viewer.view(event) { effects.sendEphemeral(visible, to: follower.sink) }
    }
  }
}
