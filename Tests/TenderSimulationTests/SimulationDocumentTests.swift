import ExactNumbers
import Foundation
import Testing

@testable import TenderSimulation

/// Each simulation document is one type: what it writes, it reads back unchanged.
@Suite struct SimulationDocumentTests {
    @Test func simulationReadsBackWhatItWrites() throws {
        let scenario = try SimulationFixtures.load(variant: "half-participation")
        var identity = SimulationFixtures.identity(scenario, replications: 40)
        identity.parameters = [GridValue(path: "policy.sme.deduction", value: "10%")]
        let summary = try Simulation.run(scenario, identity: identity, shard: try Shard(parsing: "1/3"))
        let document = SimulationDocument(summary, shard: try Shard(parsing: "1/3"))
        let read = try JSONDecoder().decode(SimulationDocument.self, from: Data(document.rendered.utf8))
        #expect(read == document)
        #expect(read.rendered == document.rendered)
        #expect(read.shard?.description == "1/3")
        #expect(read.replicationsFolded == 13)
        #expect(read.parameters == ["policy.sme.deduction": "10%"])
        let contract = try #require(read.metric("contract"))
        #expect(contract.kind == .amount)
        #expect(contract.total == summary.metric("contract")?.total)
        #expect(contract.mean == summary.metric("contract")?.mean)
        // An undefined statistic (NaN) is null in the document and nil once read; the others keep every bit.
        for (written, computed) in zip(read.metrics, summary.metrics) {
            #expect(written.sd == (computed.standardDeviation.isNaN ? nil : computed.standardDeviation))
            #expect(written.ciHigh == (computed.confidenceHigh.isNaN ? nil : computed.confidenceHigh))
        }
        #expect(read.metrics.contains { $0.sd == nil } && read.metrics.contains { $0.sd != nil })
    }

    @Test func comparisonAndSweepReadBackWhatTheyWrite() throws {
        let base = try SimulationFixtures.load()
        let two = try SimulationFixtures.load(variant: "two-bidders")
        let comparison = try Comparison.run(
            [
                ("base", base, SimulationFixtures.identity(base, replications: 30)),
                ("two-bidders", two, SimulationFixtures.identity(two, replications: 30, variant: "two-bidders")),
            ],
            replications: 30
        )
        let document = ComparisonDocument(comparison)
        let read = try JSONDecoder().decode(ComparisonDocument.self, from: Data(document.rendered.utf8))
        #expect(read == document)
        #expect(read.differences.first?.metrics.first { $0.name == "contract" }?.scale == .relative)

        let cells = try [0, 1].map { index in
            CellResult(
                index: index,
                shard: .whole,
                summary: try Simulation.run(base, identity: SimulationFixtures.identity(base, replications: 10 + index))
            )
        }
        let sweep = SweepDocument(cells)
        let sweepRead = try JSONDecoder().decode(SweepDocument.self, from: Data(sweep.rendered.utf8))
        #expect(sweepRead.cells == sweep.cells)
        #expect(sweepRead.rendered == sweep.rendered)
    }

    @Test func anUnknownKindIsAnErrorNamingIt() {
        let json = """
            {"name": "x", "kind": "weight", "n": 1, "undefined": 0, "ci95": [null, null]}
            """
        #expect {
            try JSONDecoder().decode(MetricStatistics.self, from: Data(json.utf8))
        } throws: { error in
            "\(error)".contains("unknown metric kind 'weight'")
        }
    }
}
