import Benchmark
import TenderEngine
import TenderModel

/// One whole replication as `tender simulate` runs it for its statistics (bids → reviews → award → lot and
/// run metrics → settlement totals), on the side-by-side benchmark's one-lot model. 1,000 replications per
/// iteration with the scaling factor `.kilo`: scaled metrics (marked `*`) are per replication.
///
/// As a simulation worker does, the replications of an iteration share one `ReplicationScratch`, and each
/// result is given back to it once read: a replication in steady state reuses the lists the ones before it grew.
/// The committed threshold is the allocation count (exact, repeatable) of the 1,000 replications of an
/// iteration: those of the first, which grows the scratch's lists, and none for the others.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]
    let allocations: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 5.0])
    ]
    let workload = ReplicationWorkload()
    // A simulation's worker context: built once, keeping no detail (no audit trail, no settlement lines).
    let context = EvaluationContext(workload.scenario, equilibria: nil, keepsDetail: false)
    workload.verify(context)

    Benchmark(
        "Replication, one lot of 5 bidders",
        configuration: .init(metrics: metrics, scalingFactor: .kilo, thresholds: allocations)
    ) { benchmark in
        let scratch = ReplicationScratch()
        for replication in benchmark.scaledIterations {
            let result = TenderRun.run(context, replication: replication, scratch: scratch)
            blackHole(result)
            scratch.recycle(result)
        }
    }
}
