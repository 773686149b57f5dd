internal import ProtoWire
internal import Testing

@testable internal import SwitchboardServices

@Suite("DescriptorIndex")
struct DescriptorIndexTests {
  /// A set of two files: `pkg/base.proto` (a message with a nested message and enum, a top-level
  /// enum) and `pkg/ext.proto`, which imports it, declares a service and extends `pkg.Base`.
  static func syntheticSet() -> [UInt8] {
    let base = FileDescriptorProto.with {
      $0.name = "pkg/base.proto"
      $0.package = "pkg"
      $0.messageType = [
        .with {
          $0.name = "Base"
          $0.nestedType = [.with { $0.name = "Inner" }]
          $0.enumType = [.with { $0.name = "Kind" }]
        }
      ]
      $0.enumType = [.with { $0.name = "Color" }]
    }
    let ext = FileDescriptorProto.with {
      $0.name = "pkg/ext.proto"
      $0.package = "pkg"
      $0.dependency = ["pkg/base.proto"]
      $0.service = [
        .with {
          $0.name = "Things"
          $0.method = [.with { $0.name = "Get" }]
        }
      ]
      $0.extension = [
        .with {
          $0.name = "late"
          $0.extendee = ".pkg.Base"
          $0.number = 200
        },
        .with {
          $0.name = "early"
          $0.extendee = ".pkg.Base"
          $0.number = 100
        },
      ]
      $0.messageType = [
        .with {
          $0.name = "Holder"
          $0.extension = [
            .with {
              $0.name = "nested"
              $0.extendee = ".pkg.Base"
              $0.number = 150
            }
          ]
        }
      ]
    }
    return FileDescriptorSetProto.with {
      $0.file = [base.serializedBytes(), ext.serializedBytes()]
    }.serializedBytes()
  }

  @Test("indexes the bundled descriptor set of Protos/")
  func bundled() throws {
    let index = DescriptorIndex.bundled
    for name in [
      "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
      "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService",
    ] {
      #expect(index.serviceNames.contains(name), "\(name)")
    }
    let test = try #require(index.file(named: "grpc/testing/test.proto"))
    #expect(test.dependencies == ["grpc/testing/empty.proto", "grpc/testing/messages.proto"])
    let decoded = try FileDescriptorProto(serializedBytes: test.bytes)
    #expect(
      decoded.service.map(\.name) == ["TestService", "UnimplementedService", "ReconnectService"]
    )
  }

  @Test(
    "finds the file of messages, nested enums, services and methods",
    arguments: [
      ("grpc.testing.SimpleRequest", "grpc/testing/messages.proto"),
      ("grpc.testing.PayloadType", "grpc/testing/messages.proto"),
      ("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto"),
      ("grpc.testing.TestService", "grpc/testing/test.proto"),
      ("grpc.testing.TestService.UnaryCall", "grpc/testing/test.proto"),
      ("grpc.reflection.v1alpha.ServerReflection", "grpc/reflection/v1alpha/reflection.proto"),
      ("google.protobuf.Timestamp", "google/protobuf/timestamp.proto"),
    ]
  )
  func symbols(symbol: String, file: String) {
    #expect(DescriptorIndex.bundled.file(containingSymbol: symbol)?.name == file)
  }

  @Test(
    "knows no partial, dotted or unknown names",
    arguments: [
      "SimpleRequest", ".grpc.testing.SimpleRequest", "grpc.testing", "grpc.testing.NoSuchThing",
      "grpc.testing.TestService.NoSuchMethod", "",
    ]
  )
  func unknownSymbols(symbol: String) {
    #expect(DescriptorIndex.bundled.file(containingSymbol: symbol) == nil)
  }

  @Test("answers a file with every file it imports, each once, the file first")
  func transitiveDependencies() throws {
    let index = DescriptorIndex.bundled
    let agents = try #require(index.file(named: "switchboard/v1/agents.proto"))
    let names = try index.serializedWithDependencies(agents).map {
      try FileDescriptorProto(serializedBytes: $0).name
    }
    #expect(names.first == "switchboard/v1/agents.proto")
    #expect(
      Set(names) == [
        "switchboard/v1/agents.proto", "switchboard/v1/common.proto",
        "google/protobuf/timestamp.proto", "google/protobuf/duration.proto",
      ]
    )
    #expect(names.count == 4)
  }

  @Test("indexes nested messages and enums, services, methods and extensions")
  func synthetic() throws {
    let index = try DescriptorIndex(serializedFileDescriptorSet: Self.syntheticSet())
    #expect(index.serviceNames == ["pkg.Things"])
    for symbol in ["pkg.Base", "pkg.Base.Inner", "pkg.Base.Kind", "pkg.Color"] {
      #expect(index.file(containingSymbol: symbol)?.name == "pkg/base.proto", "\(symbol)")
    }
    for symbol in ["pkg.Things", "pkg.Things.Get", "pkg.Holder"] {
      #expect(index.file(containingSymbol: symbol)?.name == "pkg/ext.proto", "\(symbol)")
    }
    #expect(index.file(containingExtension: 100, of: "pkg.Base")?.name == "pkg/ext.proto")
    #expect(index.file(containingExtension: 150, of: "pkg.Base")?.name == "pkg/ext.proto")
    #expect(index.file(containingExtension: 101, of: "pkg.Base") == nil)
    #expect(index.extensionNumbers(of: "pkg.Base") == [100, 150, 200])
    #expect(index.extensionNumbers(of: "pkg.Base.Inner") == [])
    #expect(index.extensionNumbers(of: "pkg.Nothing") == nil)
    #expect(index.extensionNumbers(of: "pkg.Color") == nil)
  }

  @Test("keeps each file's bytes exactly")
  func originalBytes() throws {
    let set = try FileDescriptorSetProto(serializedBytes: Self.syntheticSet())
    let index = try DescriptorIndex(serializedFileDescriptorSet: Self.syntheticSet())
    #expect(index.file(named: "pkg/base.proto")?.bytes == set.file[0])
    #expect(index.file(named: "pkg/ext.proto")?.bytes == set.file[1])
  }

  @Test("rejects a set whose file imports a file it lacks")
  func missingDependency() {
    let file = FileDescriptorProto.with {
      $0.name = "a.proto"
      $0.dependency = ["b.proto"]
    }
    let set = FileDescriptorSetProto.with { $0.file = [file.serializedBytes()] }.serializedBytes()
    #expect(throws: DescriptorIndex.IndexError.self) {
      try DescriptorIndex(serializedFileDescriptorSet: set)
    }
  }

  @Test("rejects a set that holds a file twice")
  func duplicateFile() {
    let file = FileDescriptorProto.with { $0.name = "a.proto" }.serializedBytes()
    let set = FileDescriptorSetProto.with { $0.file = [file, file] }.serializedBytes()
    #expect(throws: DescriptorIndex.IndexError.self) {
      try DescriptorIndex(serializedFileDescriptorSet: set)
    }
  }

  @Test("rejects bytes that are not a descriptor set")
  func malformed() {
    #expect(throws: WireFormatError.self) {
      try DescriptorIndex(serializedFileDescriptorSet: [0x0A, 0x05, 0x01])
    }
  }
}
