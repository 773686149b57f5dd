internal import Synchronization

/// Values attached to a call by its interceptors, for its handler: what an interceptor learned
/// (such as the verified caller) reaches the handler without being worked out twice.
///
/// The slot is keyed by the value's type, one value per type, so each module attaches a type of
/// its own (a `Principal`, not a `String`). It lives behind the call's lock, like the rest of the
/// call's mutable state.
extension ServerContext {
  /// Attaches `value` to this call, replacing the value of the same type attached before.
  public func attach<Value: Sendable>(_ value: Value) {
    state.withLock { $0.attachments[ObjectIdentifier(Value.self)] = value }
  }

  /// The value of type `Value` attached to this call, if any.
  public func attachment<Value: Sendable>(_ type: Value.Type = Value.self) -> Value? {
    state.withLock { $0.attachments[ObjectIdentifier(Value.self)] } as? Value
  }
}
