import TenderModel

/// Where a sharded simulation keeps its replication records (the results database of ResultsStore), so that
/// shards run on different machines merge into one simulation, and a shard run again after an interruption
/// continues from the store instead of starting over.
package protocol ShardStore: AnyObject {
    /// The store's id of the simulation's records (created if needed), and whether `shard` of it is already
    /// complete.
    func beginShard(
        _ identity: SimulationIdentity,
        catalog: MetricCatalog,
        shard: Shard
    ) throws -> (simulation: Int64, complete: Bool)
    /// Stores a batch of records in one transaction; a record already stored is replaced.
    func appendRecords(_ records: [ReplicationRecord], simulation: Int64) throws
    /// Marks `shard` complete once all its records are stored.
    func completeShard(simulation: Int64, shard: Shard) throws
    /// The statistics of the shard's stored records, folded in replication order.
    func shardSummary(simulation: Int64, shard: Shard, identity: SimulationIdentity) throws -> SimulationSummary
}

/// What ``Simulation/runShard(_:identity:shard:store:jobs:replicate:batchSize:progress:)`` did.
package struct ShardOutcome: Sendable, Equatable {
    /// The statistics of the shard's records, as stored.
    package var summary: SimulationSummary
    /// Whether the store already held the complete shard, so nothing was computed.
    package var wasComplete: Bool
}

extension Simulation {
    /// Runs `shard` of the simulation and stores its replication records in `store`, in batches of
    /// `batchSize` (each one transaction), then marks the shard complete. A shard the store already holds
    /// complete is not recomputed; an incomplete one is run again, its stored records replaced by the same
    /// bits. The summary is folded from the stored records, so a resumed shard reports what a fresh one does.
    ///
    /// Errors of the store are thrown as the store throws them.
    package static func runShard(
        _ scenario: Scenario,
        identity: SimulationIdentity,
        shard: Shard,
        store: some ShardStore,
        jobs: Int = 1,
        replicate: (@Sendable () -> Scenario)? = nil,
        batchSize: Int = 1000,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> ShardOutcome {
        let catalog = MetricCatalog(scenario: scenario)
        let (simulation, complete) = try store.beginShard(identity, catalog: catalog, shard: shard)
        if !complete {
            var batch: [ReplicationRecord] = []
            _ = try run(
                scenario,
                identity: identity,
                shard: shard,
                jobs: jobs,
                replicate: replicate,
                progress: progress,
                sink: { record in
                    batch.append(record)
                    if batch.count >= batchSize {
                        try store.appendRecords(batch, simulation: simulation)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            )
            try store.appendRecords(batch, simulation: simulation)
            try store.completeShard(simulation: simulation, shard: shard)
        }
        return ShardOutcome(
            summary: try store.shardSummary(simulation: simulation, shard: shard, identity: identity),
            wasComplete: complete
        )
    }
}
