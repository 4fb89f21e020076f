import ExactNumbers
import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel
import Testing

@testable import TenderReports

/// The printable 评标报告: scores recorded as the rules record them, the exact values in the annex, Chinese names,
/// escaped text and the committee's signature lines.
@Suite struct EvaluationReportPageTests {
    static func scenario(_ name: String) throws -> Scenario {
        let result = ScenarioLoader().load(Fixtures.root.appendingPathComponent("Scenarios/\(name)").path)
        return try #require(result.scenario, "\(result.errors)")
    }

    static func scenario(yaml: String) throws -> Scenario {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tender-eval-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("scenario.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = ScenarioLoader().load(file.path)
        return try #require(result.scenario, "\(result.errors)")
    }

    /// The text of the `<table>` following `marker`.
    static func table(after marker: String, in html: String) throws -> String {
        let start = try #require(html.range(of: marker)?.upperBound, "no \(marker)")
        let rest = html[start...]
        let end = try #require(rest.range(of: "</table>")?.lowerBound)
        return String(rest[..<end])
    }

    @Test func workedExampleBRecordsRoundedScoresAndTheExactAnnex() throws {
        let scenario = try Self.scenario("rehearsal-worked-examples.yaml")
        let run = TenderRun.run(scenario)
        let outcome = try #require(run.outcomes.first { $0.lot.id == "example-b" })
        let html = EvaluationReportPage.lot(outcome, scenario: scenario)
        let scores = try Self.table(after: "四、评审得分", in: html)
        // Docs/rules.md §10 example B: A 29.16, B 30.00, C 27.00, D 29.45 (324/11).
        for recorded in ["29.16", "30.00", "27.00", "29.45", "90.00", "89.45", "89.16", "87.00"] {
            #expect(scores.contains(">\(recorded)</td>"), "\(recorded) in the scores table")
        }
        #expect(!scores.contains("324/11"), "the scores table records rounded scores")
        // Each criterion has its own column.
        #expect(scores.contains("技术和商务"))
        let annex = try Self.table(after: "附件：评审得分精确值", in: html)
        for exact in ["324/11", "29.16", ">30<", ">27<", "984/11", "≈ 29.45454545…"] {
            #expect(annex.contains(exact), "\(exact) in the annex")
        }
        // Every valid bid's exact price score and total is in the annex, in every lot.
        for outcome in run.outcomes {
            let annex = try Self.table(after: "附件：评审得分精确值", in: EvaluationReportPage.lot(outcome, scenario: scenario))
            for e in outcome.evaluations where e.isValid {
                let price = try #require(e.priceScore)
                #expect(annex.contains(HTML.escape(price.description)), "\(outcome.lot.id) \(e.bid.bidder)")
                #expect(annex.contains(HTML.escape(try #require(e.total).description)))
            }
        }
    }

    @Test func chineseNamesEverywhereAndA4PrintCSS() throws {
        let scenario = try Self.scenario("rehearsal-worked-examples.yaml")
        let run = TenderRun.run(scenario)
        let batch = EvaluationReportPage.batch(run.outcomes, scenario: scenario)
        #expect(batch.contains("@page { size: A4"))
        #expect(batch.contains("综合评分法") && batch.contains("公开招标"))
        #expect(batch.contains("不满足绿色建材要求"), "the green-clause rejection, by its Chinese label")
        #expect(batch.contains("财政部令第87号第63条第（6）项"), "its ground in Chinese")
        for code in ["open-tender", "comprehensive", "green-clause", "Order 87", "half-up", "final-score"] {
            #expect(!batch.contains(code), "\(code) is shown by its Chinese name")
        }
        // The batch: a summary row per lot, then each lot's report.
        for outcome in run.outcomes { #expect(batch.contains("包 \(outcome.lot.id) 评标报告")) }
        #expect(batch.components(separatedBy: "评标委员会成员签字").count == run.outcomes.count + 1)
        // No committee in the scenario: five blank lines to fill in by hand.
        #expect(batch.contains("场景未列出评标委员会成员"))
    }

    @Test func aFailedLotSaysWhyInChinese() throws {
        for name in Fixtures.bundled {
            let scenario = try Self.scenario(name)
            for outcome in TenderRun.run(scenario).outcomes {
                guard let failure = outcome.failure else { continue }
                let html = EvaluationReportPage.lot(outcome, scenario: scenario)
                #expect(html.contains("<strong>本包废标。</strong>"))
                #expect(html.contains("废标原因：\(failure.reason.label.zh)"))
            }
        }
    }

    @Test func hostileNamesAreEscapedAndTheCommitteeSigns() throws {
        let yaml = Fixtures.hostile.replacingOccurrences(
            of: "  bid-date: 2023-06-30\n",
            with: """
                  bid-date: 2023-06-30
                  project-number: "HLJ-<b>-017"
                  committee:
                    - { name: 王建国, role: 组长 }
                    - { name: "<script>x</script>", role: 评审专家 }
                    - { name: 陈静, role: 采购人代表 }

                """
        )
        let scenario = try Self.scenario(yaml: yaml)
        #expect(scenario.meta.committee.count == 3)
        let run = TenderRun.run(scenario)
        for html in run.outcomes.map({ EvaluationReportPage.lot($0, scenario: scenario) })
            + [EvaluationReportPage.batch(run.outcomes, scenario: scenario)]
        {
            #expect(!html.contains("<script"), "no markup from the scenario")
            #expect(!html.contains("<b>") && !html.contains("</td><script>"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(html.contains("HLJ-&lt;b&gt;-017"))
            let signatures = try Self.table(after: "评标委员会成员签字", in: html)
            let names = ["王建国", "&lt;script&gt;x&lt;/script&gt;", "陈静"]
            let positions = try names.map { try #require(signatures.range(of: "<td class=\"member\">\($0)</td>")) }
            #expect(positions.map(\.lowerBound) == positions.map(\.lowerBound).sorted(), "in the scenario's order")
            #expect(signatures.contains("组长") && signatures.contains("采购人代表"))
            #expect(html.contains("日期：2023年6月30日"))
        }
    }

    @Test func legalGroundsInChinese() {
        #expect(LegalGround.chinese("Order 87 Art 63(3); GPL Art 22") == "财政部令第87号第63条第（3）项；《政府采购法》第22条")
        #expect(LegalGround.chinese("Order 87 Art 63(3); 财库〔2020〕46号 Art 8") == "财政部令第87号第63条第（3）项；财库〔2020〕46号第8条")
        #expect(LegalGround.chinese("Order 87 Art 60") == "财政部令第87号第60条")
        #expect(LegalGround.chinese("Order 87 Art 63(6); 需求标准") == "财政部令第87号第63条第（6）项；需求标准")
        #expect(LegalGround.chinese("财政部令第110号") == "财政部令第110号")
        #expect(LegalGround.chinese("反向竞价 rules; GPL Art 36") == "反向竞价规则；《政府采购法》第36条")
    }
}
