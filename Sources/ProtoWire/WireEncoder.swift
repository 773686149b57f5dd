/// The second pass of encoding: writes fields forward into a buffer sized by `WireSizer`.
///
/// Every write checks that it fits, so a `traverse` that visits differently in the two passes
/// traps instead of writing out of bounds; `finish()` checks the buffer was filled exactly.
public struct WireEncoder: FieldVisitor {
  @usableFromInline var cursor: UnsafeMutableRawPointer
  @usableFromInline let end: UnsafeMutableRawPointer
  /// Nested message sizes recorded by the sizing pass, or nil to size nested messages again.
  @usableFromInline let nestedSizes: UnsafePointer<Int>?
  @usableFromInline var nextNestedSize = 0

  /// An encoder that fills `buffer` from its start. `nestedSizes`, when given, holds the sizes a
  /// recording `WireSizer` found for the same message.
  @inlinable
  public init(_ buffer: UnsafeMutableRawBufferPointer, nestedSizes: UnsafePointer<Int>? = nil) {
    // An empty buffer has no address; nothing will be written, so any non-null one will do.
    let start = buffer.baseAddress ?? UnsafeMutableRawPointer(bitPattern: 0x8).unsafelyUnwrapped
    self.cursor = start
    self.end = start + buffer.count
    self.nestedSizes = nestedSizes
  }

  /// The bytes still free.
  @inlinable
  public var remaining: Int { end - cursor }

  /// Traps unless the buffer is exactly full: the check that the sizing and writing passes agreed.
  @inlinable
  public func finish() {
    precondition(remaining == 0, "encoder finished with \(remaining) bytes unwritten")
  }

  /// The writing pass fills a buffer that the sizing pass measured with the same `traverse` of the
  /// same immutable value, so writes fit by construction; debug builds check each one, and
  /// `finish()` checks the total in every build.
  @inlinable @inline(__always)
  func reserve(_ count: Int) -> UnsafeMutableRawPointer {
    assert(remaining >= count, "encoding overran the size computed for it")
    return cursor
  }

  /// Writes a base-128 varint.
  @inlinable @inline(__always)
  public mutating func writeVarint(_ value: UInt64) {
    if value < 0x80 {
      let start = reserve(1)
      start.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
      cursor = start + 1
      return
    }
    let count = Varint.size(value)
    let start = reserve(count)
    var value = value
    var offset = 0
    while value >= 0x80 {
      start.storeBytes(of: UInt8(truncatingIfNeeded: value) | 0x80, toByteOffset: offset, as: UInt8.self)
      value >>= 7
      offset &+= 1
    }
    start.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: offset, as: UInt8.self)
    cursor = start + count
  }

  /// Writes a field's tag.
  @inlinable @inline(__always)
  public mutating func writeTag(_ field: Int, _ wireType: WireType) {
    writeVarint(UInt64(truncatingIfNeeded: field) << 3 | UInt64(wireType.rawValue))
  }

  /// Writes four little-endian bytes.
  @inlinable @inline(__always)
  public mutating func writeFixed32(_ value: UInt32) {
    let start = reserve(4)
    start.storeBytes(of: value.littleEndian, as: UInt32.self)
    cursor = start + 4
  }

  /// Writes eight little-endian bytes.
  @inlinable @inline(__always)
  public mutating func writeFixed64(_ value: UInt64) {
    let start = reserve(8)
    start.storeBytes(of: value.littleEndian, as: UInt64.self)
    cursor = start + 8
  }

  /// Writes bytes as they are.
  @inlinable @inline(__always)
  public mutating func writeRaw(_ bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    let start = reserve(bytes.count)
    start.copyMemory(from: source, byteCount: bytes.count)
    cursor = start + bytes.count
  }

  /// Writes a string's length and UTF-8 bytes.
  @inlinable
  public mutating func writeString(_ value: String) {
    let utf8 = value.utf8
    writeVarint(UInt64(utf8.count))
    let copied: Void? = utf8.withContiguousStorageIfAvailable { writeRaw(UnsafeRawBufferPointer($0)) }
    if copied == nil {
      for byte in utf8 {
        let start = reserve(1)
        start.storeBytes(of: byte, as: UInt8.self)
        cursor = start + 1
      }
    }
  }

  @inlinable
  public mutating func visit<T: ProtoFieldType>(_ value: T.Value, as type: T.Type, field: Int) {
    writeTag(field, T.wireType)
    T.write(value, to: &self)
  }

  @inlinable
  public mutating func visitRepeated<T: ProtoFieldType>(_ values: [T.Value], as type: T.Type, field: Int) {
    for value in values {
      writeTag(field, T.wireType)
      T.write(value, to: &self)
    }
  }

  @inlinable
  public mutating func visitPacked<T: ProtoPackableFieldType>(
    _ values: [T.Value], as type: T.Type, field: Int
  ) {
    writeTag(field, .lengthDelimited)
    writeVarint(UInt64(T.packedSize(values)))
    for value in values { T.write(value, to: &self) }
  }

  @inlinable
  public mutating func visitMessage<M: ProtoMessage>(_ message: M, field: Int) {
    writeTag(field, .lengthDelimited)
    let body: Int
    if let nestedSizes {
      body = nestedSizes[nextNestedSize]
      nextNestedSize &+= 1
    } else {
      body = message.encodedSize()
    }
    writeVarint(UInt64(body))
    message.traverse(&self)
  }

  @inlinable
  public mutating func visitRepeatedMessage<M: ProtoMessage>(_ messages: [M], field: Int) {
    messages.withUnsafeBufferPointer { elements in
      for position in elements.indices { visitMessage(elements[position], field: field) }
    }
  }

  @inlinable
  public mutating func visitMap<K: ProtoMapKeyType, V: ProtoFieldType>(
    _ map: ProtoMap<K.Value, V.Value>, key: K.Type, value: V.Type, field: Int
  ) {
    for position in map.storedKeys.indices {
      let key = map.storedKeys[position]
      let value = map.storedValues[position]
      writeTag(field, .lengthDelimited)
      writeVarint(UInt64(mapEntrySize(key, K.self, value, V.self)))
      if !K.isDefault(key) {
        writeTag(1, K.wireType)
        K.write(key, to: &self)
      }
      if !V.isDefault(value) {
        writeTag(2, V.wireType)
        V.write(value, to: &self)
      }
    }
  }

  @inlinable
  public mutating func visitUnknown(_ fields: UnknownFields) {
    fields.bytes.withUnsafeBytes { writeRaw($0) }
  }
}
