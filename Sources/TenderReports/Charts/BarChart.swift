import ExactNumbers
import TenderModel

/// A data series of a chart: its bilingual name and the CSS class that colours it.
package struct ChartSeries: Sendable {
    package let label: Label
    package let cssClass: String

    package init(_ label: Label, cssClass: String) {
        self.label = label
        self.cssClass = cssClass
    }
}

/// Horizontal bars, one group per row and one bar per series, with the value written after each bar.
///
/// Used for contract vs ceiling per lot (two series) and savings per lot (one series, with the overall rate
/// as a reference line). Where a value is nil its text is written as a note instead of a bar (a failed lot).
package struct BarChart: Sendable {
    package struct Row: Sendable {
        package let label: String
        /// One value per series; nil: no bar, the text as a note.
        package let values: [Exact?]
        /// The text written after each bar (or in its place).
        package let texts: [String]

        package init(label: String, values: [Exact?], texts: [String]) {
            self.label = label
            self.values = values
            self.texts = texts
        }
    }

    package enum Axis: Sendable {
        /// Amounts in yuan (ticks in 万 from one million up).
        case amount
        /// Fractions of 1, ticks as percentages.
        case percent
    }

    package let title: String
    package let series: [ChartSeries]
    package let rows: [Row]
    package let axis: Axis
    /// A dashed vertical line across the plot, e.g. the overall savings rate.
    package let reference: (value: Exact, text: String)?

    package init(
        title: String,
        series: [ChartSeries],
        rows: [Row],
        axis: Axis,
        reference: (value: Exact, text: String)? = nil
    ) {
        self.title = title
        self.series = series
        self.rows = rows
        self.axis = axis
        self.reference = reference
    }

    static let width = 560
    static let barHeight = 14
    static let groupGap = 10
    static let legendHeight = 26
    static let axisHeight = 26

    /// The chart as an inline `<svg>` element.
    package func svg() -> String {
        let labelWidth = SVG.textWidth(rows.map(\.label), fontSize: 12, minimum: 48, maximum: 170)
        let valueWidth = SVG.textWidth(rows.flatMap(\.texts), fontSize: 11, minimum: 30, maximum: 150)
        let plotX = labelWidth + 12
        let plotWidth = BarChart.width - plotX - valueWidth - 10
        let dataMaximum = rows.flatMap { $0.values.compactMap { $0 } }.max() ?? .zero
        let scale = ChartScale(
            dataMaximum: max(dataMaximum, reference?.value ?? .zero),
            length: plotWidth,
            ticks: axis == .percent ? 5 : 4
        )
        let groupHeight = series.count * BarChart.barHeight + BarChart.groupGap
        let plotTop = series.count > 1 || reference != nil ? BarChart.legendHeight : 8
        let plotHeight = rows.count * groupHeight
        let height = plotTop + plotHeight + BarChart.axisHeight
        var svg = SVG(width: BarChart.width, height: height, title: title)
        if series.count > 1 { svg.legend(series, y: 6, x: plotX) }

        // Grid and ticks.
        for tick in scale.ticks {
            let x = Exact(plotX) + scale.offset(tick)
            svg.line(x1: x, y1: Exact(plotTop - 4), x2: x, y2: Exact(plotTop + plotHeight), cssClass: "grid")
            let text =
                axis == .percent ? ChartNumber.percentTick(tick) : ChartNumber.tick(tick, scaleTo: scale.maximum)
            svg.text(text, x: x, y: Exact(plotTop + plotHeight + 16), anchor: "middle", cssClass: "tick")
        }

        for (index, row) in rows.enumerated() {
            let top = plotTop + index * groupHeight + BarChart.groupGap / 2
            let middle =
                Exact(top) + Exact(series.count * BarChart.barHeight) * .percent(50)
            svg.text(
                SVG.truncate(row.label, width: labelWidth, fontSize: 12),
                x: Exact(labelWidth + 4),
                y: middle + 4,
                anchor: "end",
                cssClass: "row-label",
                tooltip: row.label
            )
            for (s, value) in row.values.enumerated() where s < series.count {
                let y = Exact(top + s * BarChart.barHeight)
                let text = s < row.texts.count ? row.texts[s] : ""
                guard let value else {
                    svg.text(text, x: Exact(plotX + 4), y: y + 11, anchor: "start", cssClass: "note")
                    continue
                }
                let w = scale.offset(value)
                svg.rect(
                    x: Exact(plotX),
                    y: y + 1,
                    width: w,
                    height: Exact(BarChart.barHeight - 2),
                    cssClass: series[s].cssClass,
                    tooltip: "\(row.label) — \(series[s].label.text): \(text)"
                )
                svg.text(text, x: Exact(plotX) + w + 4, y: y + 11, anchor: "start", cssClass: "value")
            }
        }
        if let reference {
            let x = Exact(plotX) + scale.offset(reference.value)
            svg.line(x1: x, y1: Exact(plotTop - 6), x2: x, y2: Exact(plotTop + plotHeight), cssClass: "reference")
            svg.text(reference.text, x: x + 4, y: Exact(plotTop - 8), anchor: "start", cssClass: "reference-label")
        }
        svg.line(
            x1: Exact(plotX),
            y1: Exact(plotTop - 4),
            x2: Exact(plotX),
            y2: Exact(plotTop + plotHeight),
            cssClass: "axis"
        )
        return svg.rendered()
    }
}

/// 100% stacked bars: each row split into the series' shares of the row's total, with the legend on top.
///
/// Used for the contract amount by certificate star and by winner size.
package struct ShareChart: Sendable {
    package struct Row: Sendable {
        package let label: String
        /// One amount per series (zero: no segment).
        package let values: [Exact]

        package init(label: String, values: [Exact]) {
            self.label = label
            self.values = values
        }
    }

    package let title: String
    package let series: [ChartSeries]
    package let rows: [Row]

    package init(title: String, series: [ChartSeries], rows: [Row]) {
        self.title = title
        self.series = series
        self.rows = rows
    }

    static let barHeight = 22
    static let gap = 10

    package func svg() -> String {
        let width = BarChart.width
        let labelWidth = SVG.textWidth(rows.map(\.label), fontSize: 12, minimum: 48, maximum: 170)
        let plotX = labelWidth + 12
        let plotWidth = Exact(width - plotX - 10)
        let plotTop = BarChart.legendHeight + 4
        let height = plotTop + rows.count * (ShareChart.barHeight + ShareChart.gap) + 4
        var svg = SVG(width: width, height: height, title: title)
        svg.legend(series, y: 6, x: plotX)
        for (index, row) in rows.enumerated() {
            let y = Exact(plotTop + index * (ShareChart.barHeight + ShareChart.gap))
            svg.text(
                SVG.truncate(row.label, width: labelWidth, fontSize: 12),
                x: Exact(labelWidth + 4),
                y: y + 15,
                anchor: "end",
                cssClass: "row-label",
                tooltip: row.label
            )
            let total = row.values.reduce(Exact.zero, +)
            guard total > .zero else {
                svg.rect(
                    x: Exact(plotX),
                    y: y,
                    width: plotWidth,
                    height: Exact(ShareChart.barHeight),
                    cssClass: "empty"
                )
                svg.text("—", x: Exact(plotX + 6), y: y + 15, anchor: "start", cssClass: "note")
                continue
            }
            var x = Exact(plotX)
            for (s, value) in row.values.enumerated() where value > .zero && s < series.count {
                guard let share = try? value / total else { continue }  // total > 0 (above)
                let w = share * plotWidth
                let percent = ChartNumber.percent(share, places: 1)
                svg.rect(
                    x: x,
                    y: y,
                    width: w,
                    height: Exact(ShareChart.barHeight),
                    cssClass: series[s].cssClass,
                    tooltip: "\(row.label) — \(series[s].label.text): \(percent)"
                )
                if w >= Exact(SVG.estimatedWidth(percent, fontSize: 11) + 8) {
                    svg.text(
                        percent,
                        x: x + w * .percent(50),
                        y: y + 15,
                        anchor: "middle",
                        cssClass: "segment-label \(series[s].cssClass)-text"
                    )
                }
                x += w
            }
        }
        return svg.rendered()
    }
}
