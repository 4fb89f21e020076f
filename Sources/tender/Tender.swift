import ArgumentParser
import Foundation
import ScenarioFormat
import TenderSimulation

@main
struct Tender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender",
        abstract: "Simulate centralized government procurement of green building materials.",
        discussion: """
            Exit status: 0 success; 64 usage error; 65 invalid scenario input; 74 cannot write output.
            """,
        version: ToolVersion.current,
        subcommands: [
            ValidateCommand.self,
            RunCommand.self,
            ReportCommand.self,
            ExportCommand.self,
            SimulateCommand.self,
            CompareCommand.self,
            SweepCommand.self,
            PlanCommand.self,
            MergeCommand.self,
            ServeCommand.self,
            EquilibriumCommand.self,
        ]
    )

    /// Parses and runs the command line; a mistyped command gets a suggestion before the usage.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownCommand(first) {
            let usage = "Usage: tender <subcommand>\n  See 'tender --help' for more information."
            FileHandle.standardError.write(Data((message + "\n" + usage + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(arguments)
    }

    /// `error: unknown command 'simulat'; did you mean 'simulate'?`, or nil when `word` is a command or an option.
    static func unknownCommand(_ word: String) -> String? {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !word.hasPrefix("-"), !names.contains(word) else { return nil }
        let hint = Suggestion.closest(to: word, in: names).map { "; did you mean '\($0)'?" } ?? ""
        return "Error: unknown command '\(word)'\(hint)"
    }
}
