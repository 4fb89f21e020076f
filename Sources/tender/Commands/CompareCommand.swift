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
            """
    )

    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Comma-separated variant names, the reference first, e.g. base,deduction-20.")
    var variants: String

    @OptionGroup var options: SimulationOptions

    @OptionGroup var includes: IncludeOptions

    @Option(help: "Output format: text or json.")
    var format: SimulationFormat = .text

    var names: [String] {
        variants.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
    }

    func validate() throws {
        if names.contains(where: \.isEmpty) { throw ValidationError("--variants: an empty name in '\(variants)'") }
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
        for name in names {
            let variant = name == "base" && !defined.contains("base") ? nil : name
            let input = try SimulationInput.load(
                file,
                variant: variant,
                loader: includes.loader,
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
        comparison.descriptions = names.map { name in definitions.first { $0.name == name }?.description ?? "" }
        switch format {
        case .text: try StandardOutput.write(SimulationText.render(comparison))
        case .json: try StandardOutput.write(ComparisonDocument(comparison).rendered)
        }
    }
}
