// Token revocations that survive a restart.
//
// Design: `<data dir>/revocations.log` is an append-only file of one flat JSON object per line
// (`FlatJSONWriter`), one line per revocation:
//
//     {"kind":"token","id":"<jti>","subject":"agent-7","at":1764097200,"exp":1764140400}
//     {"kind":"subject","subject":"agent-7","at":1764097260}
//
// `at` is when it was revoked (for a subject: every token issued up to that second is revoked),
// `exp` when the revoked token expires, after which its line is useless. Revocations are rare,
// so an append is a blocking write plus fsync before `revoke` returns; if either fails the
// revocation is not applied and the caller learns it. Loading reads every line, tolerates a
// damaged last line (a crash during an append), and compacts the file: expired token lines and
// repeated subject lines are dropped, and the rest is written to a temporary file, synced,
// renamed over the log, and the directory synced, so the log is always whole. Subject lines
// never expire (a token signed elsewhere may last longer than `maximumLifetime`); there is at
// most one per subject after compaction.

internal import Synchronization

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One revocation as the log keeps it.
enum Revocation: Sendable, Hashable {
  /// The token `id`, minted for `subject`, revoked at `revokedAt`; it expires at `expiresAt`.
  case token(id: String, subject: String, revokedAt: Int64, expiresAt: Int64)
  /// Every token of `subject` issued at or before `cutoff`.
  case subject(String, cutoff: Int64)
}

/// The durable record of a `TokenAuthority`'s revocations: an append-only file, loaded and
/// compacted when opened, each append synced to disk before it returns. Thread-safe.
public final class RevocationLog: Sendable {
  /// The log's file name inside the data directory.
  public static let fileName = "revocations.log"

  /// The log file's path.
  public let path: String
  /// What the file held when it was opened, compacted: live token revocations and one cutoff
  /// per subject.
  let loaded: [Revocation]
  /// The open file, appended to under the lock.
  let file: Mutex<AppendFile>

  /// The file a log appends to.
  struct AppendFile {
    /// Its descriptor, open for writing.
    var descriptor: Int32
    /// The length of its whole lines: appends go there.
    var length: Int
    /// Set when an append failed part way: the bytes after `length` must be cut first.
    var damaged = false
  }

  /// The log `revocations.log` in `directory`, which is created (mode 0700) if missing.
  public convenience init(
    inDirectory directory: String,
    now: Int64 = TokenAuthority.systemTime()
  ) throws(RevocationLogError) {
    do {
      try TokenKey.makeDirectories(directory)
    } catch {
      throw RevocationLogError(error.message)
    }
    try self.init(path: directory + "/" + Self.fileName, now: now)
  }

  /// Opens the log at `path` (creating it if missing), reads it and compacts it, dropping the
  /// revocations of tokens expired at `now` (seconds since the Unix epoch). Throws if the file
  /// cannot be read, rewritten or opened for appending, or a line other than the last is not a
  /// revocation.
  public init(path: String, now: Int64 = TokenAuthority.systemTime()) throws(RevocationLogError) {
    self.path = path
    let contents = try Self.contents(of: path)
    let revocations = Self.compacted(try Self.parse(contents ?? [], path: path), now: now)
    let text = revocations.flatMap(Self.line)
    if contents != text {
      try Self.replace(path, with: text)
    }
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw RevocationLogError(path, "cannot open for appending", errno)
    }
    self.loaded = revocations
    self.file = Mutex(AppendFile(descriptor: descriptor, length: text.count))
  }

  deinit {
    file.withLock { _ = close($0.descriptor) }
  }

  /// Appends `revocation` and syncs the file; when it returns, the revocation survives a crash
  /// or power loss. Throws if the write or the sync fails (nothing is then to be trusted of
  /// this line; the next append first cuts it off).
  func append(_ revocation: Revocation) throws(RevocationLogError) {
    let line = Self.line(revocation)
    let path = self.path
    try file.withLock { (file) throws(RevocationLogError) in
      if file.damaged {
        guard ftruncate(file.descriptor, off_t(file.length)) == 0 else {
          throw RevocationLogError(path, "cannot cut off a failed append", errno)
        }
      }
      // Until the line is written and synced.
      file.damaged = true
      var written = 0
      while written < line.count {
        let count = line[written...].withUnsafeBytes {
          pwrite(file.descriptor, $0.baseAddress, $0.count, off_t(file.length + written))
        }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { throw RevocationLogError(path, "cannot write", errno) }
        written += count
      }
      guard fsync(file.descriptor) == 0 else {
        throw RevocationLogError(path, "cannot sync", errno)
      }
      file.length += line.count
      file.damaged = false
    }
  }

  // MARK: The format

  /// The line that records `revocation`, with its newline.
  static func line(_ revocation: Revocation) -> [UInt8] {
    var writer = FlatJSONWriter()
    switch revocation {
    case .token(let id, let subject, let revokedAt, let expiresAt):
      writer.add("kind", "token")
      writer.add("id", id)
      writer.add("subject", subject)
      writer.add("at", revokedAt)
      writer.add("exp", expiresAt)
    case .subject(let subject, let cutoff):
      writer.add("kind", "subject")
      writer.add("subject", subject)
      writer.add("at", cutoff)
    }
    return writer.finished() + [UInt8(ascii: "\n")]
  }

  /// The revocations in `contents`. A last line that is incomplete or not a revocation is
  /// ignored (an append a crash interrupted); any other bad line throws.
  static func parse(_ contents: [UInt8], path: String) throws(RevocationLogError) -> [Revocation] {
    var lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    // After the last newline: empty, or the start of an interrupted append.
    lines.removeLast()
    var revocations: [Revocation] = []
    for (index, line) in lines.enumerated() {
      if let revocation = revocation(in: Array(line)) {
        revocations.append(revocation)
      } else if index < lines.count - 1 {
        throw RevocationLogError(
          "\(path): line \(index + 1) is not a revocation; restore the file from a backup or "
            + "remove the line (removing it un-revokes what it revoked)"
        )
      }
    }
    return revocations
  }

  /// The revocation `line` records, or nil if it is not one.
  private static func revocation(in line: [UInt8]) -> Revocation? {
    guard let members = try? FlatJSONReader.members(of: line),
      case .string(let kind)? = members["kind"],
      case .string(let subject)? = members["subject"], !subject.isEmpty,
      case .integer(let at)? = members["at"]
    else { return nil }
    switch kind {
    case "token":
      guard case .string(let id)? = members["id"], !id.isEmpty,
        case .integer(let expiresAt)? = members["exp"], members.count == 5
      else { return nil }
      return .token(id: id, subject: subject, revokedAt: at, expiresAt: expiresAt)
    case "subject":
      guard members.count == 3 else { return nil }
      return .subject(subject, cutoff: at)
    default:
      return nil
    }
  }

  /// `revocations` without the tokens expired at `now`, without repeated token ids (the first
  /// revocation counts) and with one cutoff per subject (the latest), in their first order.
  static func compacted(_ revocations: [Revocation], now: Int64) -> [Revocation] {
    var latestCutoffs: [String: Int64] = [:]
    for case .subject(let subject, let cutoff) in revocations {
      latestCutoffs[subject] = max(latestCutoffs[subject] ?? cutoff, cutoff)
    }
    var seenTokens: Set<String> = []
    var seenSubjects: Set<String> = []
    return revocations.compactMap { revocation in
      switch revocation {
      case .token(let id, _, _, let expiresAt):
        guard expiresAt > now, seenTokens.insert(id).inserted else { return nil }
        return revocation
      case .subject(let subject, _):
        guard seenSubjects.insert(subject).inserted, let cutoff = latestCutoffs[subject] else {
          return nil
        }
        return .subject(subject, cutoff: cutoff)
      }
    }
  }

  // MARK: Files

  /// The bytes of the file at `path`; nil if there is none.
  private static func contents(of path: String) throws(RevocationLogError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 && errno == ENOENT { return nil }
    guard descriptor >= 0 else { throw RevocationLogError(path, "cannot open", errno) }
    defer { close(descriptor) }
    var contents: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw RevocationLogError(path, "cannot read", errno) }
      if count == 0 { return contents }
      contents += chunk[..<count]
    }
  }

  /// Replaces the file at `path` with `contents` atomically: written aside and synced, renamed
  /// into place, and the directory synced so that the rename survives too.
  private static func replace(_ path: String, with contents: [UInt8]) throws(RevocationLogError) {
    let temporary = "\(path).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw RevocationLogError(temporary, "cannot create", errno) }
    var written = 0
    var failure: (action: String, error: Int32)?
    while written < contents.count {
      let count = contents[written...].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        failure = ("cannot write", errno)
        break
      }
      written += count
    }
    if failure == nil && fsync(descriptor) != 0 { failure = ("cannot sync", errno) }
    close(descriptor)
    if failure == nil && rename(temporary, path) != 0 { failure = ("cannot rename", errno) }
    if let failure {
      unlink(temporary)
      throw RevocationLogError(temporary, failure.action, failure.error)
    }
    try syncDirectory(of: path)
  }

  /// Syncs the directory holding `path`, so that a new name in it is durable.
  private static func syncDirectory(of path: String) throws(RevocationLogError) {
    let directory =
      path.lastIndex(of: "/").map { index in
        index == path.startIndex ? "/" : String(path[..<index])
      } ?? "."
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw RevocationLogError(directory, "cannot open", errno) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw RevocationLogError(directory, "cannot sync", errno) }
  }
}

/// Why the revocation log could not be read or written.
public struct RevocationLogError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, naming the file.
  public var message: String

  /// An error saying `message`.
  public init(_ message: String) {
    self.message = message
  }

  /// An error about `path`: what failed (`action`) and the system's reason for `error` (errno).
  init(_ path: String, _ action: String, _ error: Int32) {
    self.init("\(path): \(action) (\(String(cString: strerror(error))))")
  }

  public var description: String { message }
}
