/// A protobuf message with a hand-written codec.
///
/// A conforming type declares its fields, walks them once in `traverse` (in field-number order) and
/// reads them back in `decodeField`; everything else (sizing, encoding, the decode loop, unknown-field
/// retention) comes from this module.
public protocol ProtoMessage: Sendable, Equatable {
  /// The fully qualified protobuf name, such as `switchboard.v1.BotContext`.
  static var protoMessageName: String { get }

  /// A message with every field at its default.
  init()

  /// Fields this type does not know, kept from decoding and written back on encoding.
  var unknownFields: UnknownFields { get set }

  /// Visits every field that is to be encoded, in field-number order, then the unknown fields.
  func traverse<V: FieldVisitor>(_ visitor: inout V)

  /// Reads the field `number`, which arrived with `wireType`, and returns true; returns false
  /// (reading nothing) for a field this type does not know.
  mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool

  /// The exact number of bytes `encode(to:)` writes.
  func encodedSize() -> Int

  /// Writes the message's fields (without any length prefix).
  func encode(to encoder: inout WireEncoder)

  /// Reads fields until the decoder's current limit, merging them into `self` as protobuf does
  /// (scalars replace, repeated fields append, messages merge).
  mutating func merge(from decoder: inout WireDecoder) throws(WireFormatError)
}

extension ProtoMessage {
  @inlinable
  public func encodedSize() -> Int {
    var sizer = WireSizer()
    traverse(&sizer)
    return sizer.size
  }

  @inlinable
  public func encode(to encoder: inout WireEncoder) {
    traverse(&encoder)
  }

  @inlinable
  public mutating func merge(from decoder: inout WireDecoder) throws(WireFormatError) {
    while let (number, wireType) = try decoder.nextField() {
      if try !decodeField(number, wireType, &decoder) {
        try decoder.skipUnknownField(wireType, into: &unknownFields)
      }
    }
  }

  /// The message's encoding: sized first, then written into one exactly sized allocation.
  @inlinable
  public func serializedBytes() -> [UInt8] {
    let size = encodedSize()
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var encoder = WireEncoder(UnsafeMutableRawBufferPointer(buffer))
      encode(to: &encoder)
      encoder.finish()
      initialized = size
    }
  }

  /// Writes the encoding into `buffer`, which must hold at least `encodedSize()` bytes, and returns
  /// the number of bytes written.
  @inlinable
  public func serialize(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    let size = encodedSize()
    precondition(buffer.count >= size, "buffer of \(buffer.count) bytes for a \(size)-byte message")
    var encoder = WireEncoder(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]))
    encode(to: &encoder)
    encoder.finish()
    return size
  }

  /// Decodes a message from its encoding.
  @inlinable
  public init(
    serializedBytes bytes: UnsafeRawBufferPointer, options: DecodingOptions = DecodingOptions()
  ) throws(WireFormatError) {
    self.init()
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    var decoder = WireDecoder(base: base, count: bytes.count, options: options)
    try merge(from: &decoder)
  }

  /// Decodes a message from its encoding.
  @inlinable
  public init(
    serializedBytes bytes: [UInt8], options: DecodingOptions = DecodingOptions()
  ) throws(WireFormatError) {
    let result: Result<Self, WireFormatError> = bytes.withUnsafeBytes { raw in
      do throws(WireFormatError) {
        return .success(try Self(serializedBytes: raw, options: options))
      } catch {
        return .failure(error)
      }
    }
    self = try result.get()
  }

  /// A message built by `populate`, starting from the default: `Queue.with { $0.name = "billing" }`.
  @inlinable
  public static func with(_ populate: (inout Self) throws -> Void) rethrows -> Self {
    var message = Self()
    try populate(&message)
    return message
  }
}

/// Limits and strictness of decoding.
public struct DecodingOptions: Sendable, Hashable {
  /// How deeply messages (and unknown groups) may nest; deeper input is `depthLimitExceeded`.
  public var maxDepth: Int
  /// Whether an unknown field is an error instead of being kept (for tests that prove a Swift type
  /// knows every field of its `.proto` definition).
  public var rejectUnknownFields: Bool

  /// The defaults: depth 100, unknown fields kept.
  public init(maxDepth: Int = 100, rejectUnknownFields: Bool = false) {
    self.maxDepth = maxDepth
    self.rejectUnknownFields = rejectUnknownFields
  }
}
