/// One message in a conversation: customer or agent text, internal note, whisper or system line.
public struct ConversationMessage: Sendable, Hashable {
  /// Server-assigned message id.
  public var messageID: String
  /// The conversation it belongs to.
  public var conversationID: String
  /// The conversation sequence number of this message.
  public var sequence: UInt64
  /// The sender's client message id (de-duplicates retries); empty for system messages.
  public var clientMessageID: String
  /// Who wrote it.
  public var author: Participant
  /// The text, UTF-8 plain text.
  public var text: String
  /// Who may see it.
  public var visibility: MessageVisibility
  /// For whispers, the agent it is addressed to; empty otherwise.
  public var recipientAgentID: String
  /// When the server accepted it.
  public var sentAt: WallTime

  /// Creates a message.
  public init(
    messageID: String,
    conversationID: String,
    sequence: UInt64,
    clientMessageID: String,
    author: Participant,
    text: String,
    visibility: MessageVisibility,
    recipientAgentID: String = "",
    sentAt: WallTime
  ) {
    self.messageID = messageID
    self.conversationID = conversationID
    self.sequence = sequence
    self.clientMessageID = clientMessageID
    self.author = author
    self.text = text
    self.visibility = visibility
    self.recipientAgentID = recipientAgentID
    self.sentAt = sentAt
  }
}

/// The result of sending a message, note or whisper.
public struct SentMessage: Sendable, Hashable {
  /// The stored message (the original one for a duplicate).
  public var message: ConversationMessage
  /// True if the client message id was seen before and this is the original result.
  public var duplicate: Bool

  /// Creates a send result.
  public init(message: ConversationMessage, duplicate: Bool) {
    self.message = message
    self.duplicate = duplicate
  }
}

/// A participant started or stopped typing (ephemeral).
public struct TypingIndicator: Sendable, Hashable {
  /// Who is typing.
  public var participant: Participant
  /// True while typing; false when they stopped.
  public var typing: Bool

  /// Creates a typing indicator.
  public init(participant: Participant, typing: Bool) {
    self.participant = participant
    self.typing = typing
  }
}

/// The customer's place in the queue changed (ephemeral, customer view).
public struct QueuePositionUpdate: Sendable, Hashable {
  /// The queue the conversation waits in.
  public var queueID: String
  /// 1-based position in the queue (1 = next to be offered).
  public var position: UInt32
  /// Estimated time until an agent accepts; `nil` when no estimate is possible.
  public var estimatedWait: Duration?

  /// Creates a queue position update.
  public init(queueID: String, position: UInt32, estimatedWait: Duration?) {
    self.queueID = queueID
    self.position = position
    self.estimatedWait = estimatedWait
  }
}

/// An agent took the conversation (by accepting an offer or by a hand-over).
public struct ConversationAssigned: Sendable, Hashable {
  /// The agent who now owns the conversation.
  public var agent: Participant
  /// The queue it was routed through; empty for a direct hand-over.
  public var queueID: String

  /// Creates an assignment.
  public init(agent: Participant, queueID: String) {
    self.agent = agent
    self.queueID = queueID
  }
}

/// A participant marked the conversation read up to a sequence number.
public struct ReadReceipt: Sendable, Hashable {
  /// Who read.
  public var participant: Participant
  /// Everything up to and including this sequence number has been read.
  public var readThroughSequence: UInt64

  /// Creates a read receipt.
  public init(participant: Participant, readThroughSequence: UInt64) {
    self.participant = participant
    self.readThroughSequence = readThroughSequence
  }
}
