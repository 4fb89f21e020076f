import ExactNumbers
import Foundation
import TenderReports
import Testing

/// The projects' settlement and green compliance in the HTML report and the CSV tables, read from the run JSON.
@Suite struct SettlementReportTests {
    /// Yinchuan under the 2025 rule: P03 buys its coatings itself without the green clauses (Docs/rules.md §5).
    @Test func yinchuanRule2025ShowsTheConventionalLinesAndTheShares() throws {
        let view = try Fixtures.view("yinchuan-2023.yaml", variant: "rule-2025")
        let projects = try #require(view.document.projects)
        #expect(projects.map(\.project) == ["P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08"])
        let p03 = projects[2]
        #expect(p03.green.rule.code == "2025")
        #expect(p03.green.share == .percent(50))
        #expect(p03.green.passes)
        let coatings = try #require(p03.lines.first { $0.reference == "P03/D6" })
        #expect(!coatings.greenClauses)
        #expect(coatings.leftToProject?.code == "below-decentralised-limit")
        // Every line's amount adds up to the project's payable.
        for project in projects {
            #expect(project.lines.compactMap(\.amount).reduce(Exact.zero, +) == project.payable)
            #expect(project.savings == project.boughtCeiling - project.payable)
        }
        let html = RunReport.html(view)
        #expect(html.contains("项目结算与绿色建材达标"))
        #expect(html.contains("<h4 id=\"project-3\">P03 "))
        let tables = Dictionary(uniqueKeysWithValues: RunTables.tables(view).map { ($0.name, $0.table) })
        let rows = try #require(tables["projects.csv"]).rows
        let header = try #require(tables["projects.csv"]).header
        let share = try #require(header.firstIndex(of: "optional_share"))
        #expect(rows[2][share] == "0.5000")
    }
}
