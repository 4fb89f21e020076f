import ExactNumbers
import TenderEngine
import TenderModel
import TenderSimulation

/// How the report prints the floating-point statistics of simulations: each value is read back from its
/// shortest decimal text (the digits the JSON holds) into an exact decimal and rounded half-up, as the engine
/// rounds amounts.
package enum StatisticText {
    /// The exact decimal of `x`'s shortest round-trip text (`86.66666666666667`, `1e-05`), nil for NaN or ±∞.
    package static func exact(_ x: Double) -> Exact? {
        guard x.isFinite else { return nil }
        let text = "\(x)".lowercased()
        let parts = text.split(separator: "e", maxSplits: 1)
        guard var value = try? Exact(parsing: String(parts[0])) else { return nil }
        if parts.count == 2, let exponent = Int(parts[1]) {
            let ten = Exact(10)
            for _ in 0..<abs(exponent) { value = exponent > 0 ? value * ten : value * .percent(10) }
        }
        return value
    }

    /// A statistic of a metric of `kind`: amounts and counts grouped with 2 decimals, shares and indicators
    /// as percentages with 2 decimals, the HHI with 1; `—` when undefined.
    package static func value(_ x: Double?, kind: String) -> String {
        guard let x, let value = exact(x) else { return "—" }
        switch kind {
        case "share", "indicator": return TextLayout.percent(value)
        case "index": return TextLayout.amount(value, places: 1)
        default: return TextLayout.amount(value)
        }
    }

    /// `[low, high]` in the metric's format.
    package static func interval(_ low: Double?, _ high: Double?, kind: String) -> String {
        guard low != nil || high != nil else { return "—" }
        return "[\(value(low, kind: kind)), \(value(high, kind: kind))]"
    }

    /// A difference on its scale, signed: `+1.80%` (relative), `+0.52 pp` (points), `+3.00` (absolute).
    package static func difference(_ x: Double?, scale: String) -> String {
        guard let x, let value = exact(x) else { return "—" }
        let sign = value.signum > 0 ? "+" : ""
        switch scale {
        case "relative": return sign + TextLayout.percent(value)
        case "points": return sign + (value * .hundred).formatted(places: 2) + " pp"
        default: return sign + TextLayout.amount(value)
        }
    }

    /// A difference's interval on its scale.
    package static func differenceInterval(_ low: Double?, _ high: Double?, scale: String) -> String {
        guard low != nil || high != nil else { return "—" }
        return "[\(difference(low, scale: scale)), \(difference(high, scale: scale))]"
    }

    /// A statistic of a metric of `kind` (``value(_:kind:)`` by the kind's code).
    package static func value(_ x: Double?, kind: MetricKind) -> String { value(x, kind: kind.rawValue) }

    /// `[low, high]` in the format of a metric of `kind`.
    package static func interval(_ low: Double?, _ high: Double?, kind: MetricKind) -> String {
        interval(low, high, kind: kind.rawValue)
    }

    /// A difference on its scale (``difference(_:scale:)`` by the scale's code).
    package static func difference(_ x: Double?, scale: DifferenceScale) -> String {
        difference(x, scale: scale.rawValue)
    }

    /// A difference's interval on its scale.
    package static func differenceInterval(_ low: Double?, _ high: Double?, scale: DifferenceScale) -> String {
        differenceInterval(low, high, scale: scale.rawValue)
    }

    /// The bilingual name of a metric, as the registry labels it; a metric it does not know (written by
    /// another version) is shown by its name.
    package static func metricLabel(_ name: String, registry: MetricRegistry = .standard) -> Label {
        registry.label(of: name) ?? Label("", name)
    }
}
