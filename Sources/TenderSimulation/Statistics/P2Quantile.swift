/// The P² estimator of one quantile (Jain and Chlamtac, 1985): five markers, O(1) memory and time.
///
/// The markers' heights move by piecewise-parabolic interpolation as observations arrive; nothing is
/// stored. The estimate is deterministic for a given order of observations. Its error is not bounded in
/// the worst case, but for the smooth distributions of simulation metrics it is typically a small fraction
/// of a standard deviation (`Docs/simulation.md` gives measurements).
package struct P2Quantile: Sendable, Equatable {
    /// The quantile estimated, in (0, 1).
    package let probability: Double
    // The five markers in lanes 0–4 of fixed-size vectors (lanes 5–7 stay 0): no heap storage, and no
    // uniqueness check of an array on every observation of every metric.
    private var heights = SIMD8<Double>()
    /// How many heights are set: fewer than 5 until the fifth observation.
    private var filled = 0
    private var positions = SIMD8<Double>(1, 2, 3, 4, 5, 0, 0, 0)
    private var desired: SIMD8<Double>
    private var increments: SIMD8<Double>

    package init(probability p: Double) {
        precondition(p > 0 && p < 1, "a P² quantile must lie strictly between 0 and 1")
        probability = p
        desired = SIMD8(1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5, 0, 0, 0)
        increments = SIMD8(0, p / 2, p, (1 + p) / 2, 1, 0, 0, 0)
    }

    /// Observations folded so far.
    package private(set) var count = 0

    /// Folds one observation.
    package mutating func add(_ x: Double) {
        count += 1
        if filled < 5 {
            heights[filled] = x
            filled += 1
            if filled == 5 {
                let sorted = [heights[0], heights[1], heights[2], heights[3], heights[4]].sorted()
                for i in 0..<5 { heights[i] = sorted[i] }
            }
            return
        }
        let k: Int
        if x < heights[0] {
            heights[0] = x
            k = 0
        } else if x >= heights[4] {
            heights[4] = max(heights[4], x)
            k = 3
        } else {
            var i = 0
            while i < 3 && x >= heights[i + 1] { i += 1 }
            k = i
        }
        for i in (k + 1)..<5 { positions[i] += 1 }
        for i in 0..<5 { desired[i] += increments[i] }
        for i in 1...3 {
            let d = desired[i] - positions[i]
            if (d >= 1 && positions[i + 1] - positions[i] > 1) || (d <= -1 && positions[i - 1] - positions[i] < -1) {
                let step: Double = d > 0 ? 1 : -1
                let candidate = parabolic(i, step)
                if heights[i - 1] < candidate && candidate < heights[i + 1] {
                    heights[i] = candidate
                } else {
                    heights[i] = linear(i, step)
                }
                positions[i] += step
            }
        }
    }

    /// The estimate; nil before five observations (callers keep those exactly).
    package var estimate: Double? { filled == 5 ? heights[2] : nil }

    private func parabolic(_ i: Int, _ d: Double) -> Double {
        let (qm, q, qp) = (heights[i - 1], heights[i], heights[i + 1])
        let (nm, n, np) = (positions[i - 1], positions[i], positions[i + 1])
        return q + d / (np - nm) * ((n - nm + d) * (qp - q) / (np - n) + (np - n - d) * (q - qm) / (n - nm))
    }

    private func linear(_ i: Int, _ d: Double) -> Double {
        let j = i + Int(d)
        return heights[i] + d * (heights[j] - heights[i]) / (positions[j] - positions[i])
    }
}
