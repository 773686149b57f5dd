// Swift types for Tests/ProtobufCReference/protos/pbref/test/kitchen_sink.proto, written by hand
// like the types of SwitchboardAPI (docs/HAND-WRITTEN-MESSAGES.md). Test-only: they exist so that
// every field kind of the wire format is proved against libprotobuf-c, not only the kinds that
// Protos/ happens to use.

internal import ProtoWire

/// The test-only messages of `pbref.test`.
enum PBRefTest {
  /// Every message type of `kitchen_sink.proto`.
  static let messageTypes: [any ProtoMessage.Type] = [
    Scalars.self, Repeated.self, Maps.self, Oneofs.self, Outer.self, Outer.Inner.self,
    Outer.Inner.Innermost.self,
  ]

  /// An enum with a negative value (ten-byte varint) and a gap.
  enum Color: ProtoEnum {
    static let protoEnumName = "pbref.test.Color"
    /// Zero.
    case unspecified
    /// 1.
    case red
    /// 2.
    case green
    /// 300.
    case blue
    /// -7.
    case negative
    /// A value this version does not name.
    case unrecognized(Int32)

    init(rawValue: Int32) {
      switch rawValue {
      case 0: self = .unspecified
      case 1: self = .red
      case 2: self = .green
      case 300: self = .blue
      case -7: self = .negative
      default: self = .unrecognized(rawValue)
      }
    }

    var rawValue: Int32 {
      switch self {
      case .unspecified: 0
      case .red: 1
      case .green: 2
      case .blue: 300
      case .negative: -7
      case .unrecognized(let value): value
      }
    }
  }

  /// Every scalar kind once, plus field numbers whose tags take 2 to 5 bytes.
  struct Scalars: ProtoMessage {
    static let protoMessageName = "pbref.test.Scalars"
    var fInt32: Int32 = 0
    var fInt64: Int64 = 0
    var fUint32: UInt32 = 0
    var fUint64: UInt64 = 0
    var fSint32: Int32 = 0
    var fSint64: Int64 = 0
    var fFixed32: UInt32 = 0
    var fFixed64: UInt64 = 0
    var fSfixed32: Int32 = 0
    var fSfixed64: Int64 = 0
    var fBool = false
    var fFloat: Float = 0
    var fDouble: Double = 0
    var fString = ""
    var fBytes: [UInt8] = []
    var fColor: Color = .unspecified
    /// Recursion (stored in an array, which gives the indirection a recursive struct needs).
    var fChild: Scalars? {
      get { childStorage.first }
      set { childStorage = newValue.map { [$0] } ?? [] }
    }
    private var childStorage: [Scalars] = []
    var fTag2047: Int32 = 0
    var fTag2048: Int64 = 0
    var fTag262144 = false
    var fTagMax = ""
    var unknownFields = UnknownFields()
    init() {}

    func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.int32(fInt32, 1)
      visitor.int64(fInt64, 2)
      visitor.uint32(fUint32, 3)
      visitor.uint64(fUint64, 4)
      visitor.singular(fSint32, ProtoSInt32.self, 5)
      visitor.singular(fSint64, ProtoSInt64.self, 6)
      visitor.singular(fFixed32, ProtoFixed32.self, 7)
      visitor.singular(fFixed64, ProtoFixed64.self, 8)
      visitor.singular(fSfixed32, ProtoSFixed32.self, 9)
      visitor.singular(fSfixed64, ProtoSFixed64.self, 10)
      visitor.bool(fBool, 11)
      visitor.singular(fFloat, ProtoFloat.self, 12)
      visitor.double(fDouble, 13)
      visitor.string(fString, 14)
      visitor.bytes(fBytes, 15)
      visitor.enum(fColor, 16)
      visitor.message(fChild, 17)
      visitor.int32(fTag2047, 2047)
      visitor.singular(fTag2048, ProtoSInt64.self, 2048)
      visitor.bool(fTag262144, 262_144)
      visitor.string(fTagMax, 536_870_911)
      visitor.unknown(unknownFields)
    }

    mutating func decodeField(
      _ number: Int,
      _ wireType: WireType,
      _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: fInt32 = try decoder.int32(wireType)
      case 2: fInt64 = try decoder.int64(wireType)
      case 3: fUint32 = try decoder.uint32(wireType)
      case 4: fUint64 = try decoder.uint64(wireType)
      case 5: fSint32 = try decoder.read(ProtoSInt32.self, wireType)
      case 6: fSint64 = try decoder.read(ProtoSInt64.self, wireType)
      case 7: fFixed32 = try decoder.read(ProtoFixed32.self, wireType)
      case 8: fFixed64 = try decoder.read(ProtoFixed64.self, wireType)
      case 9: fSfixed32 = try decoder.read(ProtoSFixed32.self, wireType)
      case 10: fSfixed64 = try decoder.read(ProtoSFixed64.self, wireType)
      case 11: fBool = try decoder.bool(wireType)
      case 12: fFloat = try decoder.read(ProtoFloat.self, wireType)
      case 13: fDouble = try decoder.double(wireType)
      case 14: fString = try decoder.string(wireType)
      case 15: fBytes = try decoder.bytes(wireType)
      case 16: fColor = try decoder.enum(wireType)
      case 17: try decoder.message(&fChild, wireType)
      case 2047: fTag2047 = try decoder.int32(wireType)
      case 2048: fTag2048 = try decoder.read(ProtoSInt64.self, wireType)
      case 262_144: fTag262144 = try decoder.bool(wireType)
      case 536_870_911: fTagMax = try decoder.string(wireType)
      default: return false
      }
      return true
    }
  }

  /// Every repeated kind: numeric ones packed, `rUnpacked` not.
  struct Repeated: ProtoMessage {
    static let protoMessageName = "pbref.test.Repeated"
    var rInt32: [Int32] = []
    var rInt64: [Int64] = []
    var rUint32: [UInt32] = []
    var rUint64: [UInt64] = []
    var rSint32: [Int32] = []
    var rSint64: [Int64] = []
    var rFixed32: [UInt32] = []
    var rFixed64: [UInt64] = []
    var rSfixed32: [Int32] = []
    var rSfixed64: [Int64] = []
    var rBool: [Bool] = []
    var rFloat: [Float] = []
    var rDouble: [Double] = []
    var rString: [String] = []
    var rBytes: [[UInt8]] = []
    var rColor: [Color] = []
    var rMessage: [Scalars] = []
    var rUnpacked: [Int32] = []
    var unknownFields = UnknownFields()
    init() {}

    func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.repeated(rInt32, ProtoInt32.self, 1)
      visitor.repeated(rInt64, ProtoInt64.self, 2)
      visitor.repeated(rUint32, ProtoUInt32.self, 3)
      visitor.repeated(rUint64, ProtoUInt64.self, 4)
      visitor.repeated(rSint32, ProtoSInt32.self, 5)
      visitor.repeated(rSint64, ProtoSInt64.self, 6)
      visitor.repeated(rFixed32, ProtoFixed32.self, 7)
      visitor.repeated(rFixed64, ProtoFixed64.self, 8)
      visitor.repeated(rSfixed32, ProtoSFixed32.self, 9)
      visitor.repeated(rSfixed64, ProtoSFixed64.self, 10)
      visitor.repeated(rBool, ProtoBool.self, 11)
      visitor.repeated(rFloat, ProtoFloat.self, 12)
      visitor.repeated(rDouble, ProtoDouble.self, 13)
      visitor.repeated(rString, ProtoString.self, 14)
      visitor.repeated(rBytes, ProtoBytes.self, 15)
      visitor.repeated(rColor, ProtoEnumField<Color>.self, 16)
      visitor.repeatedMessage(rMessage, 17)
      // [packed = false]: one tagged varint per element.
      if !rUnpacked.isEmpty { visitor.visitRepeated(rUnpacked, as: ProtoInt32.self, field: 18) }
      visitor.unknown(unknownFields)
    }

    mutating func decodeField(
      _ number: Int,
      _ wireType: WireType,
      _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.repeated(&rInt32, ProtoInt32.self, wireType)
      case 2: try decoder.repeated(&rInt64, ProtoInt64.self, wireType)
      case 3: try decoder.repeated(&rUint32, ProtoUInt32.self, wireType)
      case 4: try decoder.repeated(&rUint64, ProtoUInt64.self, wireType)
      case 5: try decoder.repeated(&rSint32, ProtoSInt32.self, wireType)
      case 6: try decoder.repeated(&rSint64, ProtoSInt64.self, wireType)
      case 7: try decoder.repeated(&rFixed32, ProtoFixed32.self, wireType)
      case 8: try decoder.repeated(&rFixed64, ProtoFixed64.self, wireType)
      case 9: try decoder.repeated(&rSfixed32, ProtoSFixed32.self, wireType)
      case 10: try decoder.repeated(&rSfixed64, ProtoSFixed64.self, wireType)
      case 11: try decoder.repeated(&rBool, ProtoBool.self, wireType)
      case 12: try decoder.repeated(&rFloat, ProtoFloat.self, wireType)
      case 13: try decoder.repeated(&rDouble, ProtoDouble.self, wireType)
      case 14: try decoder.repeated(&rString, ProtoString.self, wireType)
      case 15: try decoder.repeated(&rBytes, ProtoBytes.self, wireType)
      case 16: try decoder.repeated(&rColor, ProtoEnumField<Color>.self, wireType)
      case 17: try decoder.repeatedMessage(&rMessage, wireType)
      case 18: try decoder.repeated(&rUnpacked, ProtoInt32.self, wireType)
      default: return false
      }
      return true
    }
  }

  /// A map for every key kind.
  struct Maps: ProtoMessage {
    static let protoMessageName = "pbref.test.Maps"
    var mInt32 = ProtoMap<Int32, String>()
    var mInt64 = ProtoMap<Int64, [UInt8]>()
    var mUint32 = ProtoMap<UInt32, Color>()
    var mUint64 = ProtoMap<UInt64, Double>()
    var mSint32 = ProtoMap<Int32, Float>()
    var mSint64 = ProtoMap<Int64, Int64>()
    var mFixed32 = ProtoMap<UInt32, UInt64>()
    var mFixed64 = ProtoMap<UInt64, Bool>()
    var mSfixed32 = ProtoMap<Int32, Int32>()
    var mSfixed64 = ProtoMap<Int64, UInt32>()
    var mBool = ProtoMap<Bool, Int64>()
    var mString = ProtoMap<String, String>()
    var unknownFields = UnknownFields()
    init() {}

    func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.map(mInt32, ProtoInt32.self, ProtoString.self, 1)
      visitor.map(mInt64, ProtoInt64.self, ProtoBytes.self, 2)
      visitor.map(mUint32, ProtoUInt32.self, ProtoEnumField<Color>.self, 3)
      visitor.map(mUint64, ProtoUInt64.self, ProtoDouble.self, 4)
      visitor.map(mSint32, ProtoSInt32.self, ProtoFloat.self, 5)
      visitor.map(mSint64, ProtoSInt64.self, ProtoSInt64.self, 6)
      visitor.map(mFixed32, ProtoFixed32.self, ProtoFixed64.self, 7)
      visitor.map(mFixed64, ProtoFixed64.self, ProtoBool.self, 8)
      visitor.map(mSfixed32, ProtoSFixed32.self, ProtoSFixed32.self, 9)
      visitor.map(mSfixed64, ProtoSFixed64.self, ProtoUInt32.self, 10)
      visitor.map(mBool, ProtoBool.self, ProtoInt64.self, 11)
      visitor.map(mString, ProtoString.self, ProtoString.self, 12)
      visitor.unknown(unknownFields)
    }

    mutating func decodeField(
      _ number: Int,
      _ wireType: WireType,
      _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.map(&mInt32, ProtoInt32.self, ProtoString.self, wireType)
      case 2: try decoder.map(&mInt64, ProtoInt64.self, ProtoBytes.self, wireType)
      case 3: try decoder.map(&mUint32, ProtoUInt32.self, ProtoEnumField<Color>.self, wireType)
      case 4: try decoder.map(&mUint64, ProtoUInt64.self, ProtoDouble.self, wireType)
      case 5: try decoder.map(&mSint32, ProtoSInt32.self, ProtoFloat.self, wireType)
      case 6: try decoder.map(&mSint64, ProtoSInt64.self, ProtoSInt64.self, wireType)
      case 7: try decoder.map(&mFixed32, ProtoFixed32.self, ProtoFixed64.self, wireType)
      case 8: try decoder.map(&mFixed64, ProtoFixed64.self, ProtoBool.self, wireType)
      case 9: try decoder.map(&mSfixed32, ProtoSFixed32.self, ProtoSFixed32.self, wireType)
      case 10: try decoder.map(&mSfixed64, ProtoSFixed64.self, ProtoUInt32.self, wireType)
      case 11: try decoder.map(&mBool, ProtoBool.self, ProtoInt64.self, wireType)
      case 12: try decoder.map(&mString, ProtoString.self, ProtoString.self, wireType)
      default: return false
      }
      return true
    }
  }

  /// Two oneofs with a plain field between them.
  struct Oneofs: ProtoMessage {
    static let protoMessageName = "pbref.test.Oneofs"

    /// The first oneof.
    enum Choice: Sendable, Equatable {
      case oInt32(Int32)
      case oString(String)
      case oBytes([UInt8])
      case oMessage(Scalars)
      case oColor(Color)
      case oDouble(Double)
      case oSint64(Int64)
    }

    /// The second oneof, after `between`.
    enum Second: Sendable, Equatable {
      case sFixed32(UInt32)
      case sBool(Bool)
      indirect case sSelf(Oneofs)
    }

    var choice: Choice? = nil
    var between = ""
    var second: Second? = nil
    var unknownFields = UnknownFields()
    init() {}

    func traverse<V: FieldVisitor>(_ visitor: inout V) {
      switch choice {
      case .oInt32(let value)?: visitor.visit(value, as: ProtoInt32.self, field: 1)
      case .oString(let value)?: visitor.visit(value, as: ProtoString.self, field: 2)
      case .oBytes(let value)?: visitor.visit(value, as: ProtoBytes.self, field: 3)
      case .oMessage(let value)?: visitor.visitMessage(value, field: 4)
      case .oColor(let value)?: visitor.visit(value, as: ProtoEnumField<Color>.self, field: 5)
      case .oDouble(let value)?: visitor.visit(value, as: ProtoDouble.self, field: 6)
      case .oSint64(let value)?: visitor.visit(value, as: ProtoSInt64.self, field: 7)
      case nil: break
      }
      visitor.string(between, 8)
      switch second {
      case .sFixed32(let value)?: visitor.visit(value, as: ProtoFixed32.self, field: 9)
      case .sBool(let value)?: visitor.visit(value, as: ProtoBool.self, field: 10)
      case .sSelf(let value)?: visitor.visitMessage(value, field: 11)
      case nil: break
      }
      visitor.unknown(unknownFields)
    }

    mutating func decodeField(
      _ number: Int,
      _ wireType: WireType,
      _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: choice = .oInt32(try decoder.int32(wireType))
      case 2: choice = .oString(try decoder.string(wireType))
      case 3: choice = .oBytes(try decoder.bytes(wireType))
      case 4:
        var value: Scalars
        if case .oMessage(let existing)? = choice { value = existing } else { value = Scalars() }
        try decoder.message(&value, wireType)
        choice = .oMessage(value)
      case 5: choice = .oColor(try decoder.enum(wireType))
      case 6: choice = .oDouble(try decoder.double(wireType))
      case 7: choice = .oSint64(try decoder.read(ProtoSInt64.self, wireType))
      case 8: between = try decoder.string(wireType)
      case 9: second = .sFixed32(try decoder.read(ProtoFixed32.self, wireType))
      case 10: second = .sBool(try decoder.bool(wireType))
      case 11:
        var value: Oneofs
        if case .sSelf(let existing)? = second { value = existing } else { value = Oneofs() }
        try decoder.message(&value, wireType)
        second = .sSelf(value)
      default: return false
      }
      return true
    }
  }

  /// Nested declarations and recursion.
  struct Outer: ProtoMessage {
    static let protoMessageName = "pbref.test.Outer"

    /// A nested enum.
    enum Kind: ProtoEnum {
      static let protoEnumName = "pbref.test.Outer.Kind"
      /// Zero.
      case unspecified
      /// One.
      case one
      /// A value this version does not name.
      case unrecognized(Int32)

      init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .one
        default: self = .unrecognized(rawValue)
        }
      }

      var rawValue: Int32 {
        switch self {
        case .unspecified: 0
        case .one: 1
        case .unrecognized(let value): value
        }
      }
    }

    /// A nested message with its own nested message.
    struct Inner: ProtoMessage {
      static let protoMessageName = "pbref.test.Outer.Inner"

      /// Two levels down.
      struct Innermost: ProtoMessage {
        static let protoMessageName = "pbref.test.Outer.Inner.Innermost"
        var x: Float = 0
        var unknownFields = UnknownFields()
        init() {}

        func traverse<V: FieldVisitor>(_ visitor: inout V) {
          visitor.singular(x, ProtoFloat.self, 1)
          visitor.unknown(unknownFields)
        }

        mutating func decodeField(
          _ number: Int,
          _ wireType: WireType,
          _ decoder: inout WireDecoder
        ) throws(WireFormatError) -> Bool {
          switch number {
          case 1: x = try decoder.read(ProtoFloat.self, wireType)
          default: return false
          }
          return true
        }
      }

      var innermost: Innermost? = nil
      var inners: [Inner] = []
      var counts = ProtoMap<String, Int32>()
      var unknownFields = UnknownFields()
      init() {}

      func traverse<V: FieldVisitor>(_ visitor: inout V) {
        visitor.message(innermost, 1)
        visitor.repeatedMessage(inners, 2)
        visitor.map(counts, ProtoString.self, ProtoInt32.self, 3)
        visitor.unknown(unknownFields)
      }

      mutating func decodeField(
        _ number: Int,
        _ wireType: WireType,
        _ decoder: inout WireDecoder
      ) throws(WireFormatError) -> Bool {
        switch number {
        case 1: try decoder.message(&innermost, wireType)
        case 2: try decoder.repeatedMessage(&inners, wireType)
        case 3: try decoder.map(&counts, ProtoString.self, ProtoInt32.self, wireType)
        default: return false
        }
        return true
      }
    }

    var inner: Inner? = nil
    var kind: Kind = .unspecified
    /// Recursion (stored in an array for indirection).
    var recursive: Outer? {
      get { recursiveStorage.first }
      set { recursiveStorage = newValue.map { [$0] } ?? [] }
    }
    private var recursiveStorage: [Outer] = []
    var list: [Inner.Innermost] = []
    var unknownFields = UnknownFields()
    init() {}

    func traverse<V: FieldVisitor>(_ visitor: inout V) {
      visitor.message(inner, 1)
      visitor.enum(kind, 2)
      visitor.message(recursive, 3)
      visitor.repeatedMessage(list, 4)
      visitor.unknown(unknownFields)
    }

    mutating func decodeField(
      _ number: Int,
      _ wireType: WireType,
      _ decoder: inout WireDecoder
    ) throws(WireFormatError) -> Bool {
      switch number {
      case 1: try decoder.message(&inner, wireType)
      case 2: kind = try decoder.enum(wireType)
      case 3: try decoder.message(&recursive, wireType)
      case 4: try decoder.repeatedMessage(&list, wireType)
      default: return false
      }
      return true
    }
  }
}
