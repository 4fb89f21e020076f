import Foundation
import Testing

/// `tender run --out DIR`: the Markdown 评标报告 per lot as before, and beside it the printable HTML per lot and
/// for the batch, which open in a browser and print to A4.
@Suite(.serialized) struct EvaluationReportCommandTests {
    @Test func runOutWritesTheHTMLReportsBesideTheMarkdown() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("reports")
        let r = try Fixtures.tender(["run", Fixtures.scenario("rehearsal-worked-examples.yaml"), "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        let lots = ["example-a", "example-b", "example-c", "example-d", "example-e"]
        #expect(
            files == (lots.flatMap { ["evaluation-\($0).html", "evaluation-\($0).md"] } + ["evaluation.html"]).sorted()
        )
        let lot = try String(contentsOf: out.appendingPathComponent("evaluation-example-b.html"), encoding: .utf8)
        #expect(lot.contains("<h1>评标报告</h1>") && lot.contains("29.45") && lot.contains("324/11"))
        let batch = try String(contentsOf: out.appendingPathComponent("evaluation.html"), encoding: .utf8)
        #expect(batch.contains("<h1>评标报告（汇总）</h1>"))
        guard BrowserTests.chromium != nil else { return }
        for file in ["evaluation-example-b.html", "evaluation.html"] {
            let dom = try BrowserTests().open(out.appendingPathComponent(file), in: directory)
            #expect(dom.contains("评标委员会成员签字"))
        }
    }

    /// The report names the evaluation the procedure applied: an inquiry lot by lowest price (whatever the
    /// policy's comprehensive scoring), a consultation lot scored on the final quotes (最后报价).
    @Test func theReportFollowsTheLotsProcedure() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (variant, method, price) in [("inquiry", "最低评标价法", "投标报价（元）"), ("base", "综合评分法", "最后报价（元）")] {
            let out = directory.appendingPathComponent(variant)
            var arguments = ["run", Fixtures.scenario("daqing-2023.yaml"), "--out", out.path]
            if variant != "base" { arguments += ["--variant", variant] }
            let r = try Fixtures.tender(arguments)
            #expect(r.status == 0, "\(r.stderr)")
            let page = try String(
                contentsOf: out.appendingPathComponent("evaluation-gypsum-board.html"),
                encoding: .utf8
            )
            #expect(page.contains("评标方法：\(method)。"), "\(variant)")
            #expect(page.contains(price), "\(variant)")
        }
    }
}
