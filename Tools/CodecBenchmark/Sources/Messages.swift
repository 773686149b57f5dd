internal import ProtoWire
internal import SwitchboardAPI

/// The two messages the codec benchmark measures, with realistic contents.
enum BenchmarkMessages {
  /// An agent's offer notification: preview, and a bot context with 10 attributes and 5 lines of
  /// bot transcript.
  static let offerNotification = NotificationsResponse.with {
    $0.sentAt = ProtoTimestamp(seconds: 1_795_000_000, nanos: 123_000_000)
    $0.kind = .offer(
      Offer.with {
        $0.offerID = "offer-7f3c2a91"
        $0.conversationID = "conv-0b8e4d2c-5a61-4f7e-9d3b-2c1a0e9f8b7d"
        $0.queueID = "billing"
        $0.priority = .high
        $0.channel = .web
        $0.subject = "Charged twice for my November invoice"
        $0.customerDisplayName = "Amélie Durand"
        $0.botSummary = "Customer reports a duplicate charge on invoice INV-2026-1142 and wants a refund."
        $0.detectedIntent = "billing.refund.duplicate_charge"
        $0.mode = .singleAgent
        $0.offeredAt = ProtoTimestamp(seconds: 1_795_000_000, nanos: 120_000_000)
        $0.expiresAt = ProtoTimestamp(seconds: 1_795_000_030, nanos: 120_000_000)
        $0.customerWaited = ProtoDuration(seconds: 42, nanos: 500_000_000)
        $0.botContext = BotContext.with {
          $0.botID = "helpbot-eu-1"
          $0.summary = "Duplicate charge of 49.00 EUR on 2026-11-02; customer verified by e-mail."
          $0.detectedIntent = "billing.refund.duplicate_charge"
          $0.intentConfidence = 0.93
          for (key, value) in [
            ("account_id", "ACC-558812"), ("plan", "business-monthly"), ("invoice", "INV-2026-1142"),
            ("amount", "49.00"), ("currency", "EUR"), ("payment_method", "visa-4242"),
            ("country", "FR"), ("language", "fr-FR"), ("sentiment", "frustrated"),
            ("previous_contacts", "2"),
          ] {
            $0.attributes[key] = value
          }
          let lines: [(Role, String)] = [
            (.customer, "Bonjour, I was charged twice this month."),
            (.bot, "I'm sorry to hear that. Could you give me the invoice number?"),
            (.customer, "INV-2026-1142, both charges are 49 EUR on Nov 2."),
            (.bot, "Thanks. I can see two payments for that invoice."),
            (.bot, "I'm connecting you with a billing specialist who can issue the refund."),
          ]
          $0.transcript = lines.enumerated().map { index, line in
            BotTranscriptEntry.with {
              $0.speaker = line.0
              $0.text = line.1
              $0.sentAt = ProtoTimestamp(seconds: 1_794_999_950 + Int64(index) * 8)
            }
          }
        }
      })
  }

  /// A conversation message event carrying a 200-character customer message.
  static let messageEvent = ConversationEvent.with {
    $0.conversationID = "conv-0b8e4d2c-5a61-4f7e-9d3b-2c1a0e9f8b7d"
    $0.sequence = 1_042
    $0.occurredAt = ProtoTimestamp(seconds: 1_795_000_100, nanos: 5_000_000)
    $0.kind = .message(
      ConversationMessage.with {
        $0.messageID = "msg-5c7d9e11"
        $0.conversationID = "conv-0b8e4d2c-5a61-4f7e-9d3b-2c1a0e9f8b7d"
        $0.sequence = 1_042
        $0.clientMessageID = "c-1795000100-77"
        $0.author = Participant.with {
          $0.participantID = "cust-558812"
          $0.role = .customer
          $0.displayName = "Amélie Durand"
        }
        $0.text = String(
          repeating: "Thanks, the refund shows as pending on my card statement now. ", count: 4
        ).prefix(200).description
        $0.visibility = .public
        $0.sentAt = ProtoTimestamp(seconds: 1_795_000_100)
      })
  }
}
