public import ProtoWire

/// The methods a server offers, by path, each with its handler.
///
/// Registering wraps the typed handler in a closure that decodes the request and frames the
/// response, so the dispatcher's per-call path is specialized per method and uses no
/// existentials.
public struct RPCRouter: Sendable {
  var methods: [String: ServerMethod] = [:]

  /// No methods.
  public init() {}

  /// Every registered method path, sorted (for reflection and health).
  public var paths: [String] { methods.keys.sorted() }

  /// Registers a unary method: one request, one response. A later registration of the same
  /// path replaces the earlier one.
  public mutating func unary<Request: ProtoMessage, Response: ProtoMessage>(
    _ path: String,
    _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
  ) {
    methods[path] = .unary { request, context in
      let response = try await handler(try request.decode(Request.self), context)
      return try context.frameSingleResponse(response, compressed: nil)
    }
  }

  /// Registers a unary method whose handler sees whether the request arrived compressed and
  /// chooses whether the response is compressed (nil: the default, uncompressed). A compressed
  /// response uses the best algorithm the client accepts, or none if it accepts none.
  public mutating func unaryWithFlags<Request: ProtoMessage, Response: ProtoMessage>(
    _ path: String,
    _ handler:
      @escaping @Sendable (_ request: Request, _ requestCompressed: Bool, ServerContext)
      async throws -> (Response, compressed: Bool?)
  ) {
    methods[path] = .unary { request, context in
      let (response, compressed) = try await handler(
        try request.decode(Request.self),
        request.compressed,
        context
      )
      return try context.frameSingleResponse(response, compressed: compressed)
    }
  }

  /// Registers a client-streaming method: a stream of requests, one response.
  public mutating func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    _ path: String,
    _ handler: @escaping @Sendable (RequestStream<Request>, ServerContext) async throws -> Response
  ) {
    methods[path] = .clientStreaming { reader, context in
      let response = try await handler(RequestStream(reader: reader), context)
      return try context.frameSingleResponse(response, compressed: nil)
    }
  }

  /// Registers a server-streaming method: one request, a stream of responses.
  public mutating func serverStreaming<Request: ProtoMessage, Response: ProtoMessage>(
    _ path: String,
    _ handler:
      @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws
      -> Void
  ) {
    methods[path] = .serverStreaming { request, sender, context in
      try await handler(try request.decode(Request.self), ResponseWriter(sender: sender), context)
    }
  }

  /// Registers a bidirectional-streaming method: streams both ways.
  public mutating func bidirectional<Request: ProtoMessage, Response: ProtoMessage>(
    _ path: String,
    _ handler:
      @escaping @Sendable (RequestStream<Request>, ResponseWriter<Response>, ServerContext)
      async throws -> Void
  ) {
    methods[path] = .bidirectional { reader, sender, context in
      try await handler(RequestStream(reader: reader), ResponseWriter(sender: sender), context)
    }
  }
}

/// A registered method, by the shape of its call; the closures are typed at registration.
enum ServerMethod: Sendable {
  /// Decodes the one request, runs the handler and frames its response.
  case unary(@Sendable (ReceivedMessage, ServerContext) async throws -> SingleResponse)
  /// Runs the handler over the request stream and frames its response.
  case clientStreaming(
    @Sendable (ServerRequestReader, ServerContext) async throws -> SingleResponse
  )
  /// Decodes the one request and runs the handler, which writes responses.
  case serverStreaming(
    @Sendable (ReceivedMessage, ServerResponseSender, ServerContext) async throws -> Void
  )
  /// Runs the handler over the request stream; it writes responses.
  case bidirectional(
    @Sendable (ServerRequestReader, ServerResponseSender, ServerContext) async throws -> Void
  )
}
