#if !LIBFUZZER
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// `server-connection-fuzzer FILE...`: serves each input file as the fuzzer does, without
/// libFuzzer, and prints the frames the server sent. For replaying a crashing input (under a
/// debugger, say) and for seeing how far a seed gets.
@main
enum Replay {
  private static let frameNames: [UInt8: String] = [
    0x0: "DATA", 0x1: "HEADERS", 0x2: "PRIORITY", 0x3: "RST_STREAM", 0x4: "SETTINGS",
    0x5: "PUSH_PROMISE", 0x6: "PING", 0x7: "GOAWAY", 0x8: "WINDOW_UPDATE", 0x9: "CONTINUATION",
  ]

  static func main() {
    let paths = CommandLine.arguments.dropFirst()
    guard !paths.isEmpty else {
      print("usage: server-connection-fuzzer FILE...")
      exit(2)
    }
    for path in paths {
      guard let input = readFile(path) else {
        print("\(path): cannot read it")
        exit(1)
      }
      let outcome = input.withUnsafeBytes { FuzzedConnection.serve($0) }
      let frames = outcome.frameTypes.map { frameNames[$0] ?? "type-\($0)" }
      let closed = outcome.closedByServer ? ", closed by the server" : ""
      print(
        "\(path): \(input.count) bytes in \(outcome.reads) reads\(closed); server sent "
          + frames.joined(separator: " ")
      )
    }
  }

  private static func readFile(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      bytes += chunk[0 ..< count]
      if count < chunk.count { return ferror(file) == 0 ? bytes : nil }
    }
  }
}
#endif
