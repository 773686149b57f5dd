/// gRPC metadata: ordered key-value pairs sent as HTTP/2 headers (initial metadata) or trailers.
///
/// Keys are lowercase (`add` lowercases them) and made of letters, digits, `-`, `_` and `.`. A
/// key ending in `-bin` carries bytes, sent base64 encoded; any other key carries a
/// printable-ASCII string. A key may repeat.
public struct Metadata: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  /// One value: a string for an ASCII key, bytes for a `-bin` key.
  public enum Value: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// A printable-ASCII string.
    case string(String)
    /// Bytes, for keys ending in `-bin`.
    case binary([UInt8])

    /// A string value from a literal.
    public init(stringLiteral value: String) {
      self = .string(value)
    }

    /// A string value from an interpolated literal, such as `"\(count)"`.
    public init(stringInterpolation: DefaultStringInterpolation) {
      self = .string(String(stringInterpolation: stringInterpolation))
    }
  }

  /// One pair, in the order it was added.
  public struct Entry: Sendable, Hashable {
    /// The key, lowercase.
    public var key: String
    /// The value.
    public var value: Value
  }

  @usableFromInline var entries: [Entry]

  /// No metadata.
  public init() {
    self.entries = []
  }

  /// Metadata from a literal such as `["x-tenant": "acme", "trace-bin": .binary([1, 2])]`.
  public init(dictionaryLiteral elements: (String, Value)...) {
    self.entries = []
    entries.reserveCapacity(elements.count)
    for (key, value) in elements {
      entries.append(Entry(key: Self.lowercased(key), value: value))
    }
  }

  /// Whether there is no pair at all.
  public var isEmpty: Bool { entries.isEmpty }

  /// The number of pairs.
  public var count: Int { entries.count }

  /// Adds a string value. `value` must be printable ASCII (0x20–0x7E) unless the key ends in
  /// `-bin`; a value that is not is left out when the metadata is sent.
  public mutating func add(_ key: String, _ value: String) {
    entries.append(Entry(key: Self.lowercased(key), value: .string(value)))
  }

  /// Adds a binary value; the key should end in `-bin` (a binary value under another key is left
  /// out when the metadata is sent).
  public mutating func add(_ key: String, binary: [UInt8]) {
    entries.append(Entry(key: Self.lowercased(key), value: .binary(binary)))
  }

  /// Adds every pair of `other`, after the pairs already here.
  public mutating func add(contentsOf other: Metadata) {
    entries.append(contentsOf: other.entries)
  }

  /// Removes every value of `key`.
  public mutating func removeAll(_ key: String) {
    let key = Self.lowercased(key)
    entries.removeAll { $0.key == key }
  }

  /// The first string value of `key`, if any.
  public subscript(stringValue key: String) -> String? {
    let key = Self.lowercased(key)
    for entry in entries where entry.key == key {
      if case .string(let value) = entry.value { return value }
    }
    return nil
  }

  /// The first value of `key` as bytes (a string value gives its UTF-8 bytes), if any.
  public subscript(binaryValue key: String) -> [UInt8]? {
    let key = Self.lowercased(key)
    for entry in entries where entry.key == key {
      switch entry.value {
      case .binary(let bytes): return bytes
      case .string(let string): return Array(string.utf8)
      }
    }
    return nil
  }

  /// Every value of `key`, in order.
  public func values(for key: String) -> [Value] {
    let key = Self.lowercased(key)
    return entries.lazy.filter { $0.key == key }.map(\.value)
  }

  /// Iterates the pairs in order.
  public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
    entries.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
  }

  /// `key` in lowercase; keys are almost always lowercase already, which costs only a scan.
  static func lowercased(_ key: String) -> String {
    key.utf8.contains(where: { (0x41 ... 0x5A).contains($0) }) ? key.lowercased() : key
  }
}

extension Metadata {
  /// Whether a header name is reserved for gRPC or HTTP and so not user metadata: pseudo
  /// headers, `grpc-*`, and the HTTP headers that describe the request rather than the call.
  static func isReserved(_ name: String) -> Bool {
    HeaderName(name) != nil
  }

  /// Adds a received header as user metadata, decoding base64 for `-bin` keys. A malformed value
  /// (bad base64, or a non-printable ASCII value) is dropped: it cannot be represented.
  mutating func addReceived(_ name: String, _ value: String) {
    if name.hasSuffix("-bin") {
      guard let bytes = Base64.decode(value) else { return }
      entries.append(Entry(key: name, value: .binary(bytes)))
    } else {
      guard Self.isPrintableASCII(value) else { return }
      entries.append(Entry(key: name, value: .string(value)))
    }
  }

  /// The user metadata among received headers (reserved ones excluded).
  init(receivedHeaders headers: [HeaderField]) {
    self.init()
    for field in headers where !Self.isReserved(field.name) {
      addReceived(field.name, field.value)
    }
  }

  /// Appends the pairs as header fields: binary values base64 encoded (padded) under `-bin` keys,
  /// printable-ASCII strings under other keys. Pairs that cannot be sent (an invalid key, a
  /// non-printable value) are skipped, and so are reserved keys, which only the gRPC layer may
  /// set.
  func appendHeaders(to fields: inout [HeaderField]) {
    for entry in entries where Self.isValidKey(entry.key) && !Self.isReserved(entry.key) {
      let isBinaryKey = entry.key.hasSuffix("-bin")
      switch entry.value {
      case .binary(let bytes):
        guard isBinaryKey else { continue }
        fields.append(HeaderField(entry.key, Base64.encode(bytes)))
      case .string(let string):
        if isBinaryKey {
          fields.append(HeaderField(entry.key, Base64.encode(Array(string.utf8))))
        } else if Self.isPrintableASCII(string) {
          fields.append(HeaderField(entry.key, string))
        }
      }
    }
  }

  /// Whether `key` is a valid metadata key: lowercase letters, digits, `-`, `_` and `.`.
  static func isValidKey(_ key: String) -> Bool {
    !key.isEmpty
      && key.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
          UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
          true
        default:
          false
        }
      }
  }

  /// Whether every byte is in 0x20–0x7E.
  static func isPrintableASCII(_ value: String) -> Bool {
    value.utf8.allSatisfy { (0x20 ... 0x7E).contains($0) }
  }
}
