import ArgumentParser
import Foundation
import TenderEngine
import TenderExport
import TenderReports

/// The input of `tender report` and `tender export`: a run result (`*.json`, or `-` for standard input), or
/// a scenario file, which is run first exactly as `tender run` runs it.
struct ResultInputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A run result ('tender run --format json' output, *.json, or - for standard input), or a scenario "
                + "file (YAML), which is run first.",
            valueName: "input"
        )
    )
    var input: String

    @Option(help: "For a scenario input: apply the named variant.")
    var variant: String?

    @Option(help: "For a scenario input: the replication number (selects the random streams).")
    var replication: Int = 0

    /// Whether the input is a result document rather than a scenario.
    var isResult: Bool { input == "-" || input.lowercased().hasSuffix(".json") }

    func validate() throws {
        if replication < 0 { throw ValidationError("--replication must be 0 or more") }
        if isResult && (variant != nil || replication != 0) {
            throw ValidationError("--variant and --replication apply to a scenario input, not to a run result")
        }
    }

    /// The result, or exit 65 with a message naming the input.
    func load() throws -> ResultDocument {
        guard isResult else {
            var arguments: [String] = []
            if let variant { arguments += ["--variant", variant] }
            let scenario = try ScenarioOptions.parse(arguments + ["--", input])
            let (loaded, _) = try scenario.load()
            let result = TenderRun.run(loaded, replication: replication)
            return .run(RunView(JSONReport.document(result, scenario: loaded)))
        }
        let data: Data
        do {
            data =
                input == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: input))
        } catch {
            StandardError.write("\(input): error: cannot read the file: \(error.localizedDescription)")
            throw ExitStatus.invalidInput
        }
        do {
            return try ResultDocument.read(data)
        } catch {
            StandardError.write("\(input == "-" ? "<stdin>" : input): error: \(error.description)")
            throw ExitStatus.invalidInput
        }
    }
}

/// Writes `text` to `path` atomically, or exits 74 naming the path.
func writeOutput(_ text: String, to path: String, what: String) throws {
    do {
        try AtomicFile.write(text, to: path)
    } catch {
        StandardError.write("error: cannot write the \(what) to '\(path)': \(error.localizedDescription)")
        throw ExitStatus.cannotWrite
    }
}
