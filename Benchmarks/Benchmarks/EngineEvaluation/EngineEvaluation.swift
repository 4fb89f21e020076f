import Benchmark
import ExactNumbers
import TenderEngine
import TenderModel

/// Engine benchmarks: the full evaluation of a lot (reviews, deductions, scoring, ranking, award) and the
/// lot plan of 100,000 demand lines.
///
/// `Lot evaluation` scores 100 lots of 10 bids per iteration with the scaling factor `.kilo`, so its scaled
/// metrics (marked `*`) are per bid and its throughput is bids per second. `Lot plan` plans once per
/// iteration: its wall clock is the time of one plan.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]
    // Allocation counts repeat exactly from run to run: more than 5% above the committed count is a
    // regression (see Thresholds/ and README.md).
    let allocations: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 5.0])
    ]

    let evaluation = EvaluationWorkload()
    // Indexed once per scenario, as a run does; only the evaluations are measured.
    let context = EvaluationContext(evaluation.scenario)
    verify(evaluation, context: context)

    Benchmark(
        "Lot evaluation",
        configuration: .init(metrics: metrics, scalingFactor: .kilo, thresholds: allocations)
    ) { benchmark in
        precondition(
            benchmark.scaledIterations.count == EvaluationWorkload.lotsPerIteration * EvaluationWorkload.bidsPerLot
        )
        for bids in evaluation.bidSets {
            blackHole(LotEvaluator.evaluate(evaluation.lot, bids: bids, context: context, replication: 0))
        }
    }

    let planning = PlanningWorkload()
    let lineCount = planning.scenario.projects.map(\.demands.count).reduce(0, +)
    precondition(lineCount == 100_000, "the planning workload has \(lineCount) lines")

    Benchmark(
        "Lot plan, 100,000 demand lines",
        configuration: .init(metrics: metrics, maxDuration: .seconds(5), thresholds: allocations)
    ) { _ in
        blackHole(LotPlanner.plan(planning.scenario))
    }
}

/// Stops the run unless every bid of the workload is valid and scored and every lot is awarded: the
/// benchmark measures the full evaluation, not an early exit.
private func verify(_ workload: EvaluationWorkload, context: EvaluationContext) {
    for bids in workload.bidSets {
        let outcome = LotEvaluator.evaluate(workload.lot, bids: bids, context: context)
        precondition(outcome.winner != nil, "lot not awarded: \(outcome.failure.map { "\($0)" } ?? "?")")
        for evaluation in outcome.evaluations {
            precondition(evaluation.isValid, "\(evaluation.bid.bidder) rejected: \(evaluation.rejections)")
            precondition(
                evaluation.recordedTotal != nil && evaluation.rank != nil,
                "\(evaluation.bid.bidder) not scored"
            )
        }
    }
}
