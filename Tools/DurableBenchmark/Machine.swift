#if canImport(Glibc)
import Glibc
#endif

/// What the report says about the machine and the run's conditions.
enum Machine {
  /// Online CPUs.
  static var cores: Int { sysconf(Int32(_SC_NPROCESSORS_ONLN)) }

  /// The CPU model from /proc/cpuinfo.
  static var cpuModel: String {
    for line in readFile("/proc/cpuinfo").split(separator: "\n")
    where line.hasPrefix("model name") {
      if let colon = line.firstIndex(of: ":") {
        return line[line.index(after: colon)...].trimmingPrefix(" ").description
      }
    }
    return "unknown CPU"
  }

  /// The 1, 5 and 15 minute load averages.
  static var loadAverage: String {
    readFile("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ")
  }

  /// The current UTC time as `YYYY-MM-DD HH:MM:SS UTC`.
  static var utcNow: String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let length = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S UTC", &parts)
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The mount holding `path` (an absolute, resolved path), from /proc/self/mounts: file system
  /// type, and `ext4 on /dev/vda mounted at / (rw,relatime)` with the mount options.
  static func fileSystem(of path: String) -> (type: String, description: String) {
    var best: (point: String, fields: [Substring]) = ("", [])
    for line in readFile("/proc/self/mounts").split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 4 else { continue }
      let point = unescapeMountField(String(fields[1]))
      let inside =
        path == point || point == "/" || path.hasPrefix(point.hasSuffix("/") ? point : point + "/")
      if inside && point.count >= best.point.count { best = (point, fields) }
    }
    guard !best.fields.isEmpty else { return ("unknown", "unknown file system") }
    let type = String(best.fields[2])
    return (type, "\(type) on \(best.fields[0]) mounted at \(best.point) (\(best.fields[3]))")
  }

  /// /proc/self/mounts writes space, tab, newline and backslash as octal escapes.
  static func unescapeMountField(_ field: String) -> String {
    field.replacing("\\040", with: " ").replacing("\\011", with: "\t")
      .replacing("\\012", with: "\n").replacing("\\134", with: "\\")
  }

  /// The absolute, resolved form of `path`.
  static func resolvedPath(_ path: String) throws -> String {
    guard let resolved = realpath(path, nil) else {
      throw BenchmarkError("\(path): \(String(cString: strerror(errno)))")
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// CPU seconds (user + system) process `pid` has used so far, from /proc/PID/stat.
  static func cpuSeconds(of pid: pid_t) -> Double {
    let stat = readFile("/proc/\(pid)/stat")
    guard let close = stat.lastIndex(of: ")") else { return .nan }
    // After the command's closing parenthesis: state is field 3, utime 14, stime 15.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
      return .nan
    }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Restricts every thread of this process to `cpu` (threads made later inherit it).
  static func pinSelf(to cpu: Int) throws {
    _ = try ChildProcess.run(
      ["taskset", "-a", "-p", "-c", String(cpu), String(getpid())],
      scratch: "/tmp/durable-benchmark-taskset-\(getpid())"
    )
  }

  /// `count` random bytes from /dev/urandom, as lowercase hex.
  static func randomHex(bytes count: Int) throws -> String {
    guard let file = fopen("/dev/urandom", "r") else { throw BenchmarkError("no /dev/urandom") }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0, count: count)
    guard fread(&bytes, 1, count, file) == count else {
      throw BenchmarkError("cannot read /dev/urandom")
    }
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
  }
}
