#if canImport(Glibc)
import Glibc
#endif

/// A `switchboard serve` the benchmark started, listening on a port it chose.
struct ServerProcess: Sendable {
  let process: ChildProcess
  let port: Int

  /// Starts `switchboard serve` on 127.0.0.1 with a free port, its data in `dataDirectory`,
  /// pinned to CPU 0 if `pinned`; returns once it prints `listening on HOST:PORT`.
  static func start(
    settings: Settings,
    mode: StoreMode,
    dataDirectory: String,
    keyFile: String,
    pinned: Bool
  ) async throws -> Self {
    let serve =
      [
        settings.switchboard, "serve", "--host", "127.0.0.1", "--port", "0",
        "--data-dir", dataDirectory, "--token-key-file", keyFile, "--log-level", "warning",
      ] + mode.serverArguments + settings.serverArguments
    let process = try ChildProcess.spawn(
      (pinned ? ["taskset", "-c", "0"] : []) + serve,
      outputPath: dataDirectory + ".stdout",
      errorPath: dataDirectory + ".stderr"
    )
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      if let port = listeningPort(readFile(process.outputPath)) {
        return ServerProcess(process: process, port: port)
      }
      if !process.isRunning {
        throw BenchmarkError(
          "`\(serve.joined(separator: " "))` exited before listening:\n"
            + readFile(process.errorPath)
        )
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    process.terminate()
    throw BenchmarkError("`\(serve.joined(separator: " "))` did not listen within 60 s")
  }

  /// The port of a `listening on HOST:PORT` line in `output`.
  static func listeningPort(_ output: String) -> Int? {
    for line in output.split(separator: "\n") where line.hasPrefix("listening on ") {
      guard let colon = line.lastIndex(of: ":") else { continue }
      return Int(line[line.index(after: colon)...])
    }
    return nil
  }

  /// Stops the server with SIGTERM; throws if it had already died or does not exit cleanly.
  func stop() throws {
    guard process.isRunning else {
      throw BenchmarkError("the server died during the round:\n" + readFile(process.errorPath))
    }
    let status = process.terminate()
    guard status == 0 || status == 128 + SIGTERM else {
      throw BenchmarkError(
        "the server exited with \(status) on SIGTERM:\n" + readFile(process.errorPath)
      )
    }
  }
}
