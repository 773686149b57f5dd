// Swift access to the libprotobuf-c harness of the ProtobufCReference target.

internal import ProtobufCReference

/// libprotobuf-c, the reference implementation, through the generic harness (`harness.c`).
enum Reference {
  /// A protoc-c message descriptor.
  typealias Descriptor = OpaquePointer

  /// The full names of every message the reference knows (map entries excluded).
  static var messageNames: [String] {
    (0 ..< pbref_message_count()).map { String(cString: pbref_message_name(pbref_message_at($0))) }
  }

  /// The descriptor of the message with this full name, if the reference has it.
  static func descriptor(named name: String) -> Descriptor? {
    pbref_find_message(name)
  }

  /// A random message of the descriptor's type for `seed`, packed by libprotobuf-c.
  static func randomEncoded(_ descriptor: Descriptor, seed: UInt64) -> [UInt8]? {
    var pointer: UnsafeMutablePointer<UInt8>? = nil
    var count = 0
    guard pbref_random_encoded(descriptor, seed, &pointer, &count) == 0 else { return nil }
    defer { pbref_free(pointer) }
    return Array(UnsafeBufferPointer(start: pointer, count: count))
  }

  /// `bytes` unpacked and packed again by libprotobuf-c, or nil if it cannot unpack them.
  static func repack(_ descriptor: Descriptor, _ bytes: [UInt8]) -> [UInt8]? {
    var pointer: UnsafeMutablePointer<UInt8>? = nil
    var count = 0
    let status = bytes.withUnsafeBufferPointer {
      pbref_repack(descriptor, $0.baseAddress, $0.count, &pointer, &count)
    }
    guard status == 0 else { return nil }
    defer { pbref_free(pointer) }
    return Array(UnsafeBufferPointer(start: pointer, count: count))
  }

  /// libprotobuf-c's canonical description of `bytes` (see `DumpVisitor`), or nil if it cannot
  /// unpack them.
  static func dump(_ descriptor: Descriptor, _ bytes: [UInt8]) -> String? {
    var text: UnsafeMutablePointer<CChar>? = nil
    let status = bytes.withUnsafeBufferPointer {
      pbref_dump(descriptor, $0.baseAddress, $0.count, &text)
    }
    guard status == 0, let text else { return nil }
    defer { pbref_free(text) }
    return String(cString: text)
  }
}
