internal import SwitchboardCore

/// A model value stored as a JSON object.
protocol JSONStorable {
  /// The value as a JSON object.
  var json: JSON { get }
  /// Reads the value back from the object `reader` reads.
  init(json reader: JSONReader) throws(SQLiteError)
}

extension JSONStorable {
  /// Reads the value from JSON text stored at `path` (table.column).
  init(jsonText text: String, path: String) throws(SQLiteError) {
    try self.init(json: JSONReader(text: text, path: path))
  }
}

extension JSONReader {
  /// A nested stored value.
  func value<Value: JSONStorable>(
    _ key: String,
    as type: Value.Type = Value.self
  ) throws(SQLiteError) -> Value {
    try Value(json: try object(key))
  }

  /// A nested stored value, or `nil` if absent.
  func optionalValue<Value: JSONStorable>(
    _ key: String,
    as type: Value.Type = Value.self
  ) throws(SQLiteError)
    -> Value?
  {
    guard let reader = try optionalObject(key) else { return nil }
    return try Value(json: reader)
  }

  /// An array of nested stored values.
  func values<Value: JSONStorable>(
    _ key: String,
    as type: Value.Type = Value.self
  ) throws(SQLiteError)
    -> [Value]
  {
    var result: [Value] = []
    for reader in try objects(key) { result.append(try Value(json: reader)) }
    return result
  }
}

extension JSON {
  /// A stored value's object, or `null` when absent.
  static func optional(_ value: (some JSONStorable)?) -> JSON { value?.json ?? .null }

  /// An array of stored values.
  static func values(_ values: [some JSONStorable]) -> JSON { .array(values.map(\.json)) }
}
