#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Writes `text` to the file descriptor at once, bypassing stdio buffers: a line reaches a pipe
/// or file as soon as it is written (`listening on ...` must, for whoever waits for it), and, being
/// one `write` call when shorter than the pipe buffer, does not interleave with other lines.
func writeUnbuffered(_ text: String, toFileDescriptor descriptor: Int32) {
  var text = text
  text.withUTF8 { bytes in
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, base + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
}
