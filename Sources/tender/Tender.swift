import ArgumentParser

@main
struct Tender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender",
        abstract: "Simulate centralized government procurement of green building materials.",
        discussion: """
            Exit status: 0 success; 64 usage error; 65 invalid scenario input; 74 cannot write output.
            """,
        subcommands: [
            ValidateCommand.self,
            RunCommand.self,
            ReportCommand.self,
            ExportCommand.self,
            SimulateCommand.self,
            CompareCommand.self,
            SweepCommand.self,
            MergeCommand.self,
        ]
    )
}
