import ArgumentParser
import ScenarioFormat
import TenderModel

/// Options shared by the commands that read one scenario.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (YAML).")
    var file: String

    @Option(help: "Apply the named variant of the scenario.")
    var variant: String?

    /// The loaded scenario, or exit 65 after printing every diagnostic.
    func load() throws -> (Scenario, LoadResult) {
        let result = ScenarioLoader().load(file, variant: variant)
        DiagnosticPrinter.print(result.diagnostics)
        guard let scenario = result.scenario else {
            StandardError.write("\(file): invalid (\(DiagnosticPrinter.counts(result.diagnostics)))")
            throw ExitStatus.invalidInput
        }
        return (scenario, result)
    }
}
