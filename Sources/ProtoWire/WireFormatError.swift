/// A malformed or unacceptable protobuf encoding, with the field and byte offset where it was found.
public struct WireFormatError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was wrong.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline enum Kind: UInt8, Sendable {
      case truncated, malformedVarint, invalidWireType, wrongWireType, invalidFieldNumber
      case lengthOverrun, invalidUTF8, depthLimitExceeded, unexpectedEndGroup, unknownFieldRejected
    }
    @usableFromInline let kind: Kind
    @usableFromInline init(_ kind: Kind) { self.kind = kind }

    /// The input ended in the middle of a tag or value.
    public static let truncated = Code(.truncated)
    /// A varint longer than ten bytes, or whose tenth byte has more than one bit.
    public static let malformedVarint = Code(.malformedVarint)
    /// A tag carried wire type 6 or 7.
    public static let invalidWireType = Code(.invalidWireType)
    /// A known field arrived with a wire type its declared type cannot have.
    public static let wrongWireType = Code(.wrongWireType)
    /// A tag carried field number 0 or one above 2^29 - 1.
    public static let invalidFieldNumber = Code(.invalidFieldNumber)
    /// A length prefix points past the end of the enclosing message or input.
    public static let lengthOverrun = Code(.lengthOverrun)
    /// A string field is not valid UTF-8.
    public static let invalidUTF8 = Code(.invalidUTF8)
    /// Messages (or unknown groups) nest deeper than the decoder's limit.
    public static let depthLimitExceeded = Code(.depthLimitExceeded)
    /// An end-group tag without its start, or with another field number.
    public static let unexpectedEndGroup = Code(.unexpectedEndGroup)
    /// An unknown field while decoding with `rejectUnknownFields`.
    public static let unknownFieldRejected = Code(.unknownFieldRejected)

    public var description: String {
      switch kind {
      case .truncated: "truncated input"
      case .malformedVarint: "malformed varint"
      case .invalidWireType: "invalid wire type"
      case .wrongWireType: "wrong wire type for the field's type"
      case .invalidFieldNumber: "invalid field number"
      case .lengthOverrun: "length runs past the end of the input"
      case .invalidUTF8: "string is not valid UTF-8"
      case .depthLimitExceeded: "nesting too deep"
      case .unexpectedEndGroup: "unexpected end-group tag"
      case .unknownFieldRejected: "unknown field"
      }
    }
  }

  /// What was wrong.
  public var code: Code
  /// The number of the field being read, or nil when the error is in a tag itself.
  public var fieldNumber: Int?
  /// The byte offset, from the start of the input, where the faulty tag or value begins.
  public var offset: Int

  /// Creates an error.
  public init(_ code: Code, fieldNumber: Int?, offset: Int) {
    self.code = code
    self.fieldNumber = fieldNumber
    self.offset = offset
  }

  public var description: String {
    if let fieldNumber {
      return "\(code) in field \(fieldNumber) at byte \(offset)"
    }
    return "\(code) at byte \(offset)"
  }
}
