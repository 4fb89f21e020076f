/// The 5th, 50th and 95th percentiles of a stream in bounded memory.
///
/// The first ``exactLimit`` observations are kept: while the count is at most that, the quantiles are
/// exact (linear interpolation between order statistics, the "type 7" definition of R and NumPy's
/// default). Three ``P2Quantile`` estimators take over beyond the limit, so memory stays at `exactLimit`
/// doubles per metric whatever the number of replications. They start only then, fed the kept observations
/// in their order before the new one: their state is the one folding each observation as it came gives (P²
/// is deterministic), and a simulation of at most `exactLimit` replications never pays for them.
package struct QuantileSketch: Sendable, Equatable {
    /// Observations kept for exact quantiles.
    package static let exactLimit = 4096
    /// The probabilities reported.
    package static let probabilities = [0.05, 0.5, 0.95]

    private var kept = KeptObservations()
    private var estimators = QuantileSketch.probabilities.map(P2Quantile.init(probability:))
    package private(set) var count = 0

    package init() {}

    /// Folds one observation.
    package mutating func add(_ x: Double) {
        count += 1
        if count <= Self.exactLimit {
            kept.append(x)
            return
        }
        if count == Self.exactLimit + 1 {
            for i in estimators.indices {
                for value in kept { estimators[i].add(value) }
            }
        }
        for i in estimators.indices { estimators[i].add(x) }
    }

    /// Whether ``quantiles`` are exact (false once P² has taken over).
    package var isExact: Bool { count <= Self.exactLimit }

    /// p5, p50 and p95; nil when empty.
    package var quantiles: [Double]? {
        guard count > 0 else { return nil }
        if isExact {
            let sorted = kept.sorted()
            return Self.probabilities.map { Self.type7(sorted, $0) }
        }
        return estimators.map { $0.estimate ?? .nan }
    }

    /// The type-7 quantile of sorted values: h = (n − 1)p, interpolated between the neighbours of h.
    package static func type7(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}
