import Benchmark
import TenderEngine
import TenderModel

/// One whole replication as `tender simulate` runs it for its statistics (bids → reviews → award → lot and
/// run metrics → settlement totals), on the side-by-side benchmark's one-lot model. 1,000 replications per
/// iteration with the scaling factor `.kilo`: scaled metrics (marked `*`) are per replication.
///
/// The committed threshold is the allocation count per replication (exact, repeatable): a replication still
/// builds its outcome, bids and metrics as values (Benchmarks/README.md), and this check keeps that number
/// from growing unnoticed while it is brought down.
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
        for replication in benchmark.scaledIterations {
            blackHole(TenderRun.run(context, replication: replication))
        }
    }
}
