import Benchmark
import ExactNumbers
import Foundation

/// Price-score benchmarks: `round_half_up(base / bid × points, 2)` for 1,000 bids per iteration.
///
/// Scaled metrics (marked `*` in the output) are per score: an iteration of the GMP and Decimal benchmarks
/// scores `Workload.bidCount` (1,000) bids with the scaling factor `.kilo`, and an iteration of the fast path
/// scores them 1,000 times with the scaling factor `.mega`.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]

    // Allocation counts are the committed regression check (wall time is too noisy on shared machines).
    // `swift package benchmark thresholds check` compares each run's p90 with the value committed in
    // Thresholds/<target>.<name>.p90.json (mallocs per iteration of 1,000 scores), allowing the
    // tolerances below. The fast path's committed value is 0 and its tolerance is 0: one allocation
    // anywhere in 1,000 scores fails the check.
    let noAllocations: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(absolute: BenchmarkThresholds.Absolute.strict)
    ]
    // GMP allocates by design; more than 5% above the committed count is a regression, and more than 5%
    // below it is reported as an improvement, to be committed with `thresholds update`.
    let gmpAllocations: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 5.0])
    ]

    let machine = Workload.machineSized()
    let gmp = Workload.gmpSized()
    let points = try! Exact(parsing: Workload.points)

    let fastBids = machine.bids.map { try! Exact(parsing: $0) }
    let fastBase = try! Exact(parsing: machine.base)
    verifyAgainstIntegerOracle(machine, base: fastBase, bids: fastBids, points: points)

    // The harness spends about 12 µs of its own on every iteration, a third of the time of 1,000 fast
    // scores; so an iteration here scores the 1,000 bids 1,000 times, and the scaling factor is `.mega`.
    Benchmark(
        "Price score fast path",
        configuration: .init(
            metrics: metrics,
            scalingFactor: .mega,
            maxDuration: .seconds(2),
            thresholds: noAllocations
        )
    ) { benchmark in
        precondition(benchmark.scaledIterations.count == fastBids.count * fastBids.count)
        for _ in fastBids.indices {
            for bid in fastBids {
                blackHole(exactPriceScore(base: fastBase, bid: bid, points: points))
            }
        }
    }

    let gmpBids = gmp.bids.map { try! Exact(parsing: $0) }
    let gmpBase = try! Exact(parsing: gmp.base)

    Benchmark(
        "Price score GMP path",
        configuration: .init(
            metrics: metrics,
            scalingFactor: .kilo,
            thresholds: gmpAllocations
        )
    ) { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(exactPriceScore(base: gmpBase, bid: gmpBids[index], points: points))
        }
    }

    // The engine's rounded price score: the fused call, checked against the expression it replaces.
    for bid in gmpBids {
        precondition(
            fusedPriceScore(base: gmpBase, bid: bid, points: points)
                == exactPriceScore(base: gmpBase, bid: bid, points: points),
            "fused price score of \(bid) differs from the expression"
        )
    }

    Benchmark(
        "Price score GMP path, fused",
        configuration: .init(
            metrics: metrics,
            scalingFactor: .kilo,
            thresholds: gmpAllocations
        )
    ) { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(fusedPriceScore(base: gmpBase, bid: gmpBids[index], points: points))
        }
    }

    let decimalBids = machine.bids.map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))! }
    let decimalBase = Decimal(string: machine.base, locale: Locale(identifier: "en_US_POSIX"))!
    let decimalPoints = Decimal(string: Workload.points)!

    Benchmark(
        "Price score Foundation.Decimal",
        configuration: .init(metrics: metrics, scalingFactor: .kilo)
    ) { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(decimalPriceScore(base: decimalBase, bid: decimalBids[index], points: decimalPoints))
        }
    }
}

/// Stops the run if the exact scores of the machine-sized workload differ from integer arithmetic: a fast
/// benchmark of a wrong answer is worth nothing.
private func verifyAgainstIntegerOracle(_ workload: Workload, base: Exact, bids: [Exact], points: Exact) {
    func cents(_ yuan: String) -> Int64 { Int64(yuan.filter { $0 != "." })! }
    let baseCents = cents(workload.base)
    for (text, bid) in zip(workload.bids, bids) {
        let expected = integerPriceScoreHundredths(baseCents: baseCents, bidCents: cents(text), points: 60)
        let score = exactPriceScore(base: base, bid: bid, points: points)
        precondition(
            score == (try! Exact(numerator: Int(expected), denominator: 100)),
            "price score of \(text) against \(workload.base): \(score), expected \(expected)/100"
        )
    }
}
