import TenderEngine
import Workbook

/// The Excel workbook of a result: the CSV tables, one sheet each, with two header rows (the Chinese label,
/// then the CSV column name) and typed cells: amounts, rates, counts, scores and statistics as numbers (an
/// IEEE double, as Excel stores numbers), exact values that may be fractions and everything else as text.
/// The CSV keeps the exact decimal text.
package enum WorkbookExport {
    /// The sheet names of the CSV files: Chinese, then the file's name.
    static let sheetNames: [String: String] = [
        "lots.csv": "采购包 lots", "bids.csv": "投标 bids", "awards.csv": "中标 awards", "lines.csv": "需求明细 lines",
        "projects.csv": "项目结算 projects", "settlement.csv": "结算明细 settlement",
        "metrics.csv": "指标 metrics", "differences.csv": "差异 differences", "cells.csv": "参数组合 cells",
        "about.csv": "说明 about",
    ]

    /// The workbook of `tables` (file name → table, as ``ResultDocument/csvTables(registry:)`` gives them).
    package static func workbook(title: String, tables: [(name: String, table: CSVTable)]) -> Workbook {
        Workbook(title: title, sheets: tables.map { sheet($0.table, file: $0.name) })
    }

    /// One table as a sheet.
    package static func sheet(_ table: CSVTable, file: String) -> Sheet {
        let described = table.columns(file: file)
        let columns = described.map { column in
            SheetColumn(
                header: [column.zh.isEmpty ? column.name : column.zh, column.name],
                format: format(column.kind)
            )
        }
        let name = sheetNames[file] ?? String(file.split(separator: ".").first ?? Substring(file))
        var sheet = Sheet(name: name, columns: columns)
        for row in table.rows {
            sheet.append(zip(row, described).map { cell($0, kind: $1.kind) })
        }
        return sheet
    }

    static func format(_ kind: TableColumn.Kind) -> CellFormat {
        switch kind {
        case .amount: return .amount
        case .rate: return .percent
        case .count: return .integer
        case .text, .decimal, .exact: return .general
        }
    }

    /// A field as a cell: empty text is an empty cell; a numeric column's decimal text is a number (the
    /// double nearest to it); anything else is text as the CSV has it.
    static func cell(_ text: String, kind: TableColumn.Kind) -> SheetCell {
        if text.isEmpty { return .empty }
        switch kind {
        case .text, .exact: return .text(text)
        case .amount, .rate, .count, .decimal: return number(text).map(SheetCell.number) ?? .text(text)
        }
    }

    /// The value of a decimal text (`-12.50`, `1e-05`), nil for anything else (`324/11`, `inf`, `nan`).
    static func number(_ text: String) -> Double? {
        let allowed = text.unicodeScalars.allSatisfy { "0123456789.-+eE".unicodeScalars.contains($0) }
        guard allowed, let first = text.unicodeScalars.first, "0123456789-".unicodeScalars.contains(first),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}

extension ResultDocument {
    /// The Excel workbook of this result: the tables of ``csvTables(registry:)``, one sheet each.
    package func workbook(registry: MetricRegistry = .standard) -> Workbook {
        WorkbookExport.workbook(title: "tender — \(summary)", tables: csvTables(registry: registry))
    }
}
