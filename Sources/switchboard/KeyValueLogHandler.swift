internal import Logging

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Writes one line per log event to standard error, as `key=value` pairs (logfmt):
///
///     ts=2025-01-31T09:30:00.123Z level=info logger=switchboard msg="listening" port=50051
///
/// Values with spaces, quotes, `=` or control characters are quoted, with `\"`, `\\`, `\n`, `\r`
/// and `\t` escaped, so that every event stays on one line and splits unambiguously.
struct KeyValueLogHandler: LogHandler {
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]
  private let label: String

  /// A handler for the logger `label` that drops events below `level`.
  init(label: String, level: Logger.Level) {
    self.label = label
    self.logLevel = level
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var line = "ts=\(Self.timestamp()) level=\(event.level) logger=\(Self.quoted(label))"
    line += " msg=\(Self.quoted(event.message.description))"
    let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
    for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
      line += " \(key)=\(Self.quoted(value.description))"
    }
    if let error = event.error {
      line += " error=\(Self.quoted(String(describing: error)))"
    }
    line += "\n"
    writeUnbuffered(line, toFileDescriptor: 2)
  }

  /// `value` as is if it needs no quotes, else in double quotes with escapes.
  private static func quoted(_ value: String) -> String {
    let needsQuotes =
      value.isEmpty
      || value.unicodeScalars.contains {
        $0 == " " || $0 == "=" || $0 == "\"" || $0.value < 0x20 || $0 == "\u{7F}"
      }
    guard needsQuotes else { return value }
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20 || scalar == "\u{7F}":
        result += "\\u{\(String(scalar.value, radix: 16))}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// The current UTC time, ISO 8601 with milliseconds.
  private static func timestamp() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var buffer = [CChar](repeating: 0, count: 32)
    let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S", &parts)
    let milliseconds = Int(now.tv_nsec) / 1_000_000
    let date = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let fraction = String(milliseconds)
    return "\(date).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)Z"
  }
}

/// Sends every logger of the process to a `KeyValueLogHandler` at `level`; returns the
/// executable's own logger.
func bootstrapLogging(level: Logger.Level) -> Logger {
  LoggingSystem.bootstrap { label in KeyValueLogHandler(label: label, level: level) }
  return Logger(label: "switchboard")
}
