/// Where a transfer or reassignment sends a conversation.
public enum TransferTarget: Sendable, Hashable {
  /// A specific agent; the conversation is offered to (or, forced, handed to) that agent.
  case agent(String)
  /// A queue; the conversation is routed again from that queue with its original age.
  case queue(String)
}

/// A transfer or reassignment that happened.
public struct TransferRecord: Sendable, Hashable {
  /// Server-assigned transfer id.
  public var transferID: String
  /// The conversation transferred.
  public var conversationID: String
  /// Who transferred it (agent, or supervisor for a reassignment).
  public var transferredBy: Participant
  /// Where it was sent.
  public var target: TransferTarget
  /// Why.
  public var reason: TransferReason
  /// The note for the receiving side; empty in the customer's view.
  public var note: String
  /// When it happened.
  public var transferredAt: WallTime

  /// Creates a transfer record.
  public init(
    transferID: String,
    conversationID: String,
    transferredBy: Participant,
    target: TransferTarget,
    reason: TransferReason,
    note: String,
    transferredAt: WallTime
  ) {
    self.transferID = transferID
    self.conversationID = conversationID
    self.transferredBy = transferredBy
    self.target = target
    self.reason = reason
    self.note = note
    self.transferredAt = transferredAt
  }
}
