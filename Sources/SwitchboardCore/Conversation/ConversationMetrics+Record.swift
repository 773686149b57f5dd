/// The timestamps and counters a conversation's metrics are computed from.
struct MetricsClock: Sendable, Hashable {
  /// When an agent accepted it (or it was handed to one) the first time.
  var firstAcceptedAt: WallTime?
  /// From the offer to the first accepting agent until that accept.
  var timeToAccept: Duration?
  /// The first public agent or supervisor message after the first accept.
  var firstAgentResponseAt: WallTime?
  /// When it closed.
  var closedAt: WallTime?
  /// Offers made to agents.
  var offerCount: UInt32 = 0
  /// Offers declined or timed out.
  var declinedOfferCount: UInt32 = 0
  /// Public customer messages.
  var customerMessageCount: UInt32 = 0
  /// Public agent and supervisor messages.
  var agentMessageCount: UInt32 = 0
}

extension ConversationRecord {
  /// The conversation's timings and counters; open durations (handle time) run until `now`.
  ///
  /// - wait time: start → first accept;
  /// - time to accept: the offer to the first accepting agent → that accept;
  /// - first response time: first accept → first public agent or supervisor message;
  /// - handle time: first accept → close (or `now`).
  func metrics(now: WallTime) -> ConversationMetrics {
    let accepted = clock.firstAcceptedAt
    return ConversationMetrics(
      waitTime: accepted.map { $0 - createdAt },
      timeToAccept: clock.timeToAccept,
      firstResponseTime: accepted.flatMap { start in clock.firstAgentResponseAt.map { $0 - start }
      },
      handleTime: accepted.map { (clock.closedAt ?? now) - $0 },
      transferCount: UInt32(transfers.count),
      offerCount: clock.offerCount,
      declinedOfferCount: clock.declinedOfferCount,
      customerMessageCount: clock.customerMessageCount,
      agentMessageCount: clock.agentMessageCount
    )
  }
}
