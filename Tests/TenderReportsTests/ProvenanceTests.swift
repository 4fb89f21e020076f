import ExactNumbers
import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel
import TenderSimulation
import Testing

@testable import TenderReports

/// Tool version, scenario digest, seed and variant in every output: the footer of each HTML report and the
/// `about.csv` of every CSV export, from the one ``Provenance`` of the document.
@Suite struct ProvenanceTests {
    /// The simulation fixture records tool 0.4.0, digest "abc", seed 7, 100 replications, variant null (base);
    /// the sweep fixture records no tool version of its own.
    @Test func simulationComparisonAndSweepSayWhatMadeThem() throws {
        let simulation = try SimulationFixtures.read(SimulationFixtures.simulation())
        let footer =
            "tender 0.4.0 · 场景 scenario「试点 &lt;scenario&gt;」 · 场景文件摘要 digest SHA-256 abc · 随机种子 seed 7 · "
            + "方案 variant base · 重复 replications 100"
        #expect(simulation.html().contains("<p>\(footer)</p>"))
        let comparison = try SimulationFixtures.read(SimulationFixtures.comparison)
        #expect(comparison.html().contains("方案 variants base, deduction-20 · 每组重复 replications each 100</p>"))
        let sweep = try SimulationFixtures.read(SimulationFixtures.sweep)
        #expect(sweep.html().contains("每组重复 replications each 100 · 网格单元 cells 6</p>"))

        let about = try #require(sweep.csvTables().last)
        #expect(about.name == "about.csv")
        #expect(
            about.table.text
                == "field,value\r\ntool,tender\r\ntool_version,\r\nscenario,试点 <scenario>\r\ndigest,abc\r\n"
                + "seed,7\r\nvariant,base\r\nreplications,100\r\ncells,6\r\n"
        )
    }

    /// A run's JSON records the version and digest it was computed with; the report and the CSV repeat them.
    @Test func aRunSaysItsDigestSeedVariantAndReplication() throws {
        let path = Fixtures.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        let scenario = try #require(ScenarioLoader().load(path, variant: "deduction-20").scenario)
        let json = try JSONReport.render(TenderRun.run(scenario, replication: 2), scenario: scenario, digest: "d1g")
        let document = try ResultDocument.read(Data(json.utf8))
        let html = document.html()
        #expect(html.contains("· 场景文件摘要 digest SHA-256 d1g · 随机种子 seed 20230725 · 方案 variant deduction-20 · "))
        #expect(html.contains("第 2 次重复 replication 2</p>"))
        let about = try #require(document.csvTables().first { $0.name == "about.csv" })
        #expect(about.table.rows.contains(["digest", "d1g"]))
        #expect(about.table.rows.contains(["variant", "deduction-20"]))
        #expect(about.table.rows.contains(["replication", "2"]))
        #expect(about.table.rows.contains(["tool_version", ToolVersion.current]))
    }

    /// An old run document without toolVersion and digest says they were not recorded.
    @Test func whatADocumentDoesNotRecordIsSaidSo() throws {
        let view = try Fixtures.view("daqing-2023.yaml")
        var document = view.document
        document.toolVersion = nil
        document.digest = nil
        let footer = Provenance(.run(RunView(document))).footer
        #expect(footer.hasPrefix("tender （版本未记录 version not recorded） · "))
        #expect(footer.contains("场景文件摘要 digest （未记录 not recorded）"))
    }

    /// The 评标报告's footer, in Chinese.
    @Test func theEvaluationReportSaysItInChinese() throws {
        let path = Fixtures.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        let scenario = try #require(ScenarioLoader().load(path).scenario)
        let result = TenderRun.run(scenario, replication: 1)
        let provenance = Provenance(scenario: scenario, replication: 1, digest: "d1g")
        let page = EvaluationReportPage.batch(result.outcomes, scenario: scenario, provenance: provenance)
        #expect(
            page.contains(
                "<br>工具版本 tender \(ToolVersion.current)；场景「大庆市绿色建材批量集中采购 2023 年第一批」；方案 base；"
                    + "随机种子 20230725；第 1 次重复；场景文件摘要 SHA-256 d1g。</footer>"
            )
        )
    }
}
