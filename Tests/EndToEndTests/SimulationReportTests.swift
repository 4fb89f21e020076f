import ExactNumbers
import Foundation
import TenderReports
import Testing

/// `tender report` and `tender export` on the results of `simulate`, `compare` and `sweep`.
@Suite struct SimulationReportTests {
    static let scenario = Fixtures.scenario("daqing-2023.yaml")

    /// Runs `tender` and writes its standard output to `directory/name`.
    func output(_ arguments: [String], to name: String, in directory: URL) throws -> String {
        let r = try Fixtures.tender(arguments)
        #expect(r.status == 0, "tender \(arguments.joined(separator: " ")): \(r.stderr)")
        let path = directory.appendingPathComponent(name).path
        try r.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func simulationReportShowsEachLotsMeanContract() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try output(
            ["simulate", Self.scenario, "--replications", "40", "--jobs", "2", "--quiet", "--format", "json"],
            to: "sim.json",
            in: directory
        )
        let html = directory.appendingPathComponent("sim.html").path
        let r = try Fixtures.tender(["report", json, "--html", html])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("HTML report of the simulation of "))
        let text = try String(contentsOfFile: html, encoding: .utf8)
        let document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let metrics = try #require(document?["metrics"] as? [[String: Any]])
        let lots = try #require(document?["lots"] as? [String])
        for lot in lots {
            let mean = metrics.first { $0["name"] as? String == "lot[\(lot)].contract" }?["mean"] as? Double
            let shown = mean.map { TextLayout.amount(try! Exact(parsing: "\($0)")) } ?? "—"
            #expect(
                text.contains("<tr data-lot=\"\(lot)\"><td>\(lot)</td><td class=\"num\">\(shown)</td>"),
                "lot \(lot): mean contract \(shown)"
            )
        }
        let csv = directory.appendingPathComponent("csv")
        #expect(try Fixtures.tender(["export", json, "--csv", csv.path]).status == 0)
        let rows = try String(contentsOf: csv.appendingPathComponent("metrics.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == metrics.count + 1)
        let ocds = try Fixtures.tender(["export", json, "--ocds", "-"])
        #expect(ocds.status == 64)
        #expect(ocds.stderr.contains("--ocds exports a run"))
    }

    @Test func comparisonReportShowsThePairedDifferences() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try output(
            [
                "compare", Self.scenario, "--variants", "base,deduction-20", "--replications", "20", "--jobs", "2",
                "--quiet", "--format", "json",
            ],
            to: "compare.json",
            in: directory
        )
        let html = directory.appendingPathComponent("compare.html").path
        #expect(try Fixtures.tender(["report", json, "--html", html]).status == 0)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("data-variant=\"deduction-20\" data-metric=\"contract\""))
        #expect(text.components(separatedBy: "<svg ").count - 1 >= 6)
        let csv = directory.appendingPathComponent("csv")
        #expect(try Fixtures.tender(["export", json, "--csv", csv.path]).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: csv.path).sorted() == [
                "about.csv", "differences.csv", "metrics.csv",
            ]
        )
    }

    /// A sweep reads the same from its results database as from its JSON: the same report, the same CSV.
    @Test func sweepDatabaseAndJSONGiveTheSameReport() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("sweep.sqlite").path
        let json = try output(
            [
                "sweep", Self.scenario, "--grid", "policy.sme.deduction=10%,20%", "--grid",
                "policy.evaluation.abnormally-low.threshold=10%,20%", "--replications", "10", "--jobs", "2",
                "--quiet", "--db", database, "--format", "json",
            ],
            to: "sweep.json",
            in: directory
        )
        var reports: [Data] = []
        var tables: [Data] = []
        for (index, input) in [json, database].enumerated() {
            let html = directory.appendingPathComponent("sweep\(index).html")
            let r = try Fixtures.tender(["report", input, "--html", html.path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("HTML report of the sweep of 4 cells"))
            reports.append(try Data(contentsOf: html))
            let csv = directory.appendingPathComponent("csv\(index)")
            #expect(try Fixtures.tender(["export", input, "--csv", csv.path]).status == 0)
            tables.append(try Data(contentsOf: csv.appendingPathComponent("cells.csv")))
        }
        #expect(reports[0] == reports[1])
        #expect(tables[0] == tables[1])
        let html = String(decoding: reports[0], as: UTF8.self)
        #expect(html.contains("heat-"))
        #expect(html.contains("data-cell=\"3\""))
    }

    @Test func aDatabaseWithoutCellsIsRefused() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("sim.sqlite").path
        let r = try Fixtures.tender([
            "simulate", Self.scenario, "--replications", "5", "--quiet", "--db", database,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try Fixtures.tender([
            "report", database, "--html", directory.appendingPathComponent("x.html").path,
        ])
        #expect(report.status == 65)
        #expect(report.stderr.contains("holds no sweep cells"), "\(report.stderr)")
        // The hint: what the database holds and the command that reads it.
        #expect(report.stderr.contains("it holds a simulation: "), "\(report.stderr)")
        #expect(report.stderr.contains(", variant base, seed "), "\(report.stderr)")
        #expect(report.stderr.contains("5 replications."), "\(report.stderr)")
        #expect(
            report.stderr.contains("'tender simulate \(Self.scenario) --seed "),
            "\(report.stderr)"
        )
        #expect(report.stderr.contains("--replications 5 --db \(database)'"), "\(report.stderr)")
    }
}
