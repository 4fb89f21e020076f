/// A spreadsheet as values: sheets of typed cells under one or more header rows. ``write(toFile:)`` writes it
/// as an Office Open XML workbook (.xlsx) through libxlsxwriter; nothing else in the package touches the C
/// library.
///
/// Numbers are IEEE doubles, as Excel stores them: a decimal such as an amount to the cent is written as the
/// double nearest to it, which Excel shows (at most 15 significant digits) as the same decimal.
package struct Workbook: Sendable, Equatable {
    /// The document title (File › Properties).
    package var title: String
    package var sheets: [Sheet]

    package init(title: String, sheets: [Sheet]) {
        self.title = title
        self.sheets = sheets
    }
}

/// One worksheet: its columns (header rows and format) and its data rows, one cell per column.
package struct Sheet: Sendable, Equatable {
    /// The tab's name: at most 31 characters, none of `[]:*?/\` (``Sheet/init(name:columns:rows:)`` replaces
    /// them).
    package let name: String
    package let columns: [SheetColumn]
    package private(set) var rows: [[SheetCell]]

    package init(name: String, columns: [SheetColumn], rows: [[SheetCell]] = []) {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        self.name = cleaned.isEmpty ? "Sheet" : cleaned
        self.columns = columns
        self.rows = []
        for row in rows { append(row) }
    }

    /// Appends a row; it must have one cell per column.
    package mutating func append(_ row: [SheetCell]) {
        precondition(row.count == columns.count, "a sheet row needs \(columns.count) cells, got \(row.count)")
        rows.append(row)
    }

    /// How many header rows the sheet has: the most header lines of any column.
    package var headerRows: Int { columns.map(\.header.count).max() ?? 0 }

    /// Each column's width in characters: the widest of its header lines and cells (a CJK character counts
    /// two), plus a margin, between 6 and 60.
    package var widths: [Double] {
        columns.indices.map { index in
            var widest = columns[index].header.map(Self.displayWidth).max() ?? 0
            for row in rows { widest = max(widest, Self.displayWidth(row[index].shown(columns[index].format))) }
            return Double(min(max(widest + 2, 6), 60))
        }
    }

    /// Columns a text takes in a spreadsheet font: East Asian wide characters count two.
    package static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}

/// A column: its header lines (one per header row, e.g. Chinese above English) and how its numbers show.
package struct SheetColumn: Sendable, Equatable {
    package let header: [String]
    package let format: CellFormat

    package init(header: [String], format: CellFormat = .general) {
        self.header = header
        self.format = format
    }
}

/// How a numeric cell is shown; the value stored is the same double whatever the format.
package enum CellFormat: String, Sendable, Equatable, CaseIterable {
    /// Excel's default: as many digits as the value needs.
    case general = "General"
    /// Thousands separators and 2 decimals: `1,234,567.80`.
    case amount = "#,##0.00"
    /// A fraction of 1 as a percentage with 2 decimals: 0.36 shows `36.00%`.
    case percent = "0.00%"
    /// A whole number: `12`.
    case integer = "0"
}

/// A cell's value: text, a number, or nothing.
package enum SheetCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case empty

    /// Roughly how the cell shows under `format`, to size its column.
    func shown(_ format: CellFormat) -> String {
        switch self {
        case .text(let text): return text
        case .empty: return ""
        case .number(let x):
            guard abs(x) < 1e15 else { return "\(x)" }
            switch format {
            case .general: return "\(x)"
            case .integer: return String(Int64(x.rounded()))
            case .percent: return "\((x * 100).rounded())" + ".00%"
            case .amount:
                let whole = String(Int64(abs(x).rounded(.down)))
                return (x < 0 ? "-" : "") + whole + String(repeating: ",", count: (whole.count - 1) / 3) + ".00"
            }
        }
    }
}
