internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

extension RPCRouter {
  /// Registers a unary method of a domain service. The handler gets the request and the core's
  /// caller for the call's verified principal; a `CoreError` it throws reaches the client as the
  /// status of the same code and message.
  mutating func domainUnary<Request: ProtoMessage, Response: ProtoMessage>(
    _ method: MethodDescriptor,
    _ handler: @escaping @Sendable (Request, Caller) async throws -> Response
  ) {
    unary(method.path) { (request: Request, context: ServerContext) in
      let caller = try context.caller
      do {
        return try await handler(request, caller)
      } catch let error as CoreError {
        throw RPCError(error)
      }
    }
  }

  /// Registers a server-streaming method of a domain service: `open` subscribes with the core
  /// (its `CoreError`s become statuses, as for unary methods), and every item of the
  /// subscription is written as `response(item)` until the stream ends (see
  /// `DomainEnvironment.pump`).
  mutating func domainStream<
    Request: ProtoMessage,
    Response: ProtoMessage,
    Items: AsyncSequence & Sendable
  >(
    _ method: MethodDescriptor,
    _ environment: DomainEnvironment,
    open: @escaping @Sendable (Request, Caller) async throws -> Items,
    response: @escaping @Sendable (Items.Element) -> Response
  ) where Items.Element: Sendable {
    serverStreaming(method.path) {
      (request: Request, writer: ResponseWriter<Response>, context: ServerContext) in
      let principal = try context.principal
      if environment.drain.isDraining { throw DomainEnvironment.drainingError }
      let items: Items
      do {
        items = try await open(request, Caller(principal))
      } catch let error as CoreError {
        throw RPCError(error)
      }
      try await environment.pump(items, to: writer, for: principal, response)
    }
  }
}
