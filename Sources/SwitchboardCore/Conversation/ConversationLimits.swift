/// Size limits on the texts clients send into conversations, in UTF-8 bytes.
///
/// Every text a client passes is checked against one of these before anything is stored; a
/// violation is `invalidArgument` naming the field, its size and the limit.
public struct ConversationLimits: Sendable, Hashable {
  /// Customer and agent messages, whispers and join greetings (default 4 KiB).
  public var message: Int
  /// Internal notes and closing notes (default 4 KiB).
  public var note: Int
  /// Transfer and reassignment notes, channel-move notes (default 4 KiB).
  public var handoverNote: Int
  /// Subjects of conversations and tickets (default 256).
  public var subject: Int
  /// Ticket descriptions (default 16 KiB).
  public var ticketDescription: Int
  /// Client message ids and idempotency keys (default 128).
  public var clientKey: Int
  /// Survey comments (default 2 KiB).
  public var surveyComment: Int
  /// Assistance questions and answers (default 2 KiB).
  public var assistanceText: Int
  /// The reason a customer gives when leaving (default 512).
  public var leaveReason: Int
  /// Transcript search text (default 512).
  public var searchText: Int

  /// The default limits; each can be overridden.
  public init(
    message: Int = 4096,
    note: Int = 4096,
    handoverNote: Int = 4096,
    subject: Int = 256,
    ticketDescription: Int = 16_384,
    clientKey: Int = 128,
    surveyComment: Int = 2048,
    assistanceText: Int = 2048,
    leaveReason: Int = 512,
    searchText: Int = 512
  ) {
    self.message = message
    self.note = note
    self.handoverNote = handoverNote
    self.subject = subject
    self.ticketDescription = ticketDescription
    self.clientKey = clientKey
    self.surveyComment = surveyComment
    self.assistanceText = assistanceText
    self.leaveReason = leaveReason
    self.searchText = searchText
  }
}

/// Checks on client-supplied text fields, with messages that name the field.
enum TextRule {
  /// Rejects text longer than `limit` UTF-8 bytes.
  static func limit(_ text: String, _ field: String, _ limit: Int) throws(CoreError) {
    let size = text.utf8.count
    guard size <= limit else {
      throw CoreError(.invalidArgument, "\(field) is \(size) bytes; the limit is \(limit) bytes")
    }
  }

  /// Rejects empty or whitespace-only text and text longer than `limit` UTF-8 bytes.
  static func required(_ text: String, _ field: String, _ limit: Int) throws(CoreError) {
    guard !isBlank(text) else {
      throw CoreError(.invalidArgument, "\(field) is empty")
    }
    try Self.limit(text, field, limit)
  }

  /// True for empty and whitespace-only text.
  static func isBlank(_ text: String) -> Bool {
    text.allSatisfy(\.isWhitespace)
  }
}
