import ExactNumbers
import Foundation
import Testing

/// 节约资金: savings in yuan, per lot and in total, against the awarded ceilings and against all ceilings — in
/// the text, the JSON and the CSV of `tender run`.
@Suite struct SavingsTests {
    @Test func theWorkedExamplesSaveWhatTheirCeilingsLeave() throws {
        // Five lots with ceiling 150 each, awarded at 96, 108, 100, 103 and 102 (Docs/rules.md §10, example E
        // of §7): savings 54 + 42 + 50 + 47 + 48 = 241 = 750 − 509; 241 / 750 = 32.1333… % → 32.13 %.
        let text = try Fixtures.tender(["run", Fixtures.scenario("rehearsal-worked-examples.yaml")]).stdout
        #expect(text.contains("Awarded to F at 96.00 (savings 54.00, 36.00%)"))
        #expect(text.contains("Awarded to B at 108.00 (savings 42.00, 28.00%)"))
        #expect(text.contains("  Savings (节约资金)  241.00 (awarded ceiling − contract)"))
        #expect(text.contains("  Savings rate        32.13% of the awarded ceilings, 32.13% of all ceilings"))
    }

    @Test func aFailedLotSavesNothingAndCountsOnlyInTheRateOfAllCeilings() throws {
        let run = try Fixtures.tender(["run", Fixtures.scenario("daqing-2023.yaml"), "--format", "json"])
        #expect(run.status == 0)
        let json = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        let lots = try #require(json["lots"] as? [[String: Any]])
        func exact(_ value: Any?) throws -> Exact { try Exact(parsing: try #require(value as? String)) }
        // Σ over awarded lots of (ceiling − contract); a failed lot has no savings.
        var awardedCeiling = Exact.zero
        var savings = Exact.zero
        for lot in lots {
            guard lot["winner"] != nil, let contract = lot["contractPrice"] else {
                #expect(lot["savings"] == nil)
                continue
            }
            let lotSavings = try exact(lot["ceiling"]) - exact(contract)
            #expect(try exact(lot["savings"]) == lotSavings)
            awardedCeiling += try exact(lot["ceiling"])
            savings += lotSavings
        }
        #expect(lots.contains { $0["winner"] == nil }, "Daqing's base run has a failed lot")
        #expect(try exact(totals["awardedCeiling"]) == awardedCeiling)
        #expect(try exact(totals["savings"]) == savings)
        #expect(try exact(totals["savings"]) == exact(totals["awardedCeiling"]) - exact(totals["contract"]))
        #expect(try exact(totals["savingsRate"]) == savings / awardedCeiling)
        #expect(try exact(totals["savingsRateAllCeilings"]) == savings / exact(totals["ceiling"]))
        #expect(try exact(totals["savingsRateAllCeilings"]) < exact(totals["savingsRate"]))
        let metrics = try #require(json["metrics"] as? [String: String])
        #expect(try Exact(parsing: try #require(metrics["savings"])) == savings)
    }

    @Test func theREADMEShowsWhatTheFirstCommandPrints() throws {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "for Daqing's first batch:\n\n```text\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let lines = readme[start.upperBound..<end.lowerBound].split(separator: "\n")
        #expect(lines.count == 4)
        let text = try Fixtures.tender(["run", Fixtures.scenario("daqing-2023.yaml")]).stdout
        for line in lines { #expect(text.contains(line + "\n"), "README line not in the output: \(line)") }
    }

    /// The README's project settlement is the first command's, line for line and in order.
    @Test func theREADMEShowsAProjectsSettlementFromTheFirstCommand() throws {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "in this replication:\n\n```text\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let block = String(readme[start.upperBound..<end.lowerBound])
        #expect(block.hasPrefix("P02 "))
        let text = try Fixtures.tender(["run", Fixtures.scenario("daqing-2023.yaml")]).stdout
        #expect(text.contains("\n" + block + "\n"), "the README's settlement block is not in the output")
    }
}
