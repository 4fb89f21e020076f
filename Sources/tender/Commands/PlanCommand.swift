import ArgumentParser
import ScenarioFormat
import TenderEngine
import TenderModel
import TenderReports
import TenderSimulation

/// `tender plan FILE [--search]`: the candidate lot plans of a scenario, and with `--search` their simulation,
/// Pareto front and recommended plan (Docs/planning.md).
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Search the lot plans: candidate settings of the lotting rules, their Pareto front, the best plan.",
        discussion: "Each candidate is a setting of policy.lotting (strategy, value cap, bundling, SME reserve; or the "
            + "--axis options, written as sweep --grid). Plans that are the same plan, that split a category below "
            + "the open-tender threshold, or that a bound from the plan alone shows cannot meet a constraint are "
            + "pruned. Without --search the command lists the candidates; with it, each remaining plan is simulated "
            + "on common random numbers and the Pareto front of total cost, failed-lot rate, SME share and "
            + "procurements is printed with the recommended plan as a variant to paste under variants:."
    )

    @OptionGroup var scenario: ScenarioOptions

    @Flag(help: "Simulate the candidates and print the front and the recommended plan.")
    var search = false

    @Option(
        name: .customLong("axis"),
        help: "PATH=VALUES of a setting to vary (repeatable; default: the lotting rules)."
    )
    var axes: [String] = []

    @Option(help: "What the recommended plan is best at: total-cost, failed-lot-rate, sme-share or procurements.")
    var objective: String = PlanObjective.totalCost.rawValue

    @Option(
        name: .customLong("constraint"),
        help: "METRIC<=VALUE or METRIC>=VALUE on the mean (repeatable; default: failed-lot-rate<=5%)."
    )
    var constraints: [String] = []

    @OptionGroup var options: SimulationOptions

    @Option(help: "SQLite results database: finished candidates are kept and not simulated again.")
    var db: String?

    @Option(help: "Simulate only shard i of n of the candidates (0 ≤ i < n); needs --db.")
    var shard: String?

    @Option(help: "Output format: text or json.")
    var format: SimulationFormat = .text

    @Option(help: "Also write the candidates as CSV to this file.")
    var csv: String?

    @Option(help: "Also write an HTML report (the front as a chart, the recommended plan's lots) to this file.")
    var html: String?

    func validate() throws {
        let shard = try parseShard(shard)
        if shard != .whole && db == nil { throw ValidationError("--shard needs --db, where the shards meet") }
        if (shard != .whole || db != nil || csv != nil || html != nil) && !search {
            throw ValidationError("--db, --shard, --csv and --html go with --search")
        }
        _ = try parsedObjective()
        _ = try parsedConstraints()
        _ = try grid(defaults: [])
    }

    func parsedObjective() throws -> PlanObjective {
        guard let value = PlanObjective(rawValue: objective) else {
            throw ValidationError(
                "--objective: expected one of \(PlanObjective.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "found '\(objective)'"
            )
        }
        return value
    }

    func parsedConstraints() throws -> [PlanConstraint] {
        do {
            var parsed = try constraints.map { text throws(PlanSearchError) in try PlanConstraint(parsing: text) }
            if !parsed.contains(where: { $0.metric == PlanObjective.failedLotRate.rawValue }) {
                parsed.append(try PlanConstraint(parsing: "failed-lot-rate<=5%"))
            }
            return parsed
        } catch {
            throw ValidationError("--constraint: \(error.description)")
        }
    }

    func grid(defaults: [GridAxis]) throws -> Grid {
        do {
            let given = try axes.map { text throws(GridError) in try GridAxis(parsing: text) }
            return try Grid(given.isEmpty ? defaults : given)
        } catch {
            throw ValidationError("--axis: \(error.description)")
        }
    }

    func run() throws {
        let shard = try parseShard(shard)
        let objective = try parsedObjective()
        let constraints = try parsedConstraints()
        var printed = Set<String>()
        let loader = scenario.includes.loader
        let base = try SimulationInput.load(
            scenario.file,
            variant: scenario.variant,
            loader: loader,
            options: options,
            printed: &printed
        )
        let grid = try grid(defaults: PlanSearch.defaultAxes(for: base.scenario))
        // Every candidate's plan, and what is pruned before any simulation.
        var inputs: [Int: SimulationInput] = [:]
        var kept: [String: Int] = [:]
        var candidates: [PlanCandidate] = []
        var pruned: [(PlanCandidate, PlanPruning)] = []
        for cell in 0..<grid.count {
            let values = grid.cell(cell)
            let input = try SimulationInput.load(
                scenario.file,
                variant: scenario.variant,
                loader: loader,
                overrides: values,
                options: options,
                digest: base.identity.digest,
                printed: &printed,
                context: "in candidate \(cell): \(values.map(\.description).joined(separator: ", "))"
            )
            let candidate = PlanCandidate(index: cell, values: values, plan: LotPlanner.plan(input.scenario))
            if let reason = PlanSearch.pruning(
                candidate,
                kept: kept,
                constraints: constraints,
                scenario: input.scenario
            ) {
                pruned.append((candidate, reason))
            } else {
                kept[candidate.signature] = cell
                candidates.append(candidate)
                inputs[cell] = input
            }
        }
        guard search else {
            try StandardOutput.write(
                PlanSearchText.candidates(considered: grid.count, kept: candidates, pruned: pruned)
            )
            return
        }
        let progress = Progress(label: "plan", quiet: options.quiet)
        let simulated: [(PlanCandidate, SimulationSummary)]
        if let db {
            let store = try openDatabase(db)
            try withStore {
                try simulate(candidates, inputs: inputs, shard: shard, store: store, progress: progress)
            }
            let stored = try withStore {
                try store.cells(
                    digest: base.identity.digest,
                    variant: scenario.variant,
                    seed: base.identity.seed,
                    replications: base.identity.replications
                )
            }
            simulated = Self.matched(candidates, stored)
        } else {
            let store = MemorySweepStore()
            try simulate(candidates, inputs: inputs, shard: shard, store: store, progress: progress)
            simulated = Self.matched(candidates, store.cells)
        }
        progress.clear()
        let outcomes = PlanSearch.judge(simulated, constraints: constraints)
        let report = PlanSearchReport(
            scenario: base.scenario.meta.name,
            file: scenario.file,
            variant: scenario.variant,
            digest: base.identity.digest,
            seed: base.identity.seed,
            replications: base.identity.replications,
            considered: grid.count,
            pruned: pruned,
            missing: candidates.count - simulated.count,
            outcomes: outcomes,
            objective: objective,
            constraints: constraints
        )
        // Everything is rendered before anything is written; a file that cannot be written exits 74 naming it.
        let files = [
            csv.map { ($0, PlanSearchText.csv(report), "plan candidates (CSV)") },
            html.map { ($0, PlanSearchPage.html(report), "plan search report (HTML)") },
        ].compactMap { $0 }
        for (path, text, what) in files { try writeOutput(text, to: path, what: what) }
        switch format {
        case .text: try StandardOutput.write(PlanSearchText.render(report))
        case .json: try StandardOutput.write(PlanSearchText.json(report))
        }
    }

    private func simulate(
        _ candidates: [PlanCandidate],
        inputs: [Int: SimulationInput],
        shard: Shard,
        store: some SweepStore,
        progress: Progress
    ) throws {
        try Sweep.run(
            cells: candidates.count,
            shard: shard,
            store: store,
            jobs: options.jobCount,
            prepare: { position in
                guard let input = inputs[candidates[position].index] else { throw ExitStatus.invalidInput }
                return (input.scenario, input.identity, input.replicate)
            },
            events: { event in
                switch event {
                case .started(let position):
                    progress.restart(prefix: "plan \(position + 1)/\(candidates.count), ")
                case .replications(let done, let total): progress.update(done: done, total: total)
                case .skipped, .committed: break
                }
            }
        )
    }

    /// The simulated candidates, in candidate order, matched to stored cells by their settings.
    static func matched(_ candidates: [PlanCandidate], _ cells: [CellResult]) -> [(PlanCandidate, SimulationSummary)] {
        var byParameters: [String: SimulationSummary] = [:]
        for cell in cells { byParameters[cell.summary.identity.parameterText] = cell.summary }
        return candidates.compactMap { candidate in
            let key = candidate.values.map(\.description).joined(separator: "; ")
            return byParameters[key].map { (candidate, $0) }
        }
    }
}
