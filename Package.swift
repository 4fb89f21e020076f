// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "tender",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tender", targets: ["tender"]),
        .library(name: "ExactNumbers", targets: ["ExactNumbers"]),
        // For the benchmark package (Benchmarks/), which measures the engine from outside.
        .library(name: "TenderModel", targets: ["TenderModel"]),
        .library(name: "TenderEngine", targets: ["TenderEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The C boundary: GMP through a system-library target (libgmp-dev).
        .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]),
        // Excel workbooks through libxlsxwriter (libxlsxwriter-dev), also a system-library target.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // A spreadsheet as values (sheets, header rows, typed cells), written as .xlsx: the only code that calls
        // libxlsxwriter.
        .target(name: "Workbook", dependencies: ["CXLSXWriter"]),
        // Exact decimal/rational numbers: a small-integer fast path, GMP beyond it.
        .target(name: "ExactNumbers", dependencies: ["CGMP"]),
        // JSON values written deterministically: members in a fixed order, numbers as exact text. Strings only.
        .target(name: "JSONOutput"),
        // The scenario as values: catalogue, projects, suppliers, bids, policy. No files, no terminal.
        .target(name: "TenderModel", dependencies: ["ExactNumbers"]),
        // The tender engine: aggregation, lots, bidding, reviews, scoring, award, metrics. No files, no terminal.
        .target(name: "TenderEngine", dependencies: ["ExactNumbers", "TenderModel"]),
        // Scenario files: YAML through Yams, includes, variants, and exact diagnostics (explicit bids are checked
        // against the engine's lot plan).
        .target(
            name: "ScenarioFormat",
            dependencies: ["ExactNumbers", "TenderModel", "TenderEngine", .product(name: "Yams", package: "Yams")]
        ),
        // Monte Carlo: replications, streaming statistics, compare, grids and sweeps. No terminal.
        .target(
            name: "TenderSimulation",
            dependencies: ["ExactNumbers", "JSONOutput", "TenderModel", "TenderEngine", "ScenarioFormat"]
        ),
        // Every rendering of results, in one place: text tables, the run JSON, Markdown evaluation reports, the
        // self-contained HTML report with inline SVG charts, the printable 评标报告, CSV, the Excel workbook (as a
        // value), OCDS, and the simulation text. Strings and values only, no files.
        .target(
            name: "TenderReports",
            dependencies: [
                "ExactNumbers", "JSONOutput", "TenderModel", "TenderEngine", "TenderSimulation", "Workbook",
            ]
        ),
        // The SQLite results store of sweeps and sharded simulations (GRDB; libsqlite3-dev).
        .target(
            name: "ResultsStore",
            dependencies: [
                "ExactNumbers", "TenderModel", "TenderEngine", "TenderSimulation",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // `tender serve`: the web application (routes, forms, pages) on Hummingbird 2. It evaluates through the
        // same engine call as `tender run` and renders through TenderReports; files only through a protocol the
        // `tender` target implements.
        .target(
            name: "TenderServer",
            dependencies: [
                "ExactNumbers", "JSONOutput", "TenderModel", "TenderEngine", "ScenarioFormat", "TenderSimulation",
                "TenderReports", .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The command-line tool: thin, parses arguments and prints.
        .executableTarget(
            name: "tender",
            dependencies: [
                "JSONOutput",
                "TenderModel",
                "ScenarioFormat",
                "TenderEngine",
                "TenderReports",
                "TenderSimulation",
                "ResultsStore",
                "Workbook",
                "TenderServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "ExactNumbersTests", dependencies: ["ExactNumbers"], exclude: ["Oracle/oracle.py"]),
        .testTarget(name: "JSONOutputTests", dependencies: ["JSONOutput"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["tender", "ExactNumbers", "TenderModel", "ScenarioFormat", "TenderEngine", "TenderReports"]
        ),
        .testTarget(
            name: "ScenarioFormatTests",
            dependencies: ["ScenarioFormat", "TenderModel", "TenderEngine", "ExactNumbers"]
        ),
        .testTarget(name: "TenderEngineTests", dependencies: ["TenderEngine", "TenderModel", "ExactNumbers"]),
        .testTarget(
            name: "TenderReportsTests",
            dependencies: [
                "TenderReports", "JSONOutput", "TenderEngine", "TenderModel", "ScenarioFormat", "ExactNumbers",
                "TenderSimulation", "Workbook",
            ]
        ),
        .testTarget(
            name: "TenderSimulationTests",
            dependencies: ["TenderSimulation", "TenderReports", "TenderEngine", "TenderModel", "ScenarioFormat", "ExactNumbers"]
        ),
        .testTarget(
            name: "TenderServerTests",
            dependencies: [
                "TenderServer", "ScenarioFormat", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SimulationEndToEndTests",
            dependencies: ["tender", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
