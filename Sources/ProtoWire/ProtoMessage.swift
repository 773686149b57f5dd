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

  /// Adds the message's encoded size to `sizer` (the sizing pass; specialized per type).
  func size(into sizer: inout WireSizer)

  /// Writes the message's fields, without any length prefix (the writing pass; specialized per
  /// type).
  func encode(to encoder: inout WireEncoder)

  /// Reads fields until the decoder's current limit, merging them into `self` as protobuf does
  /// (scalars replace, repeated fields append, messages merge).
  mutating func merge(from decoder: inout WireDecoder) throws(WireFormatError)
}

extension ProtoMessage {
  @inlinable
  public func size(into sizer: inout WireSizer) {
    traverse(&sizer)
  }

  /// The exact number of bytes the encoding takes.
  @inlinable
  public func encodedSize() -> Int {
    var sizer = WireSizer()
    size(into: &sizer)
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

  /// Runs `body` with a table for nested message sizes that lives on the stack.
  @inlinable
  func withNestedSizes<Result>(_ body: (inout NestedSizes) -> Result) -> Result {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { stack in
      var table = NestedSizes(stack)
      defer { table.release() }
      return body(&table)
    }
  }

  /// The sizing pass, recording nested sizes in `table`.
  @inlinable
  func recordedSize(_ table: inout NestedSizes) -> Int {
    withUnsafeMutablePointer(to: &table) { recording in
      var sizer = WireSizer(recordingInto: recording)
      size(into: &sizer)
      return sizer.size
    }
  }

  /// The writing pass into exactly `buffer.count` bytes, with the sizes `recordedSize` found.
  @inlinable
  func write(into buffer: UnsafeMutableRawBufferPointer, _ table: NestedSizes) {
    var encoder = WireEncoder(buffer, nestedSizes: table.base)
    encode(to: &encoder)
    encoder.finish()
  }

  /// The message's encoding: sized once (nested sizes recorded on the stack), then written into
  /// one exactly sized allocation, the only one encoding makes.
  @inlinable
  public func serializedBytes() -> [UInt8] {
    withNestedSizes { table in
      let size = recordedSize(&table)
      return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        write(into: UnsafeMutableRawBufferPointer(buffer), table)
        initialized = size
      }
    }
  }

  /// Writes the encoding at the start of `buffer`, which must hold at least `encodedSize()` bytes,
  /// and returns the number of bytes written. Allocates nothing.
  @inlinable
  public func serialize(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    withNestedSizes { table in
      let size = recordedSize(&table)
      precondition(buffer.count >= size, "buffer of \(buffer.count) bytes for a \(size)-byte message")
      write(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]), table)
      return size
    }
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
