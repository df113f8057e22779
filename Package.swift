// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "swift-ig",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "IGModels", targets: ["IGModels"]),
        .library(name: "IGTrading", targets: ["IGTrading"]),
        .library(name: "Lightstreamer", targets: ["Lightstreamer"]),
        .library(name: "IGStreaming", targets: ["IGStreaming"]),
        .library(name: "IGSimulator", targets: ["IGSimulator"]),
        .library(name: "IGCommands", targets: ["IGCommands"]),
        .library(name: "IGSimulatorTesting", targets: ["IGSimulatorTesting"]),
        .library(name: "IGMarketData", targets: ["IGMarketData"]),
        .library(name: "IGMarketDataSync", targets: ["IGMarketDataSync"]),
        .executable(name: "ig", targets: ["ig"]),
        .executable(name: "ig-simulator", targets: ["ig-simulator"]),
        .executable(name: "ig-bench", targets: ["ig-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.36.0"),
    ],
    targets: [
        .target(
            name: "IGModels",
            swiftSettings: strict
        ),
        .target(
            name: "IGTrading",
            dependencies: [
                "IGModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Lightstreamer",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "IGStreaming",
            dependencies: [
                "IGModels", "IGTrading", "Lightstreamer",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "IGSimulator",
            dependencies: [
                "IGMarketData", "IGModels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "IGSimulatorTesting",
            dependencies: [
                "IGSimulator", "IGTrading", "IGMarketData", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "IGMarketData",
            dependencies: [
                "IGModels",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "IGMarketDataSync",
            dependencies: ["IGModels", "IGTrading", "IGMarketData", "IGStreaming", "Lightstreamer"],
            swiftSettings: strict
        ),
        .target(
            name: "IGCommands",
            dependencies: [
                "IGModels", "IGTrading", "IGStreaming", "IGSimulator", "Lightstreamer", "IGMarketData",
                "IGMarketDataSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ig",
            dependencies: ["IGCommands"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ig-simulator",
            dependencies: [
                "IGCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sample-stream",
            dependencies: ["IGStreaming", "IGTrading", "IGModels", "IGSimulator"],
            path: "Samples/sample-stream",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sample-ticker",
            dependencies: ["IGStreaming", "IGTrading", "IGModels", "IGSimulator"],
            path: "Samples/sample-ticker",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sample-rest",
            dependencies: ["IGTrading", "IGModels", "IGSimulator"],
            path: "Samples/sample-rest",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sample-backtest",
            dependencies: ["IGStreaming", "IGTrading", "IGModels", "IGSimulator", "IGMarketData", "Lightstreamer"],
            path: "Samples/sample-backtest",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sample-history",
            dependencies: ["IGMarketData", "IGMarketDataSync", "IGTrading", "IGModels", "IGSimulator"],
            path: "Samples/sample-history",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "sample-all-nodes",
            dependencies: ["IGTrading", "IGModels", "IGSimulator"],
            path: "Samples/sample-all-nodes",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ig-bench",
            dependencies: [
                "IGModels", "IGTrading", "IGSimulator", "IGStreaming", "Lightstreamer", "IGMarketData",
                "IGMarketDataSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IGModelsTests",
            dependencies: ["IGModels"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IGTradingTests",
            dependencies: [
                "IGModels", "IGTrading", "IGSimulator", "IGSimulatorTesting",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IGMarketDataTests",
            dependencies: [
                "IGModels", "IGMarketData", "IGSimulatorTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IGMarketDataSyncTests",
            dependencies: [
                "IGModels", "IGTrading", "IGSimulator", "IGSimulatorTesting", "IGMarketData", "IGMarketDataSync",
                "IGStreaming", "Lightstreamer", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LightstreamerTests",
            dependencies: ["Lightstreamer"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IGStreamingTests",
            dependencies: [
                "IGStreaming", "IGTrading", "IGModels", "IGSimulator", "IGSimulatorTesting", "Lightstreamer",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IGSimulatorTests",
            dependencies: [
                "IGSimulator", "IGSimulatorTesting", "IGTrading", "IGMarketData", "IGModels",
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IGCommandsTests",
            dependencies: [
                "IGCommands", "IGModels", "IGTrading", "IGSimulator", "IGSimulatorTesting", "IGMarketData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
