/// Why a token could not be minted or was not accepted.
///
/// The message is for people (it ends up in the status a client sees) and never contains the
/// token itself.
public struct TokenError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What kind of failure it is.
  public enum Code: Sendable, Hashable {
    /// `mint` was asked for something no token may carry (empty subject, a conversation on a
    /// token that is not a customer's, a lifetime out of range).
    case invalidArgument
    /// The text is not a well-formed JWT of the expected shape.
    case malformed
    /// The header names an algorithm other than HS256 (`none` included).
    case unsupportedAlgorithm
    /// The signature does not match: the token was altered or signed with another key.
    case invalidSignature
    /// The claims are signed but wrong: unknown role, wrong issuer, a conversation on a token
    /// that is not a customer's, issued in the future.
    case invalidClaims
    /// The token's lifetime has passed.
    case expired
    /// The token was revoked, by its id or with every token of its subject.
    case revoked
  }

  /// What kind of failure it is.
  public var code: Code
  /// What went wrong, for people.
  public var message: String

  /// An error of kind `code`.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
