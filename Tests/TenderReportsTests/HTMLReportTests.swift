import ExactNumbers
import Foundation
import Testing

@testable import TenderReports

@Suite struct HTMLReportTests {
    @Test func escapeCoversMarkupAndQuotes() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("预拌混凝土") == "预拌混凝土")
    }

    /// Self-contained: no scripts, nothing fetched, a CSP that forbids fetching, the CJK font stack, print rules.
    @Test(arguments: Fixtures.bundled)
    func reportIsSelfContained(name: String) throws {
        let html = RunReport.html(try Fixtures.view(name))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("<img") && !html.contains("<link"))
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("\"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("size: A4"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
    }

    /// Every lot is in the summary with its winner and contract price as the engine prints it.
    @Test func summaryRowsMatchTheRun() throws {
        let view = try Fixtures.view("rehearsal-worked-examples.yaml")
        let html = RunReport.html(view)
        #expect(html.contains("<tr data-lot=\"example-b\">"))
        #expect(html.contains("<td class=\"winner\">B<br><span class=\"muted\">B 小型企业 (small)</span></td>"))
        #expect(html.contains("<td class=\"num contract\">108.00</td>"))
        // Exact and rounded price scores (worked example B: D scores 29.4545…, recorded 29.45).
        #expect(html.contains("<td class=\"num\">29.4545…</td><td class=\"num\">29.45</td>"))
        #expect(html.contains("不满足绿色建材要求"))
        #expect(html.contains("Order 87 Art 63(6)"))
    }

    @Test func hostileNamesAreEscapedEverywhere() throws {
        let html = RunReport.html(try Fixtures.view(yaml: Fixtures.hostile))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;/td&gt;&lt;script&gt;"))
        #expect(!html.contains("区域 <b>") && !html.contains("<i>"))
        #expect(html.contains("区域 &lt;b&gt;"))
    }

    @Test func failedLotsShowTheReasonAndNoContract() throws {
        let view = try Fixtures.view("daqing-2023.yaml")
        let html = RunReport.html(view)
        let rebar = try #require(view.document.lots.first { $0.id == "rebar" })
        #expect(rebar.winner == nil)
        #expect(html.contains("<tr data-lot=\"rebar\">"))
        #expect(html.contains("废标 Lot failed: \(HTML.escape(rebar.failure ?? ""))"))
    }

    /// Every link inside the page has its target, also for lot ids with Chinese districts and `#` pieces.
    @Test func everyInternalLinkHasItsTarget() throws {
        let html = RunReport.html(try Fixtures.view("daqing-2023.yaml", variant: "category-region"))
        let links = try NSRegularExpression(pattern: "href=\"#([^\"]*)\"")
        let targets = try NSRegularExpression(pattern: " id=\"([^\"]*)\"")
        func captures(_ pattern: NSRegularExpression) -> Set<String> {
            Set(
                pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
                    String(html[Range($0.range(at: 1), in: html)!])
                }
            )
        }
        let hrefs = captures(links)
        #expect(hrefs.count > 10)
        #expect(hrefs.isSubset(of: captures(targets)), "\(hrefs.subtracting(captures(targets)))")
        #expect(hrefs.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } })
    }

    @Test func runWithoutLotsSaysSo() throws {
        let html = RunReport.html(try Fixtures.view(yaml: Fixtures.noLots))
        #expect(html.contains("No lots: nothing to chart."))
        #expect(!html.contains("<svg "))
        #expect(html.contains("低于分散采购限额"))
    }

    /// A document from an older tender (no context) still renders, with ids for names.
    @Test func legacyDocumentRenders() throws {
        guard case .run(let view) = try ResultDocument.read(try Fixtures.legacyJSON("rehearsal-worked-examples.yaml"))
        else { return }
        let html = RunReport.html(view)
        #expect(html.contains("The run document has no context"))
        #expect(html.contains("<td class=\"num contract\">108.00</td>"))
    }
}

@Suite struct CSVExportTests {
    @Test func linesLeftToTheProjectsKeepTheirSpecQuantityAndCeiling() throws {
        let view = try Fixtures.view("daqing-2023.yaml", variant: "category-region")
        let lines = try #require(RunTables.tables(view).first { $0.name == "lines.csv" }).table
        let column = { (name: String) in lines.header.firstIndex(of: name)! }
        let left = lines.rows.filter { !$0[column("excluded_reason")].isEmpty }
        #expect(!left.isEmpty)
        for row in left {
            for name in ["spec", "quantity", "unit", "ceiling_unit_price", "ceiling_amount", "delivery_from"] {
                #expect(!row[column(name)].isEmpty, "\(row[0]): \(name) is empty")
            }
            // quantity × unit ceiling = the line's ceiling, exactly.
            let quantity = try Exact(parsing: row[column("quantity")])
            let unitPrice = try Exact(parsing: row[column("ceiling_unit_price")])
            #expect((quantity * unitPrice).formatted(places: 2) == row[column("ceiling_amount")])
        }
    }

    @Test func tablesHaveOneRowPerLotBidAwardAndLine() throws {
        let view = try Fixtures.view("daqing-2023.yaml")
        let tables = Dictionary(uniqueKeysWithValues: RunTables.tables(view).map { ($0.name, $0.table) })
        #expect(
            tables.keys.sorted() == [
                "awards.csv", "bids.csv", "lines.csv", "lots.csv", "projects.csv", "settlement.csv",
            ]
        )
        let d = view.document
        // One row per project, and one per demand line of every project.
        #expect(tables["projects.csv"]?.rows.count == d.projects?.count)
        #expect(
            tables["settlement.csv"]?.rows.count == d.plan.lots.map(\.lines.count).reduce(0, +) + d.plan.excluded.count
        )
        #expect(tables["lots.csv"]?.rows.count == d.lots.count)
        #expect(tables["bids.csv"]?.rows.count == d.lots.map(\.bids.count).reduce(0, +))
        #expect(tables["awards.csv"]?.rows.count == d.lots.filter { $0.winner != nil }.count)
        #expect(
            tables["lines.csv"]?.rows.count == d.plan.lots.map(\.lines.count).reduce(0, +) + d.plan.excluded.count
        )
        let lots = try #require(tables["lots.csv"])
        let concrete = try #require(lots.rows.first { $0[0] == "concrete" })
        let column = { (name: String) in lots.header.firstIndex(of: name)! }
        #expect(concrete[column("winner")] == d.lots[0].winner)
        #expect(concrete[column("contract_price")] == d.lots[0].contractPrice?.formatted(places: 2))
        #expect(concrete[column("materials")] == "预拌混凝土")
        let rebar = try #require(lots.rows.first { $0[0] == "rebar" })
        #expect(rebar[column("status")] == "failed")
        #expect(rebar[column("contract_price")] == "")
    }

    @Test func hostileTextRoundTrips() throws {
        let view = try Fixtures.view(yaml: Fixtures.hostile)
        for (name, table) in RunTables.tables(view) {
            let parsed = CSVReader.parse(table.text)
            #expect(parsed == [table.header] + table.rows, "\(name)")
        }
        let bids = RunTables.bids(view)
        #expect(bids.rows.contains { $0[2] == "Two, \"Inc\"" })
        #expect(bids.text.contains("\"Two, \"\"Inc\"\"\""))
    }

    @Test func bidsCarryExactAndRoundedScores() throws {
        let view = try Fixtures.view("rehearsal-worked-examples.yaml")
        let bids = RunTables.bids(view)
        let index = { (name: String) in bids.header.firstIndex(of: name)! }
        let d = try #require(bids.rows.first { $0[0] == "example-b" && $0[1] == "D" })
        #expect(d[index("price_score_exact")] == "324/11")
        #expect(d[index("price_score")] == "29.45")
        #expect(d[index("status")] == "candidate-2")
        let b = try #require(bids.rows.first { $0[0] == "example-b" && $0[1] == "B" })
        #expect(b[index("quoted_price")] == "108.00")
        #expect(b[index("evaluated_price")] == "97.20")
        #expect(b[index("deduction")] == "0.1000")
        #expect(b[index("status")] == "awarded")
        let e = try #require(bids.rows.first { $0[0] == "example-a" && $0[1] == "E" })
        #expect(e[index("status")] == "rejected")
        #expect(e[index("rejection_reasons")] == "green-clause")
    }
}

@Suite struct ResultDocumentTests {
    @Test func sqliteIsRecognisedAsASweepDatabase() {
        let data = Data("SQLite format 3\u{0}rest".utf8)
        #expect(throws: ResultDocument.Failure.sweepDatabase) { try ResultDocument.read(data) }
    }

    @Test func otherJSONIsNamedByItsKeys() {
        #expect(throws: ResultDocument.Failure.unknownKind(keys: ["a", "b"])) {
            try ResultDocument.read(Data("{\"b\": 1, \"a\": 2}".utf8))
        }
        #expect(throws: ResultDocument.Failure.self) { try ResultDocument.read(Data("[1, 2]".utf8)) }
        #expect(throws: ResultDocument.Failure.self) { try ResultDocument.read(Data("meta:\n  name: x\n".utf8)) }
        #expect(throws: ResultDocument.Failure.self) { try ResultDocument.read(Data()) }
    }

    @Test func aBrokenRunDocumentNamesThePath() throws {
        let json =
            "{\"scenario\": \"x\", \"seed\": \"1\", \"replication\": 0, \"plan\": {\"lots\": [], \"excluded\": [], "
            + "\"splittingFlags\": []}, \"lots\": [{\"id\": 5}], \"totals\": {}}"
        do {
            _ = try ResultDocument.read(Data(json.utf8))
            Issue.record("accepted a broken document")
        } catch {
            guard case .invalid(let detail) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(detail.hasPrefix("lots[0]"), "\(detail)")
        }
    }
}
