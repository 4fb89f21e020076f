import ArgumentParser
import ScenarioFormat
import TenderModel
import TenderSimulation

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

    /// The loaded scenario and the SHA-256 digest of the bytes it was loaded from (the file and its
    /// includes), or exit 65 after printing every diagnostic.
    func loadWithDigest() throws -> (scenario: Scenario, digest: String?) {
        let source = ScenarioSource(loading: file, variant: variant)
        DiagnosticPrinter.print(source.result.diagnostics)
        guard let scenario = source.result.scenario else {
            StandardError.write("\(file): invalid (\(DiagnosticPrinter.counts(source.result.diagnostics)))")
            throw ExitStatus.invalidInput
        }
        return (scenario, source.digest)
    }
}
