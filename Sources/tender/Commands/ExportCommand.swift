import ArgumentParser
import Foundation
import JSONOutput
import TenderExport

/// `tender export INPUT --csv DIR --ocds FILE`: the run as CSV tables and as an OCDS release package.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run as CSV tables and an OCDS 1.1 release package; simulation results as CSV.",
        discussion: """
            INPUT is a scenario file, which is run first like 'tender run' (--variant, --replication), the JSON of \
            'tender run', 'simulate', 'compare' or 'sweep' --format json, or a sweep's results database. --csv DIR \
            writes lots.csv, bids.csv, awards.csv and lines.csv for a run; metrics.csv (and differences.csv, or \
            cells.csv) for simulation results (RFC 4180, UTF-8, CRLF). --ocds FILE writes a run's release package \
            ('-': standard output). Every file is written atomically. See Docs/reports-and-exports.md.
            """
    )

    @OptionGroup var input: ResultInputOptions

    @Option(help: ArgumentHelp("Directory for the CSV files (created if missing).", valueName: "dir"))
    var csv: String?

    @Option(help: ArgumentHelp("The OCDS release package to write ('-': standard output).", valueName: "file"))
    var ocds: String?

    func validate() throws {
        if csv == nil && ocds == nil { throw ValidationError("give --csv DIR, --ocds FILE, or both") }
    }

    func run() throws {
        let document = try input.load()
        if let ocds {
            guard case .run(let view) = document else {
                throw ValidationError(
                    "--ocds exports a run (a scenario or 'tender run' JSON); INPUT is \(document.kind)"
                )
            }
            let package: JSONValue
            do {
                package = try OCDSExport.releasePackage(view)
            } catch {
                StandardError.write("\(input.input): error: cannot export OCDS: \(error.description)")
                throw ExitStatus.invalidInput
            }
            if ocds == "-" {
                try StandardOutput.write(package.rendered())
            } else {
                try writeOutput(package.rendered(), to: ocds, what: "OCDS release package")
            }
        }
        if let csv {
            do {
                try AtomicFile.createDirectory(csv)
            } catch {
                StandardError.write("error: cannot create the directory '\(csv)': \(error.localizedDescription)")
                throw ExitStatus.cannotWrite
            }
            for (name, table) in document.csvTables {
                try writeOutput(table.text, to: (csv as NSString).appendingPathComponent(name), what: "CSV file")
            }
        }
    }
}
