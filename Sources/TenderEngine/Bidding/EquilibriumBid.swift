/// The symmetric first-price equilibrium of a procurement (low-bid) auction with independent private costs.
///
/// With n potential bidders whose unit costs are drawn from F, and a reserve R (bids above it are rejected),
///
///     b(c) = c + ∫_c^R (1 − F(t))^(n−1) dt / (1 − F(c))^(n−1)    for c < R,
///
/// and b(c) = c for c ≥ R (a bidder never bids below cost; such a bid is over the ceiling and is rejected).
/// With one potential bidder, b(c) = R. The markup is the integral of g(t) = ((1 − F(t)) / (1 − F(c)))^(n−1),
/// which falls from 1 at c and stays in [0, 1]:
/// - for the continuous models (uniform, triangular, truncated normal, lognormal) by adaptive Simpson
///   quadrature to an absolute accuracy of ``tolerance`` yuan (split at the triangular model's mode, where F
///   has a kink). g never rises, so a piece whose two ends are equal is flat and taken as it is, and the range
///   ends where what lies beyond is bounded below a tenth of the tolerance: where g falls to 0 within a small
///   part of [c, R] (a narrow model under a ceiling far above it, or a wide one spread over decades), the
///   steps are spent where g falls, not spread evenly over [c, R];
/// - for the discrete models (fixed, empirical) exactly: 1 − F is constant between the model's values, so the
///   integral is a finite sum.
enum EquilibriumBid {
    /// The absolute accuracy asked of the markup, in yuan: a ten-thousandth of a cent.
    static let tolerance = 1e-6
    /// Per yuan of a piece's width, the difference between Simpson's rule on the piece and on its halves that
    /// is taken as rounding, not as an error to halve again: g is computed to about 10⁻¹⁴ of itself (the
    /// logarithm and the tail of the normal distribution of a cost of 10⁷ lose that much), so over a range of
    /// tens of millions of yuan the asked accuracy lies below what g can give, and halving would go on to the
    /// deepest level everywhere (2⁴⁰ evaluations). Below 10⁵ yuan of range the tolerance decides alone.
    static let noise = 1e-13
    /// The deepest halving of the adaptive quadrature (a piece 2⁻⁴⁰ of the range, far below a cent).
    static let deepest = 40
    /// The most pieces one quadrature examines (two evaluations each).
    static let mostPieces = 1 << 15

    /// The equilibrium unit bid for unit cost `cost`, not yet rounded.
    /// - Parameters:
    ///   - reserve: R, the lot's ceiling unit price for the category, or the top of the cost support if
    ///     lower.
    static func unitBid(cost: Double, distribution: CostDistribution, bidders: Int, reserve: Double) -> Double {
        var evaluations = 0
        return unitBid(cost: cost, distribution: distribution, bidders: bidders, reserve: reserve, &evaluations)
    }

    /// As ``unitBid(cost:distribution:bidders:reserve:)``, adding to `evaluations` the evaluations of the
    /// integrand it took (a discrete model's steps).
    static func unitBid(
        cost: Double,
        distribution: CostDistribution,
        bidders: Int,
        reserve: Double,
        _ evaluations: inout Int
    ) -> Double {
        let r = min(reserve, distribution.top)
        guard cost < r, r.isFinite else { return cost }
        guard bidders > 1 else { return r }
        let sc = distribution.survival(cost)
        guard sc > 0 else { return cost }
        let power = bidders - 1
        if let values = distribution.values {
            evaluations += values.count
            return cost + stepIntegral(from: cost, to: r, values: values, power: power, survivalAtCost: sc)
        }
        func g(_ t: Double) -> Double {
            evaluations += 1
            return DoubleMath.power(min(distribution.survival(t) / sc, 1), power)
        }
        // g never rises, so beyond t the integral is at most (r − t) g(t): the quadrature ends at the lowest
        // t = c + (r − c)/2^k where that is under a tenth of the tolerance (a wide model under a ceiling far
        // above its costs spends no steps on a tail where g is tiny but not 0).
        var upper = r
        var t = cost + (r - cost) / 2
        while t > cost && (r - t) * g(t) < tolerance / 10 {
            upper = t
            // Within a unit in the last place of the cost the halving may round back up to t: stop there.
            let next = cost + (t - cost) / 2
            guard next < t else { break }
            t = next
        }
        if let kink = distribution.kink, cost < kink, kink < upper {
            return cost + integral(g, from: cost, to: kink) + integral(g, from: kink, to: upper)
        }
        return cost + integral(g, from: cost, to: upper)
    }

    /// ∫_a^b f by adaptive Simpson quadrature, for a non-increasing f ≥ 0 (at most 1), to about
    /// ``accuracy(range:)`` of b − a.
    static func integral(_ f: (Double) -> Double, from a: Double, to b: Double) -> Double {
        guard b > a else { return 0 }
        let fa = f(a)
        let fb = f(b)
        let fm = f((a + b) / 2)
        let whole = (b - a) / 6 * (fa + 4 * fm + fb)
        var pieces = 0
        return adapt(f, a, b, fa, fm, fb, whole, tolerance: tolerance, depth: 0, pieces: &pieces)
    }

    /// What the quadrature's result is accurate to over a range of `range` yuan: ``tolerance``, and the rounding
    /// floor ``noise`` × the range where that is larger (10⁻⁵ yuan over 10⁸).
    static func accuracy(range: Double) -> Double { tolerance + noise * range }

    private static func adapt(
        _ f: (Double) -> Double,
        _ a: Double,
        _ b: Double,
        _ fa: Double,
        _ fm: Double,
        _ fb: Double,
        _ whole: Double,
        tolerance: Double,
        depth: Int,
        pieces: inout Int
    ) -> Double {
        // f never rises: equal ends mean f is constant between them.
        if fa == fb { return (b - a) * fa }
        pieces += 1
        let m = (a + b) / 2
        let flm = f((a + m) / 2)
        let frm = f((m + b) / 2)
        let left = (m - a) / 6 * (fa + 4 * flm + fm)
        let right = (b - m) / 6 * (fm + 4 * frm + fb)
        let delta = left + right - whole
        // A last guard, never reached by the models measured (a few thousand evaluations at most): at most
        // ``mostPieces`` pieces are halved, each costing two evaluations.
        if depth >= deepest || pieces >= mostPieces || abs(delta) <= 15 * max(tolerance, noise * (b - a)) {
            return left + right + delta / 15
        }
        return adapt(f, a, m, fa, flm, fm, left, tolerance: tolerance / 2, depth: depth + 1, pieces: &pieces)
            + adapt(f, m, b, fm, frm, fb, right, tolerance: tolerance / 2, depth: depth + 1, pieces: &pieces)
    }

    /// ∫_c^r ((1 − F(t)) / (1 − F(c)))^(n−1) dt for a discrete model with these sorted values: 1 − F(t), the
    /// share of values above t, is constant from one value to the next.
    private static func stepIntegral(
        from c: Double,
        to r: Double,
        values: [Double],
        power: Int,
        survivalAtCost sc: Double
    ) -> Double {
        let count = Double(values.count)
        // The first value above c: the values from it on are the ones above t on [c, that value).
        var next = values.partitionPoint { $0 > c }
        var start = c
        var sum = 0.0
        while start < r {
            let above = Double(values.count - next)
            let end = next < values.count ? min(values[next], r) : r
            sum += (end - start) * DoubleMath.power(min(above / count / sc, 1), power)
            start = end
            // Past every copy of the value just reached.
            while next < values.count && values[next] <= start { next += 1 }
            if above == 0 { break }
        }
        return sum
    }
}

extension Array where Element == Double {
    /// The index of the first element for which `isAbove` holds, in an array sorted so that it holds from
    /// some index on.
    fileprivate func partitionPoint(_ isAbove: (Double) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if isAbove(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
