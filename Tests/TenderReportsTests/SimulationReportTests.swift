import ExactNumbers
import Foundation
import Testing

@testable import TenderReports

/// Simulation documents as Docs/simulation.md specifies them, small enough to write by hand.
enum SimulationFixtures {
    static func metric(_ name: String, _ kind: String, mean: Double?, total: String? = nil) -> String {
        let value = mean.map { "\($0)" } ?? "null"
        let spread = mean.map { "\($0 * 0.9)" } ?? "null"
        let top = mean.map { "\($0 * 1.1)" } ?? "null"
        return """
            {"name": "\(name)", "kind": "\(kind)", "description": "d", "n": 100, "undefined": 0, "mean": \(value),
             "sd": 1.5, "se": 0.15, "ci95": [\(spread), \(top)], "p5": \(spread), "p50": \(value), "p95": \(top),
             "min": \(spread), "max": \(top), "quantiles": "exact"\(total.map { ", \"total\": \"\($0)\"" } ?? "")}
            """
    }

    static func simulation(parameters: [String: String] = [:], contract: Double = 1_000_000, variant: String? = nil)
        -> String
    {
        let parameterText = parameters.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }
            .joined(separator: ", ")
        let metrics = [
            metric("contract", "amount", mean: contract, total: "100000000.5"),
            metric("savings-rate", "share", mean: 0.12),
            metric("sme-share", "share", mean: 0.6),
            metric("failed-lot-rate", "share", mean: 0.05),
            metric("green-share-1", "share", mean: 1),
            metric("hhi", "index", mean: 3800.25),
            metric("lot[concrete].contract", "amount", mean: contract * 0.8),
            metric("lot[concrete].failed", "indicator", mean: 0.05),
            metric("lot[concrete].savings-rate", "share", mean: 0.1),
            metric("lot[board].contract", "amount", mean: nil),
            metric("lot[board].failed", "indicator", mean: 1),
        ]
        return """
            {"digest": "abc", "file": "x.yaml", "lots": ["concrete", "board"], "metrics": [\(metrics.joined(separator: ", "))],
             "parameters": {\(parameterText)}, "replications": 100, "replicationsFolded": 100,
             "scenario": "试点 <scenario>", "schema": "tender-simulation", "schemaVersion": 1, "seed": "7",
             "toolVersion": "0.4.0", "variant": \(variant.map { "\"\($0)\"" } ?? "null")}
            """
    }

    static var comparison: String {
        let difference = """
            {"name": "contract", "kind": "amount", "scale": "relative", "n": 100, "meanReference": 1000000,
             "meanVariant": 1018000, "difference": 0.018, "se": 0.0015, "ci95": [0.015, 0.021]},
            {"name": "sme-share", "kind": "share", "scale": "points", "n": 100, "meanReference": 0.6,
             "meanVariant": 0.605, "difference": 0.005, "se": 0.003, "ci95": [-0.001, 0.011]},
            {"name": "hhi", "kind": "index", "scale": "absolute", "n": 100, "meanReference": 3800,
             "meanVariant": 3797, "difference": -3, "se": 1, "ci95": [-5, -1]}
            """
        return """
            {"schema": "tender-comparison", "schemaVersion": 1, "toolVersion": "0.4.0",
             "variants": ["base", "deduction-20"],
             "simulations": [\(simulation()), \(simulation(contract: 1_018_000, variant: "deduction-20"))],
             "differences": [{"variant": "deduction-20", "reference": "base", "metrics": [\(difference)]}]}
            """
    }

    /// Two axes, listed in the JSON's sorted-key order; grid order is deduction first (slowest).
    static var sweep: String {
        var cells: [String] = []
        var index = 0
        for deduction in ["10%", "15%", "20%"] {
            for threshold in ["20%", "10%"] {
                let parameters = [
                    "policy.sme.deduction": deduction, "policy.evaluation.abnormally-low.threshold": threshold,
                ]
                cells.append(
                    "{\"index\": \(index), \"simulation\": \(simulation(parameters: parameters, contract: 1_000_000 + Double(index) * 1000))}"
                )
                index += 1
            }
        }
        return "{\"schema\": \"tender-sweep\", \"schemaVersion\": 1, \"cells\": [\(cells.joined(separator: ", "))]}"
    }

    static func read(_ json: String) throws -> ResultDocument { try ResultDocument.read(Data(json.utf8)) }
}

@Suite struct SimulationDocumentTests {
    @Test func documentsAreRecognisedBySchema() throws {
        guard case .simulation(let s) = try SimulationFixtures.read(SimulationFixtures.simulation()) else {
            Issue.record("not a simulation")
            return
        }
        #expect(s.lots == ["concrete", "board"])
        #expect(s.metric("contract")?.total == (try Exact(parsing: "100000000.5")))
        #expect(s.metric("lot[board].contract")?.mean == nil)
        #expect(
            s.runMetrics.map(\.name) == [
                "contract", "savings-rate", "sme-share", "failed-lot-rate", "green-share-1", "hhi",
            ]
        )
        guard case .comparison(let c) = try SimulationFixtures.read(SimulationFixtures.comparison) else {
            Issue.record("not a comparison")
            return
        }
        #expect(c.differences.first?.metrics.first?.ciHigh == 0.021)
        guard case .sweep(let sweep) = try SimulationFixtures.read(SimulationFixtures.sweep) else {
            Issue.record("not a sweep")
            return
        }
        #expect(sweep.cells.count == 6)
    }

    /// The JSON sorts parameter keys; the grid order comes from how the cells vary.
    @Test func sweepAxesAreInferredInGridOrder() throws {
        guard case .sweep(let sweep) = try SimulationFixtures.read(SimulationFixtures.sweep) else { return }
        #expect(sweep.orderedAxes == ["policy.sme.deduction", "policy.evaluation.abnormally-low.threshold"])
        #expect(sweep.values(of: "policy.evaluation.abnormally-low.threshold") == ["20%", "10%"])
        var known = sweep
        known.axes = ["policy.evaluation.abnormally-low.threshold", "policy.sme.deduction"]
        #expect(known.orderedAxes == known.axes)
    }

    @Test func invalidSimulationNamesThePath() {
        let json = "{\"schema\": \"tender-simulation\", \"scenario\": \"x\", \"metrics\": [{\"name\": 3}]}"
        #expect(throws: ResultDocument.Failure.self) { try SimulationFixtures.read(json) }
    }
}

@Suite struct StatisticTextTests {
    @Test func doublesBecomeTheirDecimalText() throws {
        #expect(StatisticText.exact(86.66666666666667) == (try Exact(parsing: "86.66666666666667")))
        #expect(StatisticText.exact(1e-05) == (try Exact(parsing: "0.00001")))
        #expect(StatisticText.exact(1.5e20) == (try Exact(parsing: "150000000000000000000")))
        #expect(StatisticText.exact(.nan) == nil)
        #expect(StatisticText.exact(.infinity) == nil)
    }

    @Test func valuesByKind() {
        #expect(StatisticText.value(108229724.31694995, kind: "amount") == "108,229,724.32")
        #expect(StatisticText.value(0.0125, kind: "share") == "1.25%")
        #expect(StatisticText.value(0.105, kind: "indicator") == "10.50%")
        #expect(StatisticText.value(3798.56, kind: "index") == "3,798.6")
        #expect(StatisticText.value(7.005, kind: "count") == "7.01")
        #expect(StatisticText.value(nil, kind: "amount") == "—")
        #expect(StatisticText.value(.nan, kind: "amount") == "—")
    }

    @Test func differencesBySign() {
        #expect(StatisticText.difference(0.018, scale: "relative") == "+1.80%")
        #expect(StatisticText.difference(-0.0037, scale: "relative") == "-0.37%")
        #expect(StatisticText.difference(0.005, scale: "points") == "+0.50 pp")
        #expect(StatisticText.difference(-3, scale: "absolute") == "-3.00")
        #expect(StatisticText.difference(0, scale: "points") == "0.00 pp")
    }
}

@Suite struct SimulationHTMLTests {
    func expectSelfContained(_ html: String) {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("default-src 'none'"))
        #expect(!html.contains("<scenario>"))
        #expect(!html.contains("nan") && !html.contains("inf\""))
    }

    @Test func simulationReport() throws {
        let document = try SimulationFixtures.read(SimulationFixtures.simulation())
        let html = document.html()
        expectSelfContained(html)
        #expect(html.contains("试点 &lt;scenario&gt;"))
        #expect(html.contains("<tr data-lot=\"concrete\"><td>concrete</td><td class=\"num\">800,000.00</td>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
        #expect(html.contains("100000000.5"))
        // The planner's budget leads: the contract's p95 (1,000,000 × 1.1), its median and p5 beside it.
        #expect(html.contains("<span class=\"zh\">预算（95%把握）</span> <span class=\"en\">Budget, 95% sure</span>"))
        #expect(html.contains("1,100,000.00"))
        #expect(html.contains("中位数 p50 1,000,000.00，p5 900,000.00"))
        // Each headline tile shows the spread of outcomes, not only the CI of the mean.
        #expect(html.contains("p5–p95 [10.80%, 13.20%]"))
    }

    @Test func comparisonReport() throws {
        let html = try SimulationFixtures.read(SimulationFixtures.comparison).html()
        expectSelfContained(html)
        #expect(html.contains("+1.80%"))
        #expect(html.contains("[+1.50%, +2.10%]"))
        #expect(html.contains("+0.50 pp"))
        #expect(html.contains("data-variant=\"deduction-20\" data-metric=\"contract\""))
    }

    @Test func sweepReportDrawsHeatMapsOverTwoAxes() throws {
        let html = try SimulationFixtures.read(SimulationFixtures.sweep).html()
        expectSelfContained(html)
        #expect(html.contains("heat-5"))
        #expect(html.contains("data-cell=\"5\""))
    }

    @Test func sweepReportDrawsLinesOverOneAxis() throws {
        let cells = ["10%", "12%", "14%"].enumerated().map { i, value in
            let simulation = SimulationFixtures.simulation(
                parameters: ["policy.sme.deduction": value],
                contract: 1_000_000 + Double(i) * 100_000
            )
            return "{\"index\": \(i), \"simulation\": \(simulation)}"
        }
        let json = "{\"schema\": \"tender-sweep\", \"cells\": [\(cells.joined(separator: ", "))]}"
        let html = try SimulationFixtures.read(json).html()
        expectSelfContained(html)
        #expect(html.contains("class=\"series\""))
        #expect(html.contains("class=\"band\""))
        // The axis in words; the metrics that do not move are folded into one line instead of flat charts.
        #expect(html.contains("小微企业价格扣除 SME price deduction (policy.sme.deduction)"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 1)
        #expect(html.contains("Constant across the grid (not charted): 节约率 savings rate 12.00%"))
    }
}

@Suite struct SimulationCSVTests {
    @Test func simulationMetrics() throws {
        let tables = try SimulationFixtures.read(SimulationFixtures.simulation()).csvTables()
        #expect(tables.map(\.name) == ["metrics.csv", "about.csv"])
        let table = try #require(tables.first?.table)
        #expect(table.header.first == "metric")
        #expect(table.rows.count == 11)
        let contract = try #require(table.rows.first)
        #expect(contract[0] == "contract")
        #expect(contract[4] == "1000000")
        #expect(contract[14] == "100000000.5")
        let board = try #require(table.rows.first { $0[0] == "lot[board].contract" })
        #expect(board[4] == "")
    }

    @Test func comparisonHasVariantsAndDifferences() throws {
        let tables = try SimulationFixtures.read(SimulationFixtures.comparison).csvTables()
        #expect(tables.map(\.name) == ["metrics.csv", "differences.csv", "about.csv"])
        #expect(tables[0].table.header.first == "variant")
        #expect(tables[0].table.rows.filter { $0[0] == "deduction-20" }.count == 11)
        let difference = try #require(tables[1].table.rows.first)
        #expect(difference.prefix(5) == ["deduction-20", "base", "contract", "amount", "relative"])
        #expect(difference[8] == "0.018")
    }

    @Test func sweepCellsHaveAColumnPerAxis() throws {
        let tables = try SimulationFixtures.read(SimulationFixtures.sweep).csvTables()
        let table = try #require(tables.first?.table)
        #expect(
            Array(table.header.prefix(4)) == [
                "cell", "policy.sme.deduction", "policy.evaluation.abnormally-low.threshold", "metric",
            ]
        )
        #expect(table.rows.count == 6 * 11)
        #expect(table.rows.first.map { Array($0.prefix(4)) } == ["0", "10%", "20%", "contract"])
    }
}
