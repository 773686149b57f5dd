internal import SwitchboardCore

/// The order of closed transcripts, (closing time, conversation id), and the opaque page and
/// resume tokens made from it: `<nanoseconds>~<conversation id>`, the same form the in-memory
/// index uses, so tokens stay valid when transcripts move from memory to the store.
struct TranscriptKey: Sendable, Hashable {
  /// When the conversation closed.
  var closedAt: WallTime
  /// The conversation id.
  var conversationID: String

  /// A key.
  init(closedAt: WallTime, conversationID: String) {
    self.closedAt = closedAt
    self.conversationID = conversationID
  }

  /// Parses a token made by `token`; `field` names it in the error.
  init(token: String, field: String) throws(CoreError) {
    let parts = token.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[1].isEmpty, let nanoseconds = Int64(parts[0]) else {
      throw CoreError(
        .invalidArgument,
        "\(field) \"\(token)\" is malformed; pass back a token unchanged"
      )
    }
    self.init(
      closedAt: WallTime(nanosecondsSinceEpoch: nanoseconds),
      conversationID: String(parts[1])
    )
  }

  /// The opaque token form.
  var token: String { "\(closedAt.nanosecondsSinceEpoch)~\(conversationID)" }
}

/// Turns a search text into an FTS5 query with the core's matching rule: every word must
/// match, as a prefix, case-insensitively. Words are runs of letters and digits, as in the
/// core; a word holds no quote, so quoting it is all the escaping FTS5 needs.
enum TranscriptQueryText {
  /// The FTS5 MATCH expression for `text`, or `nil` if it has no words (no text filter).
  static func match(_ text: String) -> String? {
    var words: [String] = []
    var current = ""
    for character in text {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    guard !words.isEmpty else { return nil }
    return words.map { "\"\($0.lowercased())\"*" }.joined(separator: " ")
  }
}
