import Foundation
import TenderReports
import Testing

/// The real binary, as a user runs it.
@Suite struct CommandLineTests {
    @Test func validateAcceptsTheRehearsal() throws {
        let r = try Fixtures.tender(["validate", Fixtures.scenario("rehearsal-worked-examples.yaml")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("rehearsal-worked-examples.yaml: valid: 5 categories, 1 projects, 5 demand lines"))
    }

    @Test func validateReportsEveryProblemWithItsPosition() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tender-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.yaml")
        try """
        meta:
          name: bad
          fiscal-year: 2023
          bid-date: 2023-06-30
          regon: north
        catalogue:
          - { id: concrete, name: 预拌混凝土, unit: m3 }
        projects:
          - id: P01
            name: 医院
            type: hospital
            budget: 1,000
            demands:
              - { id: D1, category: concrete, quantity: -5, unit: m3, delivery: { from: 2023-07-01, to: 2023-08-01 }, ceiling-unit-price: 480 }
        policy:
          sme: { deduction: 25% }
          evaluation: { method: lowest-price }
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try Fixtures.tender(["validate", file.path])
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        let p = file.path
        #expect(
            lines.contains(
                "\(p):5:3: error: meta: unknown key 'regon'; did you mean 'region'? (expected one of: name, region, currency, fiscal-year, bid-date, seed, replications, project-number, committee)"
            )
        )
        #expect(
            lines.contains(
                "\(p):12:13: error: projects[P01].budget: thousands separators are not allowed; write 1000 (found '1,000')"
            )
        )
        #expect(
            lines.contains(
                "\(p):14:49: error: projects[P01].demands[D1].quantity: expected a positive quantity, found -5"
            )
        )
        #expect(
            lines.contains(
                "\(p):16:21: warning: policy.sme.deduction: 25% is outside the legal range 10%–20% (财库〔2022〕19号); accepted for study"
            )
        )
        #expect(lines.last == "\(p): invalid (3 errors, 1 warning)")
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Fixtures.tender(["validate"]).status == 64)
        #expect(try Fixtures.tender(["run", "--format", "xml", "x.yaml"]).status == 64)
    }

    @Test func unreadableFileIsAnError() throws {
        let r = try Fixtures.tender(["validate", "/nonexistent/scenario.yaml"])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("/nonexistent/scenario.yaml:1:1: error: cannot read the file"))
    }

    @Test func runIsByteIdenticalRunAfterRun() throws {
        let path = Fixtures.scenario("rehearsal-worked-examples.yaml")
        let first = try Fixtures.tender(["run", path, "--format", "json"])
        let second = try Fixtures.tender(["run", path, "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        let lots = json?["lots"] as? [[String: Any]]
        let b = lots?.first { $0["id"] as? String == "example-b" }
        #expect(b?["winner"] as? String == "B")
        #expect(b?["contractPrice"] as? String == "108")
    }

    @Test func runTextShowsRejectionGroundsAndFitsHundredColumns() throws {
        let r = try Fixtures.tender(["run", Fixtures.scenario("rehearsal-worked-examples.yaml")])
        #expect(r.status == 0)
        #expect(
            r.stdout.contains(
                "✗ E: green-clause [Order 87 Art 63(6); 需求标准]: A-1: no green building material certificate"
            )
        )
        #expect(r.stdout.contains("Awarded to B at 108.00"))
        for line in r.stdout.split(separator: "\n") {
            #expect(TextLayout.width(String(line)) <= 100, "too wide: \(line)")
        }
    }

    @Test func outWritesOneEvaluationReportPerLot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tender-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let r = try Fixtures.tender([
            "run", Fixtures.scenario("rehearsal-worked-examples.yaml"), "--out", directory.path,
        ])
        #expect(r.status == 0)
        // Beside the Markdown, the HTML 评标报告 (EvaluationReportCommandTests).
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .filter { $0.hasSuffix(".md") }
        #expect(
            files == [
                "evaluation-example-a.md", "evaluation-example-b.md", "evaluation-example-c.md",
                "evaluation-example-d.md", "evaluation-example-e.md",
            ]
        )
        let report = try String(
            contentsOf: directory.appendingPathComponent("evaluation-example-a.md"),
            encoding: .utf8
        )
        #expect(report.contains("## 3. Invalid bids and reasons (无效投标及原因)"))
        #expect(report.contains("- E: green-clause"))
        #expect(report.contains("Awarded to F at the quoted price 96.00 yuan."))
    }

    /// A report directory that cannot be created is named with the system's reason, and the run exits 74.
    @Test func outThatCannotBeCreatedExits74WithTheReason() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let scenario = Fixtures.scenario("rehearsal-worked-examples.yaml")
        let under = file.appendingPathComponent("reports").path
        let underFile = try Fixtures.tender(["run", scenario, "--out", under])
        #expect(underFile.status == 74)
        #expect(underFile.stderr == "error: cannot write the reports to '\(under)': Not a directory\n")
        #expect(underFile.stdout.isEmpty)
        let isFile = try Fixtures.tender(["run", scenario, "--out", file.path])
        #expect(isFile.status == 74)
        #expect(isFile.stderr == "error: cannot write the reports to '\(file.path)': File exists\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["file"])
    }
}
