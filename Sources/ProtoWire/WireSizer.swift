/// The first pass of encoding: adds up the exact encoded size of the fields it visits.
public struct WireSizer: FieldVisitor {
  /// The bytes counted so far.
  public var size = 0
  /// Where nested message sizes are recorded for the writing pass, if anywhere.
  @usableFromInline let nestedSizes: UnsafeMutablePointer<NestedSizes>?

  /// A sizer at zero that records nothing.
  @inlinable
  public init() { self.nestedSizes = nil }

  /// A sizer at zero that records each nested message's size in `nestedSizes`, for a
  /// `WireEncoder` created with the same table.
  @inlinable
  public init(recordingInto nestedSizes: UnsafeMutablePointer<NestedSizes>) {
    self.nestedSizes = nestedSizes
  }

  /// Adds a nested message's body size to the running total and returns it, recording it when
  /// this sizer records.
  @inlinable @inline(__always)
  mutating func nestedBody<M: ProtoMessage>(_ message: M) -> Int {
    let slot = nestedSizes?.pointee.reserve()
    let outer = size
    size = 0
    message.traverse(&self)
    let body = size
    size = outer
    if let slot { nestedSizes.unsafelyUnwrapped.pointee.set(slot, body) }
    return body
  }

  @inlinable
  public mutating func visit<T: ProtoFieldType>(_ value: T.Value, as type: T.Type, field: Int) {
    size &+= Varint.tagSize(field) &+ T.encodedSize(value)
  }

  @inlinable
  public mutating func visitRepeated<T: ProtoFieldType>(_ values: [T.Value], as type: T.Type, field: Int) {
    size &+= Varint.tagSize(field) &* values.count
    for value in values { size &+= T.encodedSize(value) }
  }

  @inlinable
  public mutating func visitPacked<T: ProtoPackableFieldType>(
    _ values: [T.Value], as type: T.Type, field: Int
  ) {
    let body = T.packedSize(values)
    size &+= Varint.tagSize(field) &+ Varint.size(UInt64(body)) &+ body
  }

  @inlinable
  public mutating func visitMessage<M: ProtoMessage>(_ message: M, field: Int) {
    let body = nestedBody(message)
    size &+= Varint.tagSize(field) &+ Varint.size(UInt64(body)) &+ body
  }

  @inlinable
  public mutating func visitRepeatedMessage<M: ProtoMessage>(_ messages: [M], field: Int) {
    let tag = Varint.tagSize(field)
    messages.withUnsafeBufferPointer { elements in
      for position in elements.indices {
        let body = nestedBody(elements[position])
        size &+= tag &+ Varint.size(UInt64(body)) &+ body
      }
    }
  }

  @inlinable
  public mutating func visitMap<K: ProtoMapKeyType, V: ProtoFieldType>(
    _ map: ProtoMap<K.Value, V.Value>, key: K.Type, value: V.Type, field: Int
  ) {
    let tag = Varint.tagSize(field)
    for position in map.storedKeys.indices {
      let body = mapEntrySize(map.storedKeys[position], K.self, map.storedValues[position], V.self)
      size &+= tag &+ Varint.size(UInt64(body)) &+ body
    }
  }

  @inlinable
  public mutating func visitUnknown(_ fields: UnknownFields) {
    size &+= fields.bytes.count
  }
}

/// The size of one map entry's body: key (field 1) and value (field 2), each left out when it is the
/// default, as proto3 entry messages are encoded by libprotobuf-c.
@inlinable @inline(__always)
func mapEntrySize<K: ProtoFieldType, V: ProtoFieldType>(
  _ key: K.Value, _ keyType: K.Type, _ value: V.Value, _ valueType: V.Type
) -> Int {
  var size = 0
  if !K.isDefault(key) { size &+= 1 &+ K.encodedSize(key) }
  if !V.isDefault(value) { size &+= 1 &+ V.encodedSize(value) }
  return size
}
