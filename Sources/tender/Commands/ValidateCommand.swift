import ArgumentParser
import ScenarioFormat

/// `tender validate FILE...`: every problem of every file, in one pass.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and report every problem with its file, line and column.",
        discussion: "Each variant is checked too. Exit 0 when all files are valid, 65 when any has an error."
    )

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    @OptionGroup var includes: IncludeOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        let loader = includes.loader
        var failed = false
        for file in files {
            let base = loader.load(file)
            var diagnostics = base.diagnostics
            for variant in base.variants where base.scenario != nil {
                let result = loader.load(file, variant: variant.name)
                for var diagnostic in result.diagnostics where !base.diagnostics.contains(diagnostic) {
                    diagnostic.message += " (with variant '\(variant.name)')"
                    diagnostics.append(diagnostic)
                }
            }
            DiagnosticPrinter.print(diagnostics)
            let hasErrors = diagnostics.contains { $0.severity == .error }
            if hasErrors || base.scenario == nil {
                failed = true
                StandardError.write("\(file): invalid (\(DiagnosticPrinter.counts(diagnostics)))")
            } else if let scenario = base.scenario {
                let lines = scenario.projects.map(\.demands.count).reduce(0, +)
                let warnings = diagnostics.isEmpty ? "" : " (\(DiagnosticPrinter.counts(diagnostics)))"
                try StandardOutput.write(
                    "\(file): valid: \(scenario.catalogue.count) categories, \(scenario.projects.count) projects, "
                        + "\(lines) demand lines, \(scenario.suppliers.count) suppliers, \(scenario.bids.count) bids, "
                        + "\(base.variants.count) variants\(warnings)\n"
                )
            }
        }
        if failed { throw ExitStatus.invalidInput }
    }
}
