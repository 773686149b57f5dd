public import SwitchboardCore

/// Transcripts as JSON, one object per line (JSON Lines), for `switchboard transcripts export`.
///
/// The shape is the proto3 JSON mapping of `switchboard.v1.Transcript`
/// (Protos/switchboard/v1/transcripts.proto) with the proto field names (snake_case), so any
/// protobuf library parses a line into that message (e.g. Python's
/// `json_format.Parse(line, Transcript())`):
///
/// - every field is written, default values included (`""`, `0`, `false`, `[]`, `{}`, the
///   `…_UNSPECIFIED` enum value), in field-number order; a message field that is not set
///   (`bot_context`, `resolution`, `survey`, an unset timestamp or duration) is left out;
/// - enums by value name (`"CHANNEL_WEB"`), 64-bit integers as decimal strings (`sequence`,
///   `last_sequence`), 32-bit integers and doubles as numbers;
/// - timestamps as RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits
///   (`"2026-11-25T19:01:00.250Z"`), durations as seconds with an `s`
///   (`"1.500s"`, `"90s"`);
/// - the transfer target as its oneof member: `{"agent_id":"alice"}` or `{"queue_id":"billing"}`;
///   bot attributes as an object.
public enum TranscriptJSON {
  /// `transcript` as one line of compact JSON, without the newline.
  public static func line(_ transcript: Transcript) -> String {
    value(transcript).text
  }

  static func value(_ transcript: Transcript) -> JSON {
    var members: [(String, JSON)] = [
      ("conversation", summary(transcript.conversation)),
      ("customer", customer(transcript.customer)),
    ]
    if let bot = transcript.botContext { members.append(("bot_context", botContext(bot))) }
    members += [
      ("participants", .array(transcript.participants.map(participant))),
      ("messages", .array(transcript.messages.map(message))),
      ("transfers", .array(transcript.transfers.map(transfer))),
    ]
    if let resolution = transcript.resolution {
      members.append(("resolution", self.resolution(resolution)))
    }
    if let survey = transcript.survey { members.append(("survey", self.survey(survey))) }
    members += [
      ("metrics", metrics(transcript.metrics)),
      ("tickets", .array(transcript.tickets.map(ticket))),
      ("channel_moves", .array(transcript.channelMoves.map(channelMove))),
      ("assistance", .array(transcript.assistance.map(assistance))),
    ]
    return .object(members)
  }

  // MARK: Messages

  private static func summary(_ summary: ConversationSummary) -> JSON {
    object([
      ("conversation_id", .string(summary.conversationID)),
      ("queue_id", .string(summary.queueID)),
      ("state", enumName("CONVERSATION_STATE", summary.state)),
      ("priority", enumName("PRIORITY", summary.priority)),
      ("channel", enumName("CHANNEL", summary.channel)),
      ("subject", .string(summary.subject)),
      ("customer_display_name", .string(summary.customerDisplayName)),
      ("assigned_agent_id", .string(summary.assignedAgentID)),
      ("created_at", timestamp(summary.createdAt)),
      ("assigned_at", summary.assignedAt.map(timestamp)),
      ("last_message_at", summary.lastMessageAt.map(timestamp)),
      ("last_sequence", uint64(summary.lastSequence)),
      ("unread_count", .int(Int64(summary.unreadCount))),
      ("transfer_count", .int(Int64(summary.transferCount))),
    ])
  }

  private static func customer(_ customer: CustomerInfo) -> JSON {
    .object([
      ("customer_id", .string(customer.customerID)),
      ("display_name", .string(customer.displayName)),
      ("contact", contact(customer.contact)),
      ("locale", .string(customer.locale)),
      ("verified", .bool(customer.verified)),
    ])
  }

  private static func contact(_ contact: ContactDetails) -> JSON {
    .object([
      ("email", .string(contact.email)),
      ("phone_number", .string(contact.phoneNumber)),
      ("preferred_channel", enumName("CHANNEL", contact.preferredChannel)),
    ])
  }

  private static func botContext(_ bot: BotContext) -> JSON {
    var attributes: [(String, JSON)] = []
    for attribute in bot.attributes {
      // A map: a repeated key keeps its last value, in the place of its first.
      if let index = attributes.firstIndex(where: { $0.0 == attribute.key }) {
        attributes[index].1 = .string(attribute.value)
      } else {
        attributes.append((attribute.key, .string(attribute.value)))
      }
    }
    return .object([
      ("bot_id", .string(bot.botID)),
      ("summary", .string(bot.summary)),
      ("detected_intent", .string(bot.detectedIntent)),
      ("intent_confidence", double(bot.intentConfidence)),
      ("attributes", .object(attributes)),
      (
        "transcript",
        .array(
          bot.transcript.map { entry in
            object([
              ("speaker", enumName("ROLE", entry.speaker)),
              ("text", .string(entry.text)),
              ("sent_at", entry.sentAt.map(timestamp)),
            ])
          }
        )
      ),
    ])
  }

  private static func participant(_ participant: Participant) -> JSON {
    .object([
      ("participant_id", .string(participant.participantID)),
      ("role", enumName("ROLE", participant.role)),
      ("display_name", .string(participant.displayName)),
    ])
  }

  private static func message(_ message: ConversationMessage) -> JSON {
    .object([
      ("message_id", .string(message.messageID)),
      ("conversation_id", .string(message.conversationID)),
      ("sequence", uint64(message.sequence)),
      ("client_message_id", .string(message.clientMessageID)),
      ("author", participant(message.author)),
      ("text", .string(message.text)),
      ("visibility", enumName("MESSAGE_VISIBILITY", message.visibility)),
      ("recipient_agent_id", .string(message.recipientAgentID)),
      ("sent_at", timestamp(message.sentAt)),
    ])
  }

  private static func transfer(_ transfer: TransferRecord) -> JSON {
    let target: JSON =
      switch transfer.target {
      case .agent(let agentID): .object([("agent_id", .string(agentID))])
      case .queue(let queueID): .object([("queue_id", .string(queueID))])
      }
    return .object([
      ("transfer_id", .string(transfer.transferID)),
      ("conversation_id", .string(transfer.conversationID)),
      ("transferred_by", participant(transfer.transferredBy)),
      ("target", target),
      ("reason", enumName("TRANSFER_REASON", transfer.reason)),
      ("note", .string(transfer.note)),
      ("transferred_at", timestamp(transfer.transferredAt)),
    ])
  }

  private static func resolution(_ resolution: Resolution) -> JSON {
    .object([
      ("reason", enumName("CLOSE_REASON", resolution.reason)),
      ("category_id", .string(resolution.categoryID)),
      ("category_label", .string(resolution.categoryLabel)),
      ("notes", .string(resolution.notes)),
      ("closed_by", participant(resolution.closedBy)),
      ("closed_at", timestamp(resolution.closedAt)),
    ])
  }

  private static func survey(_ survey: SurveyResponse) -> JSON {
    .object([
      ("survey_id", .string(survey.surveyID)),
      ("conversation_id", .string(survey.conversationID)),
      ("rating", .int(Int64(survey.rating))),
      ("comment", .string(survey.comment)),
      ("submitted_at", timestamp(survey.submittedAt)),
    ])
  }

  private static func metrics(_ metrics: ConversationMetrics) -> JSON {
    object([
      ("wait_time", metrics.waitTime.map(duration)),
      ("time_to_accept", metrics.timeToAccept.map(duration)),
      ("first_response_time", metrics.firstResponseTime.map(duration)),
      ("handle_time", metrics.handleTime.map(duration)),
      ("transfer_count", .int(Int64(metrics.transferCount))),
      ("offer_count", .int(Int64(metrics.offerCount))),
      ("declined_offer_count", .int(Int64(metrics.declinedOfferCount))),
      ("customer_message_count", .int(Int64(metrics.customerMessageCount))),
      ("agent_message_count", .int(Int64(metrics.agentMessageCount))),
    ])
  }

  private static func ticket(_ ticket: Ticket) -> JSON {
    .object([
      ("ticket_id", .string(ticket.ticketID)),
      ("conversation_id", .string(ticket.conversationID)),
      ("subject", .string(ticket.subject)),
      ("description", .string(ticket.description)),
      ("priority", enumName("PRIORITY", ticket.priority)),
      ("created_by", .string(ticket.createdBy)),
      ("created_at", timestamp(ticket.createdAt)),
    ])
  }

  private static func channelMove(_ move: ChannelMove) -> JSON {
    .object([
      ("move_id", .string(move.moveID)),
      ("conversation_id", .string(move.conversationID)),
      ("target_channel", enumName("CHANNEL", move.targetChannel)),
      ("contact", contact(move.contact)),
      ("note", .string(move.note)),
      ("requested_by", .string(move.requestedBy)),
      ("requested_at", timestamp(move.requestedAt)),
    ])
  }

  private static func assistance(_ request: AssistanceRequest) -> JSON {
    object([
      ("assistance_id", .string(request.assistanceID)),
      ("conversation_id", .string(request.conversationID)),
      ("queue_id", .string(request.queueID)),
      ("agent_id", .string(request.agentID)),
      ("question", .string(request.question)),
      ("urgency", enumName("PRIORITY", request.urgency)),
      ("status", enumName("ASSISTANCE_STATUS", request.status)),
      ("requested_at", timestamp(request.requestedAt)),
      ("answer", .string(request.answer)),
      ("resolved_by", .string(request.resolvedBy)),
      ("resolved_at", request.resolvedAt.map(timestamp)),
    ])
  }

  // MARK: Values

  /// An object of the members that are set.
  private static func object(_ members: [(String, JSON?)]) -> JSON {
    .object(members.compactMap { name, value in value.map { (name, $0) } })
  }

  /// The proto enum value name: the enum's prefix and the stored code in capitals (the stored
  /// codes are the proto names' suffixes in lower case, e.g. `mobile_app`).
  private static func enumName<Value: StoredCode>(_ prefix: String, _ value: Value?) -> JSON {
    .string(prefix + "_" + (value?.storedCode.uppercased() ?? "UNSPECIFIED"))
  }

  /// A 64-bit integer: a decimal string, as proto3 JSON writes them.
  private static func uint64(_ value: UInt64) -> JSON {
    .string(String(value))
  }

  /// A double; proto3 JSON's names for the values that are not numbers.
  private static func double(_ value: Double) -> JSON {
    if value.isNaN { return .string("NaN") }
    if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
    return .double(value)
  }

  /// RFC 3339 in UTC, e.g. `2026-11-25T19:01:00.250Z`.
  static func timestamp(_ time: WallTime) -> JSON {
    let nanoseconds = time.nanosecondsSinceEpoch
    let (seconds, nanos) = floorDivision(nanoseconds, 1_000_000_000)
    let (days, secondOfDay) = floorDivision(seconds, 86_400)
    let (year, month, day) = civilDate(daysSinceEpoch: days)
    let text =
      "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T"
      + "\(padded(secondOfDay / 3600, 2)):\(padded(secondOfDay / 60 % 60, 2)):"
      + "\(padded(secondOfDay % 60, 2))\(fraction(nanos))Z"
    return .string(text)
  }

  /// Seconds with an `s`, e.g. `1.500s`, `-0.001s`, `90s`.
  static func duration(_ duration: Duration) -> JSON {
    let (seconds, attoseconds) = duration.components
    // Whole nanoseconds (toward zero); metrics are far below the 292 years Int64 holds.
    let total = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    let magnitude = total.magnitude
    let text =
      (total < 0 ? "-" : "") + String(magnitude / 1_000_000_000)
      + fraction(Int64(magnitude % 1_000_000_000)) + "s"
    return .string(text)
  }

  /// `.` and 3, 6 or 9 digits of `nanos` (0...999,999,999), or nothing for 0.
  private static func fraction(_ nanos: Int64) -> String {
    guard nanos != 0 else { return "" }
    let digits = padded(nanos, 9)
    if nanos % 1_000_000 == 0 { return "." + digits.prefix(3) }
    if nanos % 1_000 == 0 { return "." + digits.prefix(6) }
    return "." + digits
  }

  private static func padded(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let remainder = value % divisor
    return remainder < 0
      ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
  }

  /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
  private static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
