internal import SwitchboardServices
internal import Testing

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

@Suite("Auth: TokenKey")
struct TokenKeyTests {
  /// A new empty directory, removed (with what the test put there) after `body`.
  func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/switchboard-token-key-XXXXXX".utf8CString)
    let directory = try #require(
      template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    )
    let path = String(cString: directory)
    defer { removeTree(path) }
    try body(path)
  }

  /// Removes `path` and, if it is a directory, everything in it.
  func removeTree(_ path: String) {
    guard let directory = opendir(path) else {
      unlink(path)
      return
    }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { removeTree(path + "/" + name) }
    }
    closedir(directory)
    rmdir(path)
  }

  func writeFile(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    try #require(written == bytes.count)
  }

  func readFile(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    return Array(buffer[..<max(count, 0)])
  }

  /// The token `key` mints, verified by an authority with `other`: whether both are one key.
  func sameKey(_ key: TokenKey, _ other: TokenKey) throws -> Bool {
    let token = try TokenAuthority(key: key).mint(role: .admin, subject: "a").token
    return (try? TokenAuthority(key: other).verify(token)) != nil
  }

  @Test("a key file is its bytes less one trailing newline")
  func file() throws {
    try withTemporaryDirectory { directory in
      let secret = Array(repeating: UInt8(ascii: "k"), count: 32)
      let path = directory + "/key"
      let reference = try TokenKey(bytes: secret, source: "test")
      for ending in [[], [0x0A], [0x0D, 0x0A]] as [[UInt8]] {
        try writeFile(secret + ending, to: path)
        #expect(try sameKey(TokenKey(contentsOfFile: path), reference))
      }
      try writeFile(secret + [0x0A, 0x0A], to: path)
      #expect(try !sameKey(TokenKey(contentsOfFile: path), reference))
    }
  }

  @Test("a short key, or a missing file, is a clear error")
  func errors() throws {
    try withTemporaryDirectory { directory in
      let path = directory + "/key"
      try writeFile(Array(repeating: UInt8(ascii: "k"), count: 31) + [0x0A], to: path)
      let short = #expect(throws: TokenKeyError.self) { try TokenKey(contentsOfFile: path) }
      #expect(short?.message.hasPrefix("\(path): the token key has 31 bytes; it needs 32") == true)

      let missing = directory + "/missing"
      let unreadable = #expect(throws: TokenKeyError.self) { try TokenKey(contentsOfFile: missing) }
      #expect(
        unreadable?.message
          == "\(missing): cannot open the token key file (No such file or directory)"
      )

      let empty = #expect(throws: TokenKeyError.self) {
        try TokenKey(bytes: [], source: "SWITCHBOARD_TOKEN_KEY")
      }
      #expect(empty?.message.hasPrefix("SWITCHBOARD_TOKEN_KEY: the token key has 0 bytes") == true)
    }
  }

  @Test("the data directory gets a random key of 64 hex digits, mode 0600, reused afterwards")
  func createAndReuse() throws {
    try withTemporaryDirectory { directory in
      let dataDirectory = directory + "/data/nested"
      let created = try TokenKey.loadOrCreate(inDirectory: dataDirectory)
      let path = dataDirectory + "/" + TokenKey.fileName
      let text = readFile(path)
      #expect(text.count == 65)
      #expect(text.last == 0x0A)
      #expect(text.dropLast().allSatisfy { Character(Unicode.Scalar($0)).isHexDigit })
      var status = stat()
      try #require(stat(path, &status) == 0)
      #expect(status.st_mode & 0o777 == 0o600)
      try #require(stat(dataDirectory, &status) == 0)
      #expect(status.st_mode & 0o777 == 0o700)

      let reused = try TokenKey.loadOrCreate(inDirectory: dataDirectory)
      #expect(readFile(path) == text)
      #expect(try sameKey(created, reused))
      #expect(try sameKey(created, TokenKey(contentsOfFile: path)))

      let elsewhere = try TokenKey.loadOrCreate(inDirectory: directory + "/other")
      #expect(try !sameKey(created, elsewhere))
    }
  }
}
