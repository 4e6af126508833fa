// swift-tools-version:6.1
import PackageDescription

/// Settings every SREtv target shares: Swift 6 language mode (strict concurrency) and warnings as errors.
let swiftSettings: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "SREtv",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sretv", targets: ["sretv"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Tests only: the rundown parser's fuzz test (property-based, with shrinking).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat libavcodec libavutil libavfilter",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libavfilter-dev", "pkg-config"])]
        ),
        .target(name: "Media", dependencies: ["CFFmpeg"], swiftSettings: swiftSettings),
        .target(name: "Scheduling", swiftSettings: swiftSettings),
        .target(name: "HLS", swiftSettings: swiftSettings),
        .target(
            name: "Store",
            dependencies: ["Scheduling", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Playout",
            dependencies: [
                "Media", "Scheduling", "HLS", "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "Playout", "Store", "Scheduling", "HLS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Web/Resources")],
            // Swift 6.3.1's optimizer crashes (signal 11, splitting the coroutine of an async route
            // handler) when Server is built with -O; -Osize builds it. Remove once the toolchain is fixed.
            swiftSettings: swiftSettings + [.unsafeFlags(["-Osize"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "sretv",
            dependencies: [
                "Server", "Playout", "Scheduling", "Media", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ScheduleBenchmark",
            dependencies: ["Scheduling"],
            path: "Benchmarks/ScheduleBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PlayoutBenchmark",
            dependencies: ["Playout", "Media", "Scheduling", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/PlayoutBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SoakBenchmark",
            dependencies: ["TestSupport"],
            path: "Benchmarks/SoakBenchmark",
            swiftSettings: swiftSettings
        ),
        .target(name: "TestSupport", dependencies: ["HLS", "Media"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "SchedulingTests",
            dependencies: ["Scheduling", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MediaTests", dependencies: ["Media", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "HLSTests", dependencies: ["HLS", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PlayoutTests", dependencies: ["Playout", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
