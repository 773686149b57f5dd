/// Closed conversations leave memory once nothing needs them there: a registry with a store
/// reads their transcripts from the store, so memory holds only open conversations and those
/// closed recently (notes are accepted for 24 hours after closing; the survey window may be
/// longer) — the same set a restart loads.
extension RegistryState {
  /// How often the sweep runs.
  static let evictionInterval: Duration = .seconds(600)

  /// When a closed conversation may leave memory: 24 hours after closing, or when its survey
  /// window ends if that is later.
  static func evictableAt(_ record: ConversationRecord) -> WallTime? {
    guard record.state == .closed, let closedAt = record.resolution?.closedAt else { return nil }
    let notesEnd = closedAt + ConversationRecord.noteWindowAfterClose
    guard let surveyEnd = record.surveyOffer?.expiresAt, surveyEnd > notesEnd else { return notesEnd }
    return surveyEnd
  }

  /// Arms the next sweep (registries with a store only).
  func armEvictionSweep(now: WallTime, effects: inout Effects) {
    guard durable else { return }
    effects.arm(.evictionSweep, at: now + Self.evictionInterval)
  }

  /// Removes every closed conversation past `evictableAt`, with its routing facts, offers,
  /// start idempotency key and assistance index entries, then arms the next sweep. One pass
  /// over what memory holds (about a day of conversations), every `evictionInterval`.
  mutating func sweepClosedConversations(now: WallTime, effects: inout Effects) {
    defer { armEvictionSweep(now: now, effects: &effects) }
    guard durable else { return }
    var gone: Set<String> = []
    for (conversationID, record) in conversations {
      if let due = Self.evictableAt(record), due <= now { gone.insert(conversationID) }
    }
    guard !gone.isEmpty else { return }
    for conversationID in gone {
      conversations[conversationID] = nil
      routing[conversationID] = nil
      pushedPositions[conversationID] = nil
    }
    offers = offers.filter { !gone.contains($0.value.offer.conversationID) }
    startKeys = startKeys.filter { !gone.contains($0.value.conversationID) }
    content.assistanceConversations = content.assistanceConversations.filter { !gone.contains($0.value) }
  }
}
