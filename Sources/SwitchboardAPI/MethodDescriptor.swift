/// Names a gRPC method as it travels on the wire, `/package.Service/Method`, and says which of
/// the four call kinds it is.
public struct MethodDescriptor: Sendable, Hashable, CustomStringConvertible {
  /// Whether each side sends one message or a stream of them.
  public enum Kind: Sendable, Hashable {
    /// One request, one response.
    case unary
    /// A stream of requests, one response.
    case clientStreaming
    /// One request, a stream of responses.
    case serverStreaming
    /// Streams both ways.
    case bidirectionalStreaming
  }

  /// The fully qualified service name, such as `switchboard.v1.Agents`.
  public let service: String
  /// The method name, such as `Accept`.
  public let method: String
  /// The call kind.
  public let kind: Kind

  /// Describes a method.
  public init(service: String, method: String, kind: Kind) {
    self.service = service
    self.method = method
    self.kind = kind
  }

  /// The HTTP/2 `:path` of a call: `/switchboard.v1.Agents/Accept`.
  public var path: String { "/\(service)/\(method)" }

  public var description: String { path }
}
