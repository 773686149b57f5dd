/// Whether `count` bytes at `start` are well-formed UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF). Runs of ASCII are checked eight bytes at a time.
@inlinable
func isValidUTF8(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var index = 0
  // Most protocol strings are ASCII: check eight bytes at a time, then the tail.
  while index &+ 8 <= count {
    let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
    if word & 0x8080_8080_8080_8080 != 0 { break }
    index &+= 8
  }
  while index < count && start[index] < 0x80 { index &+= 1 }
  while index < count {
    // ASCII fast path.
    while index &+ 8 <= count {
      let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
      if word & 0x8080_8080_8080_8080 != 0 { break }
      index &+= 8
    }
    guard index < count else { break }
    let lead = start[index]
    if lead < 0x80 {
      index &+= 1
      continue
    }
    @inline(__always) func continuation(_ offset: Int) -> UInt8? {
      let position = index &+ offset
      guard position < count else { return nil }
      let byte = start[position]
      return byte & 0xC0 == 0x80 ? byte : nil
    }
    switch lead {
    case 0xC2...0xDF:
      guard continuation(1) != nil else { return false }
      index &+= 2
    case 0xE0...0xEF:
      guard let second = continuation(1), continuation(2) != nil else { return false }
      if lead == 0xE0 && second < 0xA0 { return false }  // overlong
      if lead == 0xED && second >= 0xA0 { return false }  // UTF-16 surrogate
      index &+= 3
    case 0xF0...0xF4:
      guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else {
        return false
      }
      if lead == 0xF0 && second < 0x90 { return false }  // overlong
      if lead == 0xF4 && second >= 0x90 { return false }  // above U+10FFFF
      index &+= 4
    default:
      return false  // a continuation byte, an overlong two-byte lead, or 0xF5...0xFF
    }
  }
  return true
}
