import Testing

@testable import TenderSimulation

/// A shard store in memory that can fail after a number of batches, as a killed process would stop.
final class MemoryShardStore: ShardStore {
    var records: [Int: ReplicationRecord] = [:]
    var complete: Set<Int> = []
    var catalog: MetricCatalog?
    var batches = 0
    var failAfterBatches = Int.max

    struct Killed: Error {}

    func beginShard(_ identity: SimulationIdentity, catalog: MetricCatalog, shard: Shard) throws -> (
        simulation: Int64, complete: Bool
    ) {
        self.catalog = catalog
        return (1, complete.contains(shard.index))
    }

    func appendRecords(_ records: [ReplicationRecord], simulation: Int64) throws {
        guard batches < failAfterBatches else { throw Killed() }
        batches += 1
        for record in records { self.records[record.replication] = record }
    }

    func completeShard(simulation: Int64, shard: Shard) throws { complete.insert(shard.index) }

    func shardSummary(simulation: Int64, shard: Shard, identity: SimulationIdentity) throws -> SimulationSummary {
        let mine = records.values.filter { shard.contains($0.replication) }.sorted { $0.replication < $1.replication }
        return Simulation.summarize(mine, catalog: try #require(catalog), identity: identity)
    }
}

@Suite struct ShardedSimulationTests {
    @Test func anInterruptedShardResumesAndACompleteOneIsNotRecomputed() throws {
        let scenario = try SimulationFixtures.load()
        let identity = SimulationFixtures.identity(scenario, replications: 61)
        let shard = try Shard(parsing: "1/2")
        let fresh = try Simulation.run(scenario, identity: identity, shard: shard)
        let store = MemoryShardStore()
        store.failAfterBatches = 2
        #expect(throws: MemoryShardStore.Killed.self) {
            try Simulation.runShard(scenario, identity: identity, shard: shard, store: store, batchSize: 7)
        }
        #expect(store.records.count == 14)
        #expect(store.complete.isEmpty)

        store.failAfterBatches = .max
        let resumed = try Simulation.runShard(scenario, identity: identity, shard: shard, store: store, batchSize: 7)
        #expect(!resumed.wasComplete)
        #expect(resumed.summary == fresh)
        #expect(store.records.keys.sorted() == Array(stride(from: 1, to: 61, by: 2)))
        #expect(store.complete == [1])

        let batches = store.batches
        let again = try Simulation.runShard(scenario, identity: identity, shard: shard, store: store, batchSize: 7)
        #expect(again.wasComplete)
        #expect(again.summary == fresh)
        #expect(store.batches == batches)
    }
}
