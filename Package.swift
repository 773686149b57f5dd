// swift-tools-version:6.1
import PackageDescription

/// One settings block for every target: Swift 6 language mode and the upcoming features that make
/// dependencies and existentials explicit.
let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "Switchboard",
  products: [
    .library(name: "ProtoWire", targets: ["ProtoWire"]),
    .library(name: "SwitchboardAPI", targets: ["SwitchboardAPI"]),
    .library(name: "SwitchboardClient", targets: ["SwitchboardClient"]),
    .executable(name: "switchboard", targets: ["switchboard"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // The protobuf wire format, by hand.
    .target(name: "ProtoWire", swiftSettings: swiftSettings),
    // A Swift type for every message of Protos/.
    .target(name: "SwitchboardAPI", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),

    // C libraries, wrapped: HTTP/2 (nghttp2) and gzip/deflate (zlib).
    .systemLibrary(
      name: "CNGHTTP2", pkgConfig: "libnghttp2", providers: [.apt(["libnghttp2-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    // Transport-neutral gRPC: status, metadata, deadlines, framing, compression, routing.
    .target(
      name: "RPCCore",
      dependencies: [
        "ProtoWire", "CZlib", .product(name: "DequeModule", package: "swift-collections"),
      ],
      swiftSettings: swiftSettings),
    // nghttp2 sessions driven by SwiftNIO, server and client.
    .target(
      name: "HTTP2Transport",
      dependencies: [
        "CNGHTTP2", "RPCCore",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings),
    // The RPC services: standard ones (health, reflection, interop testing) and, later, the
    // domain's.
    .target(
      name: "SwitchboardServices",
      dependencies: [
        "ProtoWire", "RPCCore", "SwitchboardAPI", "SwitchboardCore",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings),
    // The domain: queues, routing, offers, conversations, supervision, in one in-process
    // registry (a `Mutex` of state whose changes return effects run after unlocking). No
    // transport, proto or Foundation imports.
    .target(
      name: "SwitchboardCore",
      dependencies: [
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
        .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      swiftSettings: swiftSettings),
    // The durable journal and transcripts: the `Store` protocol and its SQLite (WAL) implementation
    // over the system libsqlite3, group-committed on a dedicated writer thread.
    .target(
      name: "SwitchboardStore", dependencies: ["SwitchboardCore", "CSQLite"],
      swiftSettings: swiftSettings),
    // A Swift client: typed stubs over the nghttp2 client session.
    .target(
      name: "SwitchboardClient", dependencies: ["HTTP2Transport", "RPCCore", "SwitchboardAPI"],
      swiftSettings: swiftSettings),
    // `switchboard serve`, `switchboard interop-server`.
    .executableTarget(
      name: "switchboard",
      dependencies: [
        "HTTP2Transport", "RPCCore", "SwitchboardAPI", "SwitchboardCore", "SwitchboardServices",
        "SwitchboardStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),

    .testTarget(name: "ProtoWireTests", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),
    .testTarget(
      name: "SwitchboardAPITests", dependencies: ["SwitchboardAPI", "ProtoWire", "ProtobufCReference"],
      swiftSettings: swiftSettings),
    .testTarget(name: "RPCCoreTests", dependencies: ["RPCCore"], swiftSettings: swiftSettings),
    .testTarget(
      name: "HTTP2TransportTests",
      dependencies: [
        "HTTP2Transport", "RPCCore", .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "SwitchboardCoreTests", dependencies: ["SwitchboardCore"], swiftSettings: swiftSettings),
    .testTarget(
      name: "SwitchboardStoreTests", dependencies: ["SwitchboardStore", "SwitchboardCore"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "SwitchboardServicesTests",
      dependencies: ["SwitchboardServices", "SwitchboardCore", "RPCCore", "SwitchboardAPI"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "SwitchboardClientTests",
      dependencies: ["SwitchboardClient", "HTTP2Transport", "RPCCore", "SwitchboardAPI", "SwitchboardServices"],
      swiftSettings: swiftSettings),
    // libprotobuf-c, the reference the codec is tested against: protoc-c output for every .proto
    // (Tools/regenerate-reference.sh) and a generic harness driven by its descriptors.
    .target(
      name: "ProtobufCReference", path: "Tests/ProtobufCReference",
      exclude: ["protos"],
      cSettings: [.headerSearchPath("generated")],
      linkerSettings: [.linkedLibrary("protobuf-c")]),

    // Tools/CodecBenchmark: the codec side by side with libprotobuf-c (not a test; see
    // BENCHMARKS.md). Its support target counts allocations by interposing malloc.
    .target(
      name: "CodecBenchmarkSupport", path: "Tools/CodecBenchmark/Support",
      linkerSettings: [.linkedLibrary("protobuf-c"), .linkedLibrary("m")]),
    .executableTarget(
      name: "codec-benchmark",
      dependencies: ["SwitchboardAPI", "ProtoWire", "ProtobufCReference", "CodecBenchmarkSupport"],
      path: "Tools/CodecBenchmark/Sources", swiftSettings: swiftSettings),
    // Tools/StoreBenchmark: start-up time (open + recovery) of a store with a large history.
    .executableTarget(
      name: "store-benchmark", dependencies: ["SwitchboardStore", "SwitchboardCore"],
      path: "Tools/StoreBenchmark", swiftSettings: swiftSettings),
    // Tools/DurableBenchmark: durable messages per second through a `switchboard serve` it
    // starts (SendMessage → journal → the agent's Follow), per store mode (BENCHMARKS.md).
    .executableTarget(
      name: "durable-benchmark",
      dependencies: ["SwitchboardClient", "SwitchboardAPI", "RPCCore", "ProtoWire"],
      path: "Tools/DurableBenchmark", swiftSettings: swiftSettings),
    // Tools/ServerConnectionFuzzer: one server connection fed raw client bytes; a libFuzzer
    // target when Tools/fuzz.sh builds it, a tool that replays inputs otherwise.
    .executableTarget(
      name: "server-connection-fuzzer",
      dependencies: [
        "HTTP2Transport", "RPCCore", "SwitchboardAPI", "SwitchboardServices",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      path: "Tools/ServerConnectionFuzzer/Sources", swiftSettings: swiftSettings),
  ]
)
