import Synchronization
import TenderEngine
import TenderModel

/// Who ran what: enough to find a result again and to tell two results apart.
package struct SimulationIdentity: Sendable, Equatable {
    /// The scenario file as given on the command line.
    package var file: String
    /// The scenario's name (`meta.name`).
    package var scenario: String
    /// The variant, or nil for the scenario as written (`base`).
    package var variant: String?
    /// SHA-256 of the bytes of the scenario file and its includes (``ScenarioDigest``).
    package var digest: String
    package var seed: UInt64
    /// Replications requested (all shards together).
    package var replications: Int
    /// Overrides applied on top of the variant (a sweep cell's parameters), in grid order.
    package var parameters: [GridValue]

    package init(
        file: String,
        scenario: String,
        variant: String?,
        digest: String,
        seed: UInt64,
        replications: Int,
        parameters: [GridValue] = []
    ) {
        self.file = file
        self.scenario = scenario
        self.variant = variant
        self.digest = digest
        self.seed = seed
        self.replications = replications
        self.parameters = parameters
    }

    /// The parameters as one canonical text, `path=value; path=value` (empty for none).
    package var parameterText: String { parameters.map(\.description).joined(separator: "; ") }
}

/// The statistics of a simulation (or of one shard of it).
package struct SimulationSummary: Sendable, Equatable {
    package var identity: SimulationIdentity
    /// The lot ids of the plan.
    package var lots: [String]
    /// Replications folded into these statistics.
    package var replications: Int
    package var metrics: [MetricSummary]

    package init(identity: SimulationIdentity, lots: [String], replications: Int, metrics: [MetricSummary]) {
        self.identity = identity
        self.lots = lots
        self.replications = replications
        self.metrics = metrics
    }

    /// The summary of the metric named `name`.
    package func metric(_ name: String) -> MetricSummary? { metrics.first { $0.definition.name == name } }
}

/// What a simulation writes of each replication beyond its metrics (`tender simulate --records`): `render`
/// turns a replication's result into text on the worker thread that computed it (it must depend on the result
/// and the context only), and `write` receives the texts in replication order on the calling thread, as the
/// chunks of replications complete.
package struct ReplicationDetails {
    package var render: @Sendable (RunResult, EvaluationContext) -> String
    package var write: (String) throws -> Void

    package init(
        render: @escaping @Sendable (RunResult, EvaluationContext) -> String,
        write: @escaping (String) throws -> Void
    ) {
        self.render = render
        self.write = write
    }
}

/// Monte Carlo replications of one scenario.
package enum Simulation {
    /// Runs the replications of `shard` among 0..<`replications` on `jobs` threads and folds their metrics in
    /// replication order.
    ///
    /// Replication k draws from `RandomStream(seed:replication: k, label:)` streams only, so its record is
    /// the same whatever `jobs`, the shard, or what ran before; the statistics are byte-identical for any
    /// `jobs`.
    ///
    /// - Parameters:
    ///   - replicate: makes an independent copy of `scenario` (e.g. by loading the file again) for each worker
    ///     thread but the first, which runs on `scenario` itself, so that threads share no objects; without it
    ///     the workers share `scenario`, which is correct but scales poorly (reference counting on shared
    ///     storage).
    ///   - progress: called on the calling thread after each folded replication with (done, total).
    ///   - sink: receives each record in replication order (the shard store writes them), may throw to stop.
    ///   - details: renders each replication's full result as text on the worker thread that ran it, and
    ///     receives the texts in replication order on the calling thread (`tender simulate --records`): the
    ///     results themselves are never kept, so memory does not grow with the number of replications.
    package static func run(
        _ scenario: Scenario,
        identity: SimulationIdentity,
        shard: Shard = .whole,
        jobs: Int = 1,
        replicate: (@Sendable () -> Scenario)? = nil,
        registry: MetricRegistry = .standard,
        details: ReplicationDetails? = nil,
        progress: (Int, Int) -> Void = { _, _ in },
        sink: (ReplicationRecord) throws -> Void = { _ in }
    ) throws -> SimulationSummary {
        let catalog = MetricCatalog(scenario: scenario, registry: registry)
        var statistics = StatisticsAccumulator(catalog: catalog)
        let total = shard.size(of: identity.replications)
        // Solved once, before the replications, and given to every worker's context.
        let equilibria = SolvedEquilibria.asked(by: scenario)
        let render = details?.render
        // The equilibrium bids one worker computes, the others read (the same scenario's).
        let bidMemos = EquilibriumBidMemos()
        // The first worker runs on the scenario as given (this thread only folds records meanwhile); the others
        // load copies of their own.
        let given = FirstTaker()
        try ReplicationDriver.run(
            count: total,
            jobs: jobs,
            reusing: {
                let scenario = given.take() ? scenario : replicate?() ?? scenario
                let catalog = MetricCatalog(scenario: scenario, registry: registry)
                // The statistics read no audit trail; the details (`--records`) may.
                let context = EvaluationContext(
                    scenario,
                    equilibria: equilibria,
                    keepsDetail: render != nil,
                    bidMemos: bidMemos
                )
                // The worker's working lists, lent to each of its replications in turn.
                let scratch = ReplicationScratch()
                return { position, folded -> (ReplicationRecord, String?) in
                    let result = TenderRun.run(context, replication: shard.item(at: position), scratch: scratch)
                    // A folded record's lists are written again instead of allocated.
                    var spent = folded.take()?.0
                    let record = ReplicationRecord(result, catalog: catalog, reusing: &spent)
                    let text = render?(result, context)
                    // Read: its lists go back to the scratch for the next replication.
                    scratch.recycle(result)
                    return (record, text)
                }
            },
            fold: { position, computed in
                let (record, text) = computed
                statistics.add(record)
                try sink(record)
                if let text { try details?.write(text) }
                progress(position + 1, total)
            }
        )
        return SimulationSummary(
            identity: identity,
            lots: catalog.lots,
            replications: statistics.replications,
            metrics: statistics.summaries
        )
    }

    /// Statistics from stored records, folded in the order given (replication order).
    package static func summarize(
        _ records: some Sequence<ReplicationRecord>,
        catalog: MetricCatalog,
        identity: SimulationIdentity
    ) -> SimulationSummary {
        var statistics = StatisticsAccumulator(catalog: catalog)
        for record in records { statistics.add(record) }
        return SimulationSummary(
            identity: identity,
            lots: catalog.lots,
            replications: statistics.replications,
            metrics: statistics.summaries
        )
    }
}

/// True for the first caller of ``take()`` only, whatever the thread.
private final class FirstTaker: Sendable {
    private let free = Mutex(true)

    func take() -> Bool {
        free.withLock { free in
            defer { free = false }
            return free
        }
    }
}
