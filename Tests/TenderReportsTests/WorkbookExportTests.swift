import Testing
import Workbook

@testable import TenderReports

/// The workbook is built from the CSV tables: every column labelled and typed, numbers where the CSV has
/// decimals, and the byte-order mark of `--csv --bom`.
@Suite struct WorkbookExportTests {
    /// Every table of every kind of result.
    static func allTables() throws -> [(name: String, table: CSVTable)] {
        var tables: [(name: String, table: CSVTable)] = []
        for scenario in Fixtures.bundled { tables += ResultDocument.run(try Fixtures.view(scenario)).csvTables() }
        for json in [SimulationFixtures.simulation(), SimulationFixtures.comparison, SimulationFixtures.sweep] {
            tables += try SimulationFixtures.read(json).csvTables()
        }
        return tables
    }

    @Test func everyColumnOfEveryTableHasAChineseLabel() throws {
        let axes: Set<String> = ["policy.sme.deduction", "policy.evaluation.abnormally-low.threshold"]
        for (name, table) in try Self.allTables() {
            for column in table.header where !axes.contains(column) {
                #expect(
                    TableColumn.isKnown(column, in: name),
                    "\(name): column \(column) is not in TableColumn.vocabulary (give it a Chinese label and a kind)"
                )
            }
        }
        #expect(TableColumn.named("reference", in: "differences.csv").zh == "基准方案")
        #expect(TableColumn.named("reference", in: "lines.csv").zh == "需求编号")
    }

    @Test func sheetsHaveTwoHeaderRowsAndTypedCells() throws {
        let view = try Fixtures.view("rehearsal-worked-examples.yaml")
        let book = ResultDocument.run(view).workbook()
        #expect(
            book.sheets.map(\.name) == [
                "采购包 lots", "投标 bids", "中标 awards", "需求明细 lines", "项目结算 projects", "结算明细 settlement",
                "说明 about",
            ]
        )
        let bids = try #require(book.sheets.first { $0.name == "投标 bids" })
        #expect(bids.headerRows == 2)
        let header = RunTables.bids(view).header
        #expect(bids.columns.map { $0.header[1] } == header)
        let price = try #require(header.firstIndex(of: "quoted_price"))
        let exact = try #require(header.firstIndex(of: "price_score_exact"))
        let rate = try #require(header.firstIndex(of: "deduction"))
        #expect(bids.columns[price].header[0] == "投标报价")
        #expect(bids.columns[price].format == .amount)
        #expect(bids.columns[rate].format == .percent)
        #expect(bids.rows.contains { $0[price] == .number(108) })
        // An exact score may be a fraction: it stays text, as the CSV writes it.
        #expect(bids.rows.contains { $0[exact] == .text("324/11") })
        #expect(bids.widths.allSatisfy { (6...60).contains($0) })
    }

    @Test func numbersAreDecimalTextsOnly() {
        #expect(WorkbookExport.cell("1234.56", kind: .amount) == .number(1234.56))
        #expect(WorkbookExport.cell("-0.0500", kind: .rate) == .number(-0.05))
        #expect(WorkbookExport.cell("1e-05", kind: .decimal) == .number(0.00001))
        #expect(WorkbookExport.cell("324/11", kind: .decimal) == .text("324/11"))
        #expect(WorkbookExport.cell("inf", kind: .decimal) == .text("inf"))
        #expect(WorkbookExport.cell("nan", kind: .decimal) == .text("nan"))
        #expect(WorkbookExport.cell("", kind: .amount) == .empty)
        #expect(WorkbookExport.cell("12", kind: .text) == .text("12"))
    }

    @Test func byteOrderMarkIsEFBBBFBeforeTheSameText() {
        var table = CSVTable(header: ["lot", "中标价"])
        table.append(["混凝土", "1.00"])
        let plain = Array(table.text(byteOrderMark: false).utf8)
        let marked = Array(table.text(byteOrderMark: true).utf8)
        #expect(plain == Array(table.text.utf8))
        #expect(marked.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(Array(marked.dropFirst(3)) == plain)
    }

    @Test func sheetNamesAreCleanedAndWidthsCountWideCharactersTwice() {
        let sheet = Sheet(
            name: "a/b:c[d]*?\\" + String(repeating: "x", count: 40),
            columns: [SheetColumn(header: ["中标价"])]
        )
        #expect(sheet.name.count == 31)
        #expect(!sheet.name.contains { "[]:*?/\\".contains($0) })
        #expect(Sheet.displayWidth("中标价 ab") == 9)
    }
}
