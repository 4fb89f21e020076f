import ArgumentParser
import Foundation
import ResultsStore
import ScenarioFormat
import TenderModel
import TenderSimulation

/// Options shared by simulate, compare and sweep.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Replications (default: the scenario's meta.replications).")
    var replications: Int?

    @Option(help: "Seed of the random streams (default: the scenario's meta.seed).")
    var seed: UInt64?

    @Option(help: "Worker threads (default: the number of cores). Results do not depend on it.")
    var jobs: Int?

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Override a scenario value for every variant, PATH=VALUE (repeatable), e.g. "
                + "policy.equilibrium.method=solved.",
            valueName: "path=value"
        )
    )
    var settings: [String] = []

    /// The `--set` overrides, in the order given.
    var overrides: [GridValue] {
        settings.map { text in
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return GridValue(path: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "")
        }
    }

    func validate() throws {
        if let replications, !(1...ScenarioLoader.maximumReplications).contains(replications) {
            throw ValidationError(
                "--replications must be from 1 to \(ScenarioLoader.maximumReplications) (as meta.replications), "
                    + "found \(replications)"
            )
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        for text in settings {
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count < 2 || parts[0].isEmpty || parts[1].isEmpty {
                throw ValidationError(
                    "--set: expected PATH=VALUE, e.g. policy.equilibrium.method=solved, found '\(text)'"
                )
            }
        }
    }

    var jobCount: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// A scenario loaded for simulation, with the identity its results are stored under.
struct SimulationInput {
    var scenario: Scenario
    var identity: SimulationIdentity
    /// The files as read, from which each worker thread gets its own copy of the scenario.
    var source: ScenarioSource
    /// Another copy of the scenario, with the seed of `scenario` (see `Simulation.run`).
    var replicate: @Sendable () -> Scenario

    /// Loads `file` with a variant and overrides; prints diagnostics (each only once per `printed`) and exits
    /// 65 on errors.
    static func load(
        _ file: String,
        variant: String?,
        loader: ScenarioLoader,
        overrides: [GridValue] = [],
        options: SimulationOptions,
        digest: String? = nil,
        printed: inout Set<String>,
        context: String = ""
    ) throws -> SimulationInput {
        // `--set` first, then the command's own overrides (a sweep cell's parameters).
        let overrides = options.overrides + overrides
        let source = ScenarioSource(
            loading: file,
            variant: variant,
            overrides: overrides,
            includes: loader.includeScope
        )
        let result = source.result
        let fresh = result.diagnostics.filter { printed.insert($0.description).inserted }
        if !fresh.isEmpty && !context.isEmpty && result.scenario == nil { StandardError.write(context) }
        DiagnosticPrinter.print(fresh)
        guard var scenario = result.scenario else {
            StandardError.write("\(file): invalid (\(DiagnosticPrinter.counts(result.diagnostics)))")
            throw ExitStatus.invalidInput
        }
        if !scenario.bids.isEmpty {
            StandardError.write(
                "\(file): the scenario has explicit bids (a rehearsal): every replication would be the same; "
                    + "remove the bids section to simulate generated bids"
            )
            throw ExitStatus.invalidInput
        }
        if let seed = options.seed { scenario.meta.seed = seed }
        guard let fileDigest = digest ?? source.digest else {
            StandardError.write("\(file): cannot read the scenario files for the digest")
            throw ExitStatus.invalidInput
        }
        let identity = SimulationIdentity(
            file: file,
            scenario: scenario.meta.name,
            variant: variant,
            digest: fileDigest,
            seed: scenario.meta.seed,
            replications: options.replications ?? max(1, scenario.meta.replications),
            parameters: overrides
        )
        return SimulationInput(
            scenario: scenario,
            identity: identity,
            source: source,
            replicate: source.replicate(seed: scenario.meta.seed, fallback: scenario)
        )
    }
}

/// Output formats of the simulation commands.
enum SimulationFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Parses `--shard` into a ``Shard`` or a usage error.
func parseShard(_ text: String?) throws -> Shard {
    guard let text else { return .whole }
    do {
        return try Shard(parsing: text)
    } catch {
        throw ValidationError("--shard: \(error.description)")
    }
}

/// Opens a results database, or exits 65 when the file is not a sound results database and 74 when it cannot
/// be opened or written.
func openDatabase(_ path: String) throws -> ResultsDatabase {
    do {
        return try ResultsDatabase(path: path)
    } catch {
        StandardError.write("error: cannot open the results database: \(error)")
        throw error.isInvalidData ? ExitStatus.invalidInput : ExitStatus.cannotWrite
    }
}

/// Runs a store operation; a failure prints its reason and exits 65 for invalid content (a corrupt database, a
/// record out of range), 74 when the file cannot be read or written.
func withStore<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        StandardError.write("error: \(error)")
        throw error.isInvalidData ? ExitStatus.invalidInput : ExitStatus.cannotWrite
    }
}
