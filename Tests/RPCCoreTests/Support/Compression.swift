@testable internal import RPCCore

/// Compression helpers for building and reading compressed messages in tests.
enum Compression {
  static func compress(_ bytes: [UInt8], _ algorithm: CompressionAlgorithm) -> [UInt8] {
    var output: [UInt8] = []
    bytes.withUnsafeBytes { Compressor(algorithm).compress($0, appendingTo: &output) }
    return output
  }

  static func decompress(_ bytes: [UInt8], _ algorithm: CompressionAlgorithm) throws -> [UInt8] {
    try bytes.withUnsafeBytes { try Decompressor(algorithm).decompress($0, limit: 1 << 24) }
  }
}
