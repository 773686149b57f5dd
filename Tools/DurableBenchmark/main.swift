// durable-benchmark: durable messages per second through the whole server. For each store mode
// (`--store memory`, the baseline; `--sync normal`; `--sync full`) a fresh `switchboard serve`
// on a fresh data directory gets a queue, agents that accept every offer and follow their
// conversations, and C conversations whose customers send M messages each, one at a time
// (closed loop per conversation, C in flight): a customer's SendMessage → the journal → the
// agent's Follow stream. Measured: messages per second acknowledged and delivered, and the
// latency send → acknowledged and send → delivered (p50, p99). Rounds interleave the modes
// (memory, normal, full, memory, …) because the machine is shared and noisy; the summary gives
// the median of the rounds per mode and the ratios to the in-memory baseline.
//
// Usage: see `Settings.usageText`; `Tools/benchmark-durable.sh` builds and runs it.

#if canImport(Glibc)
import Glibc
#endif

do {
  let settings = Settings(arguments: CommandLine.arguments)
  let pinned = settings.pin && Machine.cores >= 2
  if pinned { try Machine.pinSelf(to: 1) }
  try await runBenchmark(settings, pinned: pinned)
} catch {
  say("durable-benchmark: \(error)")
  exit(1)
}

func runBenchmark(_ settings: Settings, pinned: Bool) async throws {
  guard access(settings.switchboard, X_OK) == 0 else {
    throw BenchmarkError("\(settings.switchboard) is not an executable (--switchboard PATH)")
  }
  let parent = try Machine.resolvedPath(settings.dataParent)
  let fileSystem = Machine.fileSystem(of: parent)
  guard !["tmpfs", "ramfs"].contains(fileSystem.type) else {
    throw BenchmarkError(
      "\(parent) is on \(fileSystem.type): pass --data-parent DIR on the disk a server would use"
    )
  }
  var template = Array((parent + "/durable-benchmark.XXXXXX").utf8CString)
  guard mkdtemp(&template) != nil else {
    throw BenchmarkError("cannot create a directory in \(parent)")
  }
  let work = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
  let keyFile = work + "/token.key"
  try writePrivateFile(keyFile, try Machine.randomHex(bytes: 32) + "\n")
  let tokens = try mintTokens(settings, keyFile: keyFile, scratch: work + "/token")

  say("# command: \(CommandLine.arguments.map(shellQuoted).joined(separator: " "))")
  say("# date: \(Machine.utcNow)")
  say("# machine: \(Machine.cores) CPUs (\(Machine.cpuModel)), load average \(Machine.loadAverage)")
  say("# data directories: \(work) (\(fileSystem.description))")
  say(
    "# server: \(settings.switchboard)"
      + (pinned ? ", pinned to CPU 0; clients pinned to CPU 1" : ", not pinned")
      + (settings.serverArguments.isEmpty
        ? "" : "; extra arguments: \(settings.serverArguments.joined(separator: " "))")
  )
  say(
    "# load: \(settings.conversations) conversations in parallel, each \(settings.warmup) warm-up + "
      + "\(settings.messages) measured messages of \(settings.textBytes) B, one at a time; "
      + "\(settings.agents) agents of capacity \(settings.capacity); \(settings.rounds) rounds of "
      + settings.modes.map(\.rawValue).joined(separator: ", ")
  )

  var results: [(mode: StoreMode, result: RoundResult)] = []
  for round in 1 ... settings.rounds {
    for mode in settings.modes {
      let dataDirectory = work + "/round\(round)-\(mode.rawValue)"
      let server = try await ServerProcess.start(
        settings: settings,
        mode: mode,
        dataDirectory: dataDirectory,
        keyFile: keyFile,
        pinned: pinned
      )
      let result: RoundResult
      do {
        result = try await Round(
          settings: settings,
          tokens: tokens,
          port: server.port,
          serverPID: server.process.pid
        ).run()
        try server.stop()
      } catch {
        if server.process.isRunning { server.process.terminate() }
        throw BenchmarkError("round \(round) (\(mode.rawValue)): \(error); files kept in \(work)")
      }
      let databaseBytes = ["", "-wal", "-shm"].reduce(0) {
        $0 + fileSize(dataDirectory + "/switchboard.sqlite" + $1)
      }
      say(roundLine(round: round, mode: mode, result, databaseBytes: databaseBytes))
      results.append((mode, result))
      _ = try ChildProcess.run(
        ["rm", "-rf", dataDirectory, dataDirectory + ".stdout", dataDirectory + ".stderr"],
        scratch: work + "/rm"
      )
    }
  }
  say("# finished: \(Machine.utcNow), load average \(Machine.loadAverage)")
  say("")
  say(summaryTables(results, modes: settings.modes))
  _ = try ChildProcess.run(["rm", "-rf", work], scratch: parent + "/.durable-benchmark-rm")
}

/// Tokens for the admin, the bot and every agent, from `switchboard token create`.
func mintTokens(_ settings: Settings, keyFile: String, scratch: String) throws -> Tokens {
  func mint(_ role: String, _ subject: String) throws -> String {
    let output = try ChildProcess.run(
      [
        settings.switchboard, "token", "create", "--role", role, "--subject", subject,
        "--token-key-file", keyFile,
      ],
      scratch: scratch
    )
    guard let token = output.split(separator: "\n").last(where: { !$0.isEmpty }) else {
      throw BenchmarkError("`switchboard token create` printed no token")
    }
    return String(token)
  }
  return Tokens(
    admin: try mint("admin", "bench-admin"),
    bot: try mint("bot", "bench-bot"),
    agents: try (0 ..< settings.agents).map { try mint("agent", Round.agentID($0)) }
  )
}

/// The size of a file in bytes; 0 if it does not exist.
func fileSize(_ path: String) -> Int {
  var information = stat()
  return stat(path, &information) == 0 ? Int(information.st_size) : 0
}

/// `argument` as a shell would need it written.
func shellQuoted(_ argument: String) -> String {
  let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=,:@%+".contains($0) }
  return plain && !argument.isEmpty ? argument : "'" + argument.replacing("'", with: "'\\''") + "'"
}

/// Writes `line` and a newline to standard output at once (progress shows while piped).
func say(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  var written = 0
  while written < bytes.count {
    let count = bytes.withUnsafeBytes { write(1, $0.baseAddress! + written, bytes.count - written) }
    if count <= 0 { return }
    written += count
  }
}
