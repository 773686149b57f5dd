/// A value bound to a statement parameter or read from a result column.
enum SQLiteValue: Sendable, Hashable {
  /// SQL NULL.
  case null
  /// A 64-bit integer.
  case integer(Int64)
  /// UTF-8 text.
  case text(String)

  /// Text, or NULL for `nil`.
  static func text(_ value: String?) -> SQLiteValue {
    value.map(SQLiteValue.text) ?? .null
  }

  /// An integer, or NULL for `nil`.
  static func integer(_ value: Int64?) -> SQLiteValue {
    value.map(SQLiteValue.integer) ?? .null
  }

  /// An `Int` as an integer.
  static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }

  /// A `UInt64` as an integer; values above `Int64.max` wrap to negative integers and read back
  /// unchanged with `SQLiteRow.uint64`.
  static func uint64(_ value: UInt64) -> SQLiteValue { .integer(Int64(bitPattern: value)) }

  /// A Boolean as 0 or 1.
  static func bool(_ value: Bool) -> SQLiteValue { .integer(value ? 1 : 0) }
}
