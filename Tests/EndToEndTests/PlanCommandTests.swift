import Foundation
import Testing

/// `tender plan` and `tender plan --search` (Docs/planning.md) on the teaching scenario whose best plan is known by
/// construction.
@Suite struct PlanCommandTests {
    static let scenario = Fixtures.scenario("planning-two-districts.yaml")

    /// The variant block of Docs/planning.md's worked example.
    static func documentedVariant() throws -> String {
        let doc = try String(contentsOf: Fixtures.root.appendingPathComponent("Docs/planning.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```yaml\n  plan-recommended:\n"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        return String(doc[doc.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
    }

    @Test func theSearchPrintsTheDocumentedRecommendationAndWritesTheCandidates() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        let csv = directory.appendingPathComponent("plans.csv").path
        let r = try Fixtures.tender([
            "plan", Self.scenario, "--search", "--replications", "3", "--quiet", "--csv", csv,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(try Self.documentedVariant()), "\(r.stdout)")
        #expect(r.stdout.contains("24 candidate settings, 7 distinct lawful plans simulated"))
        #expect(r.stdout.contains("#0 policy.lotting.strategy=per-category; policy.lotting.value-cap=~; "))
        let rows = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n").filter {
            !$0.isEmpty
        }
        #expect(rows.count == 25)  // the header and the 24 candidates
        let recommended = try #require(rows.first { $0.contains(",recommended,") })
        #expect(recommended.hasPrefix("12,policy.lotting.strategy=category-region; policy.lotting.value-cap=~;"))
        #expect(recommended.contains(",15890000,"))
    }

    /// The HTML report: the front as a chart with the recommended plan marked, the plans, the recommended plan's
    /// lots and its variant, the pruned candidates.
    @Test func theHTMLReportShowsTheFrontAndTheRecommendedLots() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        let html = directory.appendingPathComponent("plans.html").path
        let r = try Fixtures.tender([
            "plan", Self.scenario, "--search", "--replications", "2", "--quiet", "--html", html,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg class=\"chart\""))
        #expect(page.contains("<circle cx=") && page.contains("class=\"mean\"><title>#12 "))
        #expect(page.contains("<td>concrete@东区</td>"))
        #expect(page.contains("policy.lotting.strategy: category-region"))
        #expect(page.contains("模拟前剔除"))
    }

    @Test func theJSONNamesTheRecommendedPlan() throws {
        let r = try Fixtures.tender([
            "plan", Self.scenario, "--search", "--replications", "2", "--quiet", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["document"] as? String == "tender-plan-search")
        #expect(json["recommended"] as? Int == 12)
        #expect((json["pruned"] as? [Any])?.count == 17)
    }

    /// Shards share a search through the database: each simulates every other plan; a last run without --shard
    /// simulates nothing more and prints the same front and recommendation as one run alone.
    @Test func shardsMeetInTheDatabase() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        let db = directory.appendingPathComponent("plans.sqlite").path
        let common = ["plan", Self.scenario, "--search", "--replications", "2", "--quiet", "--db", db]
        let first = try Fixtures.tender(common + ["--shard", "0/2"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("plans have no result yet (other shards)"))
        #expect(try Fixtures.tender(common + ["--shard", "1/2"]).status == 0)
        let last = try Fixtures.tender(common)
        let alone = try Fixtures.tender(["plan", Self.scenario, "--search", "--replications", "2", "--quiet"])
        #expect(last.status == 0 && alone.status == 0)
        #expect(last.stdout == alone.stdout)
    }

    @Test func withoutSearchTheCandidatesAreListed() throws {
        let r = try Fixtures.tender(["plan", Self.scenario])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("24 candidate settings: 7 distinct lawful plans to simulate, 17 pruned\n"))
        #expect(r.stdout.contains("    3 lots: concrete@东区, concrete@西区, rebar@东区\n"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let shard = try Fixtures.tender(["plan", Self.scenario, "--search", "--shard", "0/2"])
        #expect(shard.status == 64)
        #expect(shard.stderr.contains("--shard needs --db, where the shards meet"))
        let constraint = try Fixtures.tender(["plan", Self.scenario, "--search", "--constraint", "cost<=5"])
        #expect(constraint.status == 64)
        #expect(constraint.stderr.contains("--constraint: 'cost' is not a run metric; expected one of: contract,"))
        let objective = try Fixtures.tender(["plan", Self.scenario, "--objective", "cheapest"])
        #expect(objective.status == 64)
        #expect(
            objective.stderr.contains(
                "--objective: expected one of total-cost, failed-lot-rate, sme-share, procurements"
            )
        )
        let unwritable = try Fixtures.tender([
            "plan", Self.scenario, "--search", "--replications", "1", "--quiet", "--csv", "/nonexistent-dir/plans.csv",
        ])
        #expect(unwritable.status == 74)
        #expect(
            unwritable.stderr.contains("error: cannot write the plan candidates (CSV) to '/nonexistent-dir/plans.csv'")
        )
        #expect(unwritable.stdout.isEmpty)
        let axis = try Fixtures.tender(["plan", Self.scenario, "--axis", "policy.lotting.strategy"])
        #expect(axis.status == 64)
        #expect(axis.stderr.contains("--axis: expected PATH=VALUES"))
    }
}
