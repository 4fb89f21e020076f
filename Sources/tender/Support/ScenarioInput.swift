import ArgumentParser
import ScenarioFormat
import TenderModel
import TenderSimulation

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
        return (scenario, result)
    }

    /// The loaded scenario and the SHA-256 digest of the bytes it was loaded from (the file and its
    /// includes), or exit 65 after printing every diagnostic.
    func loadWithDigest() throws -> (scenario: Scenario, digest: String?) {
        let source = ScenarioSource(loading: file, variant: variant, includes: includes.loader.includeScope)
        DiagnosticPrinter.print(source.result.diagnostics)
        guard let scenario = source.result.scenario else {
            StandardError.write("\(file): invalid (\(DiagnosticPrinter.counts(source.result.diagnostics)))")
            throw ExitStatus.invalidInput
        }
        return (scenario, source.digest)
    }
}
