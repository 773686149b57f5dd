public import ProtoWire

/// Namespace for the lists of `switchboard.v1` message types, one per `.proto` file.
public enum SwitchboardV1 {}

/// Every message type of `Protos/`, for tests and tools that must cover them all (the
/// libprotobuf-c conformance suite checks this list against the reference descriptors).
public enum MessageCatalog {
  /// All message types.
  public static let all: [any ProtoMessage.Type] =
    [ProtoTimestamp.self, ProtoDuration.self]
    + GRPCHealthV1.messageTypes
    + GRPCReflectionV1.messageTypes
    + GRPCTesting.emptyMessageTypes
    + GRPCTesting.messagesMessageTypes
    + GRPCTesting.testMessageTypes
    + SwitchboardV1.commonMessageTypes
    + SwitchboardV1.agentsMessageTypes
    + SwitchboardV1.adminMessageTypes
    + SwitchboardV1.conversationsMessageTypes
    + SwitchboardV1.transcriptsMessageTypes
    + SwitchboardV1.supervisionMessageTypes
    + SwitchboardV1.eventsMessageTypes
}
