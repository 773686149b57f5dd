internal import CNGHTTP2
internal import RPCCore

extension HeaderField {
  /// A field from nghttp2's name and value bytes, which are valid only during a header callback.
  init(name: UnsafePointer<UInt8>, nameLength: Int, value: UnsafePointer<UInt8>, valueLength: Int) {
    self.init(
      Self.string(UnsafeBufferPointer(start: name, count: nameLength)),
      Self.string(UnsafeBufferPointer(start: value, count: valueLength))
    )
  }

  /// Names and values too long for a small (inline) string that gRPC peers send on every call:
  /// shared instead of allocated per request.
  private static let common = [
    "application/grpc", "application/grpc+proto", "grpc-accept-encoding",
    "identity,deflate,gzip", "identity,gzip,deflate",
  ]

  private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if bytes.count > 15 {
      for candidate in common where candidate.utf8.count == bytes.count {
        let equal = candidate.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) }
        if equal == true {
          return candidate
        }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Calls `body` with `fields` as nghttp2 name/value pairs in stack memory where it fits, valid
/// only during the call (nghttp2 copies them inside `submit_*`, as no NO_COPY flag is set).
func withNameValuePairs<Result>(
  _ fields: [HeaderField],
  _ body: (UnsafePointer<nghttp2_nv>, Int) -> Result
) -> Result {
  var byteCount = 0
  for field in fields {
    byteCount += field.name.utf8.count + field.value.utf8.count
  }
  return withUnsafeTemporaryAllocation(of: nghttp2_nv.self, capacity: max(fields.count, 1)) {
    pairs in
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(byteCount, 1)) { bytes in
      var offset = 0
      func copy(_ text: String) -> (UnsafeMutablePointer<UInt8>, Int) {
        let start = bytes.baseAddress! + offset
        let rest = UnsafeMutableBufferPointer(rebasing: bytes[offset...])
        let copied = rest.initialize(fromContentsOf: text.utf8)
        offset += copied
        return (start, copied)
      }
      for (index, field) in fields.enumerated() {
        let (name, nameLength) = copy(field.name)
        let (value, valueLength) = copy(field.value)
        pairs.initializeElement(
          at: index,
          to: nghttp2_nv(
            name: name,
            value: value,
            namelen: nameLength,
            valuelen: valueLength,
            flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)
          )
        )
      }
      return body(pairs.baseAddress!, fields.count)
    }
  }
}
