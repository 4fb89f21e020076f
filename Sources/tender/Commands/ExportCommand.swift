import ArgumentParser
import Foundation
import JSONOutput
import TenderReports
import Workbook

/// `tender export INPUT --csv DIR --ocds FILE --xlsx FILE`: the run as CSV tables, an OCDS release package and an
/// Excel workbook.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export results as CSV tables and an Excel workbook, and a run as an OCDS 1.1 release package.",
        discussion: """
            INPUT is a scenario file, which is run first like 'tender run' (--variant, --replication), the JSON of \
            'tender run', 'simulate', 'compare' or 'sweep' --format json, or a sweep's results database. --csv DIR \
            writes lots.csv, bids.csv, awards.csv and lines.csv for a run; metrics.csv (and differences.csv, or \
            cells.csv) for simulation results (RFC 4180, UTF-8, CRLF; --bom starts each file with a UTF-8 byte-order \
            mark, for Excel on Chinese Windows). --xlsx FILE writes the same tables as an Excel workbook, one sheet \
            each, with Chinese and English headers and numbers as numbers. --ocds FILE writes a run's release \
            package ('-': standard output). Every file is written atomically. See Docs/reports-and-exports.md.
            """
    )

    @OptionGroup var input: ResultInputOptions

    @Option(help: ArgumentHelp("Directory for the CSV files (created if missing).", valueName: "dir"))
    var csv: String?

    @Flag(help: "Start each CSV file with a UTF-8 byte-order mark (for Excel on Chinese Windows).")
    var bom = false

    @Option(help: ArgumentHelp("The OCDS release package to write ('-': standard output).", valueName: "file"))
    var ocds: String?

    @Option(help: ArgumentHelp("The Excel workbook (.xlsx) to write: one sheet per CSV table.", valueName: "file"))
    var xlsx: String?

    func validate() throws {
        if csv == nil && ocds == nil && xlsx == nil {
            throw ValidationError("give --csv DIR, --ocds FILE, --xlsx FILE, or several")
        }
        if bom && csv == nil { throw ValidationError("--bom applies to the CSV files of --csv DIR") }
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
            for (name, table) in document.csvTables() {
                try writeOutput(
                    table.text(byteOrderMark: bom),
                    to: (csv as NSString).appendingPathComponent(name),
                    what: "CSV file"
                )
            }
        }
        if let xlsx {
            let workbook = document.workbook()
            do {
                try AtomicFile.write(to: xlsx) { try workbook.write(toFile: $0) }
            } catch {
                let reason = (error as? WorkbookError)?.description ?? error.localizedDescription
                StandardError.write("error: cannot write the workbook to '\(xlsx)': \(reason)")
                throw ExitStatus.cannotWrite
            }
        }
    }
}
