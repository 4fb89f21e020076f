import ExactNumbers
import Foundation
import TenderSimulation

/// A linear scale over round limits for floating-point statistics (simulation summaries are `Double`).
///
/// The limits and the step are found exactly, by the same rule as ``ChartScale`` (a step of 1, 2, 2.5 or 5
/// times a power of ten, ``ChartScale/roundStep(atLeast:)``): each statistic is read as the exact decimal of its
/// shortest text, as the tables print it. Only the drawing (pixel offsets) is done in `Double`.
package struct LinearScale: Sendable {
    package let low: Double
    package let high: Double
    package let step: Double
    package let length: Double
    /// The tick values, exact: low, low + step, …, high.
    let exactTicks: [Exact]

    /// Round limits around `minimum...maximum` (widened to include zero when `zero`, and to at least
    /// `minimumSpan` around the data), about `ticks` intervals, never beyond `limits`.
    package init(
        minimum: Double,
        maximum: Double,
        length: Double,
        ticks: Int = 4,
        zero: Bool = true,
        minimumSpan: Double? = nil,
        limits: ClosedRange<Double>? = nil
    ) {
        func exact(_ x: Double, or fallback: Exact) -> Exact { StatisticText.exact(x) ?? fallback }
        var lo = exact(minimum, or: .zero)
        var hi = exact(maximum, or: .one)
        if zero {
            lo = Swift.min(lo, .zero)
            hi = Swift.max(hi, .zero)
        }
        let bounds = limits.map { (exact($0.lowerBound, or: lo), exact($0.upperBound, or: hi)) }
        // At least a tenth of the larger magnitude (and never nothing), or the span asked for.
        let floorSpan = (try? Exact(numerator: 1, denominator: 1_000_000_000)) ?? .zero
        let span =
            minimumSpan.flatMap { StatisticText.exact($0) }
            ?? Swift.max(lo.magnitude, hi.magnitude, floorSpan) * .percent(10)
        if hi - lo < span {
            let middle = (lo + hi) * .percent(50)
            lo = Swift.min(lo, middle - span * .percent(50))
            hi = Swift.max(hi, middle + span * .percent(50))
            if let (lower, upper) = bounds {
                if hi > upper { (lo, hi) = (lo - (hi - upper), upper) }
                if lo < lower { (lo, hi) = (lower, hi + (lower - lo)) }
            }
        }
        // hi > lo here: the span is positive.
        let raw = ((try? (hi - lo) / Exact(Swift.max(ticks, 1))) ?? (hi - lo))
        let step = ChartScale.roundStep(atLeast: raw)
        var low = ((try? lo / step) ?? lo).rounded(places: 0, mode: .floor) * step
        var high = ((try? hi / step) ?? hi).rounded(places: 0, mode: .ceiling) * step
        if let (lower, upper) = bounds {
            low = Swift.max(low, lower)
            high = Swift.min(high, upper)
        }
        var values: [Exact] = []
        var value = low
        while value <= high {
            values.append(value)
            value += step
        }
        exactTicks = values
        self.step = ExactConversion.double(step)
        self.low = ExactConversion.double(low)
        self.high = ExactConversion.double(high)
        self.length = length
    }

    package var ticks: [Double] { exactTicks.map(ExactConversion.double) }

    package func offset(_ value: Double) -> Double {
        guard high > low, value.isFinite else { return 0 }
        return Swift.min(Swift.max((value - low) / (high - low) * length, 0), length)
    }
}

/// Per row, the spread of a metric over replications: a whisker from min to max, a box from p5 to p95, a tick at
/// the median and a dot at the mean. Used for each lot's contract price across replications.
package struct DistributionChart: Sendable {
    package struct Row: Sendable {
        package let label: String
        package let minimum: Double?
        package let p5: Double?
        package let p50: Double?
        package let mean: Double?
        package let p95: Double?
        package let maximum: Double?
        /// Written at the right: e.g. `n 198 · 废标 1.0%`.
        package let note: String

        package init(
            label: String,
            minimum: Double?,
            p5: Double?,
            p50: Double?,
            mean: Double?,
            p95: Double?,
            maximum: Double?,
            note: String
        ) {
            self.label = label
            self.minimum = minimum
            self.p5 = p5
            self.p50 = p50
            self.mean = mean
            self.p95 = p95
            self.maximum = maximum
            self.note = note
        }
    }

    package let title: String
    package let rows: [Row]
    /// Formats an axis tick.
    package let tick: @Sendable (Double) -> String
    /// Formats a value for a tooltip.
    package let value: @Sendable (Double?) -> String
    /// One axis for all rows; otherwise each row is drawn on its own scale, its limits written under it (lots
    /// of very different sizes).
    package let sharedScale: Bool
    package let limits: ClosedRange<Double>?

    package init(
        title: String,
        rows: [Row],
        sharedScale: Bool = true,
        limits: ClosedRange<Double>? = nil,
        tick: @escaping @Sendable (Double) -> String,
        value: @escaping @Sendable (Double?) -> String
    ) {
        self.title = title
        self.rows = rows
        self.sharedScale = sharedScale
        self.limits = limits
        self.tick = tick
        self.value = value
    }

    package func svg() -> String {
        let width = Double(BarChart.width)
        let labelWidth = Double(SVG.textWidth(rows.map(\.label), fontSize: 12, minimum: 48, maximum: 150))
        let noteWidth = Double(SVG.textWidth(rows.map(\.note), fontSize: 11, minimum: 20, maximum: 150))
        let plotX = labelWidth + 12
        let plotWidth = width - plotX - noteWidth - 14
        func scale(_ rows: [Row]) -> LinearScale {
            let values = rows.flatMap { [$0.minimum, $0.maximum, $0.p5, $0.p95, $0.mean].compactMap { $0 } }
            return LinearScale(
                minimum: values.min() ?? 0,
                maximum: values.max() ?? 1,
                length: plotWidth,
                ticks: sharedScale ? 4 : 2,
                zero: false,
                limits: limits
            )
        }
        let shared = scale(rows)
        let rowHeight = sharedScale ? 24.0 : 34.0
        let top = 30.0
        let bottom = top + Double(rows.count) * rowHeight
        let height = bottom + (sharedScale ? 26 : 6)
        var svg = SVG(width: BarChart.width, height: Int(height.rounded(.up)), title: title)
        legend(&svg, x: plotX)
        if sharedScale {
            for tick in shared.ticks {
                let x = plotX + shared.offset(tick)
                svg.line(x1: x, y1: top - 4, x2: x, y2: bottom, cssClass: "grid")
                svg.text(self.tick(tick), x: x, y: bottom + 16, anchor: "middle", cssClass: "tick")
            }
        }
        for (index, row) in rows.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            let middle = sharedScale ? rowTop + rowHeight / 2 : rowTop + 11
            let scale = sharedScale ? shared : scale([row])
            if !sharedScale && row.p5 != nil {
                svg.line(x1: plotX, y1: rowTop + 1, x2: plotX + plotWidth, y2: rowTop + 1, cssClass: "grid")
                for tick in [scale.low, scale.high] {
                    let x = plotX + scale.offset(tick)
                    svg.line(x1: x, y1: rowTop + 1, x2: x, y2: middle + 8, cssClass: "grid")
                    svg.text(
                        self.tick(tick),
                        x: x,
                        y: middle + 19,
                        anchor: tick == scale.low ? "start" : "end",
                        cssClass: "tick"
                    )
                }
            }
            svg.text(
                SVG.truncate(row.label, width: Int(labelWidth), fontSize: 12),
                x: labelWidth + 4,
                y: middle + 4,
                anchor: "end",
                cssClass: "row-label",
                tooltip: row.label
            )
            svg.text(row.note, x: width - noteWidth - 6, y: middle + 4, anchor: "start", cssClass: "value")
            guard let p5 = row.p5, let p95 = row.p95 else {
                svg.text("—", x: plotX + 4, y: middle + 4, anchor: "start", cssClass: "note")
                continue
            }
            let tooltip =
                "\(row.label): min \(value(row.minimum)), p5 \(value(p5)), p50 \(value(row.p50)), "
                + "mean \(value(row.mean)), p95 \(value(p95)), max \(value(row.maximum))"
            if let minimum = row.minimum, let maximum = row.maximum {
                svg.line(
                    x1: plotX + scale.offset(minimum),
                    y1: middle,
                    x2: plotX + scale.offset(maximum),
                    y2: middle,
                    cssClass: "whisker"
                )
                for end in [minimum, maximum] {
                    let x = plotX + scale.offset(end)
                    svg.line(x1: x, y1: middle - 4, x2: x, y2: middle + 4, cssClass: "whisker")
                }
            }
            let x5 = plotX + scale.offset(p5)
            svg.rect(
                x: x5,
                y: middle - 7,
                width: Swift.max(plotX + scale.offset(p95) - x5, 1),
                height: 14,
                cssClass: "box",
                tooltip: tooltip
            )
            if let p50 = row.p50 {
                let x = plotX + scale.offset(p50)
                svg.line(x1: x, y1: middle - 7, x2: x, y2: middle + 7, cssClass: "median")
            }
            if let mean = row.mean {
                svg.circle(x: plotX + scale.offset(mean), y: middle, radius: 3, cssClass: "mean", tooltip: tooltip)
            }
        }
        return svg.rendered()
    }

    func legend(_ svg: inout SVG, x: Double) {
        var position = x
        svg.line(x1: position, y1: 12, x2: position + 16, y2: 12, cssClass: "whisker")
        svg.text("最小–最大 min–max", x: position + 20, y: 16, anchor: "start", cssClass: "legend")
        position += 20 + Double(SVG.estimatedWidth("最小–最大 min–max", fontSize: 11)) + 14
        svg.rect(x: position, y: 7, width: 16, height: 10, cssClass: "box")
        svg.text("p5–p95", x: position + 20, y: 16, anchor: "start", cssClass: "legend")
        position += 20 + Double(SVG.estimatedWidth("p5–p95", fontSize: 11)) + 14
        svg.line(x1: position + 8, y1: 6, x2: position + 8, y2: 18, cssClass: "median")
        svg.text("中位数 median", x: position + 14, y: 16, anchor: "start", cssClass: "legend")
        position += 14 + Double(SVG.estimatedWidth("中位数 median", fontSize: 11)) + 14
        svg.circle(x: position + 4, y: 12, radius: 3, cssClass: "mean")
        svg.text("均值 mean", x: position + 10, y: 16, anchor: "start", cssClass: "legend")
    }
}

/// Estimates with 95% confidence intervals, one row each, around a zero line: the variants' differences from
/// the reference.
package struct IntervalChart: Sendable {
    package struct Row: Sendable {
        package let label: String
        package let estimate: Double?
        package let low: Double?
        package let high: Double?
        /// Written at the right, e.g. `+1.80% [+1.20%, +2.40%]`.
        package let text: String

        package init(label: String, estimate: Double?, low: Double?, high: Double?, text: String) {
            self.label = label
            self.estimate = estimate
            self.low = low
            self.high = high
            self.text = text
        }
    }

    package let title: String
    package let rows: [Row]
    /// The narrowest axis, so that estimates of zero do not fill the plot (e.g. 0.01 = 1 pp).
    package let minimumSpan: Double?
    package let tick: @Sendable (Double) -> String

    package init(
        title: String,
        rows: [Row],
        minimumSpan: Double? = nil,
        tick: @escaping @Sendable (Double) -> String
    ) {
        self.title = title
        self.rows = rows
        self.minimumSpan = minimumSpan
        self.tick = tick
    }

    package func svg() -> String {
        let width = Double(BarChart.width)
        let labelWidth = Double(SVG.textWidth(rows.map(\.label), fontSize: 12, minimum: 48, maximum: 150))
        let textWidth = Double(SVG.textWidth(rows.map(\.text), fontSize: 11, minimum: 30, maximum: 210))
        let plotX = labelWidth + 12
        let plotWidth = width - plotX - textWidth - 14
        let values = rows.flatMap { [$0.low, $0.high, $0.estimate].compactMap { $0 } }
        let scale = LinearScale(
            minimum: values.min() ?? 0,
            maximum: values.max() ?? 0,
            length: plotWidth,
            minimumSpan: minimumSpan
        )
        let rowHeight = 22.0
        let top = 8.0
        let bottom = top + Double(rows.count) * rowHeight
        var svg = SVG(width: BarChart.width, height: Int(bottom + 26), title: title)
        for tick in scale.ticks {
            let x = plotX + scale.offset(tick)
            svg.line(x1: x, y1: top, x2: x, y2: bottom, cssClass: tick == 0 ? "zero" : "grid")
            svg.text(self.tick(tick), x: x, y: bottom + 16, anchor: "middle", cssClass: "tick")
        }
        for (index, row) in rows.enumerated() {
            let middle = top + Double(index) * rowHeight + rowHeight / 2
            svg.text(
                SVG.truncate(row.label, width: Int(labelWidth), fontSize: 12),
                x: labelWidth + 4,
                y: middle + 4,
                anchor: "end",
                cssClass: "row-label",
                tooltip: row.label
            )
            svg.text(row.text, x: width - textWidth - 6, y: middle + 4, anchor: "start", cssClass: "value")
            if let low = row.low, let high = row.high {
                svg.line(
                    x1: plotX + scale.offset(low),
                    y1: middle,
                    x2: plotX + scale.offset(high),
                    y2: middle,
                    cssClass: "interval"
                )
                for end in [low, high] {
                    let x = plotX + scale.offset(end)
                    svg.line(x1: x, y1: middle - 5, x2: x, y2: middle + 5, cssClass: "interval")
                }
            }
            if let estimate = row.estimate {
                svg.circle(
                    x: plotX + scale.offset(estimate),
                    y: middle,
                    radius: 4,
                    cssClass: "estimate",
                    tooltip: "\(row.label): \(row.text)"
                )
            }
        }
        return svg.rendered()
    }
}

/// A metric's mean over one grid axis, with its 95% interval as a band; the axis values are evenly spaced in
/// grid order.
package struct LineChart: Sendable {
    package struct Point: Sendable {
        package let label: String
        package let mean: Double?
        package let low: Double?
        package let high: Double?

        package init(label: String, mean: Double?, low: Double?, high: Double?) {
            self.label = label
            self.mean = mean
            self.low = low
            self.high = high
        }
    }

    package let title: String
    package let points: [Point]
    /// Bounds the axis never passes (shares: 0…1).
    package let limits: ClosedRange<Double>?
    package let tick: @Sendable (Double) -> String

    package init(
        title: String,
        points: [Point],
        limits: ClosedRange<Double>? = nil,
        tick: @escaping @Sendable (Double) -> String
    ) {
        self.title = title
        self.points = points
        self.limits = limits
        self.tick = tick
    }

    package func svg() -> String {
        let width = Double(BarChart.width)
        let values = points.flatMap { [$0.low, $0.high, $0.mean].compactMap { $0 } }
        let scale = LinearScale(
            minimum: values.min() ?? 0,
            maximum: values.max() ?? 1,
            length: 170,
            zero: false,
            limits: limits
        )
        let tickWidth = Double(SVG.textWidth(scale.ticks.map(tick), fontSize: 10, minimum: 24, maximum: 90))
        let plotX = tickWidth + 10
        let plotWidth = width - plotX - 16
        let top = 10.0
        let bottom = top + scale.length
        var svg = SVG(width: BarChart.width, height: Int(bottom + 30), title: title)
        for value in scale.ticks {
            let y = bottom - scale.offset(value)
            svg.line(x1: plotX, y1: y, x2: plotX + plotWidth, y2: y, cssClass: "grid")
            svg.text(tick(value), x: plotX - 6, y: y + 3, anchor: "end", cssClass: "tick")
        }
        let count = points.count
        func x(_ index: Int) -> Double {
            count <= 1 ? plotX + plotWidth / 2 : plotX + 12 + Double(index) * (plotWidth - 24) / Double(count - 1)
        }
        let band =
            points.enumerated().compactMap { i, p in p.high.map { (x: x(i), y: bottom - scale.offset($0)) } }
            + points.enumerated().reversed().compactMap { i, p in p.low.map { (x: x(i), y: bottom - scale.offset($0)) }
            }
        if band.count >= 4 { svg.path(band, closed: true, cssClass: "band") }
        let line = points.enumerated().compactMap { i, p in p.mean.map { (x: x(i), y: bottom - scale.offset($0)) } }
        svg.path(line, cssClass: "series")
        for (i, point) in points.enumerated() {
            svg.text(point.label, x: x(i), y: bottom + 16, anchor: "middle", cssClass: "tick")
            if let mean = point.mean {
                svg.circle(
                    x: x(i),
                    y: bottom - scale.offset(mean),
                    radius: 3,
                    cssClass: "mean",
                    tooltip: "\(point.label): \(tick(mean))"
                )
            }
        }
        svg.line(x1: plotX, y1: bottom, x2: plotX + plotWidth, y2: bottom, cssClass: "axis")
        return svg.rendered()
    }
}

/// A metric's mean over two grid axes: one cell per pair of values, shaded from the lowest mean to the
/// highest, the value written in the cell.
package struct HeatMap: Sendable {
    package let title: String
    package let rowLabels: [String]
    package let columnLabels: [String]
    /// `values[row][column]`.
    package let values: [[Double?]]
    package let text: @Sendable (Double?) -> String
    /// Differences smaller than this are not told apart by colour: when the spread of the values is within
    /// it (the cells' largest 95% CI half-width), every cell gets the middle shade.
    package let noise: Double

    package init(
        title: String,
        rowLabels: [String],
        columnLabels: [String],
        values: [[Double?]],
        noise: Double = 0,
        text: @escaping @Sendable (Double?) -> String
    ) {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.noise = noise
        self.text = text
    }

    /// Whether the spread of the values is within the noise: no cell differs significantly from another.
    package var isWithinNoise: Bool {
        let all = values.flatMap { $0.compactMap { $0 } }
        guard let low = all.min(), let high = all.max() else { return true }
        return high - low <= noise
    }

    /// Shades `heat-0` (lowest) … `heat-5` (highest).
    static let shades = 6

    package func svg() -> String {
        let width = Double(BarChart.width)
        let labelWidth = Double(SVG.textWidth(rowLabels, fontSize: 12, minimum: 36, maximum: 120))
        let plotX = labelWidth + 10
        let columns = Swift.max(columnLabels.count, 1)
        let cellWidth = (width - plotX - 6) / Double(columns)
        let cellHeight = 26.0
        let top = 22.0
        let legendTop = top + Double(rowLabels.count) * cellHeight + 8
        let height = legendTop + 22
        let all = values.flatMap { $0.compactMap { $0 } }
        let low = all.min() ?? 0
        let high = all.max() ?? 0
        var svg = SVG(width: BarChart.width, height: Int(height.rounded(.up)), title: title)
        for (c, label) in columnLabels.enumerated() {
            svg.text(label, x: plotX + (Double(c) + 0.5) * cellWidth, y: 14, anchor: "middle", cssClass: "tick")
        }
        for (r, label) in rowLabels.enumerated() {
            let y = top + Double(r) * cellHeight
            svg.text(label, x: labelWidth + 4, y: y + 17, anchor: "end", cssClass: "row-label")
            for c in 0..<columnLabels.count {
                let value = r < values.count && c < values[r].count ? values[r][c] : nil
                let flat = isWithinNoise
                let shade =
                    value.map {
                        flat
                            ? (HeatMap.shades - 1) / 2
                            : high > low ? Int((($0 - low) / (high - low) * Double(HeatMap.shades - 1)).rounded()) : 0
                    }
                let css = shade.map { "heat-\($0)" } ?? "empty"
                let x = plotX + Double(c) * cellWidth
                svg.rect(
                    x: x + 1,
                    y: y + 1,
                    width: cellWidth - 2,
                    height: cellHeight - 2,
                    cssClass: css,
                    tooltip: "\(label) × \(columnLabels[c]): \(text(value))"
                )
                svg.text(
                    text(value),
                    x: x + cellWidth / 2,
                    y: y + 17,
                    anchor: "middle",
                    cssClass: (shade ?? 0) >= 3 ? "cell-label dark" : "cell-label"
                )
            }
        }
        // Legend: the lightest shade is the lowest mean, the darkest the highest.
        var x = plotX
        svg.text("低 low \(text(low))", x: x, y: legendTop + 12, anchor: "start", cssClass: "legend")
        x += Double(SVG.estimatedWidth("低 low \(text(low))", fontSize: 11)) + 8
        for shade in 0..<HeatMap.shades {
            svg.rect(x: x + Double(shade) * 14, y: legendTop + 3, width: 14, height: 11, cssClass: "heat-\(shade)")
        }
        x += Double(HeatMap.shades * 14) + 6
        svg.text("\(text(high)) 高 high", x: x, y: legendTop + 12, anchor: "start", cssClass: "legend")
        return svg.rendered()
    }
}
