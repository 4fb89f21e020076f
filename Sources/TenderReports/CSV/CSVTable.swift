/// A table written as RFC 4180 CSV: a header row, CRLF line endings, and a field quoted (its quotes doubled)
/// when it contains a comma, a double quote, CR or LF. The text is UTF-8 when written as bytes; no byte-order
/// mark is written.
package struct CSVTable: Sendable, Equatable {
    package let header: [String]
    package private(set) var rows: [[String]] = []

    package init(header: [String]) {
        self.header = header
    }

    /// Appends a row; it must have one field per header column.
    package mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row needs \(header.count) fields, got \(row.count)")
        rows.append(row)
    }

    /// The whole table, every record (the header too) ended by CRLF.
    package var text: String {
        var out = ""
        for record in [header] + rows {
            out += record.map(CSVTable.field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// One field, quoted when RFC 4180 requires it.
    package static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        // Scalar by scalar: a quote followed by a combining mark is one Character, but still a quote.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.append(scalar) }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }
}
