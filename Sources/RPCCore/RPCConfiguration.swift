/// Limits and compression settings for a server dispatcher or a client.
public struct RPCConfiguration: Sendable {
  /// The largest message accepted, in bytes, after decompression; a larger one ends the call
  /// with RESOURCE_EXHAUSTED. The default is 4 MiB, as in other gRPC implementations.
  public var maxReceiveMessageSize = 4 * 1024 * 1024
  /// The largest message sent, in bytes; a larger one ends the call with RESOURCE_EXHAUSTED.
  public var maxSendMessageSize = 4 * 1024 * 1024
  /// The algorithms accepted for received messages and usable for sent ones, in order of
  /// preference (identity is always accepted).
  public var compressionAlgorithms: [CompressionAlgorithm] = [.gzip, .deflate]

  /// The defaults: 4 MiB each way, gzip and deflate.
  public init() {}

  /// A configuration with the given limits and algorithms.
  public init(
    maxReceiveMessageSize: Int = 4 * 1024 * 1024,
    maxSendMessageSize: Int = 4 * 1024 * 1024,
    compressionAlgorithms: [CompressionAlgorithm] = [.gzip, .deflate]
  ) {
    self.maxReceiveMessageSize = maxReceiveMessageSize
    self.maxSendMessageSize = maxSendMessageSize
    self.compressionAlgorithms = compressionAlgorithms
  }
}

extension RPCConfiguration {
  /// The `grpc-accept-encoding` value announcing the configured algorithms, identity included.
  var acceptEncodingHeader: String {
    var names = ["identity"]
    for algorithm in compressionAlgorithms where !names.contains(algorithm.rawValue) {
      names.append(algorithm.rawValue)
    }
    return names.joined(separator: ",")
  }

  /// The configured algorithm named `name` (identity always counts), or nil if unsupported.
  func supportedAlgorithm(named name: String) -> CompressionAlgorithm? {
    guard let algorithm = CompressionAlgorithm(rawValue: name) else { return nil }
    return algorithm == .identity || compressionAlgorithms.contains(algorithm) ? algorithm : nil
  }

  /// The algorithm to compress with when the peer accepts `acceptEncoding` (a
  /// `grpc-accept-encoding` value): the first configured one, in the preference order gzip,
  /// deflate, that the peer lists; nil when there is none.
  func negotiatedAlgorithm(acceptEncoding: String?) -> CompressionAlgorithm? {
    guard let acceptEncoding else { return nil }
    let accepted = acceptEncoding.split(separator: ",").map {
      $0.trimmingASCIISpaces().lowercased()
    }
    for candidate in [CompressionAlgorithm.gzip, .deflate]
    where compressionAlgorithms.contains(candidate) && accepted.contains(candidate.rawValue) {
      return candidate
    }
    return nil
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  func trimmingASCIISpaces() -> Substring {
    var result = self
    while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
    while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
    return result
  }
}
