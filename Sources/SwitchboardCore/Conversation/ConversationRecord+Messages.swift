/// Messages, notes, whispers, system lines, typing and read marks.
extension ConversationRecord {
  /// How long after closing agents may still add internal notes.
  static let noteWindowAfterClose: Duration = .seconds(24 * 3600)

  /// A customer message (sent by the customer or relayed by the bot that started the
  /// conversation). Allowed until the customer leaves or the conversation closes; a retry with
  /// the same client message id returns the original result, whatever the state and text.
  mutating func addCustomerMessage(
    clientMessageID: String,
    text: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> (sent: SentMessage, events: [ConversationEvent]) {
    let author = customerParticipant
    if let original = try existingMessage(author: author, clientMessageID, limits) {
      return (original, [])
    }
    try TextRule.required(text, "text", limits.message)
    try requireNotClosed("send messages")
    if customerLeft {
      throw CoreError(
        .failedPrecondition,
        "the customer left conversation \(id); cannot send messages"
      )
    }
    return store(author: author, clientMessageID, text, .public, recipient: "", at: time)
  }

  /// The first customer message given when the conversation starts (sequence 1); no client
  /// message id, because starting is idempotent by its own key.
  mutating func addInitialMessage(
    _ text: String,
    at time: WallTime,
    limits: ConversationLimits
  )
    throws(CoreError) -> [ConversationEvent]
  {
    try TextRule.required(text, "initial_message", limits.message)
    return store(author: customerParticipant, "", text, .public, recipient: "", at: time).events
  }

  /// A public message from the owning agent or a joined supervisor; only while active.
  mutating func addAgentMessage(
    author: Participant,
    clientMessageID: String,
    text: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> (sent: SentMessage, events: [ConversationEvent]) {
    if let original = try existingMessage(author: author, clientMessageID, limits) {
      return (original, [])
    }
    try TextRule.required(text, "text", limits.message)
    try requireActive("send messages")
    return store(author: author, clientMessageID, text, .public, recipient: "", at: time)
  }

  /// An internal note; allowed in every state up to 24 hours after closing.
  mutating func addNote(
    author: Participant,
    clientMessageID: String,
    text: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> (sent: SentMessage, events: [ConversationEvent]) {
    if let original = try existingMessage(author: author, clientMessageID, limits) {
      return (original, [])
    }
    try TextRule.required(text, "text", limits.note)
    if let closedAt = resolution?.closedAt, time - closedAt > Self.noteWindowAfterClose {
      throw CoreError(
        .failedPrecondition,
        "conversation \(id) closed at \(closedAt); notes are accepted for 24 hours after closing"
      )
    }
    return store(author: author, clientMessageID, text, .internalNote, recipient: "", at: time)
  }

  /// A supervisor whisper to the owning agent; needs an owner and an open conversation.
  mutating func addWhisper(
    author: Participant,
    clientMessageID: String,
    text: String,
    at time: WallTime,
    limits: ConversationLimits
  ) throws(CoreError) -> (sent: SentMessage, events: [ConversationEvent]) {
    if let original = try existingMessage(author: author, clientMessageID, limits) {
      return (original, [])
    }
    try TextRule.required(text, "text", limits.message)
    try requireNotClosed("whisper")
    guard let agent = assignedAgent else {
      throw CoreError(
        .failedPrecondition,
        "conversation \(id) has no assigned agent to whisper to (it is \(state))"
      )
    }
    return store(
      author: author,
      clientMessageID,
      text,
      .whisper,
      recipient: agent.participantID,
      at: time
    )
  }

  /// A public message from Switchboard itself (no client message id, no de-duplication).
  mutating func addSystemMessage(_ text: String, at time: WallTime) -> ConversationEvent {
    store(author: .system, "", text, .public, recipient: "", at: time).events[0]
  }

  /// An internal note from Switchboard itself (e.g. the reason a customer gave for leaving).
  mutating func addSystemNote(_ text: String, at time: WallTime) -> ConversationEvent {
    store(author: .system, "", text, .internalNote, recipient: "", at: time).events[0]
  }

  /// A typing indicator: ephemeral, carries the latest sequence. The customer may type until
  /// they leave; agents and supervisors only while active.
  func typing(
    _ participant: Participant,
    _ typing: Bool,
    at time: WallTime
  ) throws(CoreError)
    -> ConversationEvent
  {
    if participant.role == .customer {
      try requireNotClosed("send typing indicators")
      if customerLeft {
        throw CoreError(.failedPrecondition, "the customer left conversation \(id)")
      }
    } else {
      try requireActive("send typing indicators")
    }
    return ephemeral(.typing(TypingIndicator(participant: participant, typing: typing)), at: time)
  }

  /// Moves a participant's read mark forward to `sequence` and logs a read receipt; a mark at
  /// or below the stored one changes nothing. Returns the stored mark.
  mutating func markRead(
    _ participant: Participant,
    through sequence: UInt64,
    at time: WallTime
  )
    throws(CoreError) -> (mark: UInt64, events: [ConversationEvent])
  {
    guard sequence <= lastSequence else {
      throw CoreError(
        .invalidArgument,
        "read_through_sequence \(sequence) is beyond the latest sequence \(lastSequence) of conversation \(id)"
      )
    }
    let current = readMark(of: participant)
    guard sequence > current else { return (current, []) }
    setReadMark(of: participant, sequence)
    let receipt = ReadReceipt(participant: participant, readThroughSequence: sequence)
    return (sequence, [append(.read(receipt), at: time)])
  }

  /// A participant's read mark.
  func readMark(of participant: Participant) -> UInt64 {
    participant.role == .customer
      ? customerReadMark : staffReadMarks[participant.participantID, default: 0]
  }

  /// Throws `failedPrecondition` unless the conversation is active.
  func requireActive(_ action: String) throws(CoreError) {
    guard state == .active else {
      throw CoreError(
        .failedPrecondition,
        "conversation \(id) is \(state), not active; cannot \(action)"
      )
    }
  }

  /// The original result for a retried client message id; validates the id first.
  private func existingMessage(
    author: Participant,
    _ clientMessageID: String,
    _ limits: ConversationLimits
  ) throws(CoreError) -> SentMessage? {
    try TextRule.required(clientMessageID, "client_message_id", limits.clientKey)
    let key = ClientMessageKey(
      authorID: author.participantID,
      role: author.role,
      clientMessageID: clientMessageID
    )
    guard let index = messageIndex[key], case .message(let message) = log[index].kind else {
      return nil
    }
    return SentMessage(message: message, duplicate: true)
  }

  mutating func setReadMark(of participant: Participant, _ sequence: UInt64) {
    if participant.role == .customer {
      customerReadMark = max(customerReadMark, sequence)
    } else {
      staffReadMarks[participant.participantID] = max(
        staffReadMarks[participant.participantID, default: 0],
        sequence
      )
    }
  }

  /// Stores a message, updates counters and the author's read mark (writing is reading).
  private mutating func store(
    author: Participant,
    _ clientMessageID: String,
    _ text: String,
    _ visibility: MessageVisibility,
    recipient: String,
    at time: WallTime
  ) -> (sent: SentMessage, events: [ConversationEvent]) {
    let sequence = lastSequence + 1
    let message = ConversationMessage(
      messageID: "\(id)-m\(sequence)",
      conversationID: id,
      sequence: sequence,
      clientMessageID: clientMessageID,
      author: author,
      text: text,
      visibility: visibility,
      recipientAgentID: recipient,
      sentAt: time
    )
    let event = append(.message(message), at: time)
    noteStored(message)
    return (SentMessage(message: message, duplicate: false), [event])
  }

  /// The bookkeeping of a message just appended to the log (or replayed from the store): the
  /// dedupe index, the author's read mark and the counters behind the metrics.
  mutating func noteStored(_ message: ConversationMessage) {
    if !message.clientMessageID.isEmpty {
      let key = ClientMessageKey(
        authorID: message.author.participantID,
        role: message.author.role,
        clientMessageID: message.clientMessageID
      )
      messageIndex[key] = log.count - 1
    }
    lastMessageAt = message.sentAt
    if message.author.role != .system { setReadMark(of: message.author, message.sequence) }
    guard message.visibility == .public else { return }
    switch message.author.role {
    case .customer: clock.customerMessageCount += 1
    case .agent, .supervisor:
      clock.agentMessageCount += 1
      if clock.firstAgentResponseAt == nil, clock.firstAcceptedAt != nil {
        clock.firstAgentResponseAt = message.sentAt
      }
    default: break
    }
  }
}
