internal import ProtoWire
internal import RPCCore

/// The files of a descriptor set and the lookups server reflection needs: a file by name, the
/// file declaring a symbol or an extension, and the extension numbers of a message type. Each file
/// keeps its bytes exactly as they were in the set.
struct DescriptorIndex: Sendable {
  /// One file of the set.
  struct File: Sendable {
    /// The file's path, such as `grpc/testing/test.proto`.
    var name: String
    /// The paths of the files it imports.
    var dependencies: [String]
    /// The serialized `FileDescriptorProto`, as found in the set.
    var bytes: [UInt8]
  }

  /// An extension: the message it extends (fully qualified, no leading dot) and its number.
  struct ExtensionKey: Hashable {
    var extendee: String
    var number: Int32
  }

  /// Why a descriptor set cannot be indexed.
  struct IndexError: Error, Hashable, CustomStringConvertible {
    var description: String
  }

  /// Every file, by path.
  private var files: [String: File] = [:]
  /// The path of the file declaring each fully qualified symbol: messages (nested ones too),
  /// enums, services and methods (`package.Service.Method`).
  private var fileBySymbol: [String: String] = [:]
  /// The fully qualified names of the message types.
  private var messageTypes: Set<String> = []
  /// The path of the file declaring each extension.
  private var fileByExtension: [ExtensionKey: String] = [:]
  /// The fully qualified names of the services, in the order of the set.
  private(set) var serviceNames: [String] = []

  /// Indexes a serialized `google.protobuf.FileDescriptorSet`. Throws if it does not decode, names
  /// a file twice, or a file imports one that is not in the set.
  init(serializedFileDescriptorSet bytes: [UInt8]) throws {
    let set = try FileDescriptorSetProto(serializedBytes: bytes)
    for fileBytes in set.file {
      let file = try FileDescriptorProto(serializedBytes: fileBytes)
      guard files[file.name] == nil else {
        throw IndexError(description: "\(file.name) is in the descriptor set twice")
      }
      files[file.name] = File(name: file.name, dependencies: file.dependency, bytes: fileBytes)
      add(file)
    }
    for file in files.values {
      for dependency in file.dependencies where files[dependency] == nil {
        throw IndexError(description: "\(file.name) imports \(dependency), which is not in the set")
      }
    }
  }

  private mutating func add(_ file: FileDescriptorProto) {
    let scope = file.package
    for message in file.messageType { add(message, in: scope, file: file.name) }
    for enumType in file.enumType { declare(qualified(enumType.name, in: scope), in: file.name) }
    for service in file.service {
      let serviceName = qualified(service.name, in: scope)
      declare(serviceName, in: file.name)
      serviceNames.append(serviceName)
      for method in service.method { declare("\(serviceName).\(method.name)", in: file.name) }
    }
    for field in file.extension { add(extension: field, file: file.name) }
  }

  private mutating func add(_ message: DescriptorProto, in scope: String, file: String) {
    let name = qualified(message.name, in: scope)
    declare(name, in: file)
    messageTypes.insert(name)
    for nested in message.nestedType { add(nested, in: name, file: file) }
    for enumType in message.enumType { declare(qualified(enumType.name, in: name), in: file) }
    for field in message.extension { add(extension: field, file: file) }
  }

  private mutating func add(extension field: FieldDescriptorProto, file: String) {
    let extendee =
      field.extendee.hasPrefix(".") ? String(field.extendee.dropFirst()) : field.extendee
    let key = ExtensionKey(extendee: extendee, number: field.number)
    if fileByExtension[key] == nil { fileByExtension[key] = file }
  }

  /// Records the first file that declares `symbol`.
  private mutating func declare(_ symbol: String, in file: String) {
    if fileBySymbol[symbol] == nil { fileBySymbol[symbol] = file }
  }

  private func qualified(_ name: String, in scope: String) -> String {
    scope.isEmpty ? name : "\(scope).\(name)"
  }

  // MARK: Lookups

  /// The file at `path`.
  func file(named path: String) -> File? {
    files[path]
  }

  /// The file declaring `symbol`, a fully qualified name without a leading dot.
  func file(containingSymbol symbol: String) -> File? {
    fileBySymbol[symbol].flatMap { files[$0] }
  }

  /// The file declaring extension `number` of the message type `extendee`.
  func file(containingExtension number: Int32, of extendee: String) -> File? {
    fileByExtension[ExtensionKey(extendee: extendee, number: number)].flatMap { files[$0] }
  }

  /// The numbers of the known extensions of the message type `extendee`, ascending; nil if
  /// `extendee` is not a known message type.
  func extensionNumbers(of extendee: String) -> [Int32]? {
    guard messageTypes.contains(extendee) else { return nil }
    return fileByExtension.keys.filter { $0.extendee == extendee }.map(\.number).sorted()
  }

  /// The bytes of `file` and of every file it imports, directly or not: `file` first, then the
  /// others in the order a depth-first walk of the imports meets them, each once.
  func serializedWithDependencies(_ file: File) -> [[UInt8]] {
    var seen: Set<String> = [file.name]
    var result: [[UInt8]] = []
    var pending = [file]
    while let next = pending.popLast() {
      result.append(next.bytes)
      for dependency in next.dependencies.reversed() where seen.insert(dependency).inserted {
        if let imported = files[dependency] { pending.append(imported) }
      }
    }
    return result
  }
}

extension DescriptorIndex {
  /// The index of the descriptor set built into the server: every file of `Protos/` and what it
  /// imports (`Tools/generate-descriptor-set.sh` writes it; a test proves it indexes).
  static let bundled: DescriptorIndex = {
    guard let bytes = Base64.decode(bundledDescriptorSetBase64) else {
      preconditionFailure("DescriptorSet.swift does not hold valid base64")
    }
    do {
      return try DescriptorIndex(serializedFileDescriptorSet: bytes)
    } catch {
      preconditionFailure("DescriptorSet.swift does not hold a valid descriptor set: \(error)")
    }
  }()
}
