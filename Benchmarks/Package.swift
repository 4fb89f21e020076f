// swift-tools-version: 6.1
// The benchmarks live in their own package so that the root package's `swift build` and `swift test`
// never resolve or build the benchmark dependencies. Run from this folder:
//     swift package benchmark --no-progress
import PackageDescription

let package = Package(
    name: "tender-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // `name:` fixes the identity to the root package's name; without it the identity would be the
        // folder the repository happens to be cloned into.
        .package(name: "tender", path: "../"),
        // MallocInterposer gives malloc counts on Linux with Swift 6.3; it is the only trait we want.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ExactScoring",
            dependencies: [
                .product(name: "ExactNumbers", package: "tender"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ExactScoring",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "EngineEvaluation",
            dependencies: [
                .product(name: "ExactNumbers", package: "tender"),
                .product(name: "TenderModel", package: "tender"),
                .product(name: "TenderEngine", package: "tender"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EngineEvaluation",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "Replication",
            dependencies: [
                .product(name: "ExactNumbers", package: "tender"),
                .product(name: "TenderModel", package: "tender"),
                .product(name: "TenderEngine", package: "tender"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Replication",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "Equilibrium",
            dependencies: [
                .product(name: "TenderModel", package: "tender"),
                .product(name: "TenderEngine", package: "tender"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Equilibrium",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ]
)
