// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "Annals",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "annals", targets: ["annals"]),
        .library(name: "AnnalsCore", targets: ["AnnalsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // SQLite's process-wide settings (sqlite3_config is variadic, so called from a C inline function).
        .systemLibrary(name: "CSQLiteSettings", path: "Sources/CSQLiteSettings"),
        // An FTS5 auxiliary function of our own (snippets with one tokenizing pass), in C against SQLite's API.
        .target(name: "CAnnalsFTS5", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Pure domain: message parsing, record formats, the dispatch model. No I/O.
        .target(name: "AnnalsCore", swiftSettings: swiftSettings),
        // The storage contract every backend implements.
        .target(name: "AnnalsStorage", dependencies: ["AnnalsCore"], swiftSettings: swiftSettings),
        // The embedded archive: SQLite through GRDB.
        .target(
            name: "AnnalsSQLite",
            dependencies: [
                "AnnalsStorage", "CSQLiteSettings", "CAnnalsFTS5", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Reading files and folders, detecting formats, hashing and storing: the intake pipeline.
        .target(
            name: "AnnalsIntake",
            dependencies: [
                "AnnalsCore", "AnnalsStorage", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Pure: page models to HTML (Mustache templates), Atom, OAI-PMH XML, citations. No I/O.
        .target(
            name: "AnnalsRendering",
            dependencies: [
                "AnnalsCore", "AnnalsStorage",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // The web archive: a Hummingbird application generic over the document store, and the static site.
        .target(
            name: "AnnalsServer",
            dependencies: [
                "AnnalsCore", "AnnalsStorage", "AnnalsRendering",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // The composition root: the `annals` command.
        .executableTarget(
            name: "annals",
            dependencies: [
                "AnnalsCore", "AnnalsStorage", "AnnalsSQLite", "AnnalsIntake", "AnnalsRendering", "AnnalsServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AnnalsTestSupport",
            dependencies: ["AnnalsCore", "AnnalsStorage", "AnnalsSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnalsCoreTests",
            dependencies: ["AnnalsCore", "AnnalsTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnalsSQLiteTests",
            dependencies: ["AnnalsSQLite", "AnnalsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnalsIntakeTests",
            dependencies: ["AnnalsIntake", "AnnalsSQLite", "AnnalsTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnalsRenderingTests",
            dependencies: ["AnnalsCore", "AnnalsRendering", "AnnalsStorage", "AnnalsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnalsServerTests",
            dependencies: [
                "AnnalsServer", "AnnalsRendering", "AnnalsStorage", "AnnalsSQLite", "AnnalsIntake", "AnnalsTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnalsCLITests",
            dependencies: ["annals", "AnnalsTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
