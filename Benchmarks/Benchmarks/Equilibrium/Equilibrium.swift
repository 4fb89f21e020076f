import Benchmark
import TenderEngine
import TenderModel

/// The equilibrium solve (Docs/behaviour.md; issue 15's speed target for a one-lot, 5-bidder preference case:
/// ≤ 5 s), on the lot of `Benchmarks/Scenarios/one-lot-preference.yaml` built as the solver's problem: one
/// small supplier whose bids earn a 10 % price deduction and four large ones, unit costs uniform on [80, 120],
/// quantity 1, ceiling 200. Two rules:
///
/// - lowest price, one valid bid enough: the rule reduces to price and the solver integrates the asymmetric
///   auction's differential equations;
/// - the ratio rule with 60 price points, the small firm's products earning 5 technical points and the large
///   firms' 10, at least two valid bids: no reduction to price, so the solver iterates best responses on the
///   cost grid against simulated rival profiles (and, unconverged, its logit pass).
///
/// Each solve is checked before it is timed: bids above costs and below the ceiling, and the first converged
/// (within the 2 % criterion). The second does not converge in 300 steps (its largest gain stays at about 6 %
/// of the expected profit, Docs/behaviour.md), so it measures the iteration's whole budget. The committed
/// thresholds are the allocation counts (deterministic: a solve's draws come from its seed), so that a change
/// that makes the solver allocate per profile or per grid point shows.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal]
    let allocations: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: BenchmarkThresholds(relative: [.p90: 5.0])
    ]
    let settings = EquilibriumSettings()
    let cases: [(name: String, problem: EquilibriumProblem, converges: Bool)] = [
        (
            "Equilibrium solve, 1 favoured + 4 others, lowest price",
            PreferenceCase.problem(ranking: .lowestPrice), true
        ),
        (
            "Equilibrium solve, 1 favoured + 4 others, ratio rule with technical points",
            PreferenceCase.problem(ranking: .ratio(pricePoints: 60), technicalPoints: (5, 10), minimumValidBids: 2),
            false
        ),
    ]
    for (name, problem, converges) in cases {
        let solution = EquilibriumSolver.solve(problem, settings: settings)
        PreferenceCase.verify(solution, name: name, converges: converges)
        Benchmark(name, configuration: .init(metrics: metrics, maxIterations: 10, thresholds: allocations)) {
            benchmark in
            for _ in benchmark.scaledIterations { blackHole(EquilibriumSolver.solve(problem, settings: settings)) }
        }
    }
}

enum PreferenceCase {
    static func problem(
        ranking: EquilibriumProblem.Ranking,
        technicalPoints: (small: Double, large: Double) = (0, 0),
        minimumValidBids: Int = 1
    ) -> EquilibriumProblem {
        let costs = CostModel.uniform(low: 80, high: 120)
        return EquilibriumProblem(
            lot: "concrete",
            classes: [
                .init(id: "C1", members: ["S01"], model: costs, deduction: 0.1, technicalPoints: technicalPoints.small),
                .init(
                    id: "C2",
                    members: ["S02", "S03", "S04", "S05"],
                    model: costs,
                    technicalPoints: technicalPoints.large
                ),
            ],
            ranking: ranking,
            ceiling: 200,
            minimumValidBids: minimumValidBids
        )
    }

    /// Stops the run unless every bid lies between its cost and the ceiling, and the solve converged where it
    /// should.
    static func verify(_ solution: EquilibriumSolution, name: String, converges: Bool) {
        precondition(
            !converges || solution.converged,
            "\(name): not converged (largest gain \(solution.largestGainShare))"
        )
        for solved in solution.classes {
            for (cost, bid) in zip(solved.costs, solved.bids) {
                precondition(bid >= cost - 1e-9 && bid <= 200, "\(name): class \(solved.id) bids \(bid) at \(cost)")
            }
        }
    }
}
