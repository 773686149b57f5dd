internal import ArgumentParser
internal import SwitchboardCore
internal import SwitchboardStore

/// `switchboard transcripts`: the stored transcripts of closed conversations.
struct TranscriptsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transcripts",
    abstract: "Reads the stored transcripts of closed conversations.",
    subcommands: [Export.self]
  )

  /// `switchboard transcripts export`: JSON Lines from the database, oldest closed first.
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Prints closed conversations' transcripts as JSON Lines on standard output.",
      discussion: """
        Reads <data dir>/switchboard.sqlite, also while a server runs on the directory (it \
        reads the last committed state and changes nothing), and prints one transcript per \
        line, oldest closed first. The filters combine with AND; without any, every closed \
        conversation is printed.

        Each line is the proto3 JSON form of switchboard.v1.Transcript \
        (Protos/switchboard/v1/transcripts.proto) with the proto's snake_case field names, so \
        protobuf's JSON parsers read it: every field is written, defaults included, except \
        message fields that are not set (bot_context, resolution, survey, unset times); enums \
        by name ("CHANNEL_WEB"); 64-bit integers (sequence, last_sequence) as strings; \
        timestamps as RFC 3339 in UTC ("2026-11-25T19:01:00.250Z"); durations in seconds \
        ("1.500s").

        The default view, --internal, has everything stored: notes, whispers, transfer and \
        closing notes, tickets, channel moves, assistance. --public has what the customer sees \
        (GetTranscript without include_internal).

        Exits non-zero, with the reason on standard error, if there is no database in the \
        data directory or it cannot be read.
        """
    )

    /// Which view of each transcript to print.
    enum View: String, EnumerableFlag {
      /// Everything stored (the default).
      case `internal`
      /// What the customer sees.
      case `public`

      static func help(for value: View) -> ArgumentHelp? {
        switch value {
        case .internal: "Print everything stored."
        case .public: "Print only what the customer sees."
        }
      }
    }

    @Option(help: "Where the server keeps its data (default ./switchboard-data).")
    var dataDir: String?

    @Option(help: "A configuration file of `key = value` lines, as for `serve` (for data_dir).")
    var config: String?

    @Option(help: "Only conversations that passed through this queue (repeatable: any of them).")
    var queue: [String] = []

    @Option(help: "Only conversations this agent handled.")
    var agent: String?

    @Option(help: "Only conversations closed with this resolution category.")
    var category: String?

    @Option(
      help:
        "Only conversations closed at or after this time (RFC 3339, e.g. 2026-11-25T08:00:00Z, or a date)."
    )
    var closedAfter: String?

    @Option(help: "Only conversations closed before this time (RFC 3339, or a date).")
    var closedBefore: String?

    @Flag(help: "The view printed.")
    var view: View = .internal

    /// Transcripts read per database call.
    static let batchSize = 100

    func validate() throws {
      _ = try closedRange()
      if queue.contains(where: \.isEmpty) { throw ValidationError("--queue needs a queue id") }
    }

    func run() async throws {
      var settings = try ServerSettings.fromFileAndEnvironment(config: config)
      if let dataDir { try settings.set("data_dir", dataDir, source: "--data-dir") }
      let filter = TranscriptFilter(
        queueID: queue.count == 1 ? queue[0] : nil,
        agentID: agent,
        closed: try closedRange(),
        resolutionCategoryID: category
      )
      // Several queues: those that passed through any of them.
      let reach: TranscriptReach =
        queue.count > 1 ? .limited(queueIDs: Set(queue), agentID: nil) : .everything

      let archive = try await TranscriptArchive.open(dataDirectory: settings.dataDirectory)
      do {
        var resumeToken = ""
        while true {
          let batch = try await archive.exportTranscripts(
            filter,
            reach: reach,
            resumeToken: resumeToken,
            limit: Self.batchSize
          )
          for item in batch {
            let transcript = view == .public ? item.transcript.publicView : item.transcript
            print(TranscriptJSON.line(transcript))
          }
          guard let last = batch.last else { break }
          resumeToken = last.resumeToken
        }
      } catch {
        await archive.close()
        throw error
      }
      await archive.close()
    }

    /// The closing times `--closed-after` and `--closed-before` allow; nil without either.
    private func closedRange() throws -> TimeRange? {
      let start = try closedAfter.map { try Self.time($0, option: "--closed-after") }
      let end = try closedBefore.map { try Self.time($0, option: "--closed-before") }
      if let start, let end, end < start {
        throw ValidationError("--closed-before is earlier than --closed-after")
      }
      return start == nil && end == nil ? nil : TimeRange(start: start, end: end)
    }

    private static func time(_ text: String, option: String) throws -> WallTime {
      guard let time = RFC3339.parse(text) else {
        throw ValidationError(
          "\(option) '\(text)' is not an RFC 3339 time such as 2026-11-25T08:00:00Z or "
            + "2026-11-25T09:00:00+01:00, or a date such as 2026-11-25 (midnight UTC)"
        )
      }
      return time
    }
  }
}
