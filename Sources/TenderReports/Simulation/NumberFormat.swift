import ExactNumbers
import TenderEngine

/// How statistics print in the simulation text tables: amounts with thousands separators, shares as
/// percentages. Every statistic goes through the one number formatter of the reports: the `Double` is read back
/// as the exact decimal of its shortest text (``StatisticText/exact(_:)``, the digits the JSON holds) and
/// rounded half-up (``TextLayout``), as amounts are everywhere else — `0.125` prints `0.13`, never `0.12`.
enum NumberFormat {
    /// A value of a metric of `kind`: amounts from 1,000 up without decimals, below with 2; shares and
    /// indicators as percentages with 2 decimals; counts with up to 2 decimals (4 below 1), trailing zeros
    /// dropped; indices without decimals. `–` when undefined.
    static func value(_ x: Double, _ kind: MetricKind) -> String {
        guard let value = StatisticText.exact(x) else { return "–" }
        switch kind {
        case .amount: return TextLayout.amount(value, places: value.magnitude >= 1000 ? 0 : 2)
        case .share, .indicator: return TextLayout.percent(value)
        case .count: return trimmed(value, places: value.magnitude < 1 ? 4 : 2)
        case .index: return TextLayout.amount(value, places: 0)
        }
    }

    /// A spread (sd, CI half-width) of a metric of `kind`: percentage points for shares.
    static func spread(_ x: Double, _ kind: MetricKind) -> String {
        switch kind {
        case .share, .indicator:
            guard let value = StatisticText.exact(x) else { return "–" }
            return (value * .hundred).formatted(places: 2) + " pp"
        default: return self.value(x, kind)
        }
    }

    /// `23.50` → `23.5`, `23.00` → `23`.
    static func trimmed(_ value: Exact, places: Int) -> String {
        var text = value.formatted(places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Right-aligned in `width` columns.
    static func right(_ text: String, _ width: Int) -> String { TextLayout.pad(text, width, right: true) }

    /// Left-aligned in `width` display columns (CJK characters take two).
    static func left(_ text: String, _ width: Int) -> String { TextLayout.pad(text, width) }
}
