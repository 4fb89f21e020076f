/// The P² estimator of one quantile (Jain and Chlamtac, 1985): five markers, O(1) memory and time.
///
/// The markers' heights move by piecewise-parabolic interpolation as observations arrive; nothing is
/// stored. The estimate is deterministic for a given order of observations. Its error is not bounded in
/// the worst case, but for the smooth distributions of simulation metrics it is typically a small fraction
/// of a standard deviation (`Docs/simulation.md` gives measurements).
package struct P2Quantile: Sendable, Equatable {
    /// The quantile estimated, in (0, 1).
    package let probability: Double
    // The five markers' heights and positions and the three inner markers' desired positions, as scalars:
    // marker 0's position stays 1 and only markers 1–3 are ever moved towards their desired positions. No
    // heap storage, and every update is the same floating-point operation, in the same order, as the textbook
    // loop over the markers.
    private var h0 = 0.0, h1 = 0.0, h2 = 0.0, h3 = 0.0, h4 = 0.0
    private var n1 = 2.0, n2 = 3.0, n3 = 4.0, n4 = 5.0
    private var d1: Double, d2: Double, d3: Double
    private let i1: Double, i2: Double, i3: Double
    /// How many heights are set: fewer than 5 until the fifth observation.
    private var filled = 0

    package init(probability p: Double) {
        precondition(p > 0 && p < 1, "a P² quantile must lie strictly between 0 and 1")
        probability = p
        (d1, d2, d3) = (1 + 2 * p, 1 + 4 * p, 3 + 2 * p)
        (i1, i2, i3) = (p / 2, p, (1 + p) / 2)
    }

    /// Observations folded so far.
    package private(set) var count = 0

    /// Folds one observation.
    package mutating func add(_ x: Double) {
        count += 1
        if filled < 5 {
            switch filled {
            case 0: h0 = x
            case 1: h1 = x
            case 2: h2 = x
            case 3: h3 = x
            default:
                let sorted = [h0, h1, h2, h3, x].sorted()
                (h0, h1, h2, h3, h4) = (sorted[0], sorted[1], sorted[2], sorted[3], sorted[4])
            }
            filled += 1
            return
        }
        // The cell k of x (markers k and k + 1 around it); the markers above it move up one position.
        let k: Int
        if x < h0 {
            h0 = x
            k = 0
        } else if x >= h4 {
            h4 = max(h4, x)
            k = 3
        } else {
            k = x >= h1 ? (x >= h2 ? (x >= h3 ? 3 : 2) : 1) : 0
        }
        if k < 1 { n1 += 1 }
        if k < 2 { n2 += 1 }
        if k < 3 { n3 += 1 }
        n4 += 1
        d1 += i1
        d2 += i2
        d3 += i3
        // Markers 1, 2, 3 in turn, each seeing its lower neighbour as already adjusted.
        (h1, n1) = Self.adjust(h0, h1, h2, 1, n1, n2, desired: d1)
        (h2, n2) = Self.adjust(h1, h2, h3, n1, n2, n3, desired: d2)
        (h3, n3) = Self.adjust(h2, h3, h4, n2, n3, n4, desired: d3)
    }

    /// The estimate; nil before five observations (callers keep those exactly).
    package var estimate: Double? { filled == 5 ? h2 : nil }

    /// An inner marker at height q and position n, between (qm, nm) and (qp, np): moved one position towards
    /// its desired position when it is at least one away and the neighbour on that side leaves room, to the
    /// piecewise-parabolic height, or the linear one where the parabola leaves the neighbours' interval.
    @inline(__always)
    private static func adjust(
        _ qm: Double,
        _ q: Double,
        _ qp: Double,
        _ nm: Double,
        _ n: Double,
        _ np: Double,
        desired: Double
    ) -> (Double, Double) {
        let d = desired - n
        guard (d >= 1 && np - n > 1) || (d <= -1 && nm - n < -1) else { return (q, n) }
        let step: Double = d > 0 ? 1 : -1
        let candidate =
            q + step / (np - nm) * ((n - nm + step) * (qp - q) / (np - n) + (np - n - step) * (q - qm) / (n - nm))
        if qm < candidate && candidate < qp { return (candidate, n + step) }
        let (qj, nj) = step > 0 ? (qp, np) : (qm, nm)
        return (q + step * (qj - q) / (nj - n), n + step)
    }
}
