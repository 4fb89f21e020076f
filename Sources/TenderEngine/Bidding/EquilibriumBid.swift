import ExactNumbers

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

/// The equilibrium markups of one (cost distribution, bidders, reserve) from a table of tail integrals,
/// built once: b(c) = c + J(c) / S(c)^(n−1), with J(x) = ∫_x^R S(t)^(n−1) dt and S = 1 − F.
///
/// J is tabulated at ``segments`` + 1 evenly spaced nodes from `start` to R (Simpson's rule on
/// ``subintervals`` steps per segment, summed from R down); J(c) is the node above c plus the partial segment
/// from c to it (Simpson, ``partialSubintervals`` steps): steps of (R − start) / 4,096 between nodes and at most
/// half that from c, where the per-cost integral steps (R − c) / 256.
///
/// ``EquilibriumBid/unitBid(cost:distribution:bidders:reserve:)`` stays the reference: a bid is taken from the
/// table only where its value lies more than ``guardBand`` from a half cent, the boundary where rounding to
/// the cent changes; nearer, it is integrated per cost. So the rounded bid is the integrated one wherever
/// the two computations differ by less than the guard band (`EquilibriumTailTests` measures the difference
/// over 600 costs of every bid function of the bundled scenarios: far below it). Only the continuous models
/// (uniform, triangular, truncated normal, lognormal) are tabulated; a triangular model's mode is a node of
/// the integration, where S has a kink.
struct EquilibriumTail: Sendable {
    static let segments = 1024
    static let subintervals = 4
    static let partialSubintervals = 8
    /// 0.01 cent, in yuan.
    static let guardBand = 0.0001

    let distribution: CostDistribution
    let start: Double
    let reserve: Double
    let width: Double
    let power: Double
    /// tails[k] = J(start + k × width); tails[segments] = 0.
    let tails: [Double]
    /// Where S has a kink inside (start, reserve): integrals across it are split there.
    let kink: Double?

    /// Nil where there is nothing to tabulate: one bidder, a discrete model, an empty or unbounded range.
    static func table(distribution: CostDistribution, bidders: Int, reserve: Double, start: Double) -> Self? {
        guard bidders > 1, distribution.isContinuous else { return nil }
        let r = min(reserve, distribution.top)
        guard r.isFinite, start.isFinite, start < r else { return nil }
        let width = (r - start) / Double(segments)
        let power = Double(bidders - 1)
        let kink = distribution.kink.flatMap { $0 > start && $0 < r ? $0 : nil }
        var tails = [Double](repeating: 0, count: segments + 1)
        var sum = 0.0
        // Summed from R down: each node's tail adds its segment to the one above.
        for k in stride(from: segments - 1, through: 0, by: -1) {
            let a = start + Double(k) * width
            let b = k == segments - 1 ? r : start + Double(k + 1) * width
            sum += integral(a, b, steps: subintervals, distribution: distribution, power: power, kink: kink)
            tails[k] = sum
        }
        return EquilibriumTail(
            distribution: distribution,
            start: start,
            reserve: r,
            width: width,
            power: power,
            tails: tails,
            kink: kink
        )
    }

    /// S(t)^(n−1).
    @inline(__always)
    private static func f(_ t: Double, _ distribution: CostDistribution, _ power: Double) -> Double {
        pow(distribution.survival(t), power)
    }

    /// ∫_a^b S(t)^(n−1) dt by Simpson's rule on `steps` (even) steps, split at the kink when inside.
    private static func integral(
        _ a: Double,
        _ b: Double,
        steps: Int,
        distribution: CostDistribution,
        power: Double,
        kink: Double?
    ) -> Double {
        if let kink, a < kink, kink < b {
            return simpson(a, kink, steps: steps, distribution, power)
                + simpson(kink, b, steps: steps, distribution, power)
        }
        return simpson(a, b, steps: steps, distribution, power)
    }

    private static func simpson(
        _ a: Double,
        _ b: Double,
        steps: Int,
        _ distribution: CostDistribution,
        _ power: Double
    ) -> Double {
        let h = (b - a) / Double(steps)
        var sum = f(a, distribution, power) + f(b, distribution, power)
        for i in 1..<steps { sum += (i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h, distribution, power) }
        return sum * h / 3
    }

    /// The unit bid at `cost`, not rounded: nil outside the table or where S(c)^(n−1) is too small to divide
    /// by safely.
    func value(cost c: Double) -> Double? {
        guard c >= start, c < reserve else { return nil }
        let k = min(Int((c - start) / width), Self.segments - 1)
        // Where S^(n−1) falls by more than half within one segment above c (towards a top of the support
        // where it vanishes to the order n − 1, or with many bidders), a few Simpson steps per segment lose
        // their accuracy: such costs are integrated per cost.
        guard k < Self.segments - 1 else { return nil }
        let next = start + Double(k + 1) * width
        let denominator = Self.f(c, distribution, power)
        guard denominator > 1e-200, Self.f(c + width, distribution, power) >= denominator / 2 else { return nil }
        let partial =
            next > c
            ? Self.integral(
                c,
                next,
                steps: Self.partialSubintervals,
                distribution: distribution,
                power: power,
                kink: kink
            ) : 0
        let bid = c + (partial + tails[k + 1]) / denominator
        return bid.isFinite && bid < DoubleMath.largestAmount ? bid : nil
    }

    /// The unit bid at `cost`, rounded to the cent, when the table decides it: nil where ``value(cost:)`` is,
    /// and where the value lies within the guard band of a half cent (the caller integrates per cost).
    func unitBid(cost c: Double) -> Exact? {
        guard let bid = value(cost: c) else { return nil }
        let scaled = bid * 100
        guard abs(scaled - scaled.rounded(.down) - 0.5) > Self.guardBand * 100 else { return nil }
        return DoubleMath.cents(bid)
    }
}
