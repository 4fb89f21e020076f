import ArgumentParser
import Foundation
import ScenarioFormat
import TenderModel
import TenderReports
import TenderSimulation

/// `tender compare FILE --variants A,B`: the same replications under each variant, paired differences.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare variants on common random numbers: paired differences with 95% confidence intervals.",
        discussion: """
            Every variant runs the same replications with the same seed, so each replication's draws are shared
            and the differences are paired. The first variant is the reference; 'base' names the scenario as
            written (unless it defines a variant called base).

            --against decentralised adds the counterfactual of no pooling: the scenario as written, but every
            demand line bought as a purchase of its own by its project (lot strategy per-line: method by the
            thresholds at the line's own value, same suppliers and cost models). With --variants it is compared
            after them; alone, it is compared with base. See Docs/planning.md.
            """
    )

    /// A counterfactual `--against` adds to the comparison.
    enum Counterfactual: String, ExpressibleByArgument, CaseIterable {
        case decentralised

        /// The overrides that make the scenario the counterfactual.
        var overrides: [GridValue] {
            switch self {
            case .decentralised: return [GridValue(path: "policy.lotting.strategy", value: "per-line")]
            }
        }
    }

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Comma-separated variant names, the reference first, e.g. base,deduction-20.")
    var variants: String?

    @Option(help: "Add a counterfactual: decentralised (every project buys its own lines; Docs/planning.md).")
    var against: Counterfactual?

    @OptionGroup var options: SimulationOptions

    @OptionGroup var includes: IncludeOptions

    @Option(help: "Output format: text or json.")
    var format: SimulationFormat = .text

    var names: [String] {
        let listed =
            variants?.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespaces)
            } ?? ["base"]
        return listed + (against.map { [$0.rawValue] } ?? [])
    }

    func validate() throws {
        if variants == nil && against == nil {
            throw ValidationError("give --variants (e.g. base,deduction-20), --against decentralised, or both")
        }
        if names.contains(where: \.isEmpty) {
            throw ValidationError("--variants: an empty name in '\(variants ?? "")'")
        }
        if names.count < 2 { throw ValidationError("--variants needs at least two names, e.g. base,deduction-20") }
        if Set(names).count != names.count { throw ValidationError("--variants names a variant twice") }
    }

    func run() throws {
        var printed = Set<String>()
        let definitions = includes.loader.load(file).variants
        let defined = definitions.map(\.name)
        var inputs: [(name: String, scenario: Scenario, identity: SimulationIdentity)] = []
        var copies: [@Sendable () -> Scenario] = []
        var options = self.options
        for (position, name) in names.enumerated() {
            // The counterfactual is the last name: the scenario as written with its overrides.
            let counterfactual = against != nil && position == names.count - 1 ? against : nil
            let variant = counterfactual != nil || (name == "base" && !defined.contains("base")) ? nil : name
            let input = try SimulationInput.load(
                file,
                variant: variant,
                loader: includes.loader,
                overrides: counterfactual?.overrides ?? [],
                options: options,
                printed: &printed
            )
            // Common random numbers: every variant uses the first one's seed and replication count.
            options.seed = options.seed ?? input.identity.seed
            options.replications = options.replications ?? input.identity.replications
            var scenario = input.scenario
            scenario.meta.seed = options.seed!
            var identity = input.identity
            identity.seed = options.seed!
            identity.replications = options.replications!
            inputs.append((name, scenario, identity))
            copies.append(input.source.replicate(seed: options.seed!, fallback: scenario))
        }
        let progress = Progress(label: "compare", quiet: options.quiet)
        var comparison = try Comparison.run(
            inputs,
            replications: options.replications!,
            jobs: options.jobCount,
            replicate: copies,
            progress: progress.update
        )
        progress.clear()
        if against != nil { comparison.decentralised = names.last }
        comparison.descriptions = names.enumerated().map { position, name in
            if against != nil && position == names.count - 1 {
                return "不集中采购：各项目自行采购每条需求 (every project buys its own lines)"
            }
            return definitions.first { $0.name == name }?.description ?? ""
        }
        switch format {
        case .text: try StandardOutput.write(SimulationText.render(comparison))
        case .json: try StandardOutput.write(ComparisonDocument(comparison).rendered)
        }
    }
}
