/// A table written as RFC 4180 CSV: a header row, CRLF line endings, and a field quoted (its quotes doubled)
/// when it contains a comma, a double quote, CR or LF. The text is UTF-8 when written as bytes; no byte-order
/// mark is written. A field a spreadsheet would run as a formula is neutralised first (``neutralised(_:)``).
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

    /// One field, neutralised and then quoted when RFC 4180 requires it.
    package static func field(_ field: String) -> String {
        let value = neutralised(field)
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

    /// Formula injection (OWASP, "CSV Injection"): a field starting with `=`, `+`, `-`, `@`, TAB or CR is
    /// prefixed with a single quote, so a spreadsheet shows it as text instead of evaluating it. Numbers
    /// stay numbers: a field that is a negative number as tender writes them (`-5`, `-0.25`, the exact
    /// fraction `-1/3`, the double `-9.1e-05`) is left as it is.
    package static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return isNegativeNumber(value) ? value : "'" + value
    }

    /// `-` then digits, optionally `.` and digits, then optionally `/` and digits or an exponent `e±digits`.
    static func isNegativeNumber(_ value: String) -> Bool {
        var scalars = value.unicodeScalars[...]
        func digits() -> Bool {
            let count = scalars.prefix { $0.properties.numericType == .decimal && $0.isASCII }.count
            scalars = scalars.dropFirst(count)
            return count > 0
        }
        func take(_ scalar: Unicode.Scalar) -> Bool {
            guard scalars.first == scalar else { return false }
            scalars = scalars.dropFirst()
            return true
        }
        guard take("-"), digits() else { return false }
        if take("."), !digits() { return false }
        if take("/") {
            guard digits() else { return false }
        } else if take("e") || take("E") {
            _ = take("-") || take("+")
            guard digits() else { return false }
        }
        return scalars.isEmpty
    }
}
