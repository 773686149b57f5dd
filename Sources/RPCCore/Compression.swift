internal import CZlib

/// A message compression algorithm, as named in `grpc-encoding` and `grpc-accept-encoding`.
public enum CompressionAlgorithm: String, Sendable {
  /// No compression.
  case identity
  /// gzip (RFC 1952).
  case gzip
  /// zlib format (RFC 1950), which gRPC calls `deflate`.
  case deflate

  /// zlib's `windowBits` for the format: 15 is the zlib wrapper, 16 + 15 the gzip one.
  fileprivate var windowBits: Int32 {
    switch self {
    case .identity, .deflate: 15
    case .gzip: 31
    }
  }
}

/// The size of the scratch buffer zlib writes into before bytes are appended to the output.
private let chunkSize = 32 * 1024

/// Compresses messages one at a time with one zlib stream, reset between messages.
///
/// Not thread-safe: each call owns its compressor and uses it from one task at a time.
final class Compressor {
  let algorithm: CompressionAlgorithm
  private let stream: UnsafeMutablePointer<z_stream>
  private let chunk: UnsafeMutablePointer<Bytef>

  /// A compressor for `algorithm` (gzip or deflate).
  init(_ algorithm: CompressionAlgorithm) {
    precondition(algorithm != .identity, "identity needs no compressor")
    self.algorithm = algorithm
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    chunk = .allocate(capacity: chunkSize)
    let status = CZlib_deflateInit2(
      stream,
      Z_DEFAULT_COMPRESSION,
      Z_DEFLATED,
      algorithm.windowBits,
      8,
      Z_DEFAULT_STRATEGY
    )
    // Fails only for invalid parameters (these are constants) or when memory is exhausted.
    precondition(status == Z_OK, "deflateInit2 failed with \(status)")
  }

  deinit {
    deflateEnd(stream)
    stream.deallocate()
    chunk.deallocate()
  }

  /// Appends the compressed form of `input` to `output`.
  func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
    deflateReset(stream)
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self)
    )
    stream.pointee.avail_in = uInt(input.count)
    output.reserveCapacity(output.count + Int(deflateBound(stream, uLong(input.count))))
    while true {
      stream.pointee.next_out = chunk
      stream.pointee.avail_out = uInt(chunkSize)
      let status = deflate(stream, Z_FINISH)
      let produced = chunkSize - Int(stream.pointee.avail_out)
      output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
      if status == Z_STREAM_END { return }
      // With Z_FINISH and room to write, deflate only returns Z_OK (more output to come).
      precondition(status == Z_OK, "deflate failed with \(status)")
    }
  }
}

/// Decompresses messages one at a time with one zlib stream, reset between messages, refusing
/// any output larger than a limit (so a small "zip bomb" cannot blow up memory).
///
/// Not thread-safe: each call owns its decompressor and uses it from one task at a time.
final class Decompressor {
  let algorithm: CompressionAlgorithm
  private let stream: UnsafeMutablePointer<z_stream>
  private let chunk: UnsafeMutablePointer<Bytef>

  /// A decompressor for `algorithm` (gzip or deflate).
  init(_ algorithm: CompressionAlgorithm) {
    precondition(algorithm != .identity, "identity needs no decompressor")
    self.algorithm = algorithm
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    chunk = .allocate(capacity: chunkSize)
    let status = CZlib_inflateInit2(stream, algorithm.windowBits)
    precondition(status == Z_OK, "inflateInit2 failed with \(status)")
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
    chunk.deallocate()
  }

  /// The decompressed bytes of `input`, which must be one complete compressed stream.
  /// Throws `resourceExhausted` as soon as the output exceeds `limit` bytes, `internalError` for
  /// corrupt, truncated or trailing input.
  func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(RPCError) -> [UInt8] {
    inflateReset(stream)
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self)
    )
    stream.pointee.avail_in = uInt(input.count)
    var output: [UInt8] = []
    output.reserveCapacity(min(input.count * 4, limit))
    while true {
      stream.pointee.next_out = chunk
      stream.pointee.avail_out = uInt(chunkSize)
      let status = inflate(stream, Z_NO_FLUSH)
      let produced = chunkSize - Int(stream.pointee.avail_out)
      guard output.count + produced <= limit else {
        throw RPCError(
          .resourceExhausted,
          "decompressed message larger than the limit of \(limit) bytes"
        )
      }
      output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
      switch status {
      case Z_STREAM_END:
        guard stream.pointee.avail_in == 0 else {
          throw RPCError(.internalError, "\(algorithm.rawValue) message has trailing bytes")
        }
        return output
      case Z_OK:
        continue
      case Z_BUF_ERROR:
        // No progress with room to write: the input ended before the compressed stream did.
        throw RPCError(.internalError, "\(algorithm.rawValue) message is truncated")
      default:
        throw RPCError(.internalError, "\(algorithm.rawValue) message is corrupt")
      }
    }
  }
}
