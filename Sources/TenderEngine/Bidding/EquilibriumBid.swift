#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The symmetric first-price equilibrium of a procurement (low-bid) auction with independent private costs.
///
/// With n potential bidders whose unit costs are drawn from F, and a reserve R (bids above it are rejected),
///
///     b(c) = c + ∫_c^R (1 − F(t))^(n−1) dt / (1 − F(c))^(n−1)    for c < R,
///
/// and b(c) = c for c ≥ R (a bidder never bids below cost; such a bid is over the ceiling and is rejected).
/// With one potential bidder, b(c) = R. The integral is taken by composite Simpson's rule on 256 intervals,
/// in `Double`, of the ratio ((1 − F(t)) / (1 − F(c)))^(n−1), which stays in [0, 1]. For discrete models
/// (fixed, empirical) the formula is applied as it stands, an approximation.
enum EquilibriumBid {
    static let intervals = 256

    /// The equilibrium unit bid for unit cost `cost`, not yet rounded.
    /// - Parameters:
    ///   - reserve: R, the lot's ceiling unit price for the category, or the top of the cost support if
    ///     lower.
    static func unitBid(cost: Double, distribution: CostDistribution, bidders: Int, reserve: Double) -> Double {
        let r = min(reserve, distribution.top)
        guard cost < r, r.isFinite else { return cost }
        guard bidders > 1 else { return r }
        let sc = distribution.survival(cost)
        guard sc > 0 else { return cost }
        let power = Double(bidders - 1)
        func g(_ t: Double) -> Double { pow(min(distribution.survival(t) / sc, 1), power) }
        let h = (r - cost) / Double(intervals)
        var sum = g(cost) + g(r)
        for i in 1..<intervals {
            sum += (i % 2 == 1 ? 4 : 2) * g(cost + Double(i) * h)
        }
        return cost + sum * h / 3
    }
}
