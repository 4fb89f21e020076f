import ArgumentParser
import TenderReports

/// `tender report INPUT --html FILE`: one self-contained HTML file with tables and inline SVG charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a run, simulation, comparison or sweep.",
        discussion: """
            INPUT is the JSON of 'tender run', 'simulate', 'compare' or 'sweep' with --format json (or - for \
            standard input), a sweep's results database, or a scenario file, which is run first like 'tender run'. \
            The HTML has inline CSS and SVG charts, no scripts, and fetches nothing, so it works offline; it \
            prints to A4. The file is written atomically.
            """
    )

    @OptionGroup var input: ResultInputOptions

    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var html: String

    func run() throws {
        let document = try input.load()
        try writeOutput(document.html(), to: html, what: "HTML report")
        try StandardOutput.write("\(html): HTML report of the \(document.summary)\n")
    }
}
