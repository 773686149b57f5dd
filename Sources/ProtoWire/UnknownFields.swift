/// Fields a decoder did not recognise, kept byte for byte (tag and value) so they are written back
/// unchanged when the message is encoded again.
public struct UnknownFields: Sendable, Hashable {
  /// The raw encoded fields, in the order they were read.
  public var bytes: [UInt8]

  /// No unknown fields.
  @inlinable
  public init() { self.bytes = [] }

  /// Whether there are none.
  @inlinable
  public var isEmpty: Bool { bytes.isEmpty }

  @inlinable
  mutating func append(_ raw: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: raw)
  }
}
