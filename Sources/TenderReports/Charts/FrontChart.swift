import TenderModel
import TenderSimulation

/// The plans of a search as points: expected total cost across, failed-lot rate down the page, the 95% CI of the
/// total cost as a whisker; the recommended plan, the Pareto front, the other plans and those breaking a
/// constraint each in their own colour, numbered by candidate.
package struct FrontChart: Sendable {
    let outcomes: [PlanOutcome]
    let recommended: Int?

    package init(_ outcomes: [PlanOutcome], recommended: Int?) {
        self.outcomes = outcomes
        self.recommended = recommended
    }

    static let series = [
        ChartSeries(Label("推荐", "recommended"), cssClass: "mean"),
        ChartSeries(Label("前沿", "front"), cssClass: "estimate"),
        ChartSeries(Label("其他", "other"), cssClass: "s-v0"),
        ChartSeries(Label("违反约束", "breaks a constraint"), cssClass: "s-failed"),
    ]

    func cssClass(_ outcome: PlanOutcome) -> String {
        if outcome.candidate.index == recommended { return "mean" }
        if !outcome.feasible { return "s-failed" }
        return outcome.onFront ? "estimate" : "s-v0"
    }

    package func svg() -> String {
        let (width, height) = (720.0, 360.0)
        let (left, right, top, bottom) = (64.0, 24.0, 52.0, 48.0)
        var svg = SVG(width: Int(width), height: Int(height), title: "total cost against failed-lot rate of each plan")
        svg.legend(Self.series, y: 6, x: Int(left))
        let points = outcomes.filter { $0.mean(.totalCost).isFinite && $0.mean(.failedLotRate).isFinite }
        guard !points.isEmpty else {
            svg.text("no plan simulated", x: width / 2, y: height / 2, anchor: "middle", cssClass: "note")
            return svg.rendered()
        }
        let costs = points.flatMap { o -> [Double] in
            let m = o.summary.metric(PlanObjective.totalCost.rawValue)
            return [m?.confidenceLow ?? o.mean(.totalCost), m?.confidenceHigh ?? o.mean(.totalCost)]
        }
        var low = costs.min() ?? 0
        var high = costs.max() ?? 1
        if high - low < max(abs(high) * 1e-6, 1) {
            low -= max(abs(low) * 0.01, 1)
            high += max(abs(high) * 0.01, 1)
        }
        let pad = (high - low) * 0.05
        low -= pad
        high += pad
        // The rate axis ends at a multiple of 4 % above the highest rate, so that its quarters are whole percents.
        let topRate = (max(points.map { $0.mean(.failedLotRate) }.max() ?? 0, 0.03) * 1.1 / 0.04).rounded(.up) * 0.04
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ cost: Double) -> Double { left + (cost - low) / (high - low) * plotWidth }
        func y(_ rate: Double) -> Double { top + plotHeight - rate / topRate * plotHeight }
        // Axes and ticks: five on each.
        svg.line(x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, cssClass: "axis")
        svg.line(x1: left, y1: top, x2: left, y2: top + plotHeight, cssClass: "axis")
        for k in 0...4 {
            let cost = low + (high - low) * Double(k) / 4
            let rate = topRate * Double(k) / 4
            svg.line(x1: x(cost), y1: top, x2: x(cost), y2: top + plotHeight, cssClass: "grid")
            svg.text(Self.millions(cost), x: x(cost), y: top + plotHeight + 14, anchor: "middle", cssClass: "tick")
            svg.line(x1: left, y1: y(rate), x2: width - right, y2: y(rate), cssClass: "grid")
            svg.text(ChartNumber.percent(rate), x: left - 6, y: y(rate) + 3, anchor: "end", cssClass: "tick")
        }
        svg.text(
            "总成本（百万元）expected total cost (million yuan), 95% CI",
            x: left + plotWidth / 2,
            y: height - 8,
            anchor: "middle",
            cssClass: "legend"
        )
        svg.text("废标率 failed-lot rate", x: left - 56, y: top - 10, anchor: "start", cssClass: "legend")
        // The recommended plan last, on top.
        let ordered = points.sorted { a, b in
            (a.candidate.index == recommended ? 1 : 0, a.candidate.index)
                < (b.candidate.index == recommended ? 1 : 0, b.candidate.index)
        }
        for outcome in ordered {
            let cost = outcome.mean(.totalCost)
            let rate = outcome.mean(.failedLotRate)
            if let m = outcome.summary.metric(PlanObjective.totalCost.rawValue), m.confidenceHigh > m.confidenceLow {
                svg.line(x1: x(m.confidenceLow), y1: y(rate), x2: x(m.confidenceHigh), y2: y(rate), cssClass: "whisker")
            }
            let tooltip =
                "#\(outcome.candidate.index) \(outcome.candidate.settings): total cost \(Self.millions(cost)) million, "
                + "failed-lot rate \(ChartNumber.percent(rate)), SME share \(ChartNumber.percent(outcome.mean(.smeShare))), "
                + "\(NumberFormat.trimmed(StatisticText.exact(outcome.mean(.procurements)) ?? .zero, places: 2)) procurements"
            let isBest = outcome.candidate.index == recommended
            svg.circle(x: x(cost), y: y(rate), radius: isBest ? 7 : 5, cssClass: cssClass(outcome), tooltip: tooltip)
            svg.text("#\(outcome.candidate.index)", x: x(cost) + 8, y: y(rate) - 6, anchor: "start", cssClass: "tick")
        }
        return svg.rendered()
    }

    static func millions(_ yuan: Double) -> String {
        guard let value = StatisticText.exact(yuan / 1_000_000) else { return "–" }
        return TextLayout.amount(value, places: 2)
    }
}
