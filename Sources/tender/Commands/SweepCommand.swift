import ArgumentParser
import ResultsStore
import ScenarioFormat
import TenderReports
import TenderSimulation

/// `tender sweep FILE --grid PATH=VALUES... --db FILE`: one simulation per cell of a grid, stored in SQLite.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Simulate every cell of a parameter grid and store each cell's statistics in SQLite.",
        discussion: "--grid takes a scenario path and either an exact range, 'policy.sme.deduction=10%..20% step 2%', "
            + "or a list, 'policy.lotting.strategy=per-category,category-region'; several --grid options make a "
            + "Cartesian grid. Each cell is committed in one transaction: interrupt the sweep at any moment and run "
            + "the same command again to compute only the missing cells. --shard i/n computes the cells k with "
            + "k mod n = i."
    )

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .customLong("grid"), help: "PATH=START..END step STEP or PATH=V1,V2,… (repeatable).")
    var grids: [String] = []

    @OptionGroup var options: SimulationOptions

    @Option(help: "SQLite results database (created if needed).")
    var db: String

    @Option(help: "Compute only shard i of n of the cells (0 ≤ i < n).")
    var shard: String?

    @Option(help: "Output format of the final table: text or json.")
    var format: SimulationFormat = .text

    func validate() throws {
        _ = try parseShard(shard)
        if grids.isEmpty { throw ValidationError("give at least one --grid PATH=VALUES") }
        _ = try grid()
    }

    func grid() throws -> Grid {
        do {
            return try Grid(grids.map { text throws(GridError) in try GridAxis(parsing: text) })
        } catch {
            throw ValidationError("--grid: \(error.description)")
        }
    }

    /// An axis whose path the scenario lacks fails with a did-you-mean hint before any cell is checked.
    func checkPaths(_ grid: Grid) throws {
        let loader = scenario.includes.loader
        let base = loader.load(scenario.file, variant: scenario.variant)
        guard let baseScenario = base.scenario else { return }  // the cell checks print the scenario's own errors
        let known = ScenarioPaths.all(in: baseScenario)
        for axis in grid.axes where !known.contains(axis.path) {
            let probe = loader.load(scenario.file, variant: scenario.variant, overrides: [(axis.path, axis.values[0])])
            guard !probe.errors.isEmpty else { continue }
            let hint = ScenarioPaths.suggestion(for: axis.path, among: known).map { "; did you mean '\($0)'?" } ?? ""
            StandardError.write("error: --grid: '\(axis.path)' is not a path of this scenario\(hint)")
            DiagnosticPrinter.print(probe.errors)
            throw ExitStatus.invalidInput
        }
    }

    func run() throws {
        let shard = try parseShard(shard)
        let grid = try grid()
        var printed = Set<String>()
        try checkPaths(grid)
        // Check every cell of this shard before computing any, so a bad value fails at once.
        var digest: String?
        for cell in 0..<grid.count where shard.contains(cell) {
            let values = grid.cell(cell)
            let input = try SimulationInput.load(
                scenario.file,
                variant: scenario.variant,
                loader: scenario.includes.loader,
                overrides: values,
                options: options,
                digest: digest,
                printed: &printed,
                context: "in cell \(cell): \(values.map(\.description).joined(separator: ", "))"
            )
            digest = input.identity.digest
        }
        let store = try openDatabase(db)
        let progress = Progress(label: "sweep", quiet: options.quiet)
        let cells = (0..<grid.count).filter { shard.contains($0) }.count
        var done = 0
        var skipped = 0
        try withStore {
            try Sweep.run(
                cells: grid.count,
                shard: shard,
                store: store,
                jobs: options.jobCount,
                prepare: { cell in
                    let input = try SimulationInput.load(
                        scenario.file,
                        variant: scenario.variant,
                        loader: scenario.includes.loader,
                        overrides: grid.cell(cell),
                        options: options,
                        digest: digest,
                        printed: &printed
                    )
                    return (input.scenario, input.identity, input.replicate)
                },
                events: { event in
                    switch event {
                    case .skipped:
                        done += 1
                        skipped += 1
                    case .started(let cell):
                        progress.restart(prefix: "cell \(done + 1)/\(cells) (#\(cell)), ")
                    case .replications(let d, let total): progress.update(done: d, total: total)
                    case .committed(let cell):
                        done += 1
                        progress.message("sweep: cell \(cell) committed (\(done)/\(cells))")
                    }
                }
            )
        }
        progress.clear()
        if skipped > 0 { progress.message("sweep: \(skipped) of \(cells) cells were already in \(db); not recomputed") }
        let wanted = Set(
            (0..<grid.count).filter { shard.contains($0) }.map {
                grid.cell($0).map(\.description).joined(separator: "; ")
            }
        )
        var probe = Set<String>()
        let first = try SimulationInput.load(
            scenario.file,
            variant: scenario.variant,
            loader: scenario.includes.loader,
            overrides: grid.cell(shard.index),
            options: options,
            digest: digest,
            printed: &probe
        )
        let stored = try withStore {
            try store.cells(
                digest: first.identity.digest,
                variant: scenario.variant,
                seed: first.identity.seed,
                replications: first.identity.replications
            )
        }.filter { wanted.contains($0.summary.identity.parameterText) }
        switch format {
        case .text: try StandardOutput.write(SimulationText.render(cells: stored))
        case .json: try StandardOutput.write(SweepDocument(stored).rendered)
        }
    }
}
