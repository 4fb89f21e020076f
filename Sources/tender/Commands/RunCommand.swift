import ArgumentParser
import Foundation
import TenderEngine
import TenderReports

/// `tender run FILE`: one replication, every decision shown.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the tender once: lot plan, reviews, scores, ranking, award and metrics.",
        discussion: """
            Uses the scenario's bids when it has any (rehearsal), otherwise generates bids from the supplier
            models with the scenario's seed. --out DIR writes an evaluation report (评标报告) per lot in Markdown \
            (evaluation-<lot>.md) and as a printable Chinese HTML document (evaluation-<lot>.html), and the batch's \
            report (evaluation.html); print the HTML to A4 or PDF from a browser.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var scenario: ScenarioOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Replication number (selects the random streams).")
    var replication: Int = 0

    @Option(
        help: "Directory for the evaluation reports (评标报告): Markdown and printable HTML per lot, HTML for the batch."
    )
    var out: String?

    func validate() throws {
        if replication < 0 { throw ValidationError("--replication must be 0 or more") }
    }

    func run() throws {
        let (loaded, digest) = try scenario.loadWithDigest()
        let result = TenderRun.run(loaded, replication: replication)
        if let out {
            do {
                let provenance = Provenance(scenario: loaded, replication: replication, digest: digest)
                try AtomicFile.createDirectory(out)
                for outcome in result.outcomes {
                    let name = outcome.lot.id.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }
                    try AtomicFile.write(
                        EvaluationReport.markdown(outcome, scenario: loaded),
                        to: (out as NSString).appendingPathComponent("evaluation-\(String(name)).md")
                    )
                    try AtomicFile.write(
                        EvaluationReportPage.lot(outcome, scenario: loaded, provenance: provenance),
                        to: (out as NSString).appendingPathComponent("evaluation-\(String(name)).html")
                    )
                }
                try AtomicFile.write(
                    EvaluationReportPage.batch(result.outcomes, scenario: loaded, provenance: provenance),
                    to: (out as NSString).appendingPathComponent("evaluation.html")
                )
            } catch {
                StandardError.write("error: cannot write the reports to '\(out)': \(error.localizedDescription)")
                throw ExitStatus.cannotWrite
            }
        }
        switch format {
        case .text: try StandardOutput.write(TextReport.render(result, scenario: loaded))
        case .json: try StandardOutput.write(try JSONReport.render(result, scenario: loaded, digest: digest))
        }
    }
}
