// swift-tools-version: 6.0
// liqpipe depends on no Swift package: libcurl and zlib come in as system libraries through module maps.
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "liqpipe",
    products: [
        .executable(name: "liqpipe", targets: ["liqpipe"])
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Rounding in the model calls libm; nothing else in LiqCore imports Glibc, so it is linked explicitly.
        .target(name: "LiqCore", swiftSettings: strict, linkerSettings: [.linkedLibrary("m")]),
        .target(name: "LiqPipeline", swiftSettings: strict),
        .target(name: "LiqFetch", dependencies: ["CCurl", "CZlib", "LiqCore"], swiftSettings: strict),
        .target(name: "LiqNormalise", dependencies: ["LiqCore"], swiftSettings: strict),
        .target(name: "LiqAnalytics", dependencies: ["LiqCore"], swiftSettings: strict),
        .target(name: "LiqEmit", dependencies: ["CZlib", "LiqCore", "LiqAnalytics"], swiftSettings: strict),
        .target(
            name: "LiqCLI",
            dependencies: ["LiqCore", "LiqPipeline", "LiqFetch", "LiqNormalise", "LiqAnalytics", "LiqEmit"],
            swiftSettings: strict
        ),
        .executableTarget(name: "liqpipe", dependencies: ["LiqCLI"], swiftSettings: strict),
        // Measurements of the hot paths (`swift run -c release liqbench decode`); not part of the product.
        .executableTarget(
            name: "liqbench",
            dependencies: [
                "LiqCore", "LiqPipeline", "LiqFetch", "LiqNormalise", "LiqAnalytics", "LiqEmit", "LiqTestSupport",
            ],
            swiftSettings: strict),
        // libFuzzer harnesses for every parser of outside bytes (`.ci/fuzz.sh`); a plain build replays files.
        .executableTarget(
            name: "liqfuzz", dependencies: ["LiqCore", "LiqFetch", "LiqEmit", "LiqCLI"], swiftSettings: strict),

        .target(name: "LiqTestSupport", dependencies: ["CZlib", "LiqFetch"], path: "Tests/LiqTestSupport", swiftSettings: strict),
        .testTarget(name: "LiqCoreTests", dependencies: ["LiqCore"], swiftSettings: strict),
        .testTarget(name: "LiqPipelineTests", dependencies: ["LiqPipeline"], swiftSettings: strict),
        .testTarget(
            name: "LiqFetchTests",
            dependencies: ["LiqFetch", "LiqCore", "LiqTestSupport", "CZlib"],
            swiftSettings: strict
        ),
        .testTarget(name: "LiqNormaliseTests", dependencies: ["LiqNormalise", "LiqFetch", "LiqCore"], swiftSettings: strict),
        .testTarget(name: "LiqAnalyticsTests", dependencies: ["LiqAnalytics", "LiqCore"], swiftSettings: strict),
        .testTarget(name: "LiqEmitTests", dependencies: ["LiqEmit", "LiqAnalytics", "LiqCore"], swiftSettings: strict),
        .testTarget(
            name: "LiqCLITests", dependencies: ["LiqCLI", "LiqCore", "LiqEmit", "LiqFetch", "LiqTestSupport"], swiftSettings: strict
        ),
    ]
)
