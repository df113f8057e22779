// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for what crosses the wire: the TLCP notification line parser and update decoder (Lightstreamer),
// the JSON decoding of IG's models (IGModels), the simulator's request handling (method, path, query, headers and
// body of REST and Lightstreamer requests, in process, logged in), and market-data store files another tool changed
// or a disk damaged (IGMarketData). Build and run with `bash Fuzz/run`.
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
        .executableTarget(
            name: "FuzzSimulator",
            dependencies: [.product(name: "IGSimulator", package: "swift-ig")],
            swiftSettings: libFuzzerEntry
        ),
        .executableTarget(
            name: "FuzzStore",
            dependencies: [
                .product(name: "IGMarketData", package: "swift-ig"),
                .product(name: "IGSimulatorTesting", package: "swift-ig"),
            ],
            swiftSettings: libFuzzerEntry
        ),
    ],
    swiftLanguageModes: [.v6]
)
