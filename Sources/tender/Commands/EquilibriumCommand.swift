import ArgumentParser
import Foundation
import TenderEngine
import TenderReports

/// `tender equilibrium FILE`: the solved equilibrium bid functions of every lot (Docs/behaviour.md).
struct EquilibriumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equilibrium",
        abstract: "Solve the bidders' equilibrium bid functions and entry under the scenario's evaluation rules.",
        discussion: """
            Per lot and class of alike suppliers: the bid at each cost of a grid (cost, bid, markup), the entry \
            probability, the expected number of bidders, and the convergence figure (the largest gain any class \
            can get from a deviation, in yuan and as a share of its expected profit). See Docs/behaviour.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    /// Who bids by the equilibrium (`policy.equilibrium.bidders`).
    enum Bidders: String, ExpressibleByArgument, CaseIterable {
        case declared
        case all
    }

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Write the output to this file instead of standard output.")
    var out: String?

    @Option(
        help: """
            Cost of preparing a bid, yuan, for every supplier (default: each supplier's preparation-cost, else \
            policy.equilibrium.preparation-cost, else 0: every supplier bids).
            """
    )
    var preparationCost: Double?

    @Option(help: "Points of each class's cost grid, 41-401 (default: policy.equilibrium.grid, else 61).")
    var grid: Int?

    @Option(
        help: """
            Converged when no deviation gains more than this share of expected profit (default: \
            policy.equilibrium.tolerance, else 0.02).
            """
    )
    var tolerance: Double?

    @Option(
        help: """
            Who bids by the equilibrium: declared (the suppliers of behaviour: equilibrium; the others are rivals \
            bidding by their declared behaviour and participation) or all (every supplier with cost models). \
            Default: policy.equilibrium.bidders, else declared.
            """
    )
    var bidders: Bidders?

    @Option(help: "Lots solved at once (default: the number of cores). Results do not depend on it.")
    var jobs: Int?

    func validate() throws {
        if let preparationCost, !(preparationCost >= 0) || !preparationCost.isFinite {
            throw ValidationError("--preparation-cost must be 0 or more")
        }
        if let grid, !(41...401).contains(grid) { throw ValidationError("--grid must be between 41 and 401") }
        if let tolerance, !(tolerance > 0 && tolerance < 1) {
            throw ValidationError("--tolerance must be between 0 and 1")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var (loaded, digest) = try scenario.loadWithDigest()
        switch bidders {
        case .declared: loaded.policy.equilibrium.bidders = .declared
        case .all: loaded.policy.equilibrium.bidders = .all
        case nil: break
        }
        // The plain context: the solve below is the one printed (the scenario's own method does not matter).
        let context = EvaluationContext(loaded, equilibria: nil)
        var settings = SolvedEquilibria.settings(for: loaded)
        if let grid { settings.grid = grid }
        if let tolerance { settings.tolerance = tolerance }
        let results = SolvedEquilibria.solve(
            context,
            preparationCost: preparationCost,
            settings: settings,
            jobs: jobs ?? SolvedEquilibria.defaultJobs
        ).results
        let resolvedPreparationCost =
            self.preparationCost ?? loaded.policy.equilibrium.preparationCost.nearestDouble
        let text =
            switch format {
            case .text: EquilibriumReport.text(results, preparationCost: resolvedPreparationCost)
            case .json:
                EquilibriumDocument(
                    results,
                    scenario: loaded.meta.name,
                    digest: digest,
                    seed: loaded.meta.seed,
                    variant: loaded.variant,
                    settings: settings,
                    preparationCost: preparationCost
                ).json
            }
        if let out {
            try writeOutput(text, to: out, what: format == .json ? "equilibrium JSON" : "equilibrium report")
        } else {
            try StandardOutput.write(text)
        }
    }
}
