import ArgumentParser
import Foundation
import ResultsStore
import TenderEngine
import TenderReports
import TenderSimulation

/// The input of `tender report` and `tender export`: a result document (`*.json`, or `-` for standard input:
/// the JSON of `run`, `simulate`, `compare` or `sweep`), a sweep's results database (SQLite), or a scenario
/// file, which is run first exactly as `tender run` runs it.
struct ResultInputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A result: the JSON of 'tender run', 'simulate', 'compare' or 'sweep' --format json (*.json, or - for "
                + "standard input), or a sweep's results database (SQLite); or a scenario file (YAML), which is "
                + "run first.",
            valueName: "input"
        )
    )
    var input: String

    @Option(help: "For a scenario input: apply the named variant.")
    var variant: String?

    @Option(help: "For a scenario input: the replication number (selects the random streams).")
    var replication: Int = 0

    @OptionGroup var includes: IncludeOptions

    enum Kind {
        case document
        case database
        case scenario
    }

    /// A result document by its name (`*.json`, `-`), a database by its first bytes, else a scenario.
    var kind: Kind {
        if input == "-" || input.lowercased().hasSuffix(".json") { return .document }
        guard let handle = FileHandle(forReadingAtPath: input) else { return .scenario }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 16)) ?? Data()
        return magic == Data("SQLite format 3\u{0}".utf8) ? .database : .scenario
    }

    func validate() throws {
        if replication < 0 { throw ValidationError("--replication must be 0 or more") }
        if kind != .scenario && (variant != nil || replication != 0) {
            throw ValidationError("--variant and --replication apply to a scenario input, not to a result")
        }
    }

    /// The result, or exit 65 with a message naming the input.
    func load() throws -> ResultDocument {
        switch kind {
        case .scenario:
            var arguments: [String] = []
            if let variant { arguments += ["--variant", variant] }
            if includes.allowIncludesOutside { arguments.append("--allow-includes-outside") }
            let scenario = try ScenarioOptions.parse(arguments + ["--", input])
            let (loaded, digest) = try scenario.loadWithDigest()
            let result = TenderRun.run(loaded, replication: replication)
            var document = JSONReport.document(result, scenario: loaded)
            document.toolVersion = ToolVersion.current
            document.digest = digest
            return .run(RunView(document))
        case .database:
            do {
                let (sweep, others) = try ResultsDatabase.latestSweep(at: input)
                if others > 0 {
                    StandardError.write(
                        "\(input): note: the database holds \(others) other sweep(s); reporting the latest one"
                    )
                }
                return .sweep(sweep)
            } catch {
                StandardError.write("\(input): error: \(error)")
                throw ExitStatus.invalidInput
            }
        case .document:
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
