/// Reads protobuf fields from a contiguous input, checking every length against the end of the
/// enclosing message before touching or allocating anything, and limiting nesting depth.
///
/// Errors carry the number of the field being read and the byte offset where the faulty tag or
/// value begins.
public struct WireDecoder {
  @usableFromInline let base: UnsafeRawPointer
  /// Offset of the next byte to read.
  @usableFromInline var position: Int
  /// Offset just past the message being read.
  @usableFromInline var limit: Int
  /// Messages entered so far.
  @usableFromInline var depth: Int
  /// The field being read; 0 while reading a tag.
  @usableFromInline var field: Int
  /// Offset of the current field's tag.
  @usableFromInline var fieldStart: Int
  /// The limits this decoder enforces.
  public let options: DecodingOptions

  /// A decoder over `count` bytes at `base`, which must stay valid while it is used.
  @inlinable
  public init(base: UnsafeRawPointer, count: Int, options: DecodingOptions) {
    self.base = base
    self.position = 0
    self.limit = count
    self.depth = 0
    self.field = 0
    self.fieldStart = 0
    self.options = options
  }

  @inlinable
  func error(_ code: WireFormatError.Code, at offset: Int) -> WireFormatError {
    WireFormatError(code, fieldNumber: field == 0 ? nil : field, offset: offset)
  }

  // MARK: Primitives

  /// Reads a base-128 varint of at most ten bytes.
  @inlinable @inline(__always)
  public mutating func readVarint() throws(WireFormatError) -> UInt64 {
    let available = limit &- position
    if available >= 2 {
      let first = base.load(fromByteOffset: position, as: UInt8.self)
      if first < 0x80 {
        position &+= 1
        return UInt64(first)
      }
      let second = base.load(fromByteOffset: position &+ 1, as: UInt8.self)
      if second < 0x80 {
        position &+= 2
        return UInt64(first & 0x7F) | UInt64(second) << 7
      }
    } else if available == 1 {
      let first = base.load(fromByteOffset: position, as: UInt8.self)
      if first < 0x80 {
        position &+= 1
        return UInt64(first)
      }
    }
    return try readVarintSlow()
  }

  @inlinable
  mutating func readVarintSlow() throws(WireFormatError) -> UInt64 {
    let start = position
    var result: UInt64 = 0
    var shift: UInt64 = 0
    var offset = position
    while true {
      guard offset < limit else { throw error(.truncated, at: start) }
      let byte = base.load(fromByteOffset: offset, as: UInt8.self)
      offset &+= 1
      if shift == 63 && byte > 1 { throw error(.malformedVarint, at: start) }
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift &+= 7
    }
    position = offset
    return result
  }

  /// Reads four little-endian bytes.
  @inlinable @inline(__always)
  public mutating func readFixed32() throws(WireFormatError) -> UInt32 {
    guard limit &- position >= 4 else { throw error(.truncated, at: position) }
    let value = base.loadUnaligned(fromByteOffset: position, as: UInt32.self)
    position &+= 4
    return UInt32(littleEndian: value)
  }

  /// Reads eight little-endian bytes.
  @inlinable @inline(__always)
  public mutating func readFixed64() throws(WireFormatError) -> UInt64 {
    guard limit &- position >= 8 else { throw error(.truncated, at: position) }
    let value = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
    position &+= 8
    return UInt64(littleEndian: value)
  }

  /// Reads a length prefix and checks that many bytes remain in the current message.
  @inlinable @inline(__always)
  public mutating func readLength() throws(WireFormatError) -> Int {
    let start = position
    let length = try readVarint()
    guard length <= UInt64(limit &- position) else { throw error(.lengthOverrun, at: start) }
    return Int(length)
  }

  /// Reads a length-delimited UTF-8 string, rejecting invalid UTF-8.
  @inlinable
  public mutating func readString() throws(WireFormatError) -> String {
    let start = position
    let length = try readLength()
    if length == 0 { return "" }
    let bytes = UnsafeBufferPointer(
      start: (base + position).assumingMemoryBound(to: UInt8.self), count: length)
    guard isValidUTF8(bytes.baseAddress.unsafelyUnwrapped, length) else {
      throw error(.invalidUTF8, at: start)
    }
    position &+= length
    // Valid input, so this neither repairs nor fails; it is the stdlib's fast non-generic path.
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Reads length-delimited bytes.
  @inlinable
  public mutating func readBytes() throws(WireFormatError) -> [UInt8] {
    let length = try readLength()
    if length == 0 { return [] }
    let bytes = [UInt8](UnsafeRawBufferPointer(start: base + position, count: length))
    position &+= length
    return bytes
  }

  // MARK: Tags and unknown fields

  @inlinable @inline(__always)
  mutating func readTag() throws(WireFormatError) -> (Int, WireType) {
    field = 0
    fieldStart = position
    let key = try readVarint()
    let number = key >> 3
    guard number >= 1, number <= UInt64(maxFieldNumber) else {
      throw error(.invalidFieldNumber, at: fieldStart)
    }
    let rawWireType = UInt8(truncatingIfNeeded: key & 7)
    guard rawWireType <= WireType.fixed32.rawValue else {
      throw error(.invalidWireType, at: fieldStart)
    }
    return (Int(number), WireType(rawValue: rawWireType).unsafelyUnwrapped)
  }

  /// Reads the next tag of the current message, or returns nil at its end.
  @inlinable
  public mutating func nextField() throws(WireFormatError) -> (number: Int, wireType: WireType)? {
    guard position < limit else { return nil }
    let (number, wireType) = try readTag()
    if wireType == .endGroup { throw error(.unexpectedEndGroup, at: fieldStart) }
    field = number
    return (number, wireType)
  }

  /// Skips the value of the field whose tag was just read.
  @inlinable
  public mutating func skipField(_ wireType: WireType) throws(WireFormatError) {
    switch wireType {
    case .varint:
      _ = try readVarint()
    case .fixed64:
      _ = try readFixed64()
    case .fixed32:
      _ = try readFixed32()
    case .lengthDelimited:
      position &+= try readLength()
    case .startGroup:
      try skipGroup(field)
    case .endGroup:
      throw error(.unexpectedEndGroup, at: fieldStart)
    }
  }

  @inlinable
  mutating func skipGroup(_ number: Int) throws(WireFormatError) {
    let start = fieldStart
    guard depth < options.maxDepth else { throw error(.depthLimitExceeded, at: start) }
    depth &+= 1
    while true {
      guard position < limit else { throw error(.truncated, at: start) }
      let (inner, wireType) = try readTag()
      if wireType == .endGroup {
        guard inner == number else { throw error(.unexpectedEndGroup, at: fieldStart) }
        break
      }
      field = inner
      try skipField(wireType)
    }
    depth &-= 1
    field = number
  }

  /// Skips the current field and keeps its bytes (tag and value) in `unknownFields`, or throws
  /// `unknownFieldRejected` when the options say so.
  @inlinable
  public mutating func skipUnknownField(
    _ wireType: WireType, into unknownFields: inout UnknownFields
  ) throws(WireFormatError) {
    if options.rejectUnknownFields { throw error(.unknownFieldRejected, at: fieldStart) }
    let start = fieldStart
    try skipField(wireType)
    unknownFields.append(UnsafeRawBufferPointer(start: base + start, count: position &- start))
  }

  // MARK: Typed fields

  @inlinable @inline(__always)
  func expect(_ wireType: WireType, _ expected: WireType) throws(WireFormatError) {
    if wireType != expected { throw error(.wrongWireType, at: fieldStart) }
  }

  /// Reads a singular value of type `T`.
  @inlinable @inline(__always)
  public mutating func read<T: ProtoFieldType>(
    _ type: T.Type, _ wireType: WireType
  ) throws(WireFormatError) -> T.Value {
    try expect(wireType, T.wireType)
    return try T.read(from: &self)
  }

  /// Appends to a repeated numeric field, accepting packed and unpacked encodings.
  @inlinable
  public mutating func repeated<T: ProtoPackableFieldType>(
    _ values: inout [T.Value], _ type: T.Type, _ wireType: WireType
  ) throws(WireFormatError) {
    if wireType == T.wireType {
      values.append(try T.read(from: &self))
      return
    }
    try expect(wireType, .lengthDelimited)
    let start = position
    let length = try readLength()
    let end = position &+ length
    if let width = T.fixedWidth {
      guard length % width == 0 else { throw error(.truncated, at: start) }
      values.reserveCapacity(values.count &+ length / width)
    }
    let outer = limit
    limit = end
    while position < end { values.append(try T.read(from: &self)) }
    limit = outer
  }

  /// Appends to a repeated string or bytes field.
  @inlinable
  public mutating func repeated<T: ProtoFieldType>(
    _ values: inout [T.Value], _ type: T.Type, _ wireType: WireType
  ) throws(WireFormatError) {
    try expect(wireType, T.wireType)
    values.append(try T.read(from: &self))
  }

  /// Merges a nested message into `message`.
  @inlinable
  public mutating func message<M: ProtoMessage>(
    _ message: inout M, _ wireType: WireType
  ) throws(WireFormatError) {
    try expect(wireType, .lengthDelimited)
    let start = position
    let length = try readLength()
    guard depth < options.maxDepth else { throw error(.depthLimitExceeded, at: start) }
    let outer = limit
    let outerField = field
    limit = position &+ length
    depth &+= 1
    try message.merge(from: &self)
    depth &-= 1
    limit = outer
    field = outerField
  }

  /// Merges a nested message into an optional field, creating it if absent.
  @inlinable
  public mutating func message<M: ProtoMessage>(
    _ message: inout M?, _ wireType: WireType
  ) throws(WireFormatError) {
    if message == nil { message = M() }
    try self.message(&message!, wireType)
  }

  /// Appends one element to a repeated message field.
  @inlinable
  public mutating func repeatedMessage<M: ProtoMessage>(
    _ messages: inout [M], _ wireType: WireType
  ) throws(WireFormatError) {
    var value = M()
    try message(&value, wireType)
    messages.append(value)
  }

  /// Reads one map entry into `map`; a missing key or value is the default, a repeated key replaces.
  @inlinable
  public mutating func map<K: ProtoMapKeyType, V: ProtoFieldType>(
    _ map: inout ProtoMap<K.Value, V.Value>, _ keyType: K.Type, _ valueType: V.Type,
    _ wireType: WireType
  ) throws(WireFormatError) {
    try expect(wireType, .lengthDelimited)
    let length = try readLength()
    let outer = limit
    let outerField = field
    limit = position &+ length
    var key = K.defaultValue
    var value = V.defaultValue
    while let (number, entryWireType) = try nextField() {
      switch number {
      case 1: key = try read(K.self, entryWireType)
      case 2: value = try read(V.self, entryWireType)
      default: try skipField(entryWireType)
      }
    }
    limit = outer
    field = outerField
    map[key] = value
  }

  // MARK: Shorthands

  /// Reads a `string` field.
  @inlinable @inline(__always)
  public mutating func string(_ wireType: WireType) throws(WireFormatError) -> String {
    try read(ProtoString.self, wireType)
  }
  /// Reads a `bytes` field.
  @inlinable @inline(__always)
  public mutating func bytes(_ wireType: WireType) throws(WireFormatError) -> [UInt8] {
    try read(ProtoBytes.self, wireType)
  }
  /// Reads a `bool` field.
  @inlinable @inline(__always)
  public mutating func bool(_ wireType: WireType) throws(WireFormatError) -> Bool {
    try read(ProtoBool.self, wireType)
  }
  /// Reads an `int32` field.
  @inlinable @inline(__always)
  public mutating func int32(_ wireType: WireType) throws(WireFormatError) -> Int32 {
    try read(ProtoInt32.self, wireType)
  }
  /// Reads an `int64` field.
  @inlinable @inline(__always)
  public mutating func int64(_ wireType: WireType) throws(WireFormatError) -> Int64 {
    try read(ProtoInt64.self, wireType)
  }
  /// Reads a `uint32` field.
  @inlinable @inline(__always)
  public mutating func uint32(_ wireType: WireType) throws(WireFormatError) -> UInt32 {
    try read(ProtoUInt32.self, wireType)
  }
  /// Reads a `uint64` field.
  @inlinable @inline(__always)
  public mutating func uint64(_ wireType: WireType) throws(WireFormatError) -> UInt64 {
    try read(ProtoUInt64.self, wireType)
  }
  /// Reads a `double` field.
  @inlinable @inline(__always)
  public mutating func double(_ wireType: WireType) throws(WireFormatError) -> Double {
    try read(ProtoDouble.self, wireType)
  }
  /// Reads an enum field.
  @inlinable @inline(__always)
  public mutating func `enum`<E: ProtoEnum>(_ wireType: WireType) throws(WireFormatError) -> E {
    try read(ProtoEnumField<E>.self, wireType)
  }
}
