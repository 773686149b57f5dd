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
  ]
)
