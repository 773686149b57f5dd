internal import Synchronization
internal import Testing

@testable internal import SwitchboardServices

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

@Suite("Auth: RevocationLog")
struct RevocationLogTests {
  let clock = AuthTestClock()

  /// An authority on the log in `directory`, as a server starting there makes it.
  func authority(in directory: String) throws -> TokenAuthority {
    TokenAuthority(
      key: AuthTestSupport.key(),
      revocationLog: try RevocationLog(inDirectory: directory, now: clock.now),
      now: clock.function
    )
  }

  /// The text of the log in `directory`.
  func logText(in directory: String) throws -> String {
    let descriptor = open(directory + "/" + RevocationLog.fileName, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    try #require(count >= 0)
    return String(decoding: buffer[..<count], as: UTF8.self)
  }

  func writeLog(_ text: String, in directory: String) throws {
    try TokenKeyTests().writeFile(Array(text.utf8), to: directory + "/" + RevocationLog.fileName)
  }

  @Test("revocations by id and by subject hold for a new authority on the same log")
  func survivesRestart() throws {
    try TokenKeyTests().withTemporaryDirectory { directory in
      let first = try authority(in: directory)
      let revoked = try first.mint(role: .agent, subject: "agent-7")
      let kept = try first.mint(role: .agent, subject: "agent-7")
      // Minted by another process (the CLI), revoked with every token of its subject.
      let fromCLI = try TokenAuthority(key: AuthTestSupport.key(), now: clock.function)
        .mint(role: .agent, subject: "agent-8")
      let revokedAt = clock.now
      #expect(try first.revoke(tokenID: revoked.tokenID) == revokedAt)
      #expect(try first.revokeAll(subject: "agent-8") == 0)
      clock.advance(5)

      let second = try authority(in: directory)
      #expect(throws: TokenError(.revoked, "token was revoked")) {
        try second.verify(revoked.token)
      }
      #expect(throws: TokenError(.revoked, "token was revoked")) {
        try second.verify(fromCLI.token)
      }
      #expect(try second.verify(kept.token).tokenID == kept.tokenID)
      // It knows the revoked id and when it was revoked; the kept one was minted elsewhere now.
      #expect(try second.revoke(tokenID: revoked.tokenID) == revokedAt)
      #expect(try second.revoke(tokenID: kept.tokenID) == nil)
      // Tokens of the subject minted later are valid.
      #expect(
        try second.verify(try second.mint(role: .agent, subject: "agent-8").token).subject
          == "agent-8"
      )
    }
  }

  @Test("opening drops expired token revocations and repeated subject lines")
  func compaction() throws {
    try TokenKeyTests().withTemporaryDirectory { directory in
      let authority = try authority(in: directory)
      let short = try authority.mint(role: .bot, subject: "bot-1", ttl: .seconds(60))
      let long = try authority.mint(role: .bot, subject: "bot-1", ttl: .seconds(3600))
      try authority.revoke(tokenID: short.tokenID)
      try authority.revoke(tokenID: long.tokenID)
      try authority.revokeAll(subject: "agent-7")
      clock.advance(100)
      try authority.revokeAll(subject: "agent-7")
      #expect(try logText(in: directory).split(separator: "\n").count == 4)

      _ = try RevocationLog(inDirectory: directory, now: clock.now)
      let start = clock.now - 100
      #expect(
        try logText(in: directory) == """
          {"kind":"token","id":"\(long.tokenID)","subject":"bot-1","at":\(start),"exp":\(start + 3600)}
          {"kind":"subject","subject":"agent-7","at":\(clock.now)}

          """
      )
    }
  }

  @Test("a damaged last line is ignored (an interrupted append); a damaged earlier line throws")
  func damagedLines() throws {
    try TokenKeyTests().withTemporaryDirectory { directory in
      let cutoff = clock.now
      let valid = #"{"kind":"subject","subject":"agent-7","at":\#(cutoff)}"# + "\n"
      for tail in [
        #"{"kind":"subject","sub"#, "\0\0\0\0", "not json\n", #"{"kind":"other"}"# + "\n",
      ] {
        try writeLog(valid + tail, in: directory)
        let authority = try authority(in: directory)
        let token = try TokenAuthority(key: AuthTestSupport.key(), now: clock.function)
          .mint(role: .agent, subject: "agent-7")
        #expect(throws: TokenError(.revoked, "token was revoked")) {
          try authority.verify(token.token)
        }
        // Rewritten without the damaged line, so appends start on a line of their own.
        #expect(try logText(in: directory) == valid)
      }

      try writeLog("not json\n" + valid, in: directory)
      let path = directory + "/" + RevocationLog.fileName
      #expect(
        throws: RevocationLogError(
          "\(path): line 1 is not a revocation; restore the file from a backup or remove the "
            + "line (removing it un-revokes what it revoked)"
        )
      ) {
        try RevocationLog(path: path, now: clock.now)
      }
    }
  }

  @Test("a log that cannot be created or written throws, and nothing is revoked")
  func unwritable() throws {
    try TokenKeyTests().withTemporaryDirectory { directory in
      // A regular file where the directory should be.
      try TokenKeyTests().writeFile([0x78], to: directory + "/file")
      #expect(throws: RevocationLogError.self) {
        try RevocationLog(inDirectory: directory + "/file", now: clock.now)
      }

      let log = try RevocationLog(inDirectory: directory, now: clock.now)
      let authority = TokenAuthority(
        key: AuthTestSupport.key(),
        revocationLog: log,
        now: clock.function
      )
      let token = try authority.mint(role: .agent, subject: "agent-7")
      // Every write to the log's descriptor now fails with ENOSPC.
      let full = open("/dev/full", O_WRONLY)
      try #require(full >= 0)
      defer { close(full) }
      try #require(log.file.withLock { dup2(full, $0.descriptor) } >= 0)

      #expect(throws: RevocationLogError.self) { try authority.revoke(tokenID: token.tokenID) }
      #expect(throws: RevocationLogError.self) { try authority.revokeAll(subject: "agent-7") }
      #expect(try authority.verify(token.token).tokenID == token.tokenID)
      #expect(try logText(in: directory) == "")
    }
  }
}
