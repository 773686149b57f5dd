#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawnp`, its standard output and error going to files.
struct ChildProcess: Sendable {
  /// The process id.
  let pid: pid_t
  /// The file its standard output goes to.
  let outputPath: String
  /// The file its standard error goes to.
  let errorPath: String

  /// Starts `arguments[0]` (searched in PATH unless it has a slash) with the rest as arguments.
  static func spawn(_ arguments: [String], outputPath: String, errorPath: String) throws -> Self {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    guard result == 0 else {
      throw BenchmarkError("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
    }
    return ChildProcess(pid: pid, outputPath: outputPath, errorPath: errorPath)
  }

  /// Runs `arguments` to the end; returns its standard output, or throws with its error output
  /// if it exits other than 0.
  static func run(_ arguments: [String], scratch: String) throws -> String {
    let child = try spawn(arguments, outputPath: scratch + ".out", errorPath: scratch + ".err")
    let status = child.wait()
    defer {
      unlink(child.outputPath)
      unlink(child.errorPath)
    }
    guard status == 0 else {
      throw BenchmarkError(
        "`\(arguments.joined(separator: " "))` exited with \(status): \(readFile(child.errorPath))"
      )
    }
    return readFile(child.outputPath)
  }

  /// Whether the process still runs (it has not been waited for).
  var isRunning: Bool {
    var status: Int32 = 0
    return waitpid(pid, &status, WNOHANG) == 0
  }

  /// Waits for the process to end; returns its exit status, or 128 + the signal that ended it.
  @discardableResult
  func wait() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }

  /// Sends SIGTERM and waits for the end.
  @discardableResult
  func terminate() -> Int32 {
    kill(pid, SIGTERM)
    return wait()
  }
}

/// The contents of a file as text; empty if it cannot be read.
func readFile(_ path: String) -> String {
  guard let file = fopen(path, "r") else { return "" }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&buffer, 1, buffer.count, file)
    if count <= 0 { break }
    bytes += buffer[..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Writes `text` to a new file readable by its owner only.
func writePrivateFile(_ path: String, _ text: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard descriptor >= 0 else { throw BenchmarkError("cannot create \(path)") }
  defer { close(descriptor) }
  let bytes = Array(text.utf8)
  guard write(descriptor, bytes, bytes.count) == bytes.count else {
    throw BenchmarkError("cannot write \(path)")
  }
}

/// A failure that ends the benchmark, with what went wrong.
struct BenchmarkError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
