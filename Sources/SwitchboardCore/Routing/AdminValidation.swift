/// Checks on admin input, with messages that name the field and the rule.
enum AdminRule {
  /// Longest id (queues, agents, categories).
  static let maxIDLength = 64
  /// Longest display name or label.
  static let maxNameLength = 128
  /// Longest description, survey prompt, presence reason.
  static let maxTextLength = 1024
  /// Most skills, topics or supervisors in one list.
  static let maxListLength = 100
  /// Highest agent capacity.
  static let maxCapacity: UInt32 = 100
  /// Longest survey window.
  static let maxSurveyWindow: Duration = .seconds(30 * 24 * 3600)

  /// A queue or category id: lowercase letters, digits and `-`, 1 to 64 characters.
  static func slug(_ value: String, _ field: String) throws(CoreError) {
    guard !value.isEmpty, value.utf8.count <= maxIDLength,
      value.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
    else {
      throw CoreError(
        .invalidArgument,
        "\(field) \"\(value)\" is invalid: use 1 to \(maxIDLength) lowercase letters, digits and '-'")
    }
  }

  /// An agent id: letters, digits, `.`, `_`, `-` and `@`, 1 to 64 characters.
  static func agentID(_ value: String, _ field: String) throws(CoreError) {
    guard !value.isEmpty, value.utf8.count <= maxIDLength,
      value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_@".unicodeScalars.contains($0)) })
    else {
      throw CoreError(
        .invalidArgument,
        "\(field) \"\(value)\" is invalid: use 1 to \(maxIDLength) ASCII letters, digits, '.', '_', '-' or '@'")
    }
  }

  /// A required text of at most `limit` UTF-8 bytes.
  static func name(_ value: String, _ field: String, limit: Int = maxNameLength) throws(CoreError) {
    try TextRule.required(value, field, limit)
  }

  /// A list of non-empty, distinct strings of at most 64 bytes each.
  static func list(_ values: [String], _ field: String) throws(CoreError) {
    guard values.count <= maxListLength else {
      throw CoreError(.invalidArgument, "\(field) has \(values.count) entries; the limit is \(maxListLength)")
    }
    var seen = Set<String>()
    for value in values {
      guard !TextRule.isBlank(value), value.utf8.count <= maxIDLength else {
        throw CoreError(.invalidArgument, "\(field) entry \"\(value)\" must be 1 to \(maxIDLength) bytes, not blank")
      }
      guard seen.insert(value).inserted else {
        throw CoreError(.invalidArgument, "\(field) lists \"\(value)\" twice")
      }
    }
  }

  /// A duration that, if set, is positive.
  static func positive(_ value: Duration?, _ field: String) throws(CoreError) {
    if let value, value <= .zero {
      throw CoreError(.invalidArgument, "\(field) must be positive (got \(value))")
    }
  }
}
