import TenderModel

/// What identifies a finished sweep cell in a store: the scenario's content, the variant, the cell's
/// parameters, the seed and the number of replications. A cell with the same key is never computed twice.
package struct CellKey: Sendable, Hashable {
    package var digest: String
    /// The variant, or "" for the scenario as written.
    package var variant: String
    /// ``SimulationIdentity/parameterText``.
    package var parameters: String
    package var seed: UInt64
    package var replications: Int

    package init(_ identity: SimulationIdentity) {
        digest = identity.digest
        variant = identity.variant ?? ""
        parameters = identity.parameterText
        seed = identity.seed
        replications = identity.replications
    }
}

/// One finished cell, as it is stored.
package struct CellResult: Sendable, Equatable {
    /// The cell's position in the grid.
    package var index: Int
    /// The shard that computed it (`0/1` when the sweep was not sharded).
    package var shard: Shard
    package var summary: SimulationSummary

    package init(index: Int, shard: Shard, summary: SimulationSummary) {
        self.index = index
        self.shard = shard
        self.summary = summary
    }
}

/// Where a sweep keeps its finished cells. `commit` must store a cell atomically (all of it or nothing).
package protocol SweepStore: AnyObject {
    func hasCell(_ key: CellKey) throws -> Bool
    func commit(_ cell: CellResult) throws
}

/// What a sweep reports as it goes.
package enum SweepEvent: Sendable {
    /// A cell already in the store: skipped.
    case skipped(cell: Int)
    /// A cell begins.
    case started(cell: Int)
    /// Replications of the current cell done so far.
    case replications(done: Int, total: Int)
    /// A cell was committed.
    case committed(cell: Int)
}

/// Runs each cell of a grid (of a shard of it) as a simulation and commits its summary, skipping cells
/// already stored: an interrupted sweep run again computes only what is missing.
package enum Sweep {
    /// - Parameters:
    ///   - cells: how many cells the grid has.
    ///   - shard: the cells this process computes: those whose index k satisfies k mod n = i.
    ///   - prepare: the scenario and identity of cell k (loaded with the cell's overrides), and a function
    ///     that loads another copy of it for each worker thread (see ``Simulation/run(_:identity:shard:jobs:replicate:progress:sink:)``).
    package static func run(
        cells: Int,
        shard: Shard = .whole,
        store: some SweepStore,
        jobs: Int,
        prepare: (Int) throws -> (Scenario, SimulationIdentity, (@Sendable () -> Scenario)?),
        events: (SweepEvent) -> Void = { _ in }
    ) throws {
        for cell in 0..<cells where shard.contains(cell) {
            let (scenario, identity, replicate) = try prepare(cell)
            if try store.hasCell(CellKey(identity)) {
                events(.skipped(cell: cell))
                continue
            }
            events(.started(cell: cell))
            let summary = try Simulation.run(
                scenario,
                identity: identity,
                jobs: jobs,
                replicate: replicate,
                progress: { done, total in events(.replications(done: done, total: total)) }
            )
            try store.commit(CellResult(index: cell, shard: shard, summary: summary))
            events(.committed(cell: cell))
        }
    }
}

/// A store that keeps the cells in memory, for a sweep that need not survive the process (`tender plan --search`
/// without `--db`).
package final class MemorySweepStore: SweepStore {
    package private(set) var cells: [CellResult] = []
    private var keys = Set<CellKey>()

    package init() {}

    package func hasCell(_ key: CellKey) -> Bool { keys.contains(key) }

    package func commit(_ cell: CellResult) {
        keys.insert(CellKey(cell.summary.identity))
        cells.append(cell)
    }
}
