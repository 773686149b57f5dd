/// The six wire types of the protobuf encoding: how a field's value is laid out after its tag.
public enum WireType: UInt8, Sendable, Hashable {
  /// Base-128 varint: int32, int64, uint32, uint64, sint32, sint64, bool, enum.
  case varint = 0
  /// Eight little-endian bytes: fixed64, sfixed64, double.
  case fixed64 = 1
  /// A varint length and that many bytes: string, bytes, messages, packed repeated fields.
  case lengthDelimited = 2
  /// Start of a proto2 group (only ever skipped, as part of unknown fields).
  case startGroup = 3
  /// End of a proto2 group.
  case endGroup = 4
  /// Four little-endian bytes: fixed32, sfixed32, float.
  case fixed32 = 5
}

/// Field numbers are 1 through 2^29 - 1.
@usableFromInline let maxFieldNumber = (1 << 29) - 1
