// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hospital",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hospital", targets: ["hospital"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "HospitalWarehouse",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "HospitalKafka",
            dependencies: ["CRdKafka", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "HospitalCore",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HospitalLake",
            dependencies: ["HospitalCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "HospitalArchive",
            dependencies: ["CZlib", "HospitalCore", "HospitalLake"]
        ),
        .target(
            name: "HospitalServices",
            dependencies: [
                "HospitalCore", "HospitalLake", "HospitalKafka", "HospitalWarehouse",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "hospital",
            dependencies: [
                "HospitalCore",
                "HospitalLake",
                "HospitalServices",
                "HospitalKafka",
                "HospitalArchive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HospitalTestSupport",
            dependencies: ["HospitalCore", "HospitalLake", .product(name: "Logging", package: "swift-log")],
            path: "Tests/HospitalTestSupport"
        ),
        .testTarget(
            name: "HospitalCoreTests",
            dependencies: ["HospitalCore", "HospitalLake", "HospitalTestSupport"]
        ),
        .testTarget(
            name: "HospitalLakeTests",
            dependencies: ["HospitalLake", "HospitalCore", "HospitalTestSupport"]
        ),
        .testTarget(
            name: "HospitalWarehouseTests",
            dependencies: ["HospitalWarehouse", .product(name: "Logging", package: "swift-log")]
        ),
        // The suites that need PostgreSQL: enabled when DB_HOST names one (ci/test.sh starts it).
        .testTarget(
            name: "HospitalIntegrationTests",
            dependencies: [
                "HospitalServices", "HospitalCore", "HospitalLake", "HospitalWarehouse", "HospitalArchive", "HospitalTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "HospitalKafkaTests",
            dependencies: ["HospitalKafka", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "HospitalServicesTests",
            dependencies: [
                "HospitalServices", "HospitalCore", "HospitalLake", "HospitalKafka", "HospitalArchive", "HospitalTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "GoldenTests",
            dependencies: ["HospitalCore", "HospitalLake", "HospitalArchive", "HospitalTestSupport"]
        ),
    ]
)

// Strict concurrency everywhere, set once.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
