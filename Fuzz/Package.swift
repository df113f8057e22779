// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for the parsers that read what a server sends: the TLCP notification line parser and update
// decoder (Lightstreamer), and the JSON decoding of IG's models (IGModels). Build and run with `bash Fuzz/run`.
let libFuzzerEntry: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "swift-ig-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "swift-ig", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzTLCP",
            dependencies: [.product(name: "Lightstreamer", package: "swift-ig")],
            swiftSettings: libFuzzerEntry
        ),
        .executableTarget(
            name: "FuzzModels",
            dependencies: [.product(name: "IGModels", package: "swift-ig")],
            swiftSettings: libFuzzerEntry
        ),
    ],
    swiftLanguageModes: [.v6]
)
