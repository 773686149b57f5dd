// swift-tools-version:6.1
// A libFuzzer target for the decoder, kept out of the main package because it must be built with
// -sanitize=fuzzer. Run it with Tools/fuzz.sh.
import PackageDescription

let package = Package(
  name: "DecoderFuzzer",
  products: [
    .executable(name: "DecoderFuzzer", targets: ["DecoderFuzzer"])
  ],
  dependencies: [
    .package(name: "Switchboard", path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "DecoderFuzzer",
      dependencies: [
        .product(name: "ProtoWire", package: "Switchboard"),
        .product(name: "SwitchboardAPI", package: "Switchboard"),
      ],
      swiftSettings: [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("InternalImportsByDefault"),
        .enableUpcomingFeature("MemberImportVisibility"),
      ]
    )
  ]
)
