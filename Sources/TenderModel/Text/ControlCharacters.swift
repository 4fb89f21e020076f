extension String {
    /// The text with every character that would act on a terminal or break a line shown as an escape instead:
    /// C0 and C1 control characters and DEL (`\n`, `\t`, `\r`, `\u{1B}`, …), the Unicode line and paragraph
    /// separators, and the bidirectional overrides and isolates that reorder what is shown. A backslash is
    /// left as it is. Used for names from a scenario or a result file on a terminal and in diagnostics.
    package var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var shown = ""
        for scalar in unicodeScalars {
            guard Self.needsEscape(scalar) else {
                shown.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default: shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return shown
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
