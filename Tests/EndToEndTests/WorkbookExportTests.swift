import Foundation
import Testing

/// `tender export --xlsx`: a workbook another program reads, with numbers as numbers, and `--bom`.
@Suite struct WorkbookExportTests {
    static let python = ExportFixtures.which("python3")

    static let skipped = "python3 is not installed; the workbook is not read back (openpyxl) and this test is skipped"

    /// Reads the workbook with openpyxl and checks every cell against the CSV file of the same table: the second
    /// header row is the CSV header, numeric columns hold numbers equal to the CSV's to its last decimal (amounts
    /// to the cent), text columns hold the CSV's text, the header rows are frozen and the first is Chinese.
    static let check = #"""
        from csv import reader
        from decimal import Decimal
        from os.path import join
        from sys import argv, exit
        try:
            from openpyxl import load_workbook
        except ImportError:
            exit("openpyxl is missing: pip install openpyxl (.ci/run installs it)")
        book, directory = argv[1], argv[2]
        numeric = {"ceiling": 2, "contract_price": 2, "quoted_price": 2, "evaluated_price": 2,
                   "ceiling_unit_price": 2, "ceiling_amount": 2, "savings_rate": 4, "deduction": 4,
                   "price_score": None, "recorded_total": None, "quantity": None, "rank": 0, "bids": 0,
                   "valid_bids": 0, "lines": 0, "savings": 2, "budget": 2, "bought_ceiling": 2, "payable": 2,
                   "savings_rate_budget": 4, "payable_share_budget": 4, "green_premium": 2, "optional_share": 4,
                   "target_star": 0, "amount": 2, "unit_price": 2}
        sheets = {"lots.csv": "采购包 lots", "bids.csv": "投标 bids", "awards.csv": "中标 awards",
                  "lines.csv": "需求明细 lines", "projects.csv": "项目结算 projects",
                  "settlement.csv": "结算明细 settlement", "about.csv": "说明 about"}
        wb = load_workbook(book)
        assert wb.sheetnames == list(sheets.values()), wb.sheetnames
        numbers = 0
        for file, name in sheets.items():
            ws = wb[name]
            assert ws.freeze_panes == "A3", (name, ws.freeze_panes)
            with open(join(directory, file), encoding="utf-8-sig", newline="") as f:
                records = list(reader(f))
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            assert rows[1] == records[0], (name, rows[1], records[0])
            assert all(isinstance(h, str) and h for h in rows[0]), rows[0]
            assert len(rows) == len(records) + 1, (name, len(rows), len(records))
            header = records[0]
            for record, row in zip(records[1:], rows[2:]):
                for column, text, value in zip(header, record, row):
                    if text == "":
                        assert value is None, (name, column, value)
                    elif column in numeric:
                        assert type(value) in (int, float), (name, column, text, value, type(value))
                        places = numeric[column]
                        if places is None:
                            assert Decimal(repr(value)) == Decimal(text), (name, column, text, value)
                        else:
                            assert f"{value:.{places}f}" == text, (name, column, text, value)
                        numbers += 1
                    else:
                        assert value == text, (name, column, text, value)
        assert "中标价" in [c.value for c in wb["采购包 lots"][1]]
        print("ok", numbers)
        """#

    @Test(.enabled(if: python != nil, Comment(rawValue: skipped)))
    func daqingWorkbookReadsBackWithNumericCellsEqualToTheCSV() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("daqing.xlsx")
        let csv = directory.appendingPathComponent("csv")
        let r = try Fixtures.tender([
            "export", Fixtures.scenario("daqing-2023.yaml"), "--xlsx", book.path, "--csv", csv.path, "--bom",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        let read = try ExportFixtures.run(try #require(Self.python), ["-c", Self.check, book.path, csv.path])
        #expect(read.status == 0, "openpyxl: \(read.stderr)")
        #expect(read.stdout.hasPrefix("ok "), "\(read.stdout)")
        let count = Int(read.stdout.dropFirst(3).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(count > 100, "only \(count) numeric cells checked")
    }

    @Test func bomStartsEveryCSVFileAndWorkbooksAreByteIdentical() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenario = Fixtures.scenario("rehearsal-worked-examples.yaml")
        var books: [Data] = []
        for round in 0..<2 {
            let csv = directory.appendingPathComponent("csv\(round)")
            let book = directory.appendingPathComponent("book\(round).xlsx")
            let r = try Fixtures.tender(
                ["export", scenario, "--csv", csv.path, "--xlsx", book.path] + (round == 0 ? ["--bom"] : [])
            )
            #expect(r.status == 0, "\(r.stderr)")
            books.append(try Data(contentsOf: book))
            for file in ["lots.csv", "bids.csv", "awards.csv", "lines.csv"] {
                let bytes = try Data(contentsOf: csv.appendingPathComponent(file))
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == (round == 0), "\(file), round \(round)")
            }
        }
        #expect(books[0] == books[1], "the same input gives the same workbook bytes")
        #expect(books[0].starts(with: Array("PK".utf8)), "an xlsx is a zip archive")
    }

    @Test func unwritableWorkbookAndBomWithoutCSVAreReported() throws {
        let bad = try Fixtures.tender([
            "export", Fixtures.scenario("rehearsal-worked-examples.yaml"), "--xlsx", "/nonexistent-dir/x.xlsx",
        ])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("cannot write the workbook to '/nonexistent-dir/x.xlsx'"), "\(bad.stderr)")
        let bom = try Fixtures.tender([
            "export", Fixtures.scenario("rehearsal-worked-examples.yaml"), "--bom", "--ocds", "-",
        ])
        #expect(bom.status == 64, "\(bom.stderr)")
        #expect(bom.stderr.contains("--bom applies to the CSV files"), "\(bom.stderr)")
    }
}
