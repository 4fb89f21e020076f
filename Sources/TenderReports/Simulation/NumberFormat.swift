import Foundation
import TenderEngine

/// How statistics print in tables: amounts with thousands separators, shares as percentages.
enum NumberFormat {
    /// A value of a metric of `kind`.
    static func value(_ x: Double, _ kind: MetricKind) -> String {
        guard x.isFinite else { return "–" }
        switch kind {
        case .amount: return abs(x) >= 1000 ? grouped(x, places: 0) : grouped(x, places: 2)
        case .share, .indicator: return String(format: "%.2f%%", x * 100)
        case .count: return trimmed(x, places: abs(x) < 1 ? 4 : 2)
        case .index: return grouped(x, places: 0)
        }
    }

    /// A spread (sd, CI half-width) of a metric of `kind`: percentages in points for shares.
    static func spread(_ x: Double, _ kind: MetricKind) -> String {
        guard x.isFinite else { return "–" }
        switch kind {
        case .share, .indicator: return String(format: "%.2f pp", x * 100)
        default: return value(x, kind)
        }
    }

    /// `1234567.891` → `1,234,567.89`.
    static func grouped(_ x: Double, places: Int) -> String {
        let text = String(format: "%.\(places)f", abs(x))
        let parts = text.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var out: [Character] = []
        while digits.count > 3 {
            out = [","] + digits.suffix(3) + out
            digits.removeLast(3)
        }
        out = digits + out
        let sign = x < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + String(out) + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `23.50` → `23.5`, `23.00` → `23`.
    static func trimmed(_ x: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Right-aligned in `width` columns (ASCII only).
    static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Left-aligned in `width` display columns (CJK characters take two).
    static func left(_ text: String, _ width: Int) -> String {
        let w = displayWidth(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, s in
            let v = s.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return sum + (wide ? 2 : 1)
        }
    }
}
