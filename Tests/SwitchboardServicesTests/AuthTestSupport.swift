// Keys, a settable clock and token surgery for the Auth tests.

internal import Synchronization

@testable internal import SwitchboardServices

/// A wall clock that tests set and advance, in seconds since the Unix epoch.
final class AuthTestClock: Sendable {
  private let seconds: Mutex<Int64>

  init(_ start: Int64 = 1_767_225_600) {
    seconds = Mutex(start)
  }

  /// The time now.
  var now: Int64 { seconds.withLock { $0 } }

  /// Moves the clock on by `delta` seconds.
  func advance(_ delta: Int64) {
    seconds.withLock { $0 += delta }
  }

  /// The clock as `TokenAuthority` takes it.
  var function: @Sendable () -> Int64 { { self.now } }
}

enum AuthTestSupport {
  /// A key of 32 bytes of `byte`.
  static func key(_ byte: UInt8 = 7) -> TokenKey {
    // Cannot fail: the key has the minimum length.
    try! TokenKey(bytes: Array(repeating: byte, count: 32), source: "test")
  }

  /// The three parts of a token.
  static func parts(_ token: String) -> [String] {
    token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  }

  /// The decoded payload of `token`, as text.
  static func payload(_ token: String) -> String {
    String(decoding: Base64URL.decode(Substring(parts(token)[1])) ?? [], as: UTF8.self)
  }

  /// A token with this header and payload JSON, signed with `key`.
  static func signed(header: String, payload: String, key: TokenKey = key()) -> String {
    JSONWebToken.sign(
      encodedHeader: Base64URL.encode(Array(header.utf8)),
      payload: Array(payload.utf8),
      key: key
    )
  }

  /// A token of the standard header and this payload JSON, signed with `key`.
  static func signed(payload: String, key: TokenKey = key()) -> String {
    signed(header: #"{"alg":"HS256","typ":"JWT"}"#, payload: payload, key: key)
  }
}
