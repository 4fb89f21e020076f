import ArgumentParser
import ScenarioFormat
import TenderEngine
import TenderModel

/// The one switch of the trust model (Docs/security.md): where included files may be.
struct IncludeOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Allow includes outside the scenario file's directory tree (absolute paths, '..', symbolic links "
                + "leading out). See Docs/security.md."
        )
    )
    var allowIncludesOutside = false

    var loader: ScenarioLoader { ScenarioLoader(includes: allowIncludesOutside ? .anywhere : .confined) }
}

/// Options shared by the commands that read one scenario.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Apply the named variant of the scenario.")
    var variant: String?

    @OptionGroup var includes: IncludeOptions

    /// The loaded scenario, or exit 65 after printing every diagnostic.
    func load() throws -> (Scenario, LoadResult) {
        let result = includes.loader.load(file, variant: variant)
        DiagnosticPrinter.print(result.diagnostics)
        guard let scenario = result.scenario else {
            StandardError.write("\(file): invalid (\(DiagnosticPrinter.counts(result.diagnostics)))")
            throw ExitStatus.invalidInput
        }
        try checkBidLots(scenario, result)
        return (scenario, result)
    }

    /// Explicit bids must name lots of the plan the policy produces.
    func checkBidLots(_ scenario: Scenario, _ result: LoadResult) throws {
        guard !scenario.bids.isEmpty else { return }
        let lots = LotPlanner.plan(scenario).lots.map(\.id)
        var diagnostics: [Diagnostic] = []
        for (index, bid) in scenario.bids.enumerated() where !lots.contains(bid.lot) {
            let path = "bids[\(index)].lot"
            diagnostics.append(
                Diagnostic(
                    .error,
                    at: result.sourceMap.location(of: path),
                    path: path,
                    "unknown lot '\(bid.lot)'; the lot plan has: \(lots.joined(separator: ", "))"
                )
            )
        }
        if !diagnostics.isEmpty {
            DiagnosticPrinter.print(diagnostics)
            StandardError.write("\(file): invalid (\(DiagnosticPrinter.counts(diagnostics)))")
            throw ExitStatus.invalidInput
        }
    }
}
