import ExactNumbers

/// The streaming statistics of one metric: Welford moments, min and max, the quantile sketch, and the exact
/// total for amounts, counts and indicators. Memory is bounded whatever the number of observations.
package struct MetricAccumulator: Sendable {
    package private(set) var definition: MetricDefinition
    private var moments = RunningMoments()
    private var sketch = QuantileSketch()
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    /// Replications where the metric was undefined (a failed lot has no contract price).
    package private(set) var undefined = 0
    /// The exact sum of the defined values (amounts, counts, indicators only).
    package private(set) var total = Exact.zero
    /// The defined values seen so far while they are all one value (its bits): counted, not yet folded into
    /// the moments and the sketch. Many metrics never change in a scenario (its lots, its ceiling, a share
    /// that stays 0); the first different value folds the run, as many times, before itself, so every state
    /// is what folding each value as it came gives.
    private var repeated: (value: Double, count: Int)? = (0, 0)

    package init(_ definition: MetricDefinition) {
        self.definition = definition
    }

    /// The figures of `other` under `definition`: the state of a metric that has received every value `other`
    /// has (``StatisticsAccumulator``'s repeated metrics).
    init(_ definition: MetricDefinition, figuresOf other: MetricAccumulator) {
        self = other
        self.definition = definition
    }

    /// Folds one replication's value (`nan` when undefined) and its exact value.
    package mutating func add(_ value: Double, exact: Exact?) {
        guard !value.isNaN else {
            undefined += 1
            return
        }
        if let exact { total += exact }
        if let run = repeated {
            if run.count == 0 || run.value.bitPattern == value.bitPattern {
                repeated = (value, run.count + 1)
                return
            }
            repeated = nil
            for _ in 0..<run.count { fold(run.value) }
        }
        fold(value)
    }

    private mutating func fold(_ value: Double) {
        moments.add(value)
        sketch.add(value)
        minimum = min(minimum, value)
        maximum = max(maximum, value)
    }

    /// The summary so far.
    package var summary: MetricSummary {
        var moments = self.moments
        var quantiles = sketch.quantiles ?? [.nan, .nan, .nan]
        var (minimum, maximum) = (self.minimum, self.maximum)
        var quantilesExact = sketch.isExact
        if let run = repeated, run.count > 0 {
            // n equal values x: Welford's mean is x from the first on and the squared deviations stay 0; the
            // type-7 quantiles of n copies of x are x, and so are P²'s (its markers never leave x).
            moments = RunningMoments(count: run.count, mean: run.value)
            quantiles = [run.value, run.value, run.value]
            (minimum, maximum) = (run.value, run.value)
            quantilesExact = run.count <= QuantileSketch.exactLimit
        }
        let n = moments.count
        let halfWidth = n < 2 ? Double.nan : StudentT.quantile975(degreesOfFreedom: n - 1) * moments.standardError
        return MetricSummary(
            definition: definition,
            count: n,
            undefined: undefined,
            mean: n == 0 ? .nan : moments.mean,
            standardDeviation: n < 2 ? .nan : moments.standardDeviation,
            standardError: n < 2 ? .nan : moments.standardError,
            confidenceLow: moments.mean - halfWidth,
            confidenceHigh: moments.mean + halfWidth,
            p5: quantiles[0],
            p50: quantiles[1],
            p95: quantiles[2],
            minimum: n == 0 ? .nan : minimum,
            maximum: n == 0 ? .nan : maximum,
            total: definition.kind.keepsExactTotal ? total : nil,
            quantilesExact: quantilesExact
        )
    }
}

/// What is reported of one metric over the replications. Floating point, except ``total``.
///
/// Two summaries are equal when every number has the same bits (so an undefined `nan` equals itself): the
/// equality that "byte-identical for any number of jobs" means.
package struct MetricSummary: Sendable, Equatable {
    package var definition: MetricDefinition
    /// Replications where the metric was defined.
    package var count: Int
    /// Replications where it was not (e.g. the contract of a failed lot).
    package var undefined: Int
    package var mean: Double
    package var standardDeviation: Double
    package var standardError: Double
    /// The 95% confidence interval of the mean: mean ± t(0.975, n − 1) × standard error.
    package var confidenceLow: Double
    package var confidenceHigh: Double
    package var p5: Double
    package var p50: Double
    package var p95: Double
    package var minimum: Double
    package var maximum: Double
    /// The exact sum over the replications where defined (amounts, counts, indicators).
    package var total: Exact?
    /// Whether the percentiles are exact (at most ``QuantileSketch/exactLimit`` values) or P² estimates.
    package var quantilesExact: Bool

    package init(
        definition: MetricDefinition,
        count: Int,
        undefined: Int,
        mean: Double,
        standardDeviation: Double,
        standardError: Double,
        confidenceLow: Double,
        confidenceHigh: Double,
        p5: Double,
        p50: Double,
        p95: Double,
        minimum: Double,
        maximum: Double,
        total: Exact?,
        quantilesExact: Bool
    ) {
        self.definition = definition
        self.count = count
        self.undefined = undefined
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.standardError = standardError
        self.confidenceLow = confidenceLow
        self.confidenceHigh = confidenceHigh
        self.p5 = p5
        self.p50 = p50
        self.p95 = p95
        self.minimum = minimum
        self.maximum = maximum
        self.total = total
        self.quantilesExact = quantilesExact
    }

    package static func == (a: MetricSummary, b: MetricSummary) -> Bool {
        let x = [
            a.mean, a.standardDeviation, a.standardError, a.confidenceLow, a.confidenceHigh, a.p5, a.p50, a.p95,
            a.minimum, a.maximum,
        ]
        let y = [
            b.mean, b.standardDeviation, b.standardError, b.confidenceLow, b.confidenceHigh, b.p5, b.p50, b.p95,
            b.minimum, b.maximum,
        ]
        return a.definition == b.definition && a.count == b.count && a.undefined == b.undefined && a.total == b.total
            && a.quantilesExact == b.quantilesExact && x.map(\.bitPattern) == y.map(\.bitPattern)
    }
}

/// The accumulators of every metric of a catalogue; records are folded in replication order.
///
/// Metrics that repeat another are folded once: many metrics have the same value in every replication of a
/// scenario (the contract and the total cost when administration costs nothing, a one-lot scenario's run and
/// lot figures). A metric that has had the same value (the same bits) and the same exact value as an earlier
/// one in every replication so far has that metric's figures, so it is not folded; the first time it
/// differs, it takes a copy of those figures, as they were before this replication, and goes on alone. Every
/// summary is the one folding each metric's own values gives.
package struct StatisticsAccumulator: Sendable {
    package let catalog: MetricCatalog
    private var metrics: [MetricAccumulator]
    /// Per metric: the earlier metric it has repeated in every replication so far (never itself a repeat), or
    /// nil when it is folded itself. Set by the first replication.
    private var repeats: [Int?] = []
    /// Replications folded.
    package private(set) var replications = 0

    package init(catalog: MetricCatalog) {
        self.catalog = catalog
        metrics = catalog.definitions.map(MetricAccumulator.init)
    }

    /// Folds one replication.
    package mutating func add(_ record: ReplicationRecord) {
        precondition(record.values.count == metrics.count, "a record must match the catalogue")
        replications += 1
        if replications == 1 { repeats = Self.repeats(in: record) }
        // Last metric first: a metric's original comes before it, so it has not yet folded this replication
        // when the copy that parts from it takes its figures.
        for i in metrics.indices.reversed() {
            if let original = repeats[i] {
                if record.values[i].bitPattern == record.values[original].bitPattern
                    && record.exact[i] == record.exact[original]
                {
                    continue
                }
                metrics[i] = MetricAccumulator(metrics[i].definition, figuresOf: metrics[original])
                repeats[i] = nil
            }
            metrics[i].add(record.values[i], exact: record.exact[i])
        }
    }

    /// Per metric of a first record, the first earlier metric with the same value and exact value that is not
    /// itself a repeat.
    private static func repeats(in record: ReplicationRecord) -> [Int?] {
        var originals: [UInt64: [Int]] = [:]
        var repeats = [Int?](repeating: nil, count: record.values.count)
        for i in record.values.indices {
            let bits = record.values[i].bitPattern
            if let original = originals[bits]?.first(where: { record.exact[$0] == record.exact[i] }) {
                repeats[i] = original
            } else {
                originals[bits, default: []].append(i)
            }
        }
        return repeats
    }

    package var summaries: [MetricSummary] {
        metrics.indices.map { i in
            guard let original = repeats.isEmpty ? nil : repeats[i] else { return metrics[i].summary }
            return MetricAccumulator(metrics[i].definition, figuresOf: metrics[original]).summary
        }
    }
}
