internal import SwitchboardCore

/// Reads the fields of a stored JSON object; a missing or mistyped field is `SQLITE_CORRUPT`
/// naming the path to it (`offers.offer.transfer.note`).
struct JSONReader {
  private let pairs: [(String, JSON)]
  /// The path of this object, for error messages.
  let path: String

  /// A reader of `json`, which must be an object.
  init(_ json: JSON, path: String) throws(SQLiteError) {
    guard case .object(let pairs) = json else {
      throw SQLiteError.corruptValue(path, "not an object")
    }
    self.pairs = pairs
    self.path = path
  }

  /// A reader of the JSON text stored in column `path`.
  init(text: String, path: String) throws(SQLiteError) {
    try self.init(JSON(parsing: text, what: path), path: path)
  }

  /// The field's value, or `nil` if it is missing or `null`.
  func optional(_ key: String) -> JSON? {
    for (name, value) in pairs where name == key {
      if case .null = value { return nil }
      return value
    }
    return nil
  }

  /// The field's value; missing or `null` is an error.
  func required(_ key: String) throws(SQLiteError) -> JSON {
    guard let value = optional(key) else {
      throw SQLiteError.corruptValue("\(path).\(key)", "missing")
    }
    return value
  }

  func string(_ key: String) throws(SQLiteError) -> String {
    guard case .string(let value) = try required(key) else { throw mistyped(key, "a string") }
    return value
  }

  func optionalString(_ key: String) throws(SQLiteError) -> String? {
    optional(key) == nil ? nil : try string(key)
  }

  func int64(_ key: String) throws(SQLiteError) -> Int64 {
    guard case .int(let value) = try required(key) else { throw mistyped(key, "an integer") }
    return value
  }

  func optionalInt64(_ key: String) throws(SQLiteError) -> Int64? {
    optional(key) == nil ? nil : try int64(key)
  }

  func uint32(_ key: String) throws(SQLiteError) -> UInt32 {
    let value = try int64(key)
    guard let result = UInt32(exactly: value) else {
      throw mistyped(key, "a 32-bit unsigned integer")
    }
    return result
  }

  func uint64(_ key: String) throws(SQLiteError) -> UInt64 {
    UInt64(bitPattern: try int64(key))
  }

  func int(_ key: String) throws(SQLiteError) -> Int { Int(try int64(key)) }

  func bool(_ key: String) throws(SQLiteError) -> Bool {
    guard case .bool(let value) = try required(key) else { throw mistyped(key, "a Boolean") }
    return value
  }

  func double(_ key: String) throws(SQLiteError) -> Double {
    switch try required(key) {
    case .double(let value): return value
    case .int(let value): return Double(value)
    case .string("nan"): return .nan
    case .string("inf"): return .infinity
    case .string("-inf"): return -.infinity
    default: throw mistyped(key, "a number")
    }
  }

  func time(_ key: String) throws(SQLiteError) -> WallTime {
    WallTime(nanosecondsSinceEpoch: try int64(key))
  }

  func optionalTime(_ key: String) throws(SQLiteError) -> WallTime? {
    try optionalInt64(key).map(WallTime.init(nanosecondsSinceEpoch:))
  }

  func duration(_ key: String) throws(SQLiteError) -> Duration {
    .nanoseconds(try int64(key))
  }

  func optionalDuration(_ key: String) throws(SQLiteError) -> Duration? {
    try optionalInt64(key).map { .nanoseconds($0) }
  }

  func code<Code: StoredCode>(
    _ key: String,
    as type: Code.Type = Code.self
  ) throws(SQLiteError) -> Code {
    try Code(storedCode: try string(key), what: "\(path).\(key)")
  }

  func optionalCode<Code: StoredCode>(
    _ key: String,
    as type: Code.Type = Code.self
  ) throws(SQLiteError)
    -> Code?
  {
    optional(key) == nil ? nil : try code(key, as: type)
  }

  func object(_ key: String) throws(SQLiteError) -> JSONReader {
    try JSONReader(try required(key), path: "\(path).\(key)")
  }

  func optionalObject(_ key: String) throws(SQLiteError) -> JSONReader? {
    optional(key) == nil ? nil : try object(key)
  }

  /// The elements of an array field, each as an object reader.
  func objects(_ key: String) throws(SQLiteError) -> [JSONReader] {
    var result: [JSONReader] = []
    for (index, element) in try array(key).enumerated() {
      result.append(try JSONReader(element, path: "\(path).\(key)[\(index)]"))
    }
    return result
  }

  func strings(_ key: String) throws(SQLiteError) -> [String] {
    var result: [String] = []
    for element in try array(key) {
      guard case .string(let value) = element else { throw mistyped(key, "an array of strings") }
      result.append(value)
    }
    return result
  }

  private func array(_ key: String) throws(SQLiteError) -> [JSON] {
    guard let value = optional(key) else { return [] }
    guard case .array(let values) = value else { throw mistyped(key, "an array") }
    return values
  }

  private func mistyped(_ key: String, _ expected: String) -> SQLiteError {
    SQLiteError.corruptValue("\(path).\(key)", "not \(expected)")
  }
}

extension JSON {
  /// A time as nanoseconds since the epoch.
  static func time(_ value: WallTime) -> JSON { .int(value.nanosecondsSinceEpoch) }

  /// An optional time, `null` when absent.
  static func optionalTime(_ value: WallTime?) -> JSON { value.map(time) ?? .null }

  /// A duration as whole nanoseconds.
  static func duration(_ value: Duration) -> JSON { .int(value.storedNanoseconds) }

  /// An optional duration, `null` when absent.
  static func optionalDuration(_ value: Duration?) -> JSON { value.map(duration) ?? .null }

  /// An enumeration's stored code.
  static func code(_ value: some StoredCode) -> JSON { .string(value.storedCode) }

  /// An optional enumeration's stored code, `null` when absent.
  static func optionalCode(_ value: (some StoredCode)?) -> JSON {
    value.map { .string($0.storedCode) } ?? .null
  }

  /// An optional string, `null` when absent.
  static func optionalString(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

  /// An array of strings.
  static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }

  /// An unsigned integer (stored with its bit pattern).
  static func uint(_ value: UInt64) -> JSON { .int(Int64(bitPattern: value)) }
}

extension Duration {
  /// Whole nanoseconds (parts below a nanosecond are dropped), as stored.
  var storedNanoseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
  }
}
