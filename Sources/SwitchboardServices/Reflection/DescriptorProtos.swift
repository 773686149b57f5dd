// The few fields of google/protobuf/descriptor.proto that reflection reads to index a descriptor
// set. Each type names the fields it knows; every other field (message fields, options, ...) is
// kept as an unknown field and ignored. Reflection answers with each file's original bytes, never
// with these re-encoded.

internal import ProtoWire

/// `google.protobuf.FileDescriptorSet`, with its files left serialized so that their exact bytes
/// can be sent in reflection responses.
struct FileDescriptorSetProto: ProtoMessage {
  static let protoMessageName = "google.protobuf.FileDescriptorSet"
  /// Serialized `FileDescriptorProto`s, each file after the files it imports.
  var file: [[UInt8]] = []
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeated(file, ProtoBytes.self, 1)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeated(&file, ProtoBytes.self, wireType)
    default: return false
    }
    return true
  }
}

/// `google.protobuf.FileDescriptorProto`: one `.proto` file.
struct FileDescriptorProto: ProtoMessage {
  static let protoMessageName = "google.protobuf.FileDescriptorProto"
  /// The file's path relative to its import root, such as `grpc/testing/test.proto`.
  var name: String = ""
  /// The package, such as `grpc.testing`; empty for none.
  var package: String = ""
  /// The paths of the files it imports.
  var dependency: [String] = []
  /// Its top-level messages.
  var messageType: [DescriptorProto] = []
  /// Its top-level enums.
  var enumType: [EnumDescriptorProto] = []
  /// Its services.
  var service: [ServiceDescriptorProto] = []
  /// Its top-level extensions.
  var `extension`: [FieldDescriptorProto] = []
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(name, 1)
    visitor.string(package, 2)
    visitor.repeated(dependency, ProtoString.self, 3)
    visitor.repeatedMessage(messageType, 4)
    visitor.repeatedMessage(enumType, 5)
    visitor.repeatedMessage(service, 6)
    visitor.repeatedMessage(`extension`, 7)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: name = try decoder.string(wireType)
    case 2: package = try decoder.string(wireType)
    case 3: try decoder.repeated(&dependency, ProtoString.self, wireType)
    case 4: try decoder.repeatedMessage(&messageType, wireType)
    case 5: try decoder.repeatedMessage(&enumType, wireType)
    case 6: try decoder.repeatedMessage(&service, wireType)
    case 7: try decoder.repeatedMessage(&`extension`, wireType)
    default: return false
    }
    return true
  }
}

/// `google.protobuf.DescriptorProto`: a message type.
struct DescriptorProto: ProtoMessage {
  static let protoMessageName = "google.protobuf.DescriptorProto"
  /// The message's name within its scope.
  var name: String = ""
  /// The messages declared inside it.
  var nestedType: [DescriptorProto] = []
  /// The enums declared inside it.
  var enumType: [EnumDescriptorProto] = []
  /// The extensions declared inside it.
  var `extension`: [FieldDescriptorProto] = []
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(name, 1)
    visitor.repeatedMessage(nestedType, 3)
    visitor.repeatedMessage(enumType, 4)
    visitor.repeatedMessage(`extension`, 6)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: name = try decoder.string(wireType)
    case 3: try decoder.repeatedMessage(&nestedType, wireType)
    case 4: try decoder.repeatedMessage(&enumType, wireType)
    case 6: try decoder.repeatedMessage(&`extension`, wireType)
    default: return false
    }
    return true
  }
}

/// `google.protobuf.FieldDescriptorProto`, as an extension declaration.
struct FieldDescriptorProto: ProtoMessage {
  static let protoMessageName = "google.protobuf.FieldDescriptorProto"
  /// The field's name.
  var name: String = ""
  /// The message it extends, fully qualified with a leading dot (`.pkg.Message`).
  var extendee: String = ""
  /// The field number.
  var number: Int32 = 0
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(name, 1)
    visitor.string(extendee, 2)
    visitor.int32(number, 3)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: name = try decoder.string(wireType)
    case 2: extendee = try decoder.string(wireType)
    case 3: self.number = try decoder.int32(wireType)
    default: return false
    }
    return true
  }
}

/// `google.protobuf.EnumDescriptorProto`: an enum type.
struct EnumDescriptorProto: ProtoMessage {
  static let protoMessageName = "google.protobuf.EnumDescriptorProto"
  /// The enum's name within its scope.
  var name: String = ""
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(name, 1)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: name = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// `google.protobuf.ServiceDescriptorProto`: a service.
struct ServiceDescriptorProto: ProtoMessage {
  static let protoMessageName = "google.protobuf.ServiceDescriptorProto"
  /// The service's name within its package.
  var name: String = ""
  /// Its methods.
  var method: [MethodDescriptorProto] = []
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(name, 1)
    visitor.repeatedMessage(method, 2)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: name = try decoder.string(wireType)
    case 2: try decoder.repeatedMessage(&method, wireType)
    default: return false
    }
    return true
  }
}

/// `google.protobuf.MethodDescriptorProto`: a method of a service.
struct MethodDescriptorProto: ProtoMessage {
  static let protoMessageName = "google.protobuf.MethodDescriptorProto"
  /// The method's name.
  var name: String = ""
  var unknownFields = UnknownFields()
  init() {}

  func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(name, 1)
    visitor.unknown(unknownFields)
  }

  mutating func decodeField(
    _ number: Int,
    _ wireType: WireType,
    _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: name = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}
