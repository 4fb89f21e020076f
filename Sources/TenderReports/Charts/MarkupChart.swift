import TenderModel

/// The equilibrium markups of one lot: cost across, markup (bid / cost − 1) up the page, one line per class of
/// alike suppliers, each in its own colour, with a dot and a tooltip at every labelled grid point.
package struct MarkupChart: Sendable {
    let lot: EquilibriumDocument.Lot

    package init(_ lot: EquilibriumDocument.Lot) { self.lot = lot }

    /// The colour of the `k`-th class: the comparison colours, green first.
    static func colour(_ k: Int) -> Int { (k + 1) % 6 }

    package func svg() -> String {
        let classes = lot.classes ?? []
        // The legend in as many rows as its entries need; the six colours repeat, dashed from the seventh class on.
        // Each entry says what defines the class (sizes, deduction, technical points), as its table does in full.
        let entries = classes.indices.map { k in
            let short = classes[k].shortDefinition
            let what = short.isEmpty ? "" : " (\(short))"
            return ChartSeries(
                k < 6
                    ? Label("类 \(classes[k].id)", "class \(classes[k].id)\(what)")
                    : Label("类 \(classes[k].id) 虚线", "class \(classes[k].id) dashed\(what)"),
                cssClass: "s-v\(Self.colour(k))"
            )
        }
        var rows: [[ChartSeries]] = []
        var used = 0
        for entry in entries {
            let needed = 28 + SVG.estimatedWidth(entry.label.text, fontSize: 11)
            if rows.isEmpty || used + needed > 720 - 64 - 24 {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append(entry)
            used += needed
        }
        let extra = Double(max(rows.count - 1, 0) * 18)
        let (width, height) = (720.0, 320.0 + extra)
        let (left, right, top, bottom) = (64.0, 24.0, 52.0 + extra, 44.0)
        var svg = SVG(
            width: Int(width),
            height: Int(height),
            title: "markup against cost of each class, lot \(lot.lot)"
        )
        for (row, series) in rows.enumerated() { svg.legend(series, y: 6 + row * 18, x: Int(left)) }
        let points = classes.map { c in
            c.costs.indices.compactMap { i in c.markup(i).map { (cost: c.costs[i], markup: $0) } }
                .filter { $0.cost.isFinite && $0.markup.isFinite }
        }
        let all = points.flatMap { $0 }
        guard let lowCost = all.map(\.cost).min(), let highCost = all.map(\.cost).max() else {
            svg.text("no class with positive costs", x: width / 2, y: height / 2, anchor: "middle", cssClass: "note")
            return svg.rendered()
        }
        var (low, high) = (lowCost, highCost)
        if high - low < max(abs(high) * 1e-9, 1e-9) {
            low -= max(abs(low) * 0.01, 1)
            high += max(abs(high) * 0.01, 1)
        }
        // The markup axis from 0 (or the lowest markup, when below) to a multiple of a round step above the
        // highest, so that its quarters print as short percentages.
        let highest = max(all.map(\.markup).max() ?? 0, 0.001)
        let lowest = min(all.map(\.markup).min() ?? 0, 0)
        let step = Self.roundStep((highest - lowest) / 4)
        let bottomMarkup = (lowest / step).rounded(.down) * step
        let topMarkup = max((highest / step).rounded(.up) * step, bottomMarkup + step)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ cost: Double) -> Double { left + (cost - low) / (high - low) * plotWidth }
        func y(_ markup: Double) -> Double {
            top + plotHeight - (markup - bottomMarkup) / (topMarkup - bottomMarkup) * plotHeight
        }
        svg.line(x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, cssClass: "axis")
        svg.line(x1: left, y1: top, x2: left, y2: top + plotHeight, cssClass: "axis")
        for k in 0...4 {
            let cost = low + (high - low) * Double(k) / 4
            svg.line(x1: x(cost), y1: top, x2: x(cost), y2: top + plotHeight, cssClass: "grid")
            svg.text(Self.amount(cost), x: x(cost), y: top + plotHeight + 14, anchor: "middle", cssClass: "tick")
        }
        var markup = bottomMarkup
        while markup <= topMarkup + step / 2 {
            svg.line(x1: left, y1: y(markup), x2: width - right, y2: y(markup), cssClass: "grid")
            svg.text(ChartNumber.percent(markup), x: left - 6, y: y(markup) + 3, anchor: "end", cssClass: "tick")
            markup += step
        }
        svg.text("成本（元）cost (yuan)", x: left + plotWidth / 2, y: height - 8, anchor: "middle", cssClass: "legend")
        svg.text("加价率 markup", x: left - 56, y: top - 10, anchor: "start", cssClass: "legend")
        for (k, line) in points.enumerated() where !line.isEmpty {
            let colour = Self.colour(k)
            svg.path(
                line.map { (x: x($0.cost), y: y($0.markup)) },
                cssClass: "line-v\(colour)" + (k >= 6 ? " dashed" : "")
            )
            let c = classes[k]
            for i in EquilibriumReport.rows(count: c.costs.count) {
                guard let m = c.markup(i), m.isFinite, c.costs[i].isFinite else { continue }
                svg.circle(
                    x: x(c.costs[i]),
                    y: y(m),
                    radius: 2.5,
                    cssClass: "s-v\(colour)",
                    tooltip: "class \(c.id): cost \(Self.amount(c.costs[i])), bid \(Self.amount(c.bids[i])), markup "
                        + ChartNumber.percent(m)
                )
            }
        }
        return svg.rendered()
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func roundStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 0.01 }
        var power = 1e-6
        while power * 10 <= raw { power *= 10 }
        for multiple in [1.0, 2, 5, 10] where power * multiple >= raw { return power * multiple }
        return power * 10
    }

    static func amount(_ yuan: Double) -> String {
        guard let value = StatisticText.exact(yuan) else { return "–" }
        return TextLayout.amount(value, places: value.magnitude >= 1000 ? 0 : 2)
    }
}
