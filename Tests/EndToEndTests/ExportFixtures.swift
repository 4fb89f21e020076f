import ExactNumbers
import Foundation
import TenderReports
import Testing

/// Helpers for the report and export tests: bundled scenarios, temporary directories, external tools.
enum ExportFixtures {
    /// Every bundled scenario (`Scenarios/*.yaml`).
    static var bundled: [String] {
        let directory = Fixtures.root.appendingPathComponent("Scenarios").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// A fresh temporary directory, removed by the caller's `defer`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tender-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `tender run FILE --format json`, written to `directory/NAME.json`; returns the path and the parsed lots.
    static func runJSON(_ scenario: String, in directory: URL) throws -> (path: String, lots: [[String: Any]]) {
        let run = try Fixtures.tender(["run", Fixtures.scenario(scenario), "--format", "json"])
        #expect(run.status == 0, "tender run \(scenario): \(run.stderr)")
        let path = directory.appendingPathComponent(scenario.replacingOccurrences(of: ".yaml", with: ".json")).path
        try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return (path, json?["lots"] as? [[String: Any]] ?? [])
    }

    /// The lot summary of an HTML report: lot id → (winner cell text, contract cell text).
    static func lotSummary(_ html: String) throws -> [String: (winner: String, contract: String)] {
        let table = try #require(html.range(of: "id=\"lot-summary\"").map { String(html[$0.upperBound...]) })
        let body = String(table[..<(table.range(of: "</table>")?.lowerBound ?? table.endIndex)])
        let row = try NSRegularExpression(pattern: "<tr data-lot=\"([^\"]+)\">(.*?)</tr>")
        let winner = try NSRegularExpression(pattern: "<td class=\"winner\">([^<]*)")
        let contract = try NSRegularExpression(pattern: "<td class=\"num contract\">([^<]*)</td>")
        var result: [String: (String, String)] = [:]
        for match in row.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            let id = String(body[Range(match.range(at: 1), in: body)!])
            let cells = String(body[Range(match.range(at: 2), in: body)!])
            func first(_ pattern: NSRegularExpression) -> String {
                guard let m = pattern.firstMatch(in: cells, range: NSRange(cells.startIndex..., in: cells)) else {
                    return ""
                }
                return String(cells[Range(m.range(at: 1), in: cells)!])
            }
            result[id] = (first(winner), first(contract))
        }
        return result
    }

    /// Expects the report's lot summary to say what the run JSON says: each lot's winner and contract price
    /// (2 places, half-up, grouped, as the engine prints amounts).
    static func expectSummaryAgrees(_ html: String, with lots: [[String: Any]], _ what: String) throws {
        let summary = try lotSummary(html)
        #expect(summary.count == lots.count, "\(what): \(summary.count) rows for \(lots.count) lots")
        for lot in lots {
            let id = try #require(lot["id"] as? String)
            let row = try #require(summary[id], "\(what): lot \(id) missing from the summary")
            let winner = lot["winner"] as? String
            #expect(row.winner == (winner.map(HTMLText.escape) ?? "—"), "\(what): winner of \(id)")
            let price = try (lot["contractPrice"] as? String).map { try Exact(parsing: $0) }
            let expected = price.map { TextLayout.amount($0) } ?? "—"
            #expect(row.contract == expected, "\(what): contract price of \(id)")
        }
    }

    /// The path of an executable on `PATH`, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs an executable; returns its status, standard output and standard error.
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        // Standard error goes to a file, so a chatty child (Chromium) never blocks on a full pipe.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tender-stderr-\(UUID().uuidString)"
        )
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let err = try FileHandle(forWritingTo: errorFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = try Data(contentsOf: errorFile)
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}

/// HTML text escaping as the report writes it (for comparing cell text).
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
