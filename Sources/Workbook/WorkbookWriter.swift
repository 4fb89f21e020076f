import CXLSXWriter

/// Why a workbook could not be written: libxlsxwriter's own message (`Error creating output xlsx file.
/// Usually a permissions error.`).
package struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    package let description: String
}

extension Workbook {
    /// The creation time written into the workbook's properties: fixed, so that one input gives the same bytes
    /// every time (libxlsxwriter would write the current time).
    static let creationTime: time_t = 946_684_800  // 2000-01-01T00:00:00Z

    /// Writes the workbook to `path` (created or replaced): one worksheet per sheet, its header rows bold on a
    /// shaded band and frozen, an autofilter on the last header row, each column as wide as its contents and
    /// numbers in their column's format.
    package func write(toFile path: String) throws(WorkbookError) {
        guard let workbook = workbook_new(path) else {
            throw WorkbookError(description: "libxlsxwriter could not start a workbook")
        }
        var failure: WorkbookError?
        title.withCString { title in
            var properties = lxw_doc_properties()
            properties.title = UnsafeMutablePointer(mutating: title)
            properties.created = Self.creationTime
            workbook_set_properties(workbook, &properties)
        }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_bg_color(header, 0xE8F0E8)
        format_set_bottom(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_text_wrap(header)
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
        for kind in CellFormat.allCases where kind != .general {
            let format = workbook_add_format(workbook)
            format_set_num_format(format, kind.rawValue)
            formats[kind] = format
        }
        for sheet in sheets where failure == nil {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                failure = WorkbookError(description: "libxlsxwriter refused the sheet name '\(sheet.name)'")
                break
            }
            failure = Self.fill(worksheet, with: sheet, header: header, formats: formats)
        }
        let closed = workbook_close(workbook)
        if let failure { throw failure }
        guard closed == LXW_NO_ERROR else { throw WorkbookError(description: String(cString: lxw_strerror(closed))) }
    }

    private static func fill(
        _ worksheet: UnsafeMutablePointer<lxw_worksheet>,
        with sheet: Sheet,
        header: UnsafeMutablePointer<lxw_format>?,
        formats: [CellFormat: UnsafeMutablePointer<lxw_format>]
    ) -> WorkbookError? {
        let headerRows = sheet.headerRows
        for (index, (column, width)) in zip(sheet.columns, sheet.widths).enumerated() {
            let col = lxw_col_t(index)
            worksheet_set_column(worksheet, col, col, width, formats[column.format])
            for line in 0..<headerRows {
                let text = line < column.header.count ? column.header[line] : ""
                let status = worksheet_write_string(worksheet, lxw_row_t(line), col, text, header)
                if status != LXW_NO_ERROR { return WorkbookError(description: String(cString: lxw_strerror(status))) }
            }
        }
        for (offset, row) in sheet.rows.enumerated() {
            let r = lxw_row_t(headerRows + offset)
            for (index, cell) in row.enumerated() {
                let c = lxw_col_t(index)
                let status: lxw_error
                switch cell {
                case .empty: continue
                case .text(let text): status = worksheet_write_string(worksheet, r, c, text, nil)
                case .number(let value):
                    status = worksheet_write_number(worksheet, r, c, value, formats[sheet.columns[index].format])
                }
                if status != LXW_NO_ERROR { return WorkbookError(description: String(cString: lxw_strerror(status))) }
            }
        }
        if headerRows > 0 {
            worksheet_freeze_panes(worksheet, lxw_row_t(headerRows), 0)
            if !sheet.columns.isEmpty {
                worksheet_autofilter(
                    worksheet,
                    lxw_row_t(headerRows - 1),
                    0,
                    lxw_row_t(headerRows - 1 + sheet.rows.count),
                    lxw_col_t(sheet.columns.count - 1)
                )
            }
        }
        return nil
    }
}
