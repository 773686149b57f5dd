/// The transcript access rules applied to the facts a store keeps with a closed conversation;
/// they agree with `RegistryState.staffAccess` and `customerSideConversation` for a closed
/// conversation in memory (whose owner is its last agent and which no supervisor has joined).
extension StoredTranscript {
  /// The error for a customer asking for the internal view.
  static let customersReadPublicOnly = CoreError(
    .permissionDenied,
    "customers may read only the public transcript"
  )

  /// Throws `permissionDenied` unless `caller` may read this transcript (in the internal view
  /// if `includeInternal`): a customer (whose token's scope the caller checked) the public view
  /// only; an agent who handled it; a supervisor of a queue it passed through (`supervising`:
  /// the queues the supervisor supervises now) or who handled it; an admin.
  func checkRead(
    by caller: Caller,
    supervising: Set<String>,
    includeInternal: Bool
  ) throws(CoreError) {
    let conversation = transcript.conversation
    let reason: String
    switch caller.role {
    case .customer:
      guard !includeInternal else { throw Self.customersReadPublicOnly }
      return
    case .admin:
      return
    case .agent:
      if agentIDs.contains(caller.id) { return }
      reason = "agent \(caller.id) has not handled it"
    case .supervisor:
      if agentIDs.contains(caller.id) || queueIDs.contains(where: supervising.contains) { return }
      reason = "supervisor \(caller.id) does not supervise queue \(conversation.queueID)"
    case .bot, .system:
      throw CoreError(.permissionDenied, "\(caller.role) callers cannot read transcripts")
    }
    throw CoreError(
      .permissionDenied,
      "cannot read the transcript in conversation \(conversation.conversationID): \(reason)"
    )
  }
}

extension TranscriptReach {
  /// True if a closed conversation that passed through `queueIDs` and was handled by
  /// `agentIDs` is within this reach.
  func admits(queueIDs: [String], agentIDs: [String]) -> Bool {
    switch self {
    case .everything:
      true
    case .limited(let supervised, let agentID):
      queueIDs.contains(where: supervised.contains) || agentID.map(agentIDs.contains) ?? false
    }
  }
}
