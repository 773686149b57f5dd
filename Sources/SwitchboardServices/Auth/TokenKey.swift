internal import Crypto

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The server's secret for signing tokens (the HMAC-SHA256 key): at least 32 bytes.
///
/// It comes from a file (`--token-key-file`, `SWITCHBOARD_TOKEN_KEY_FILE`: the file's bytes, less
/// one trailing newline), from `SWITCHBOARD_TOKEN_KEY` (the variable's bytes), or, with neither,
/// from `<data-dir>/token.key`, which the first start creates with 32 random bytes written as 64
/// hex digits and a newline (mode 0600) and later starts reuse, so tokens survive restarts. In
/// every case the key is the text itself, as PyJWT and other JWT libraries take it.
public struct TokenKey: Sendable {
  /// The fewest bytes a key may have (the HMAC-SHA256 block of security, RFC 7518 §3.2).
  public static let minimumLength = 32
  /// The name of the key file in the data directory.
  public static let fileName = "token.key"
  /// The largest key file read.
  static let maximumFileSize = 64 * 1024

  /// The key's bytes.
  let bytes: [UInt8]

  /// The key `bytes`, from `source` (named in the error if it is shorter than 32 bytes).
  public init(bytes: [UInt8], source: String) throws(TokenKeyError) {
    guard bytes.count >= Self.minimumLength else {
      throw TokenKeyError(
        "\(source): the token key has \(bytes.count) bytes; it needs "
          + "\(Self.minimumLength) or more (make one with `openssl rand -hex 32`)"
      )
    }
    self.bytes = bytes
  }

  /// The key in the file at `path`: its bytes, less one trailing newline (`\n` or `\r\n`).
  public init(contentsOfFile path: String) throws(TokenKeyError) {
    var bytes = try Self.readFile(path)
    if bytes.last == 0x0A {
      bytes.removeLast()
      if bytes.last == 0x0D { bytes.removeLast() }
    }
    try self.init(bytes: bytes, source: path)
  }

  /// The key in `directory/token.key`, made first (with `directory`, mode 0700, if missing) with
  /// a new random key if there is none. Two processes starting at once end up with the same key:
  /// the file appears whole (written aside, then linked into place) and only once.
  public static func loadOrCreate(inDirectory directory: String) throws(TokenKeyError) -> TokenKey {
    let path = directory + "/" + fileName
    if access(path, F_OK) != 0 {
      try makeDirectories(directory)
      try createKeyFile(at: path)
    }
    return try TokenKey(contentsOfFile: path)
  }

  /// Writes a new random key to `path` unless a file is there already.
  private static func createKeyFile(at path: String) throws(TokenKeyError) {
    let random = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    let hex = Array("0123456789abcdef".utf8)
    var text = random.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0xF)]] }
    text.append(0x0A)

    let temporary = "\(path).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw TokenKeyError(temporary, "cannot create", errno) }
    defer { unlink(temporary) }
    var written = 0
    while written < text.count {
      let count = text[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        let error = errno
        close(descriptor)
        throw TokenKeyError(temporary, "cannot write", error)
      }
      written += count
    }
    let synced = fsync(descriptor) == 0
    let error = errno
    close(descriptor)
    guard synced else { throw TokenKeyError(temporary, "cannot sync", error) }
    // link(2) fails if the name exists: whoever linked first wins, and the other reads theirs.
    guard link(temporary, path) == 0 || errno == EEXIST else {
      throw TokenKeyError(path, "cannot create", errno)
    }
  }

  /// Makes `directory` and any missing parent, mode 0700.
  static func makeDirectories(_ directory: String) throws(TokenKeyError) {
    var prefix = directory.hasPrefix("/") ? "/" : ""
    for component in directory.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
        throw TokenKeyError(prefix, "cannot create the directory", errno)
      }
      prefix += "/"
    }
  }

  /// The bytes of the file at `path`.
  private static func readFile(_ path: String) throws(TokenKeyError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw TokenKeyError(path, "cannot open the token key file", errno)
    }
    defer { close(descriptor) }
    var contents: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw TokenKeyError(path, "cannot read the token key file", errno) }
      if count == 0 { return contents }
      contents += chunk[..<count]
      guard contents.count <= maximumFileSize else {
        throw TokenKeyError("\(path): the token key file is larger than \(maximumFileSize) bytes")
      }
    }
  }
}

/// Why the token key could not be loaded or created.
public struct TokenKeyError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, naming the file or variable.
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
