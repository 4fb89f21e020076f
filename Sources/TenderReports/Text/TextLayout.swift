import ExactNumbers

/// Column layout for terminals: Chinese (wide) characters take two columns.
package enum TextLayout {
    /// The number of terminal columns `text` occupies.
    package static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) {
            $0 + (isWide($1) ? 2 : ($1.properties.generalCategory == .nonspacingMark ? 0 : 1))
        }
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `columns` columns (with `…` when cut).
    package static func truncate(_ text: String, _ columns: Int) -> String {
        guard width(text) > columns else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = width(String(character))
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    package static func pad(_ text: String, _ columns: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, columns - width(text)))
        return right ? fill + text : text + fill
    }

    /// Rows aligned in columns; `rightAligned` holds the indices of numeric columns.
    package static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> String {
        var widths = header.map(width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { pad($1, widths[$0], right: rightAligned.contains($0)) }.joined(separator: "  ")
                .trailingSpacesRemoved
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// `1234567.5` → `1,234,567.50` (2 places, half-up: the way amounts are printed).
    package static func amount(_ value: Exact, places: Int = 2) -> String {
        let text = value.formatted(places: places)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        // In one pass over the digits (a number may have any number of them).
        let digits = Array(parts[0].utf8)
        var grouped: [UInt8] = []
        grouped.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + String(decoding: grouped, as: UTF8.self)
            + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// The exact value, shortened: `29.4545…` when it needs more than `places` decimals.
    package static func exact(_ value: Exact, places: Int = 4) -> String {
        if let needed = value.terminatingPlaces, needed <= places { return value.description }
        return value.formatted(places: places, mode: .towardZero) + "…"
    }

    /// `0.1234` → `12.34%`.
    package static func percent(_ value: Exact?, places: Int = 2) -> String {
        guard let value else { return "-" }
        return (value * .hundred).formatted(places: places) + "%"
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
