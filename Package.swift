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
  ],
  targets: [
    // The protobuf wire format, by hand.
    .target(name: "ProtoWire", swiftSettings: swiftSettings),
    // A Swift type for every message of Protos/.
    .target(name: "SwitchboardAPI", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),

    .testTarget(name: "ProtoWireTests", dependencies: ["ProtoWire"], swiftSettings: swiftSettings),
    .testTarget(
      name: "SwitchboardAPITests", dependencies: ["SwitchboardAPI", "ProtoWire", "ProtobufCReference"],
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
  ]
)
