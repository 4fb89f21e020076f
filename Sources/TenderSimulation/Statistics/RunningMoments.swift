/// Mean and variance in one pass (Welford's update), in `Double`.
///
/// The update is order-dependent in its last bits, so callers fold observations in replication order: the
/// same replications give the same bits whatever the number of jobs.
package struct RunningMoments: Sendable, Equatable {
    /// Observations folded so far.
    package private(set) var count = 0
    /// Their mean (0 before the first).
    package private(set) var mean = 0.0
    /// Σ (x − mean)², kept for the variance.
    package private(set) var sumOfSquaredDeviations = 0.0

    package init() {}

    /// The moments of `count` observations all equal to `mean`: what folding them one by one gives (the
    /// mean is exact from the first, every deviation is 0).
    package init(count: Int, mean: Double) {
        self.count = count
        self.mean = count == 0 ? 0 : mean
    }

    /// Folds one observation.
    package mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
    }

    /// The sample variance (n − 1 in the denominator); 0 with fewer than two observations.
    package var variance: Double { count < 2 ? 0 : max(0, sumOfSquaredDeviations / Double(count - 1)) }

    /// The sample standard deviation.
    package var standardDeviation: Double { variance.squareRoot() }

    /// The standard error of the mean, sd / √n.
    package var standardError: Double { count < 2 ? 0 : standardDeviation / Double(count).squareRoot() }
}
