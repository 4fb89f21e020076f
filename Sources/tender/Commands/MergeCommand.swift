import ArgumentParser
import Foundation
import JSONOutput
import ResultsStore
import TenderReports
import TenderSimulation

/// `tender merge OUT.sqlite SHARD.sqlite...`: combines the results databases of shards.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine shard results databases into one; finish simulations whose shards are all present.",
        discussion: """
            Sweep cells are copied (a cell already in OUT is kept). Replication records of sharded simulations are
            copied; when every shard of a simulation is present, its statistics are computed from the records in
            replication order (identical to an unsharded run) and printed. Merging a file twice changes nothing.
            """
    )

    @Argument(help: "The merged database (created if needed).")
    var out: String

    @Argument(help: "Shard databases to merge into it.")
    var shards: [String] = []

    @Option(help: "Output format of the finished simulations: text or json.")
    var format: SimulationFormat = .text

    @Flag(help: "No messages on standard error.")
    var quiet = false

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give at least one shard database to merge into \(out)") }
        let target = URL(fileURLWithPath: out).standardizedFileURL.path
        if shards.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) {
            throw ValidationError("\(out) is both the output and an input")
        }
    }

    func run() throws {
        for shard in shards where !FileManager.default.fileExists(atPath: shard) {
            StandardError.write("error: \(shard): no such file")
            throw ExitStatus.invalidInput
        }
        let store = try openDatabase(out)
        var report = ResultsDatabase.MergeReport()
        try withStore {
            for shard in shards { try store.merge(from: shard, into: &report) }
            try store.finishMergedSimulations(into: &report)
        }
        if !quiet {
            StandardError.write(
                "merge: \(report.cellsAdded) cells added (\(report.cellsAlreadyPresent) already present), "
                    + "\(report.recordsAdded) replication records added, \(report.completed.count) simulations completed"
            )
            for item in report.incomplete {
                StandardError.write(
                    "merge: \(item.scenario): waiting for shards \(item.missing.map { "\($0)/\(item.shards)" }.joined(separator: ", "))"
                )
            }
        }
        switch format {
        case .text:
            try StandardOutput.write(report.completed.map { SimulationText.render($0) }.joined(separator: "\n"))
        case .json:
            try StandardOutput.write(
                JSONValue.object(sortingKeys: [
                    "schema": .string("tender-merge"),
                    "schemaVersion": .number(SimulationDocumentSchema.version),
                    "cellsAdded": .number(report.cellsAdded),
                    "recordsAdded": .number(report.recordsAdded),
                    "completed": .array(report.completed.map { SimulationDocument($0).json }),
                ]).rendered(lineSeparators: .literal)
            )
        }
    }
}
