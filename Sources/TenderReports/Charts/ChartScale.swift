import ExactNumbers

/// A linear scale from 0 to a round maximum, onto `0...length` pixels, computed exactly.
///
/// Pixel positions are written with one decimal; only the drawing is rounded, never a value shown as text.
package struct ChartScale: Sendable {
    /// The round maximum (a multiple of ``step``), at least the data's maximum.
    package let maximum: Exact
    /// The distance between ticks: 1, 2, 2.5 or 5 times a power of ten.
    package let step: Exact
    package let length: Exact

    /// A scale whose maximum is the smallest multiple of a round step at or above `dataMaximum`, with `ticks`
    /// or `ticks + 1` intervals, whichever leaves less empty room (a tie takes the larger step). A maximum of zero
    /// or less gives the scale 0…1.
    package init(dataMaximum: Exact, length: Int, ticks: Int = 4) {
        self.length = Exact(length)
        guard dataMaximum > .zero else {
            maximum = .one
            step = .percent(25)
            return
        }
        let candidates = [max(1, ticks), max(1, ticks) + 1].map { count -> (step: Exact, maximum: Exact) in
            let step = ChartScale.roundStep(atLeast: (try? dataMaximum / Exact(count)) ?? dataMaximum)  // count ≥ 1
            return (step, ((try? dataMaximum / step) ?? dataMaximum).rounded(places: 0, mode: .ceiling) * step)
        }
        let best = candidates.min { ($0.maximum, -$0.step) < ($1.maximum, -$1.step) }!
        step = best.step
        maximum = best.maximum
    }

    /// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `raw` (> 0).
    static func roundStep(atLeast raw: Exact) -> Exact {
        var magnitude = Exact.one
        let ten = Exact(10)
        while magnitude * ten <= raw { magnitude *= ten }
        while magnitude > raw { magnitude *= .percent(10) }
        let multiples: [Exact] = [1, 2, .percent(250), 5, 10]
        return multiples.map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * ten
    }

    /// The tick values 0, step, 2·step, …, maximum.
    package var ticks: [Exact] {
        var values: [Exact] = []
        var value = Exact.zero
        while value <= maximum {
            values.append(value)
            value += step
        }
        return values
    }

    /// The pixel offset of `value`, clamped to `0...length`.
    package func offset(_ value: Exact) -> Exact {
        guard let ratio = try? value / maximum else { return .zero }  // maximum > 0 (init)
        let raw = ratio * length
        return min(max(raw, .zero), length)
    }
}

/// How chart texts show numbers (tables show the full amounts).
package enum ChartNumber {
    /// Amounts from one million up in 万 (10,000 yuan) with 2 decimals, `4,049.88万`; below, the full amount.
    package static func amount(_ value: Exact, scaleTo maximum: Exact) -> String {
        if maximum >= 1_000_000 { return TextLayout.amount(value * .percent(1) * .percent(1)) + "万" }
        return TextLayout.amount(value)
    }

    /// Axis ticks: like ``amount(_:scaleTo:)`` with only the decimals the tick needs.
    package static func tick(_ value: Exact, scaleTo maximum: Exact) -> String {
        let shown = maximum >= 1_000_000 ? value * .percent(1) * .percent(1) : value
        let places = min(shown.terminatingPlaces ?? 2, 2)
        return TextLayout.amount(shown, places: places) + (maximum >= 1_000_000 ? "万" : "")
    }

    /// A fraction as a percentage with `places` decimals, `36.00%`.
    package static func percent(_ value: Exact, places: Int = 2) -> String {
        TextLayout.percent(value, places: places)
    }

    /// A statistic (a `Double` share) as a percentage with 2 decimals, read back through its shortest decimal
    /// text as every statistic is (``StatisticText/exact(_:)``); `–` when undefined.
    package static func percent(_ share: Double) -> String {
        guard let value = StatisticText.exact(share) else { return "–" }
        return TextLayout.percent(value)
    }

    /// A percentage tick with only the decimals it needs (at most 2): `0%`, `2.5%`, `10%`.
    package static func percentTick(_ value: Exact) -> String {
        let percent = value * .hundred
        return percent.formatted(places: min(percent.terminatingPlaces ?? 2, 2)) + "%"
    }

    /// A pixel coordinate: one decimal, trailing `.0` dropped.
    package static func pixel(_ value: Exact) -> String {
        let text = value.formatted(places: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
