import Foundation
import Testing

/// `tender compare --against decentralised`: the batch against every project buying its own lines
/// (Docs/planning.md).
@Suite struct PoolingCounterfactualTests {
    /// The counterfactual is compared with base, described, opens with what pooling saves, and holds many
    /// more procurements (every line its own purchase).
    @Test func theCounterfactualIsComparedWithTheBatch() throws {
        let r = try Fixtures.tender([
            "compare", Fixtures.scenario("daqing-2023.yaml"), "--against", "decentralised", "--replications", "4",
            "--quiet", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["variants"] as? [String] == ["base", "decentralised"])
        let differences = try #require((json["differences"] as? [[String: Any]])?.first)
        let metrics = try #require(differences["metrics"] as? [[String: Any]])
        let procurements = try #require(metrics.first { $0["name"] as? String == "procurements" })
        let reference = try #require(procurements["meanReference"] as? Double)
        let variant = try #require(procurements["meanVariant"] as? Double)
        // Daqing pools its demand lines into 8 lots; alone, every line is a purchase of its own.
        #expect(variant > reference * 3, "\(procurements)")

        let text = try Fixtures.tender([
            "compare", Fixtures.scenario("daqing-2023.yaml"), "--against", "decentralised", "--replications", "4",
            "--quiet",
        ])
        #expect(text.status == 0)
        #expect(text.stdout.contains("decentralised: 不集中采购：各项目自行采购每条需求 (every project buys its own lines)"))
        #expect(text.stdout.contains("\npooling (base) "))
        #expect(
            text.stdout.contains(
                " of what the projects would pay buying alone, lines not bought at their ceilings and administrative cost included"
            )
        )
    }

    /// The comparison document names the counterfactual, and its HTML report opens with what pooling saves (or
    /// costs), in the words of the text.
    @Test func theHTMLReportOpensWithWhatPoolingSaves() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        let json = directory.appendingPathComponent("compare.json").path
        let html = directory.appendingPathComponent("compare.html").path
        let r = try Fixtures.tender([
            "compare", Fixtures.scenario("daqing-2023.yaml"), "--against", "decentralised", "--replications", "4",
            "--quiet", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"decentralised\": \"decentralised\""))
        try r.stdout.write(toFile: json, atomically: true, encoding: .utf8)
        let report = try Fixtures.tender(["report", json, "--html", html])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("What pooling saves") || page.contains("What pooling costs"))
        #expect(page.contains("of what the projects would pay buying alone, lines not bought at their ceilings"))
        // A comparison of ordinary variants has no such figure.
        let plain = try Fixtures.tender([
            "compare", Fixtures.scenario("daqing-2023.yaml"), "--variants", "base,deduction-20", "--replications", "2",
            "--quiet", "--format", "json",
        ])
        #expect(!plain.stdout.contains("\"decentralised\""))
    }

    @Test func compareNeedsVariantsOrACounterfactual() throws {
        let r = try Fixtures.tender(["compare", Fixtures.scenario("daqing-2023.yaml"), "--replications", "2"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("give --variants (e.g. base,deduction-20), --against decentralised, or both"))
    }
}
