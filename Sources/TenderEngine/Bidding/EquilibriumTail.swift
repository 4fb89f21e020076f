/// The equilibrium bids of a bid function at every cent of a range, from one sweep down the costs: with
/// f = S^(n−1), S = 1 − F and r = min(R, top of the support),
///
///     b(c) = c + J(c) / f(c),    J(c) = ∫_c^r f(t) dt,
///
/// and J(c) = J(c + 1 cent) + the integral over that cent. Each cent's integral is taken by Simpson's rule on
/// two panels, split at a kink of S (the triangular model's mode), and its error estimated as the difference
/// from Simpson's rule on one panel (fifteen times Richardson's estimate: a wide margin); J at the top of the
/// range is ``EquilibriumBid``'s integral. Summed from the top, J carries the sum of the estimates, plus the
/// rounding of the additions (at most one unit in the last place of J per addition, as every term is
/// positive); divided by f(c), that bounds the error of b(c).
///
/// A cent's bid is given only where b(c), that far either way, rounds to the same cent with another
/// ``margin`` to spare, or ten times the per-cost integral's accuracy over [c, r] if more
/// (``EquilibriumBid/accuracy(range:)``: far inside the margin but over a range of tens of millions of yuan):
/// then it is the cent the per-cost integral gives. Elsewhere — near a half cent, where f underflows, for
/// discrete models, whose S jumps — the cent is left to the per-cost integral.
enum EquilibriumTail {
    /// In yuan: a hundredth of a cent.
    static let margin = 1e-4
    /// The smallest f divided by.
    static let smallestDivisor = 1e-200

    /// Calls `decided(k, bid)` for the costs `first + k` cents (0 ≤ k < `count`) whose bid it decides, with the
    /// bid in cents: `max(round half away from zero(b(c) × 100), c × 100)`, as ``BidGenerator`` rounds it.
    static func sweep(
        distribution: CostDistribution,
        bidders: Int,
        reserve: Double,
        first: Int64,
        count: Int,
        decided: (Int, Int64) -> Void
    ) {
        let r = min(reserve, distribution.top)
        guard bidders > 1, distribution.values == nil, r.isFinite, count > 0 else { return }
        let power = bidders - 1
        func f(_ t: Double) -> Double { DoubleMath.power(distribution.survival(t), power) }
        func cost(_ k: Int) -> Double { Double(first + Int64(k)) / 100 }
        // The highest cost below r whose f can be divided by (f rises as the cost falls).
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if cost(mid) < r && f(cost(mid)) >= smallestDivisor { low = mid + 1 } else { high = mid }
        }
        let top = low - 1
        guard top >= 0 else { return }
        var x = cost(top)
        var fx = f(x)
        // J at the top: the per-cost integral of f / f(x), times f(x).
        var tail = EquilibriumBid.unitBid(cost: x, distribution: distribution, bidders: bidders, reserve: r) - x
        tail *= fx
        var error = EquilibriumBid.accuracy(range: r - x) * fx
        var additions = 1.0
        let kink = distribution.kink
        for k in stride(from: top, through: 0, by: -1) {
            if k < top {
                let a = cost(k)
                let fa = f(a)
                let piece: (value: Double, error: Double)
                if let kink, a < kink, kink < x {
                    let lower = panels(f, a, kink, fa, f(kink))
                    let upper = panels(f, kink, x, f(kink), fx)
                    piece = (lower.value + upper.value, lower.error + upper.error)
                } else {
                    piece = panels(f, a, x, fa, fx)
                }
                tail += piece.value
                error += piece.error
                additions += 1
                (x, fx) = (a, fa)
            }
            guard fx >= smallestDivisor else { continue }
            let bid = x + tail / fx
            let bound = (error + tail * additions * Double.ulpOfOne) / fx + bid * Double.ulpOfOne
            guard bid.isFinite, bid >= 0, bid < DoubleMath.largestAmount, bound.isFinite else { continue }
            let scaled = bid * 100
            let fromHalf = abs(scaled - scaled.rounded(.down) - 0.5) / 100
            let perCost = EquilibriumBid.accuracy(range: r - x)
            guard fromHalf > bound + max(margin, 10 * perCost) else { continue }
            let cents = Int64(scaled.rounded(.toNearestOrAwayFromZero))
            decided(k, max(cents, first + Int64(k)))
        }
    }

    /// ∫_a^b f by Simpson's rule on two panels, and its error estimate: the difference from one panel.
    private static func panels(
        _ f: (Double) -> Double,
        _ a: Double,
        _ b: Double,
        _ fa: Double,
        _ fb: Double
    ) -> (value: Double, error: Double) {
        let h = b - a
        let fm = f(a + h / 2)
        let two = h / 12 * (fa + 4 * f(a + h / 4) + 2 * fm + 4 * f(a + 3 * h / 4) + fb)
        let one = h / 6 * (fa + 4 * fm + fb)
        return (two, abs(two - one))
    }
}
