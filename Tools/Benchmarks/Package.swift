// swift-tools-version:6.1
import PackageDescription

/// The peers the gRPC server is measured against (Tools/benchmark-grpc.sh). A package of its own so
/// that the main package never depends on grpc-swift: `grpc-swift-peer` serves
/// `grpc.testing.TestService` with grpc-swift-2 and its NIO HTTP/2 transport, over the project's
/// hand-written message types.
let package = Package(
  name: "SwitchboardBenchmarks",
  dependencies: [
    .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    .package(path: "../.."),
  ],
  targets: [
    .executableTarget(
      name: "grpc-swift-peer",
      dependencies: [
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
        .product(name: "SwitchboardAPI", package: "main"),
        .product(name: "ProtoWire", package: "main"),
      ],
      swiftSettings: [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
      ]),
  ]
)
