import Foundation
import Testing

/// `tender report` as a user runs it.
@Suite struct ReportCommandTests {
    /// The HTML of every bundled scenario agrees with `tender run --format json`: each lot's winner and
    /// contract price.
    @Test(arguments: ExportFixtures.bundled)
    func reportAgreesWithTheRun(scenario: String) throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (json, lots) = try ExportFixtures.runJSON(scenario, in: directory)
        let html = directory.appendingPathComponent("report.html").path
        let r = try Fixtures.tender(["report", json, "--html", html])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\(html): HTML report of "))
        try ExportFixtures.expectSummaryAgrees(try String(contentsOfFile: html, encoding: .utf8), with: lots, scenario)
    }

    /// A scenario input is run first; the report is the same bytes as the report of the run's JSON.
    @Test func scenarioInputGivesTheSameReport() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = "rehearsal-worked-examples.yaml"
        let (json, _) = try ExportFixtures.runJSON(scenario, in: directory)
        let fromJSON = directory.appendingPathComponent("a.html").path
        let fromScenario = directory.appendingPathComponent("b.html").path
        #expect(try Fixtures.tender(["report", json, "--html", fromJSON]).status == 0)
        #expect(try Fixtures.tender(["report", Fixtures.scenario(scenario), "--html", fromScenario]).status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: fromJSON)) == Data(contentsOf: URL(fileURLWithPath: fromScenario))
        )
    }

    /// Writing over an existing report replaces it whole and leaves no temporary file behind.
    @Test func reportReplacesAnExistingFileAtomically() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = directory.appendingPathComponent("report.html").path
        try "old".write(toFile: html, atomically: true, encoding: .utf8)
        let scenario = Fixtures.scenario("rehearsal-worked-examples.yaml")
        for _ in 0..<2 {
            let r = try Fixtures.tender(["report", scenario, "--html", html])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try String(contentsOfFile: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.html"])
    }

    @Test func usageErrorsExit64() throws {
        let scenario = Fixtures.scenario("rehearsal-worked-examples.yaml")
        #expect(try Fixtures.tender(["report", scenario]).status == 64)
        #expect(try Fixtures.tender(["report", "run.json", "--variant", "x", "--html", "/tmp/x.html"]).status == 64)
        #expect(try Fixtures.tender(["report", scenario, "--replication", "-1", "--html", "/tmp/x.html"]).status == 64)
    }

    @Test func badInputExits65WithTheReason() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = directory.appendingPathComponent("r.html").path
        let cases: [(String, String)] = [
            ("not json at all", "not a JSON result"),
            ("{\"schema\": \"something-else\"}", "not a result tender knows (top-level keys: schema)"),
            ("{\"plan\": {}, \"lots\": [], \"totals\": {}}", "not a valid result: "),
        ]
        for (index, (content, message)) in cases.enumerated() {
            let input = directory.appendingPathComponent("bad\(index).json").path
            try content.write(toFile: input, atomically: true, encoding: .utf8)
            let r = try Fixtures.tender(["report", input, "--html", html])
            #expect(r.status == 65)
            #expect(r.stderr.contains("\(input): error: \(message)"), "\(r.stderr)")
        }
        let missing = try Fixtures.tender(["report", "/nonexistent/run.json", "--html", html])
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("/nonexistent/run.json: error: cannot read the file"))
        let badScenario = try Fixtures.tender(["report", "/nonexistent/scenario.yaml", "--html", html])
        #expect(badScenario.status == 65)
        #expect(!FileManager.default.fileExists(atPath: html))
    }

    @Test func unwritableOutputExits74() throws {
        let scenario = Fixtures.scenario("rehearsal-worked-examples.yaml")
        let r = try Fixtures.tender(["report", scenario, "--html", "/nonexistent/dir/report.html"])
        #expect(r.status == 74)
        #expect(
            r.stderr.contains(
                "cannot write the HTML report to '/nonexistent/dir/report.html': No such file or directory"
            )
        )
    }
}
