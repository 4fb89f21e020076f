import Foundation
import ScenarioFormat
import TenderEngine
import TenderReports
import Testing

@testable import TenderSimulation

@Suite struct SimulationTests {
    /// Five truthful bidders, iid uniform costs on [80, 120], lowest price, quantity 1: the contract price is
    /// the lowest of five draws, E = 80 + 40/6 = 86.666…; the simulated mean is within 4 standard errors.
    @Test func meanContractPriceMatchesTheClosedForm() throws {
        let scenario = try SimulationFixtures.load()
        let summary = try Simulation.run(
            scenario,
            identity: SimulationFixtures.identity(scenario, replications: 3000),
            jobs: 2
        )
        let contract = try #require(summary.metric("contract"))
        let expected = 80 + 40.0 / 6
        #expect(contract.count == 3000)
        #expect(abs(contract.mean - expected) < 4 * contract.standardError)
        // The variance of the minimum of 5 uniforms on a range of 40: 40² × 5 / (6² × 7).
        let sd = (1600.0 * 5 / (36 * 7)).squareRoot()
        #expect(abs(contract.standardDeviation - sd) / sd < 0.05)
        #expect(contract.confidenceLow < expected && expected < contract.confidenceHigh)
        #expect(summary.metric("failed-lot-rate")?.mean == 0)
    }

    /// Two bidders: E[min of 2] = 80 + 40/3.
    @Test func twoBiddersVariant() throws {
        let scenario = try SimulationFixtures.load(variant: "two-bidders")
        let summary = try Simulation.run(scenario, identity: SimulationFixtures.identity(scenario, replications: 1000))
        let contract = try #require(summary.metric("contract"))
        #expect(abs(contract.mean - (80 + 40.0 / 3)) < 4 * contract.standardError)
        #expect(summary.metric("bids")?.mean == 2)
    }

    @Test func jobsDoNotChangeAnyBit() throws {
        let scenario = try SimulationFixtures.load(variant: "half-participation")
        let identity = SimulationFixtures.identity(scenario, replications: 200)
        let one = try Simulation.run(scenario, identity: identity, jobs: 1)
        let two = try Simulation.run(scenario, identity: identity, jobs: 2)
        let five = try Simulation.run(
            scenario,
            identity: SimulationFixtures.identity(scenario, replications: 200),
            jobs: 5
        )
        #expect(one == two)
        #expect(one == five)
        #expect(SimulationDocument(one).rendered == SimulationDocument(two).rendered)
    }

    @Test func shardsFoldedInOrderEqualTheWhole() throws {
        let scenario = try SimulationFixtures.load()
        let identity = SimulationFixtures.identity(scenario, replications: 101)
        let whole = try Simulation.run(scenario, identity: identity)
        var records: [ReplicationRecord] = []
        for i in 0..<3 {
            _ = try Simulation.run(
                scenario,
                identity: identity,
                shard: try Shard(parsing: "\(i)/3"),
                jobs: 2,
                sink: { records.append($0) }
            )
        }
        records.sort { $0.replication < $1.replication }
        #expect(records.map(\.replication) == Array(0..<101))
        let merged = Simulation.summarize(records, catalog: MetricCatalog(scenario: scenario), identity: identity)
        #expect(merged == whole)
    }

    @Test func driverFoldsInOrderAndStopsOnError() throws {
        var seen: [Int] = []
        try ReplicationDriver.run(count: 1000, jobs: 3, chunkSize: 7, work: { $0 * 2 }) { i, r in
            #expect(r == i * 2)
            seen.append(i)
        }
        #expect(seen == Array(0..<1000))
        struct Stop: Error {}
        var folded = 0
        #expect(throws: Stop.self) {
            try ReplicationDriver.run(count: 10_000, jobs: 2, work: { $0 }) { i, _ in
                folded += 1
                if i == 100 { throw Stop() }
            }
        }
        #expect(folded == 101)
    }

    /// A busy loop whose length depends on the index (some items a thousand times longer than others): the
    /// growing chunks under uneven item times, with and without a fold that throws.
    static func driverSpin(_ i: Int) -> Int {
        var x = i
        let rounds = (i % 97 == 0) ? 20_000 : (i % 5) * 3
        for _ in 0..<rounds { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        return x
    }

    @Test func driverFoldsUnevenItemsOnceInOrderAndStopsAtAnyItem() throws {
        struct Stop: Error {}
        for trial in 0..<60 {
            let count = [1, 2, 5, 17, 100, 1_000, 20_000][trial % 7]
            let jobs = 2 + trial % 3
            let chunkSize = 1 + trial % 4
            var next = 0
            try ReplicationDriver.run(count: count, jobs: jobs, chunkSize: chunkSize, work: { Self.driverSpin($0) }) {
                i,
                r in
                #expect(i == next && r == Self.driverSpin(i))
                next += 1
            }
            #expect(next == count)
            let stopAt = (trial * 7_919) % count
            var folded = 0
            #expect(throws: Stop.self) {
                try ReplicationDriver.run(count: count, jobs: jobs, chunkSize: chunkSize, work: { Self.driverSpin($0) })
                {
                    i,
                    _ in
                    folded += 1
                    if i == stopAt { throw Stop() }
                }
            }
            #expect(folded == stopAt + 1)
        }
    }

    /// Items of a few nanoseconds: the chunks double from 1 item to the largest, and every item is still folded
    /// once, in order, with the result of its own index.
    @Test func driverFoldsInOrderWhileChunksGrow() throws {
        var next = 0
        try ReplicationDriver.run(count: 200_000, jobs: 3, chunkSize: 1, work: { $0 &* 7 }) { i, r in
            #expect(i == next && r == i &* 7)
            next += 1
        }
        #expect(next == 200_000)
    }

    /// Results go back to the workers for reuse: most items reuse an earlier item's storage (the point: no
    /// allocation per item), each folded result is handed to one item at most, and every item is still folded
    /// once, in order, with its own value whatever storage it reused.
    @Test func driverHandsFoldedResultsBackForReuse() throws {
        struct Item: Sendable {
            var index: Int
            var storage: [Int]
            var reusedFrom: Int?
        }
        for jobs in [1, 2, 3] {
            var next = 0
            var reused = 0
            var foldedSoFar = Set<Int>()
            try ReplicationDriver.run(
                count: 20_000,
                jobs: jobs,
                chunkSize: 3,
                reusing: { () -> (Int, inout Item?) -> Item in
                    { (i: Int, spent: inout Item?) -> Item in
                        let previous = spent.take()
                        var storage = previous?.storage ?? []
                        storage.removeAll(keepingCapacity: true)
                        storage.append(i)
                        return Item(index: i, storage: storage, reusedFrom: previous?.index)
                    }
                }
            ) { (i: Int, item: Item) in
                #expect(i == next && item.index == i && item.storage == [i])
                if let from = item.reusedFrom {
                    // Handed back after its fold, and to this item alone.
                    #expect(from < i && foldedSoFar.contains(from), "\(from) reused by \(i)")
                    foldedSoFar.remove(from)
                    reused += 1
                }
                foldedSoFar.insert(i)
                next += 1
            }
            #expect(next == 20_000)
            // Most items reuse an earlier one (all but the first with one job).
            #expect(reused > 10_000, "jobs \(jobs): \(reused) reused")
        }
    }

    /// Common random numbers: S01 and S02 draw the same costs in both variants, so the two-bidder contract is
    /// never below the five-bidder one, and the paired interval is narrow.
    @Test func compareUsesCommonRandomNumbers() throws {
        let base = try SimulationFixtures.load()
        let two = try SimulationFixtures.load(variant: "two-bidders")
        let comparison = try Comparison.run(
            [
                ("base", base, SimulationFixtures.identity(base, replications: 1000)),
                ("two-bidders", two, SimulationFixtures.identity(two, replications: 1000, variant: "two-bidders")),
            ],
            replications: 1000,
            jobs: 2
        )
        let contract = try #require(comparison.differences[0].first { $0.definition.name == "contract" })
        let expected = (80 + 40.0 / 3) / (80 + 40.0 / 6) - 1  // 7.69%
        #expect(contract.scale == .relative)
        #expect(abs(contract.difference - expected) < 4 * contract.standardError)
        let bids = try #require(comparison.differences[0].first { $0.definition.name == "bids" })
        #expect(bids.difference == -3)
        #expect(bids.halfWidth == 0)
        let text = SimulationText.render(comparison)
        #expect(text.contains("two-bidders: savings rate −"))
        #expect(text.contains(", costs 7."))
        #expect(text.contains("more than base for the same awarded ceilings"))
        #expect(text.contains("failed lots ±0.00 pp ± 0.00 pp"))
    }

    @Test func recordsMatchTheEngineRun() throws {
        let scenario = try SimulationFixtures.load()
        let run = TenderRun.run(scenario, replication: 17)
        let record = ReplicationRecord(run, catalog: MetricCatalog(scenario: scenario))
        let catalog = MetricCatalog(scenario: scenario)
        #expect(record.exact[catalog.index(of: "contract")!] == run.metrics.contract)
        #expect(record.values[catalog.index(of: "lot[concrete].bids")!] == 5)
        #expect(record.values[catalog.index(of: "cost-increment-rate")!].isNaN)
    }

    /// A record reads every slot as the registry reads the run (``MetricRegistry/values(of:lots:_:)``): the
    /// catalogue's slot readers are the registry's metrics, taken out once, not a second definition of them.
    @Test func recordsReadEverySlotAsTheRegistryReadsTheRun() throws {
        var slots = 0
        for (file, variant) in MetricOnlyRunTests.cases {
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            let catalog = MetricCatalog(scenario: scenario)
            for replication in 0..<3 {
                let run = TenderRun.run(scenario, replication: replication)
                let record = ReplicationRecord(run, catalog: catalog)
                var slot = 0
                catalog.registry.values(of: run, lots: catalog.lots) { metric, lot, value in
                    let name =
                        "\(file) \(variant ?? "base") #\(replication) \(lot.map(metric.name(lot:)) ?? metric.name)"
                    let double = value?.nearestDouble ?? .nan
                    #expect(record.values[slot].bitPattern == double.bitPattern, "\(name)")
                    #expect(record.exact[slot] == (metric.kind.keepsExactTotal ? value : nil), "\(name)")
                    slot += 1
                }
                #expect(slot == record.values.count)
                slots += slot
            }
        }
        // Every bundled scenario and variant, three replications each: thousands of slots.
        #expect(slots > 1000)
    }
}
