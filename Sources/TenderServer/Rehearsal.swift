import Foundation

/// One bid typed into the rehearsal form: the fields of a `bids` entry (Docs/scenario-format.md#bids) as text,
/// exactly as entered. They become one line of the scenario's `bids` list, which the scenario loader checks
/// like any other scenario: a wrong field is its diagnostic, shown next to the field.
package struct BidRow: Sendable, Equatable, Codable {
    package var lot: String
    package var bidder: String
    /// The total price, or empty when `unitPrices` is given.
    package var price: String
    /// `P01/D1=452.50; P01/D2=300`: unit prices per demand line.
    package var unitPrices: String
    /// `none`, `small-micro`, or `{consortium: 35%}`; empty for the default.
    package var declaration: String
    /// Further keys of the entry as YAML flow-mapping members on one line, e.g.
    /// `marks: {plan: [18, 17]}, submitted-at: "2023-07-25T08:12"`.
    package var more: String

    package init(
        lot: String,
        bidder: String,
        price: String = "",
        unitPrices: String = "",
        declaration: String = "",
        more: String = ""
    ) {
        self.lot = lot
        self.bidder = bidder
        self.price = price
        self.unitPrices = unitPrices
        self.declaration = declaration
        self.more = more
    }

    /// Whether the row is blank (ignored).
    var isBlank: Bool {
        [bidder, price, unitPrices, declaration, more].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

/// A problem of one field of a row found before the loader sees it (the shape of the unit-prices text, a
/// line break).
package struct FieldProblem: Sendable, Equatable {
    package var row: Int
    package var field: String
    package var message: String
}

/// A rehearsal: a base scenario and the bids entered. Its text is the base scenario's text with its own `bids`
/// section taken out and the entered bids appended; that text is what is evaluated and what is saved, so that
/// `tender run` of the saved file reads exactly what the page evaluated.
///
/// (An `includes` of the base would be smaller, but an included file may hold only catalogue, projects and
/// suppliers: the base's meta, policy and variants must be in the rehearsal itself.)
package struct Rehearsal: Sendable, Equatable {
    /// The base scenario, relative to the served folder.
    package var base: String
    package var rows: [BidRow]
    /// The variant evaluated (`tender run SAVED --variant NAME` then gives the page's result), or nil.
    package var variant: String?

    package init(base: String, rows: [BidRow], variant: String? = nil) {
        self.base = base
        self.rows = rows
        self.variant = variant
    }

    /// The marker that opens the bids a rehearsal appends; each row's fields follow it in a comment line as JSON,
    /// so that a saved rehearsal reopens with the fields as typed.
    static let marker = "# tender serve: rehearsal of "
    static let rowMarker = "  # row: "
    static let variantMarker = "# tender serve: evaluated with --variant "

    /// The scenario text of the rehearsal, the line (1-based) where each row's entry is, and the problems found
    /// in the rows' own shapes.
    package func text(baseText: String) -> (text: String, lines: [Int], problems: [FieldProblem]) {
        var text = Self.removingBids(baseText)
        if !text.hasSuffix("\n") { text += "\n" }
        var problems: [FieldProblem] = []
        var lines: [Int] = []
        let entries = rows.enumerated().filter { !$0.element.isBlank }
        guard !entries.isEmpty else { return (text, lines, problems) }
        text += "\n" + Self.marker + Self.jsonString(base) + "\n"
        if let variant { text += Self.variantMarker + Self.jsonString(variant) + "\n" }
        text += "bids:\n"
        var line = Rehearsal.lines(text).count
        lines = Array(repeating: 0, count: rows.count)
        for (index, row) in entries {
            let encoded = (try? JSONEncoder.sorted.encode(row)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            text += Self.rowMarker + encoded + "\n"
            line += 1
            lines[index] = line
            var members = ["lot: \(Self.scalar(row.lot))", "bidder: \(Self.scalar(row.bidder))"]
            let price = row.price.trimmingCharacters(in: .whitespaces)
            if !price.isEmpty { members.append("price: \(Self.scalar(price))") }
            let unit = row.unitPrices.trimmingCharacters(in: .whitespaces)
            if !unit.isEmpty {
                var items: [String] = []
                for part in unit.split(whereSeparator: { $0 == ";" || $0 == "," }) {
                    let pieces = part.split(separator: "=", maxSplits: 1).map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                    if pieces.count != 2 || pieces[0].isEmpty || pieces[1].isEmpty {
                        problems.append(
                            FieldProblem(
                                row: index,
                                field: "unit-prices",
                                message:
                                    "expected DEMAND=PRICE pairs separated by ';' (e.g. P01/D1=452.50), found '\(part.trimmingCharacters(in: .whitespaces))'"
                            )
                        )
                        continue
                    }
                    items.append("{demand: \(Self.scalar(pieces[0])), unit-price: \(Self.scalar(pieces[1]))}")
                }
                members.append("unit-prices: [\(items.joined(separator: ", "))]")
            }
            let declaration = row.declaration.trimmingCharacters(in: .whitespaces)
            if !declaration.isEmpty {
                members.append("declaration: \(Self.flowValue(declaration))")
            }
            let more = row.more.trimmingCharacters(in: .whitespaces)
            if !more.isEmpty {
                if more.contains(where: \.isNewline) {
                    problems.append(
                        FieldProblem(row: index, field: "more", message: "expected one line of 'key: value' pairs")
                    )
                } else {
                    members.append(more)
                }
            }
            for (field, value) in [("bidder", row.bidder), ("price", row.price), ("declaration", row.declaration)]
            where value.contains(where: \.isNewline) {
                problems.append(FieldProblem(row: index, field: field, message: "expected one line"))
            }
            text += "  - {" + members.joined(separator: ", ") + "}\n"
            line += 1
        }
        return (text, lines, problems)
    }

    /// The lines of a text as YAML counts them: a line ends at LF, CRLF or CR (a browser sends a textarea's
    /// lines with CRLF, which Swift sees as one character).
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// A value as YAML: plain when it is safe to write so (so that numbers stay numbers), otherwise a double-quoted
    /// string (JSON's escapes are YAML's).
    static func scalar(_ value: String) -> String {
        let value = value.trimmingCharacters(in: .whitespaces)
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/@%+-")
        if !value.isEmpty, value.unicodeScalars.allSatisfy({ safe.contains($0) }),
            value.first != "-" || value.count > 1,
            !["null", "true", "false", "~", "yes", "no"].contains(value.lowercased())
        {
            return value
        }
        return jsonString(value)
    }

    /// A declaration: `{consortium: 35%}` is a flow mapping and passes as written (on one line); anything else is
    /// a scalar.
    static func flowValue(_ value: String) -> String {
        if value.hasPrefix("{") && value.hasSuffix("}") && !value.contains(where: \.isNewline) { return value }
        return scalar(value)
    }

    static func jsonString(_ value: String) -> String {
        let data = (try? JSONEncoder.sorted.encode([value])) ?? Data("[\"\"]".utf8)
        let text = String(decoding: data, as: UTF8.self)
        return String(text.dropFirst().dropLast())
    }

    /// The text without its top-level `bids` section (from `bids:` at the start of a line to the next top-level
    /// key), and without a previous rehearsal's marker.
    static func removingBids(_ text: String) -> String {
        var kept: [Substring] = []
        var inBids = false
        for line in Rehearsal.lines(text) {
            if line.hasPrefix("bids:") || line.hasPrefix("bids :") {
                inBids = true
                continue
            }
            if line.hasPrefix(marker) || line.hasPrefix(variantMarker) { continue }
            if inBids {
                if let first = line.first, first != " ", first != "\t", first != "-", first != "#" {
                    inBids = false
                } else {
                    continue
                }
            }
            kept.append(line)
        }
        while let last = kept.last, last.trimmingCharacters(in: .whitespaces).isEmpty { kept.removeLast() }
        return kept.joined(separator: "\n") + "\n"
    }

    /// The rows a saved rehearsal was made from (its row comments), and the base it names; nil when the text is
    /// not a rehearsal saved by `tender serve`.
    package static func reopen(_ text: String) -> Rehearsal? {
        var base: String?
        var variant: String?
        var rows: [BidRow] = []
        for line in Rehearsal.lines(text) {
            if line.hasPrefix(marker) {
                let quoted = line.dropFirst(marker.count)
                base = (try? JSONDecoder().decode([String].self, from: Data("[\(quoted)]".utf8)))?.first
            } else if line.hasPrefix(variantMarker) {
                let quoted = line.dropFirst(variantMarker.count)
                variant = (try? JSONDecoder().decode([String].self, from: Data("[\(quoted)]".utf8)))?.first
            } else if line.hasPrefix(rowMarker),
                let row = try? JSONDecoder().decode(BidRow.self, from: Data(line.dropFirst(rowMarker.count).utf8))
            {
                rows.append(row)
            }
        }
        guard let base else { return nil }
        return Rehearsal(base: base, rows: rows, variant: variant)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
