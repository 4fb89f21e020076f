import TenderModel

/// Small pieces of HTML: escaping, bilingual labels, tables.
package enum HTML {
    /// `text` safe in element content and in double- or single-quoted attribute values.
    package static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `<span class="zh">中标价</span> <span class="en">Contract price</span>`.
    package static func label(_ label: Label) -> String {
        switch (label.zh.isEmpty, label.en.isEmpty) {
        case (true, _): return "<span class=\"en\">\(escape(label.en))</span>"
        case (_, true): return "<span class=\"zh\">\(escape(label.zh))</span>"
        default: return "<span class=\"zh\">\(escape(label.zh))</span> <span class=\"en\">\(escape(label.en))</span>"
        }
    }

    /// A table cell.
    package struct Cell: Sendable {
        package let html: String
        package let cssClass: String?

        /// Escaped text.
        package init(_ text: String, cssClass: String? = nil) {
            html = escape(text)
            self.cssClass = cssClass
        }

        /// Markup as it is (the caller escaped what needs escaping).
        package init(html: String, cssClass: String? = nil) {
            self.html = html
            self.cssClass = cssClass
        }

        /// A right-aligned number.
        package static func number(_ text: String) -> Cell { Cell(text, cssClass: "num") }
    }

    /// A column header: a bilingual label, numeric columns right-aligned.
    package struct Column: Sendable {
        package let label: Label
        package let numeric: Bool

        package init(_ zh: String, _ en: String, numeric: Bool = false) {
            label = Label(zh, en)
            self.numeric = numeric
        }
    }

    /// A `<table>` with a header row; `rowAttributes` gives each `<tr>` extra attributes (already escaped).
    package static func table(
        _ columns: [Column],
        _ rows: [[Cell]],
        cssClass: String = "data",
        id: String? = nil,
        rowAttributes: [String]? = nil
    ) -> String {
        var out = "<div class=\"table-wrap\"><table class=\"\(escape(cssClass))\""
        if let id { out += " id=\"\(escape(id))\"" }
        out += "><thead><tr>"
        for column in columns {
            out += column.numeric ? "<th class=\"num\">" : "<th>"
            out += headerLabel(column.label) + "</th>"
        }
        out += "</tr></thead><tbody>"
        for (index, row) in rows.enumerated() {
            let extra = rowAttributes.map { " " + $0[index] } ?? ""
            out += "<tr\(extra)>"
            for cell in row {
                out += cell.cssClass.map { "<td class=\"\(escape($0))\">" } ?? "<td>"
                out += cell.html + "</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// A two-column table of labelled facts, one per row.
    package static func factsTable(_ rows: [(Label, String)], id: String? = nil) -> String {
        var out = "<div class=\"table-wrap\"><table class=\"data facts-table\""
        if let id { out += " id=\"\(escape(id))\"" }
        out += "><tbody>"
        for (label, value) in rows {
            out += "<tr><th>\(HTML.label(label))</th><td>\(escape(value))</td></tr>"
        }
        return out + "</tbody></table></div>\n"
    }

    /// A header label: Chinese on the first line, English below it.
    static func headerLabel(_ label: Label) -> String {
        if label.zh.isEmpty { return "<span class=\"en\">\(escape(label.en))</span>" }
        if label.en.isEmpty { return escape(label.zh) }
        return "\(escape(label.zh))<br><span class=\"en\">\(escape(label.en))</span>"
    }
}
