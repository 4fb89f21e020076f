import TenderModel

/// Free text from a scenario (names, notes, reasons) written into Markdown so that it renders as itself:
/// no HTML (`<script>`, `<img onerror=…>`), no link, no heading or list from a line break. `\`, `[` and `]`
/// are backslash-escaped; `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;`; control characters and line
/// breaks are shown as escapes (`\n`, `\u{1B}`); in a table cell `|` is `\|` too. Other punctuation is left
/// as written (Docs/security.md).
enum MarkdownText {
    static func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "[": out += "\\["
            case "]": out += "\\]"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out.escapingControlCharacters
    }

    static func cell(_ text: String) -> String { inline(text).replacingOccurrences(of: "|", with: "\\|") }
}
