import ArgumentParser
import Foundation
import ResultsStore
import TenderReports
import TenderSimulation

/// `tender simulate FILE`: N independent replications and their statistics.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run independent replications and report each metric's mean, spread, CI and percentiles.",
        discussion: """
            Replication k draws from its own random streams, so the results are byte-identical for any --jobs.
            --shard i/n runs the replications k with k mod n = i and stores their records in --db; combine the
            shard files with 'tender merge', then run this command again with --db on the merged file to print
            the statistics. Without --shard, --db stores the statistics and a rerun prints them without
            recomputing.
            """
    )

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var options: SimulationOptions

    @Option(help: "Output format: text or json.")
    var format: SimulationFormat = .text

    @Option(help: "Run only shard i of n (0 ≤ i < n): replications k with k mod n = i. Needs --db.")
    var shard: String?

    @Option(help: "SQLite results database (created if needed).")
    var db: String?

    @Option(
        help: ArgumentHelp(
            "Also write research data to FILE.csv: one row per replication and lot (draws, bids, winner, price, "
                + "metrics).",
            valueName: "FILE.csv"
        )
    )
    var records: String?

    func validate() throws {
        let shard = try parseShard(shard)
        if shard != .whole && records != nil {
            throw ValidationError(
                "--records cannot be combined with --shard: a shard runs only some replications and may resume "
                    + "from stored records, so its file would miss rows; write the records from one process "
                    + "without --shard (they are byte-identical for any --jobs)"
            )
        }
        if shard != .whole && db == nil {
            throw ValidationError(
                "--shard needs --db FILE: a shard's replication records are stored there for 'tender merge'"
            )
        }
    }

    func run() throws {
        let shard = try parseShard(shard)
        var printed = Set<String>()
        let input = try SimulationInput.load(
            scenario.file,
            variant: scenario.variant,
            loader: scenario.includes.loader,
            options: options,
            printed: &printed
        )
        let store = try db.map(openDatabase)
        let progress = Progress(label: "simulate", quiet: options.quiet)
        let summary: SimulationSummary
        if records == nil, let store, shard == .whole,
            let stored = try withStore({ try store.storedSummary(input.identity) })
        {
            progress.message("simulate: \(store.path) already holds these statistics; not recomputed")
            summary = stored
        } else if let store, shard != .whole {
            summary = try runShard(input, shard: shard, store: store, progress: progress)
        } else {
            let stream = try records.map(openRecords)
            do {
                summary = try Simulation.run(
                    input.scenario,
                    identity: input.identity,
                    jobs: options.jobCount,
                    replicate: input.replicate,
                    details: stream.map(recordDetails),
                    progress: progress.update
                )
                try stream?.commit()
                if let records {
                    try AtomicFile.write(
                        Provenance(simulation: SimulationDocument(summary)).table.text,
                        to: Self.aboutPath(records)
                    )
                }
            } catch let error as AtomicFile.WriteError {
                progress.clear()
                StandardError.write("error: cannot write the records to '\(error.path)': \(error.localizedDescription)")
                throw ExitStatus.cannotWrite
            }
            progress.clear()
            if let store { try withStore { try store.storeSummary(summary) } }
        }
        switch format {
        case .text: try StandardOutput.write(SimulationText.render(summary, shard: shard))
        case .json:
            try StandardOutput.write(SimulationDocument(summary, shard: shard).rendered)
        }
    }

    /// The sidecar of a records file: `r.csv` → `r.about.csv` (what made it: tool version, digest, seed,
    /// variant, replications).
    static func aboutPath(_ records: String) -> String {
        let stem = records.hasSuffix(".csv") ? String(records.dropLast(4)) : records
        return stem + ".about.csv"
    }

    /// The records file, opened (as a temporary file beside it) with its header written; exit 74 when it
    /// cannot be created.
    private func openRecords(_ path: String) throws -> AtomicFile.Stream {
        do {
            let stream = try AtomicFile.Stream(path: path)
            try stream.write(ReplicationRecordsTable().headerText)
            return stream
        } catch {
            StandardError.write("error: cannot write the records to '\(path)': \(error.localizedDescription)")
            throw ExitStatus.cannotWrite
        }
    }

    /// Each replication's rows rendered on its worker thread, written in replication order.
    private func recordDetails(_ stream: AtomicFile.Stream) -> ReplicationDetails {
        let table = ReplicationRecordsTable()
        return ReplicationDetails(
            render: { result, context in table.rows(result, context: context) },
            write: { try stream.write($0) }
        )
    }

    private func runShard(
        _ input: SimulationInput,
        shard: Shard,
        store: ResultsDatabase,
        progress: Progress
    ) throws -> SimulationSummary {
        let outcome = try withStore {
            try Simulation.runShard(
                input.scenario,
                identity: input.identity,
                shard: shard,
                store: store,
                jobs: options.jobCount,
                replicate: input.replicate,
                progress: progress.update
            )
        }
        if outcome.wasComplete {
            progress.message("simulate: shard \(shard) is already complete in \(store.path); not recomputed")
        } else {
            progress.clear()
        }
        return outcome.summary
    }
}
