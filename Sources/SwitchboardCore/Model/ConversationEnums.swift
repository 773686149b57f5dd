/// Why a conversation was transferred or reassigned.
public enum TransferReason: Sendable, Hashable, CaseIterable {
  /// Another agent or queue has the needed expertise.
  case expertise
  /// Balancing workload.
  case workload
  /// The customer needs another language.
  case language
  /// Escalation to a more senior tier.
  case escalation
  /// A supervisor moved it with Reassign; set by the server, never accepted from a Transfer.
  case supervisorReassign
  /// Anything else; the note explains.
  case other
}

/// The state of a request for supervisor assistance.
public enum AssistanceStatus: Sendable, Hashable, CaseIterable {
  /// Waiting for a supervisor.
  case open
  /// A supervisor answered it.
  case resolved
  /// The conversation closed or moved before anyone answered.
  case cancelled
}
