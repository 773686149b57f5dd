/// Per-call settings of a client call.
public struct CallOptions: Sendable {
  /// How long the call may take; sent as `grpc-timeout` and enforced locally, ending the call
  /// with DEADLINE_EXCEEDED. Nil: no deadline.
  public var timeout: Duration?
  /// The request metadata.
  public var metadata: Metadata
  /// The algorithm request messages are compressed with (announced in `grpc-encoding`); nil or
  /// identity: uncompressed.
  public var compression: CompressionAlgorithm?

  /// Options; the defaults are no deadline, no metadata, no compression.
  public init(
    timeout: Duration? = nil,
    metadata: Metadata = [:],
    compression: CompressionAlgorithm? = nil
  ) {
    self.timeout = timeout
    self.metadata = metadata
    self.compression = compression
  }
}

/// The response of a unary or client-streaming call.
public struct ClientResponse<Message: Sendable>: Sendable {
  /// The response message.
  public var message: Message
  /// The metadata of the response headers.
  public var initialMetadata: Metadata
  /// The metadata of the trailers.
  public var trailingMetadata: Metadata

  /// A response.
  public init(message: Message, initialMetadata: Metadata = [:], trailingMetadata: Metadata = [:]) {
    self.message = message
    self.initialMetadata = initialMetadata
    self.trailingMetadata = trailingMetadata
  }
}
