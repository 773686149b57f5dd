internal import Synchronization

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#endif

/// The data directory: created on first use (owner-only permissions, since transcripts are
/// personal data) and locked for the life of the store, so two servers never write one database.
final class DataDirectory: Sendable {
  /// The lock file's name inside the directory.
  static let lockFileName = "switchboard.lock"

  /// The directory's path.
  let path: String
  private let lockDescriptor: Mutex<Int32?>

  /// Creates the directory (and its parents) if needed and takes its lock.
  init(path: String) throws(StoreError) {
    self.path = path
    try Self.makeDirectories(path)
    let lockPath = path + "/" + Self.lockFileName
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw StoreError(.cannotOpen, "cannot open the lock file \(lockPath): \(Self.lastError())")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let reason = Self.lastError()
      close(descriptor)
      throw StoreError(
        .locked,
        "the data directory \(path) is in use by another switchboard process (\(lockPath) is locked: \(reason)); "
          + "stop it or choose another --data-dir"
      )
    }
    lockDescriptor = Mutex(descriptor)
  }

  deinit { unlock() }

  /// Releases the lock (idempotent).
  func unlock() {
    guard
      let descriptor = lockDescriptor.withLock({ value -> Int32? in
        defer { value = nil }
        return value
      })
    else {
      return
    }
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// `mkdir -p` with mode 0700 for the directories it creates.
  private static func makeDirectories(_ path: String) throws(StoreError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
        throw StoreError(.cannotOpen, "cannot create the data directory \(prefix): \(lastError())")
      }
      prefix += "/"
    }
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
      throw StoreError(.cannotOpen, "the data directory \(path) is not a directory")
    }
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}
