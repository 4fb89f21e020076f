import ExactNumbers
import Foundation
import TenderModel
import Testing

@testable import TenderReports

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ChartScaleTests {
    @Test(arguments: [
        ("58089850", "20000000", "60000000"),
        ("150", "50", "150"),
        ("0.3617", "0.1", "0.4"),
        ("1", "0.25", "1"),
        ("7", "2", "8"),
        ("100", "25", "100"),
        ("0.001", "0.00025", "0.001"),
        // Five intervals of 2.5 million waste less room than four of 5 million.
        ("10483200", "2500000", "12500000"),
    ])
    func roundMaximumAndStep(data: String, step: String, maximum: String) throws {
        let scale = ChartScale(dataMaximum: try Exact(parsing: data), length: 400)
        #expect(scale.step == (try Exact(parsing: step)))
        #expect(scale.maximum == (try Exact(parsing: maximum)))
        #expect(scale.ticks.first == .zero)
        #expect(scale.ticks.last == scale.maximum)
    }

    @Test func zeroOrNegativeDataGivesTheUnitScale() {
        #expect(ChartScale(dataMaximum: .zero, length: 100).maximum == .one)
        #expect(ChartScale(dataMaximum: -5, length: 100).maximum == .one)
    }

    @Test func offsetsAreExactAndClamped() throws {
        let scale = ChartScale(dataMaximum: 150, length: 300)
        #expect(scale.offset(75) == 150)
        #expect(scale.offset(-1) == .zero)
        #expect(scale.offset(1000) == 300)
        #expect(ChartNumber.pixel(try Exact(numerator: 100, denominator: 3)) == "33.3")
        #expect(ChartNumber.pixel(150) == "150")
    }

    @Test func chartNumbers() throws {
        #expect(ChartNumber.amount(try Exact(parsing: "38474091.6"), scaleTo: 60_000_000) == "3,847.41万")
        #expect(ChartNumber.amount(96, scaleTo: 150) == "96.00")
        #expect(ChartNumber.tick(20_000_000, scaleTo: 60_000_000) == "2,000万")
        #expect(ChartNumber.tick(25, scaleTo: 150) == "25")
        #expect(ChartNumber.percentTick(try Exact(parsing: "0.025")) == "2.5%")
        #expect(ChartNumber.percentTick(try Exact(parsing: "0.1")) == "10%")
    }
}

@Suite struct SVGChartTests {
    static let series = [
        ChartSeries(Label("最高限价", "ceiling"), cssClass: "s-ceiling"),
        ChartSeries(Label("中标价", "contract"), cssClass: "s-contract"),
    ]

    func barChart(_ rows: [BarChart.Row]) -> String {
        BarChart(title: "Contract <vs> ceiling & more", series: Self.series, rows: rows, axis: .amount).svg()
    }

    @Test func barChartIsWellFormedAndEscaped() throws {
        let svg = barChart([
            BarChart.Row(label: "concrete", values: [150, 96], texts: ["150.00", "96.00"]),
            BarChart.Row(label: "<b>&\"x\"", values: [150, nil], texts: ["150.00", "废标 failed"]),
        ])
        try expectWellFormed(svg)
        #expect(svg.contains("&lt;b&gt;&amp;&quot;x&quot;"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("<title>Contract &lt;vs&gt; ceiling &amp; more</title>"))
        // Three bars (the failed lot has no contract bar) and its note.
        #expect(svg.components(separatedBy: "class=\"s-contract\"").count - 1 == 2)  // one bar + legend swatch
        #expect(svg.components(separatedBy: "class=\"s-ceiling\"").count - 1 == 3)  // two bars + legend swatch
        #expect(svg.contains("class=\"note\">废标 failed</text>"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    /// Bar lengths are proportional: 96 of a 150 maximum is 64% of the ceiling bar's width.
    @Test func barLengthsAreProportional() throws {
        let svg = barChart([BarChart.Row(label: "a", values: [150, 96], texts: ["150", "96"])])
        let widths = try rectWidths(svg, cssClass: "s-ceiling").filter { $0 > 10 }
        let contract = try rectWidths(svg, cssClass: "s-contract").filter { $0 > 10 }
        #expect(widths.count == 1 && contract.count == 1)
        let ratio = contract[0] / widths[0]
        #expect(abs(ratio - 0.64) < 0.002)
    }

    @Test func shareChartSegmentsFillTheRow() throws {
        let chart = ShareChart(
            title: "stars",
            series: [
                ChartSeries(Label("3星", "3★"), cssClass: "s-star3"),
                ChartSeries(Label("未认证", "uncertified"), cssClass: "s-star0"),
            ],
            rows: [
                ShareChart.Row(label: "total", values: [3, 1]),
                ShareChart.Row(label: "none", values: [0, 0]),
            ]
        )
        let svg = chart.svg()
        try expectWellFormed(svg)
        #expect(svg.contains(">75.0%</text>"))
        #expect(svg.contains(">25.0%</text>"))
        let three = try rectWidths(svg, cssClass: "s-star3").filter { $0 > 10 }
        let zero = try rectWidths(svg, cssClass: "s-star0").filter { $0 > 10 }
        #expect(abs(three[0] / (three[0] + zero[0]) - 0.75) < 0.001)
        #expect(svg.contains("class=\"empty\""))
    }

    func expectWellFormed(_ svg: String) throws {
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
    }

    /// The widths of the `<rect>`s with `cssClass`.
    func rectWidths(_ svg: String, cssClass: String) throws -> [Double] {
        let pattern = try NSRegularExpression(pattern: "<rect [^>]*width=\"([0-9.]+)\"[^>]*class=\"\(cssClass)\"")
        let range = NSRange(svg.startIndex..., in: svg)
        return pattern.matches(in: svg, range: range).compactMap { match in
            Range(match.range(at: 1), in: svg).flatMap { Double(svg[$0]) }
        }
    }
}

/// The scale of the simulation charts finds its limits and ticks exactly, by the rule of ``ChartScale``: the
/// ticks are the decimals a reader expects, not floating-point sums.
@Suite struct LinearScaleTests {
    @Test func ticksAreExactDecimals() {
        let scale = LinearScale(minimum: 0.0108, maximum: 0.1944, length: 449)
        #expect(scale.ticks == [0, 0.05, 0.1, 0.15, 0.2])
        #expect(scale.step == 0.05)
        // Adding 0.05 in floating point three times gives 0.15000000000000002.
        #expect(0.05 + 0.05 + 0.05 != 0.15)
    }

    @Test func limitsWidenToTheMinimumSpanAndStayWithinTheLimits() {
        let flat = LinearScale(minimum: 0.5, maximum: 0.5, length: 100, zero: false, minimumSpan: 0.2, limits: 0...1)
        #expect(flat.low <= 0.4 && flat.high >= 0.6)
        let top = LinearScale(minimum: 1, maximum: 1, length: 100, zero: false, minimumSpan: 0.2, limits: 0...1)
        #expect(top.high == 1 && top.low <= 0.8)
        let negative = LinearScale(minimum: -0.031, maximum: 0.012, length: 100)
        #expect(negative.low == -0.04 && negative.high == 0.02)
        #expect(negative.ticks.first == -0.04 && negative.ticks.last == 0.02)
    }
}
