/// Word matching and snippets for transcript search.
///
/// Text is split into words at every character that is neither a letter nor a digit and
/// compared lowercased. A query word matches a text word it is a prefix of ("refund" matches
/// "refunds" and "refunded"), and a transcript matches when every query word matches somewhere
/// in its searchable text: the subject, public messages, internal notes and closing notes.
enum TranscriptText {
  /// The lowercased words of `text`.
  static func words(_ text: String) -> [String] {
    ranges(of: text).map { text[$0].lowercased() }
  }

  /// The searchable texts of a conversation, in snippet preference order.
  static func searchable(_ record: ConversationRecord) -> [String] {
    var texts = [record.subject]
    for message in record.messages where message.visibility != .whisper {
      texts.append(message.text)
    }
    if let notes = record.resolution?.notes, !notes.isEmpty { texts.append(notes) }
    return texts
  }

  /// True if every query word is a prefix of one of `words`.
  static func matches(_ query: [String], in words: Set<String>) -> Bool {
    query.allSatisfy { term in words.contains(term) || words.contains { $0.hasPrefix(term) } }
  }

  /// A short excerpt (about `radius` characters either side) around the first word of the first
  /// searchable text that matches a query word; empty if none does.
  static func snippet(_ query: [String], in texts: [String], radius: Int = 40) -> String {
    for text in texts {
      for range in ranges(of: text) {
        let word = text[range].lowercased()
        guard query.contains(where: { word.hasPrefix($0) }) else { continue }
        let start =
          text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex)
          ?? text.startIndex
        let end =
          text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        let prefix = start == text.startIndex ? "" : "…"
        let suffix = end == text.endIndex ? "" : "…"
        return prefix + text[start ..< end] + suffix
      }
    }
    return ""
  }

  /// The ranges of the words of `text`.
  private static func ranges(of text: String) -> [Range<String.Index>] {
    var result: [Range<String.Index>] = []
    var start: String.Index?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character.isLetter || character.isNumber {
        if start == nil { start = index }
      } else if let begin = start {
        result.append(begin ..< index)
        start = nil
      }
      index = text.index(after: index)
    }
    if let begin = start { result.append(begin ..< text.endIndex) }
    return result
  }
}
