import ExactNumbers
import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel
import TenderReports

/// The pages of `tender serve` itself (lists, forms, messages). Results are never rendered here: the evaluation
/// is TenderReports' 评标报告 page, shown as it prints, and downloads are TenderReports' documents. Every text is
/// escaped with ``HTML/escape(_:)``.
enum Pages {
    static func e(_ text: String) -> String { HTML.escape(text) }

    /// A page of the server with its header.
    static func page(_ title: String, _ body: String, script: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title)) — tender serve</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><a href="/">tender serve</a> <span>\(e(title))</span></header>
        <main>
        \(body)
        </main>
        \(script.isEmpty ? "" : "<script src=\"/app.js\"></script>")
        </body>
        </html>

        """
    }

    static let style = """
        body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#1c2430;background:#f6f7f9}
        header{background:#1f3b5a;color:#fff;padding:.6em 1.2em;font-size:1.05em}
        header a{color:#fff;font-weight:600;text-decoration:none;margin-right:1em}
        main{padding:1em 1.5em;max-width:1200px}
        table{border-collapse:collapse;margin:.5em 0;background:#fff}
        th,td{border:1px solid #ccd3dc;padding:.25em .5em;text-align:left;vertical-align:top}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        input[type=text]{width:100%;box-sizing:border-box;font:inherit}
        textarea{width:100%;font-family:monospace}
        .msg{color:#b00020;font-size:.9em;display:block}
        .error{color:#b00020}.warning{color:#8a5a00}
        pre.source{background:#fff;border:1px solid #ccd3dc;padding:.5em;overflow:auto}
        pre.source .bad{background:#fde7ea}
        pre.source .note{color:#b00020;display:block;padding-left:6ch}
        section.lot{background:#fff;border:1px solid #ccd3dc;padding:.5em 1em;margin:1em 0}
        iframe.report{width:100%;height:900px;border:1px solid #ccd3dc;background:#fff}
        .bar{width:100%;background:#dde3ea;height:1.2em}.bar div{background:#2e7d32;height:100%}
        button,.button{font:inherit;padding:.3em .8em;margin:.2em .2em .2em 0}
        """

    static func error(_ status: Int, _ message: String) -> String {
        page(
            "Error \(status)",
            "<p class=\"error\" id=\"error\">\(e(message))</p><p><a href=\"/\">Back to the scenarios</a></p>"
        )
    }

    // MARK: Index

    static func index(files: [String], included: [String] = [], maximumUpload: Int) -> String {
        var body = "<h1>Scenarios</h1>\n<table id=\"scenarios\"><tr><th>File</th><th></th></tr>\n"
        for file in files {
            let q = query(file)
            body += "<tr><td><a href=\"/scenario?file=\(q)\">\(e(file))</a></td>"
            body +=
                "<td><a href=\"/rehearse?file=\(q)\">rehearse</a> · <a href=\"/simulate?file=\(q)\">simulate</a></td></tr>\n"
        }
        body += "</table>\n"
        if !included.isEmpty {
            body += "<p id=\"included\">Included files (a catalogue, projects or suppliers that scenarios include; not "
            body +=
                "scenarios on their own): " + included.map { "<code>\(e($0))</code>" }.joined(separator: ", ")
                + "</p>\n"
        }
        body += """
            <h2>Check a scenario</h2>
            <p>Paste a scenario (or choose a file) to validate it as <code>tender validate</code> does; includes are read
            relative to the served folder. At most \(maximumUpload / 1024) KiB.</p>
            <form method="post" action="/validate" id="upload">
            <input type="file" id="upload-file" accept=".yaml,.yml">
            <textarea name="text" rows="14" id="upload-text"></textarea>
            <button type="submit">Validate</button>
            </form>
            """
        return page("Scenarios", body, script: "app")
    }

    static func query(_ text: String) -> String {
        let allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/"
        return text.unicodeScalars.map { scalar -> String in
            if allowed.unicodeScalars.contains(scalar) { return String(scalar) }
            return String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
        }.joined()
    }

    // MARK: Diagnostics beside the source

    /// The text with line numbers, each diagnostic of this file under its line.
    static func source(_ text: String, diagnostics: [Diagnostic], file: String) -> String {
        var byLine: [Int: [Diagnostic]] = [:]
        for d in diagnostics where d.location.file == file { byLine[d.location.line, default: []].append(d) }
        var html = "<pre class=\"source\" id=\"source\">"
        let lines = Rehearsal.lines(text)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let notes = byLine[number] ?? []
            let cls = notes.isEmpty ? "" : " class=\"bad\""
            html += "<span\(cls) id=\"L\(number)\">\(String(format: "%4d", number))  \(e(String(line)))</span>\n"
            for d in notes {
                html +=
                    "<span class=\"note \(d.severity.rawValue)\">\(String(repeating: " ", count: max(0, d.location.column - 1)))^ "
                    + "\(e(d.location.description)): \(d.severity.rawValue): \(e(d.path)): \(e(d.message))</span>"
            }
        }
        return html + "</pre>"
    }

    static func diagnosticList(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var html = "<ul id=\"diagnostics\">"
        for d in diagnostics {
            html += "<li class=\"\(d.severity.rawValue)\">\(e(d.description))</li>"
        }
        return html + "</ul>"
    }

    static func validation(text: String, diagnostics: [Diagnostic], file: String, scenario: Scenario?) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let verdict =
            scenario != nil
            ? "<p id=\"verdict\">Valid: \(e(scenario!.meta.name)), \(diagnostics.count) warning(s).</p>"
            : "<p id=\"verdict\" class=\"error\">Invalid: \(errors) error(s), \(diagnostics.count - errors) warning(s).</p>"
        return page(
            "Validation",
            verdict + diagnosticList(diagnostics) + source(text, diagnostics: diagnostics, file: file)
        )
    }

    // MARK: Scenario

    static func lotsTable(_ plan: LotPlan, scenario: Scenario) -> String {
        var html = ""
        for lot in plan.lots {
            html += "<section class=\"lot\" id=\"lot-\(e(lot.id))\"><h3>Lot \(e(lot.id))</h3>"
            html += "<p>Method: \(e(lot.method.rawValue)) · ceiling (最高限价) <b>\(TextLayout.amount(lot.ceiling))</b>"
            html += lot.reservedForSME ? " · reserved for SMEs" : ""
            html +=
                "</p><table><tr><th>Line</th><th>Category</th><th>Spec</th><th>Quantity</th><th>Unit</th><th>Ceiling unit price</th><th>Ceiling</th></tr>"
            for line in lot.lines {
                html += "<tr><td>\(e(line.reference))</td><td>\(e(line.category))</td><td>\(e(line.spec))</td>"
                html += "<td class=\"num\">\(e(line.quantity.description))</td><td>\(e(line.unit))</td>"
                html += "<td class=\"num\">\(TextLayout.amount(line.ceilingUnitPrice))</td>"
                html += "<td class=\"num\">\(TextLayout.amount(line.ceilingAmount))</td></tr>"
            }
            html += "</table></section>\n"
        }
        return html
    }

    static func scenario(file: String, scenario: Scenario, plan: LotPlan, warnings: [Diagnostic]) -> String {
        let q = query(file)
        var body = "<h1>\(e(scenario.meta.name))</h1>"
        body +=
            "<p>\(e(file)) · fiscal year \(scenario.meta.fiscalYear) · bid date \(e(scenario.meta.bidDate.description)) · "
        body +=
            "\(scenario.suppliers.count) suppliers · \(plan.lots.count) lots · \(scenario.bids.count) entered bids</p>"
        body += "<p><a class=\"button\" href=\"/rehearse?file=\(q)\">Rehearse (enter bids)</a> "
        body += "<a class=\"button\" href=\"/report?file=\(q)\" target=\"_blank\">评标报告 (batch)</a> "
        body += "<a class=\"button\" href=\"/simulate?file=\(q)\">Simulate</a> · downloads of the run: "
        for format in DownloadFormat.allCases {
            body += "<a href=\"/download?file=\(q)&amp;format=\(format.rawValue)\">\(format.rawValue)</a> "
        }
        body += "</p>" + diagnosticList(warnings)
        body += "<h2>Lots</h2>" + lotsTable(plan, scenario: scenario)
        return page(scenario.meta.name, body)
    }

    // MARK: Rehearsal

    static let fields: [(name: String, label: String, hint: String)] = [
        ("bidder", "Bidder", "supplier id"),
        ("price", "Price", "total, e.g. 1380000.00"),
        ("unit-prices", "Unit prices", "P01/D1=452.50; …"),
        ("declaration", "Declaration", "none, small-micro, {consortium: 35%}"),
        ("more", "More keys", "marks: {plan: [18, 17]}, signed: false"),
    ]

    static func value(_ row: BidRow, _ field: String) -> String {
        switch field {
        case "bidder": return row.bidder
        case "price": return row.price
        case "unit-prices": return row.unitPrices
        case "declaration": return row.declaration
        default: return row.more
        }
    }

    static func rehearsal(
        file: String,
        name: String,
        variants: [String] = [],
        variant: String? = nil,
        scenario: Scenario,
        plan: LotPlan,
        rows: [BidRow],
        outcome: RehearsalOutcome?,
        message: String = ""
    ) -> String {
        var body = "<h1>Rehearsal: \(e(scenario.meta.name))</h1>"
        if !scenario.bids.isEmpty && rows.isEmpty {
            body +=
                "<p>The scenario has \(scenario.bids.count) entered bids of its own; the bids entered here replace them.</p>"
        }
        body += "<p>Enter the bids as they are read out; each field is checked as the scenario format checks it "
        body += "(<code>bids</code> in the scenario format). The evaluation follows every change.</p>"
        body += "<form method=\"post\" action=\"/rehearse/evaluate\" id=\"rehearsal\">"
        body += "<input type=\"hidden\" name=\"file\" value=\"\(e(file))\">"
        if !variants.isEmpty {
            body +=
                "<p><label>Variant <select name=\"variant\" id=\"variant\"><option value=\"\">base (as written)</option>"
            for name in variants {
                body += "<option value=\"\(e(name))\"\(name == variant ? " selected" : "")>\(e(name))</option>"
            }
            body += "</select></label> (as <code>tender run --variant</code>; saved with the rehearsal)</p>"
        }
        let suppliers = scenario.suppliers.map(\.id)
        body += "<datalist id=\"suppliers\">" + suppliers.map { "<option value=\"\(e($0))\">" }.joined() + "</datalist>"
        body +=
            "<datalist id=\"declarations\"><option value=\"none\"><option value=\"small-micro\"><option value=\"{consortium: 35%}\"></datalist>"
        var index = 0
        var byLot: [String: [(Int, BidRow)]] = [:]
        for (i, row) in rows.enumerated() { byLot[row.lot, default: []].append((i, row)) }
        index = rows.count
        for lot in plan.lots {
            body += "<section class=\"lot\" id=\"lot-\(e(lot.id))\"><h3>Lot \(e(lot.id))</h3>"
            body += "<p>\(e(lot.method.rawValue)) · ceiling <b>\(TextLayout.amount(lot.ceiling))</b> · lines: "
            body += lot.lines.map {
                "\(e($0.reference)) \(e($0.quantity.description)) \(e($0.unit)) ≤ \(TextLayout.amount($0.ceilingUnitPrice))"
            }
            .joined(separator: "; ")
            body += "</p><table class=\"bids\" data-lot=\"\(e(lot.id))\"><tr>"
            body += fields.map { "<th>\($0.label)</th>" }.joined() + "</tr>"
            var entries = byLot[lot.id] ?? []
            for _ in 0..<max(1, 3 - entries.count) {
                entries.append((index, BidRow(lot: lot.id, bidder: "")))
                index += 1
            }
            for (i, row) in entries { body += rowHTML(i, row) }
            body += "</table><button type=\"button\" class=\"add-row\" data-lot=\"\(e(lot.id))\">+ bid</button>"
            body +=
                " <button type=\"submit\" formaction=\"/rehearse/report?lot=\(query(lot.id))\" formtarget=\"_blank\">评标报告 of this lot</button>"
            body += "</section>\n"
        }
        // Rows of lots the plan does not have stay (the loader reports their lot).
        for (lotID, entries) in byLot where !plan.lots.contains(where: { $0.id == lotID }) {
            body +=
                "<section class=\"lot\"><h3>Lot \(e(lotID)) (not in the plan)</h3><table class=\"bids\" data-lot=\"\(e(lotID))\">"
            for (i, row) in entries { body += rowHTML(i, row) }
            body += "</table></section>"
        }
        body += "<p><input type=\"hidden\" name=\"next\" value=\"\(index)\">"
        body += "<button type=\"submit\">Evaluate</button> "
        body += "<label>Save as <input type=\"text\" name=\"name\" value=\"\(e(name))\" style=\"width:24em\"></label> "
        body += "<button type=\"submit\" formaction=\"/rehearse/save\" id=\"save\">Save rehearsal</button> "
        body +=
            "<button type=\"submit\" formaction=\"/rehearse/report\" formtarget=\"_blank\">评标报告 (batch)</button> Downloads: "
        for format in DownloadFormat.allCases {
            body +=
                "<button type=\"submit\" formaction=\"/rehearse/download?format=\(format.rawValue)\" id=\"download-\(format.rawValue)\">\(format.rawValue)</button>"
        }
        body += "</p></form>"
        body += "<p id=\"message\">\(e(message))</p>"
        body += "<div id=\"results\">" + (outcome.map(results) ?? "") + "</div>"
        return page("Rehearsal", body, script: "app")
    }

    static func rowHTML(_ index: Int, _ row: BidRow) -> String {
        var html = "<tr data-row=\"\(index)\"><input type=\"hidden\" name=\"r\(index).lot\" value=\"\(e(row.lot))\">"
        for field in fields {
            let list =
                field.name == "bidder"
                ? " list=\"suppliers\"" : field.name == "declaration" ? " list=\"declarations\"" : ""
            html += "<td><input type=\"text\" name=\"r\(index).\(field.name)\" value=\"\(e(value(row, field.name)))\""
            html +=
                " placeholder=\"\(e(field.hint))\"\(list)><span class=\"msg\" id=\"m\(index)-\(field.name)\"></span></td>"
        }
        return html + "</tr>"
    }

    /// The outcome below the form: messages not tied to a field, then the 评标报告 of each lot with bids.
    static func results(_ outcome: RehearsalOutcome) -> String {
        var html = ""
        if !outcome.general.isEmpty {
            html +=
                "<ul id=\"general\">" + outcome.general.map { "<li class=\"error\">\(e($0))</li>" }.joined() + "</ul>"
        }
        if outcome.reports.isEmpty && outcome.general.isEmpty && outcome.fields.isEmpty {
            html += "<p>No bids entered yet.</p>"
        }
        for (lot, report) in outcome.reports {
            html +=
                "<h3>评标 · lot \(e(lot))</h3><iframe class=\"report\" sandbox=\"allow-same-origin\" title=\"lot \(e(lot))\" data-lot=\"\(e(lot))\" srcdoc=\"\(e(report))\"></iframe>"
        }
        return html
    }

    // MARK: Simulation

    static func simulateForm(file: String, scenario: Scenario, maximum: Int, message: String = "") -> String {
        var body = "<h1>Simulate: \(e(scenario.meta.name))</h1>"
        body +=
            "<p>Monte Carlo replications of generated bidding, as <code>tender simulate</code>; at most \(maximum) here.</p>"
        body +=
            "<form method=\"post\" action=\"/simulate\" id=\"simulate\"><input type=\"hidden\" name=\"file\" value=\"\(e(file))\">"
        body +=
            "<label>Replications <input type=\"text\" name=\"replications\" value=\"\(max(1, min(scenario.meta.replications, 200)))\" style=\"width:8em\"></label> "
        body +=
            "<label>Seed <input type=\"text\" name=\"seed\" value=\"\(scenario.meta.seed)\" style=\"width:12em\"></label> "
        body += "<button type=\"submit\">Run</button></form>"
        body += "<p class=\"error\" id=\"message\">\(e(message))</p>"
        return page("Simulate", body)
    }

    static func simulationProgress(id: Int, done: Int, total: Int) -> String {
        let body = """
            <h1>Simulation \(id)</h1>
            <div class="bar" id="bar" data-job="\(id)"><div style="width:\(total == 0 ? 0 : done * 100 / total)%"></div></div>
            <p id="progress">\(done) of \(total) replications</p>
            """
        return page("Simulation", body, script: "app")
    }
}

/// What the rehearsal page shows after an evaluation.
package struct RehearsalOutcome: Sendable {
    /// Messages per form field (`r3.price`).
    package var fields: [String: String] = [:]
    /// Messages not tied to a field.
    package var general: [String] = []
    /// The 评标报告 page of each lot with bids, in plan order.
    package var reports: [(lot: String, html: String)] = []
}
