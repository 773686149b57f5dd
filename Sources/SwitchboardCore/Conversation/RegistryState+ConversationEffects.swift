/// Shared steps of conversation changes: closing with everything that follows from it, the
/// external event feed, and assistance updates.
extension RegistryState {
  /// Appends an event to the external feed: journals it and delivers it to every feed watcher
  /// that wants its kind.
  mutating func appendExternalEvent(
    _ payload: ExternalEvent.Payload,
    conversationID: String,
    now: WallTime,
    effects: inout Effects
  ) {
    let event = content.feed.append(
      conversationID: conversationID,
      at: now,
      payload,
      retention: options.eventFeedRetention
    )
    effects.journal(.externalEvent(event))
    for watcher in content.feedWatchers.values
    where watcher.kinds.isEmpty || watcher.kinds.contains(event.kind) {
      effects.send(event, to: watcher.sink)
    }
  }

  /// Indexes (or re-indexes) a closed conversation for in-memory transcript search; a durable
  /// registry searches its store instead and indexes nothing.
  mutating func indexTranscript(_ record: ConversationRecord) {
    if !durable { content.transcripts.index(record) }
  }

  /// A conversation closed (by anyone, for any reason): its transcript becomes searchable and
  /// the CRM gets `conversationClosed` on the feed. Routing calls this for automatic closes;
  /// `finishClose` for agent closes.
  mutating func recordClosedConversation(
    _ conversationID: String,
    now: WallTime,
    effects: inout Effects
  ) {
    guard let record = conversations[conversationID], let resolution = record.resolution else {
      return
    }
    indexTranscript(record)
    let closed = ConversationClosedRecord(
      conversation: record.summary,
      customer: record.customer,
      resolution: resolution,
      metrics: record.metrics(now: now),
      agentIDs: record.agentIDs
    )
    appendExternalEvent(
      .conversationClosed(closed),
      conversationID: conversationID,
      now: now,
      effects: &effects
    )
  }

  /// Closes an active or wrap-up conversation that `record` (a modified copy) describes with
  /// `resolution`, offering the survey if `survey` and the settings say so; stores the record,
  /// publishes `closed` (and the survey offer, which end the followers' streams), releases the
  /// agent, cancels open assistance and records the close. Returns whether a survey was offered.
  mutating func finishClose(
    _ record: inout ConversationRecord,
    with resolution: Resolution,
    survey: Bool,
    effects: inout Effects
  ) throws(CoreError) -> Bool {
    let now = resolution.closedAt
    let previousAgentID = record.assignedAgent?.participantID
    let closed = try record.close(with: resolution)
    var events = closed.events
    let offerSurvey = survey && surveySettings.enabled
    if offerSurvey {
      events.append(
        record.offerSurvey(
          prompt: surveySettings.prompt,
          window: surveySettings.responseWindow ?? .seconds(24 * 3600),
          at: now
        )
      )
    }
    conversations[record.id] = record
    publish(events, now: now, effects: &effects)
    conversationClosed(record.id, previousAgentID: previousAgentID, now: now)
    assistanceChanged(closed.cancelled, now: now, effects: &effects)
    recordClosedConversation(record.id, now: now, effects: &effects)
    return offerSurvey
  }
}
