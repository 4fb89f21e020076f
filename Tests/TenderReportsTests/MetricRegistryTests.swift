import ExactNumbers
import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel
import TenderSimulation
import Testing

@testable import TenderReports

/// Adding a metric is one registry entry: a metric registered here, and defined nowhere else, is found — with
/// its value and its label — in the run JSON, the simulation JSON, the CSV export and the HTML report.
@Suite struct MetricRegistryTests {
    /// A study's own metric: the share of bids that passed both reviews.
    static let registry = MetricRegistry.standard.registering(
        .run("valid-bid-rate", .share, Label("有效投标率", "valid-bid rate"), "valid bids / bids") {
            $0.bids == 0 ? nil : try? Exact(numerator: $0.validBids, denominator: $0.bids)
        }
    ).registering(
        .lot("rejected-bids", .count, Label("无效投标数", "rejected bids"), "bids rejected on the lot") {
            Exact($0.bids - $0.validBids)
        }
    )

    static func daqing() throws -> Scenario {
        let path = Fixtures.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        let result = ScenarioLoader().load(path)
        return try #require(result.scenario)
    }

    @Test func aRegisteredMetricIsInTheRunJSON() throws {
        let scenario = try Self.daqing()
        let result = TenderRun.run(scenario)
        let json = try JSONReport.render(result, scenario: scenario, registry: Self.registry)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let metrics = try #require(object["metrics"] as? [String: String])
        let expected = try Exact(numerator: result.metrics.validBids, denominator: result.metrics.bids)
        #expect(metrics["valid-bid-rate"] == expected.description)
        let lot = try #require(result.lotMetrics.first)
        #expect(metrics["lot[\(lot.lot)].rejected-bids"] == String(lot.bids - lot.validBids))
        // The standard metrics are there too, under the same names as in simulations.
        #expect(metrics["contract"] == result.metrics.contract.description)
    }

    @Test func aRegisteredMetricIsInTheSimulationJSONCSVAndHTML() throws {
        let scenario = try Self.daqing()
        let identity = SimulationIdentity(
            file: "daqing-2023.yaml",
            scenario: scenario.meta.name,
            variant: nil,
            digest: "test",
            seed: scenario.meta.seed,
            replications: 12
        )
        let summary = try Simulation.run(scenario, identity: identity, registry: Self.registry)
        let json = SimulationDocument(summary).rendered
        let document = try ResultDocument.read(Data(json.utf8))
        guard case .simulation(let simulation) = document else {
            Issue.record("not a simulation document")
            return
        }
        let metric = try #require(simulation.metrics.first { $0.name == "valid-bid-rate" })
        #expect(metric.kind == .share && metric.definition.summary == "valid bids / bids" && metric.n == 12)
        // Run metrics come before the lot metrics.
        let names = simulation.metrics.map(\.name)
        #expect(names.firstIndex(of: "valid-bid-rate")! < names.firstIndex { $0.hasPrefix("lot[") }!)
        #expect(simulation.lots.allSatisfy { names.contains("lot[\($0)].rejected-bids") })

        let csv = try #require(document.csvTables(registry: Self.registry).first { $0.name == "metrics.csv" }).table
        let text = csv.text
        #expect(text.contains("\r\nvalid-bid-rate,share,12,"))
        #expect(text.contains(",有效投标率,valid-bid rate\r\n"))
        #expect(text.contains(",无效投标数,rejected bids\r\n"))

        let html = document.html(registry: Self.registry)
        #expect(html.contains("有效投标率<br><span class=\"muted\">valid-bid-rate</span>"))
        // Rendered with the standard registry, the metric is still shown, by its name.
        #expect(document.html().contains("<span class=\"muted\">valid-bid-rate</span>"))
        #expect(!document.html().contains("有效投标率"))
    }

    /// `simulate --records`: the study's metrics get columns of their own, from the registry alone, labelled;
    /// a lot's `rejected-bids` is its bids less its valid bids, written exactly.
    @Test func aRegisteredMetricIsAColumnOfTheRecords() throws {
        let scenario = try Self.daqing()
        let context = EvaluationContext(scenario)
        let result = TenderRun.run(context, replication: 3)
        let table = ReplicationRecordsTable(registry: Self.registry)
        #expect(table.header.contains("rejected_bids"))
        #expect(table.header.contains("run_valid_bid_rate"))
        #expect(table.columns.map(\.name) == table.header)
        // Every column is labelled in Chinese: the draw columns by the CSV vocabulary, the metrics by the registry.
        #expect(table.columns.allSatisfy { !$0.zh.isEmpty }, "\(table.columns.filter { $0.zh.isEmpty }.map(\.name))")
        #expect(table.columns.first { $0.name == "run_valid_bid_rate" }?.zh == "全批有效投标率")
        let lines = table.rows(result, context: context).split(separator: "\r\n")
        #expect(lines.count == result.plan.lots.count)
        let rejected = try #require(table.header.firstIndex(of: "rejected_bids"))
        for (line, lot) in zip(lines, result.lotMetrics) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == table.header.count)
            #expect(fields[0] == "3")
            #expect(fields[2] == Substring(lot.lot))
            #expect(fields[rejected] == Substring(String(lot.bids - lot.validBids)))
        }
    }

    @Test func theSimulationDocsListEveryRecordsColumn() throws {
        let docs = try String(contentsOf: Fixtures.root.appendingPathComponent("Docs/simulation.md"), encoding: .utf8)
        for column in ReplicationRecordsTable().columns {
            let listed =
                docs.contains("`\(column.name)`") || (column.name.hasPrefix("run_") && docs.contains("`run_…`"))
            #expect(listed, "Docs/simulation.md does not list the records column \(column.name)")
        }
    }

    @Test func theSimulationDocsListEveryStandardMetric() throws {
        let url = Fixtures.root.appendingPathComponent("Docs/simulation.md")
        let docs = try String(contentsOf: url, encoding: .utf8)
        for metric in MetricRegistry.standard.runMetrics {
            #expect(
                docs.contains("`\(metric.name)`") || docs.contains("`-\(metric.name.split(separator: "-").last!)`"),
                "Docs/simulation.md does not list the run metric \(metric.name)"
            )
        }
        for metric in MetricRegistry.standard.lotMetrics {
            #expect(
                docs.contains("`lot[<id>].\(metric.name)`") || docs.contains("`.\(metric.name)`"),
                "Docs/simulation.md does not list the lot metric \(metric.name)"
            )
        }
    }

    @Test func aNameIsRegisteredOncePerScope() {
        #expect(MetricRegistry.standard.metric(named: "lot[concrete].contract")?.lot == "concrete")
        #expect(MetricRegistry.standard.metric(named: "lot[concrete].contract")?.metric.label.zh == "中标价")
        #expect(MetricRegistry.standard.metric(named: "contract")?.metric.label.zh == "中标金额")
        #expect(MetricRegistry.standard.metric(named: "lot[concrete].no-such-metric") == nil)
        #expect(MetricRegistry.standard.metric(named: "no-such-metric") == nil)
    }
}
