import TenderEngine
import TenderModel

/// How a paired difference is expressed.
package enum DifferenceScale: String, Sendable {
    /// Amounts: the ratio of the means minus one ("B costs 1.8% more"), by the delta method.
    case relative
    /// Shares and rates: the mean of B − A in percentage points.
    case points
    /// Counts and indices: the mean of B − A in the metric's unit.
    case absolute

    init(_ kind: MetricKind) {
        switch kind {
        case .amount: self = .relative
        case .share, .indicator: self = .points
        case .count, .index: self = .absolute
        }
    }
}

/// Streaming paired statistics of (A, B) on common random numbers: means, variances and covariance
/// (Welford's bivariate update), folded in replication order.
package struct PairedMoments: Sendable, Equatable {
    package private(set) var count = 0
    package private(set) var meanA = 0.0
    package private(set) var meanB = 0.0
    private var m2A = 0.0
    private var m2B = 0.0
    private var coMoment = 0.0
    /// Welford on the differences B − A themselves, for the points and absolute scales.
    package private(set) var difference = RunningMoments()

    package init() {}

    package mutating func add(_ a: Double, _ b: Double) {
        count += 1
        let n = Double(count)
        let dA = a - meanA
        meanA += dA / n
        let dB = b - meanB
        meanB += dB / n
        m2A += dA * (a - meanA)
        m2B += dB * (b - meanB)
        coMoment += dA * (b - meanB)
        difference.add(b - a)
    }

    /// The relative difference meanB / meanA − 1 and its standard error by the delta method:
    /// se = √((var B − 2R cov + R² var A) / n) / |mean A| with R = mean B / mean A.
    package var relative: (value: Double, standardError: Double) {
        guard count >= 2, meanA != 0 else { return (.nan, .nan) }
        let n = Double(count)
        let r = meanB / meanA
        let varA = m2A / (n - 1)
        let varB = m2B / (n - 1)
        let cov = coMoment / (n - 1)
        let v = max(0, varB - 2 * r * cov + r * r * varA)
        return (r - 1, (v / n).squareRoot() / abs(meanA))
    }
}

/// A paired difference of one metric between a variant and the reference.
package struct DifferenceSummary: Sendable, Equatable {
    package var definition: MetricDefinition
    package var scale: DifferenceScale
    /// Replications where the metric was defined under both.
    package var count: Int
    package var meanReference: Double
    package var meanVariant: Double
    /// Relative: a fraction (0.018 = 1.8%); points: a fraction of one (0.12 = 12 pp); absolute: the unit.
    package var difference: Double
    package var standardError: Double
    /// Half the width of the 95% confidence interval.
    package var halfWidth: Double

    package var confidenceLow: Double { difference - halfWidth }
    package var confidenceHigh: Double { difference + halfWidth }
}

/// The result of `tender compare`: each variant's statistics, and its paired differences from the first.
package struct ComparisonSummary: Sendable, Equatable {
    /// Variant names as given (`base` for the scenario as written).
    package var names: [String]
    /// Each variant's own description (`variants.<name>.description`), "" for `base` and variants without one.
    package var descriptions: [String] = []
    package var summaries: [SimulationSummary]
    /// For each variant after the first, its differences from the first, on the run-level metrics.
    package var differences: [[DifferenceSummary]]
    /// For each variant after the first, whether every replication gave exactly the reference's figures (every
    /// metric, run and lot): the variant changed nothing the metrics measure.
    package var sameOutcome: [Bool] = []
    /// The variant that is the no-pooling counterfactual (`tender compare --against decentralised`), if any:
    /// its difference from the reference is what pooling saves.
    package var decentralised: String? = nil
}

/// Runs the same replications under several variants: common random numbers (same seed, same replication
/// index, streams labelled by lot and supplier), so the differences are paired.
package enum Comparison {
    /// Runs replications 0..<`replications` of every scenario and folds them in replication order.
    ///
    /// `replicate`, when given, holds one function per scenario that loads another copy of it for each
    /// worker thread (as ``Simulation/run(_:identity:shard:jobs:replicate:progress:sink:)`` explains).
    package static func run(
        _ scenarios: [(name: String, scenario: Scenario, identity: SimulationIdentity)],
        replications: Int,
        jobs: Int = 1,
        replicate: [@Sendable () -> Scenario] = [],
        registry: MetricRegistry = .standard,
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> ComparisonSummary {
        precondition(scenarios.count >= 2, "a comparison needs at least two variants")
        // Each variant under the solved equilibrium is solved once, before the replications. With one such
        // variant, every variant records the bidders' response, so that they can be compared.
        let equilibria = scenarios.map { SolvedEquilibria.asked(by: $0.scenario) }
        let responds = equilibria.contains { $0 != nil }
        let registry = responds ? registry.including(MetricRegistry.bidderResponse) : registry
        let catalogs = scenarios.map { MetricCatalog(scenario: $0.scenario, registry: registry) }
        var statistics = catalogs.map(StatisticsAccumulator.init)
        // The run metrics are shared by every variant; lot metrics depend on each variant's plan.
        let shared = Array(catalogs[0].definitions.prefix(registry.runMetrics.count))
        var pairs = Array(repeating: Array(repeating: PairedMoments(), count: shared.count), count: scenarios.count - 1)
        var same = Array(repeating: true, count: scenarios.count - 1)
        let sharedScenarios = scenarios.map(\.scenario)
        try ReplicationDriver.run(
            count: replications,
            jobs: jobs,
            chunkSize: 8,
            makeWork: {
                let local =
                    jobs > 1 && replicate.count == sharedScenarios.count ? replicate.map { $0() } : sharedScenarios
                let catalogs = local.map { MetricCatalog(scenario: $0, registry: registry) }
                // The statistics read no audit trail.
                let contexts = zip(local, equilibria).map {
                    EvaluationContext($0, equilibria: $1, measuresResponse: responds, keepsDetail: false)
                }
                // Each variant's working lists, lent to each of its replications in turn.
                let scratches = contexts.map { _ in ReplicationScratch() }
                return { k in
                    contexts.indices.map { v in
                        let result = TenderRun.run(contexts[v], replication: k, scratch: scratches[v])
                        let record = ReplicationRecord(result, catalog: catalogs[v])
                        scratches[v].recycle(result)
                        return record
                    }
                }
            },
            fold: { k, records in
                for (i, record) in records.enumerated() { statistics[i].add(record) }
                for v in 1..<records.count where same[v - 1] {
                    // NaN (undefined) equals NaN here: the same metrics undefined in the same replications.
                    same[v - 1] =
                        records[v].values.count == records[0].values.count
                        && zip(records[v].values, records[0].values).allSatisfy { $0.bitPattern == $1.bitPattern }
                }
                for v in 1..<records.count {
                    for m in shared.indices {
                        let a = records[0].values[m]
                        let b = records[v].values[m]
                        if !a.isNaN && !b.isNaN { pairs[v - 1][m].add(a, b) }
                    }
                }
                progress(k + 1, replications)
            }
        )
        let summaries = scenarios.indices.map { i in
            SimulationSummary(
                identity: scenarios[i].identity,
                lots: catalogs[i].lots,
                replications: statistics[i].replications,
                metrics: statistics[i].summaries
            )
        }
        let differences = pairs.map { row in
            zip(shared, row).map { definition, p -> DifferenceSummary in
                let scale = DifferenceScale(definition.kind)
                let (value, se): (Double, Double)
                switch scale {
                case .relative: (value, se) = p.relative
                case .points, .absolute:
                    (value, se) = (p.difference.mean, p.count < 2 ? .nan : p.difference.standardError)
                }
                let t = p.count < 2 ? Double.nan : StudentT.quantile975(degreesOfFreedom: p.count - 1)
                return DifferenceSummary(
                    definition: definition,
                    scale: scale,
                    count: p.count,
                    meanReference: p.count == 0 ? .nan : p.meanA,
                    meanVariant: p.count == 0 ? .nan : p.meanB,
                    difference: p.count == 0 ? .nan : value,
                    standardError: se,
                    halfWidth: t * se
                )
            }
        }
        var summary = ComparisonSummary(names: scenarios.map(\.name), summaries: summaries, differences: differences)
        summary.sameOutcome = replications > 0 ? same : same.map { _ in false }
        return summary
    }
}
