import TenderModel

/// A self-contained HTML page: inline CSS, inline SVG, no scripts, no fonts or images from anywhere, and a
/// Content-Security-Policy that forbids fetching anything, so the file works offline and prints to A4.
///
/// Every kind of report (run now; simulate, compare and sweep as their results land) is a title, facts and a
/// list of numbered sections on this one page.
package struct ReportPage: Sendable {
    package struct Section: Sendable {
        package let id: String
        package let title: Label
        package let html: String

        package init(id: String, title: Label, html: String) {
            self.id = id
            self.title = title
            self.html = html
        }
    }

    /// The line above the title, e.g. the programme and the kind of report.
    package let kicker: Label
    package let title: String
    /// Short facts under the title: region, fiscal year, bid date, seed…
    package let facts: [String]
    /// Headline figures shown as cards before the sections: label, value, detail.
    package let figures: [(label: Label, value: String, detail: String)]
    package let sections: [Section]
    package let footer: [String]

    package init(
        kicker: Label,
        title: String,
        facts: [String],
        figures: [(label: Label, value: String, detail: String)],
        sections: [Section],
        footer: [String]
    ) {
        self.kicker = kicker
        self.title = title
        self.facts = facts
        self.figures = figures
        self.sections = sections
        self.footer = footer
    }

    /// The whole document.
    package func rendered() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="generator" content="tender">
            <title>\(HTML.escape(title)) — \(HTML.escape(kicker.text))</title>
            <style>
            \(Stylesheet.css)
            </style>
            </head>
            <body>
            <main>
            <header class="masthead">
            <p class="kicker">\(HTML.escape(kicker.text))</p>
            <h1>\(HTML.escape(title))</h1>

            """
        out += "<p class=\"facts\">" + facts.map { "<span>\(HTML.escape($0))</span>" }.joined() + "</p>\n"
        out += "</header>\n"
        if !figures.isEmpty {
            out += "<section class=\"kpis\" aria-label=\"headline figures\">\n"
            for figure in figures {
                out += "<div class=\"kpi\"><div class=\"k\">\(HTML.label(figure.label))</div>"
                out += "<div class=\"v\">\(HTML.escape(figure.value))</div>"
                out += "<div class=\"d\">\(HTML.escape(figure.detail))</div></div>\n"
            }
            out += "</section>\n"
        }
        out += "<nav class=\"toc\" aria-label=\"contents\"><ol>"
        for (index, section) in sections.enumerated() {
            out +=
                "<li><a href=\"#\(HTML.escape(section.id))\">\(index + 1). \(HTML.escape(section.title.text))</a></li>"
        }
        out += "</ol></nav>\n"
        for (index, section) in sections.enumerated() {
            out += "<section id=\"\(HTML.escape(section.id))\">\n"
            out += "<h2>\(index + 1). \(HTML.label(section.title))</h2>\n"
            out += section.html
            out += "\n</section>\n"
        }
        out += "<footer>\n"
        for line in footer { out += "<p>\(HTML.escape(line))</p>\n" }
        out += "</footer>\n</main>\n</body>\n</html>\n"
        return out
    }
}
