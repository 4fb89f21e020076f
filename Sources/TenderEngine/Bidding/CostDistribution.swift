import ExactNumbers
import TenderModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``CostModel`` with its parameters in `Double`: draws by inverse CDF (or Box–Muller), and the survival
/// function 1 − F(t) the equilibrium integrates.
///
/// A class, never changed once built: every lot a supplier can bid on holds the distribution of its cost model,
/// one object shared through the context's ``EquilibriumTables`` (a value was copied into every (lot, supplier)
/// and again at every draw and every step of the equilibrium integral).
final class CostDistribution: Sendable {
    private enum Shape {
        case fixed(Double)
        case uniform(Double, Double)
        case triangular(Double, Double, Double)
        /// mean, sd, low, high
        case truncatedNormal(Double, Double, Double, Double)
        case lognormal(Double, Double)
        /// Sorted values.
        case empirical([Double])
    }

    private let shape: Shape
    /// The highest cost the model can draw (+∞ for the lognormal).
    let top: Double
    /// A truncated normal's tail probabilities at its bounds, computed once (``NormalTails``); zero for the other
    /// models, which never read them.
    private let tails: NormalTails

    init(_ model: CostModel) {
        let d = DoubleMath.double
        let shape: Shape
        switch model {
        case .fixed(let v):
            shape = .fixed(d(v))
        case .uniform(let low, let high):
            shape = .uniform(d(low), d(high))
        case .triangular(let low, let mode, let high):
            shape = .triangular(d(low), d(mode), d(high))
        case .truncatedNormal(let mean, let sd, let low, let high):
            shape = .truncatedNormal(d(mean), d(sd), d(low), d(high))
        case .lognormal(let mu, let sigma):
            shape = .lognormal(d(mu), d(sigma))
        case .empirical(let values):
            shape = .empirical(values.map(d).sorted())
        }
        self.shape = shape
        top = model.support.high.map(d) ?? .infinity
        if case .truncatedNormal(let mean, let sd, let low, let high) = shape {
            tails = NormalTails(alpha: (low - mean) / sd, beta: (high - mean) / sd)
        } else {
            tails = .unused
        }
    }

    /// One unit cost (not yet rounded): uniform, triangular and truncated normal by inverse CDF from one
    /// `unit()` draw; lognormal by Box–Muller from two; empirical by a uniform index; fixed draws nothing.
    func draw(_ stream: inout RandomStream) -> Double {
        switch shape {
        case .fixed(let v):
            return v
        case .uniform(let low, let high):
            return low + stream.unit() * (high - low)
        case .triangular(let low, let mode, let high):
            let u = stream.unit()
            let width = high - low
            guard width > 0 else { return low }
            if u < (mode - low) / width {
                return low + (u * width * (mode - low)).squareRoot()
            }
            return high - ((1 - u) * width * (high - mode)).squareRoot()
        case .truncatedNormal(let mean, let sd, let low, let high):
            return Self.truncatedNormal(mean: mean, sd: sd, low: low, high: high, tails: tails, u: stream.unit())
        case .lognormal(let mu, let sigma):
            let u1 = stream.unit()
            let u2 = stream.unit()
            let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return exp(mu + sigma * z)
        case .empirical(let values):
            guard !values.isEmpty else { return 0 }
            // The stored order is sorted; any fixed order gives equally likely values.
            return values[min(Int(stream.unit() * Double(values.count)), values.count - 1)]
        }
    }

    /// The standard normal's tails at a truncated normal's standardised bounds α = (low − mean) / sd and
    /// β = (high − mean) / sd, computed once per distribution: a draw and a survival read them instead of calling
    /// `erfc` twice each. The same doubles as computed at each call, so the same draws.
    private struct NormalTails {
        /// Φ(α), Φ(β): the inverse CDF uses these when the lower bound is below the mean.
        let lowerAlpha: Double
        let lowerBeta: Double
        /// 1 − Φ(α), 1 − Φ(β): the inverse CDF uses these otherwise (accurate far in the upper tail), and so does
        /// the survival function.
        let upperAlpha: Double
        let upperBeta: Double

        init(alpha: Double, beta: Double) {
            lowerAlpha = DoubleMath.normalCDF(alpha)
            lowerBeta = DoubleMath.normalCDF(beta)
            upperAlpha = DoubleMath.normalSurvival(alpha)
            upperBeta = DoubleMath.normalSurvival(beta)
        }

        private init() {
            (lowerAlpha, lowerBeta, upperAlpha, upperBeta) = (0, 0, 0, 0)
        }

        /// The tails of a model that is not a truncated normal: never read, and not computed.
        static let unused = NormalTails()
    }

    /// Inverse CDF of the normal truncated to [low, high]; through the upper tail when the whole interval
    /// lies above the mean, so a far-out interval keeps its precision. Clamped to [low, high]; a degenerate
    /// interval (no probability mass in `Double`) gives the mean clamped.
    private static func truncatedNormal(
        mean: Double,
        sd: Double,
        low: Double,
        high: Double,
        tails: NormalTails,
        u: Double
    ) -> Double {
        guard sd > 0, high > low else { return min(max(mean, low), high) }
        let alpha = (low - mean) / sd
        let z: Double
        if alpha >= 0 {
            let (qa, qb) = (tails.upperAlpha, tails.upperBeta)
            guard qa > qb else { return min(max(mean, low), high) }
            z = -DoubleMath.inverseNormalCDF(qa - u * (qa - qb))
        } else {
            let (pa, pb) = (tails.lowerAlpha, tails.lowerBeta)
            guard pb > pa else { return min(max(mean, low), high) }
            z = DoubleMath.inverseNormalCDF(pa + u * (pb - pa))
        }
        let x = mean + sd * z
        return x.isFinite ? min(max(x, low), high) : min(max(mean, low), high)
    }

    /// The values a discrete model draws (fixed: its value; empirical: its values, sorted), where 1 − F
    /// jumps; nil for the continuous models.
    var values: [Double]? {
        switch shape {
        case .fixed(let v): [v]
        case .empirical(let values): values
        case .uniform, .triangular, .truncatedNormal, .lognormal: nil
        }
    }

    /// A cost inside the support where 1 − F has a kink (the triangular model's mode), nil elsewhere.
    var kink: Double? {
        if case .triangular(_, let mode, _) = shape { return mode }
        return nil
    }

    /// A cost below which a draw has probability under 10⁻¹² (its quantile there) for the models whose support
    /// reaches far beyond the costs they draw: the lognormal (from 0) and the truncated normal (its bounds may lie
    /// many standard deviations out); −∞ for the others.
    var negligiblyLow: Double { negligible(1e-12, otherwise: -.infinity) }

    /// A cost above which a draw has probability under 10⁻¹², as ``negligiblyLow``; +∞ for the other models.
    var negligiblyHigh: Double { negligible(1 - 1e-12, otherwise: .infinity) }

    private func negligible(_ p: Double, otherwise: Double) -> Double {
        let quantile: Double
        switch shape {
        case .lognormal(let mu, let sigma):
            quantile = exp(mu + sigma * DoubleMath.inverseNormalCDF(p))
        case .truncatedNormal(let mean, let sd, let low, let high):
            quantile = Self.truncatedNormal(mean: mean, sd: sd, low: low, high: high, tails: tails, u: p)
        case .fixed, .uniform, .triangular, .empirical:
            return otherwise
        }
        return quantile.isFinite ? quantile : otherwise
    }

    /// 1 − F(t): the probability that a cost drawn from the model exceeds `t`.
    func survival(_ t: Double) -> Double {
        switch shape {
        case .fixed(let v):
            return t < v ? 1 : 0
        case .uniform(let low, let high):
            guard high > low else { return t < low ? 1 : 0 }
            return min(max((high - t) / (high - low), 0), 1)
        case .triangular(let low, let mode, let high):
            if t <= low { return 1 }
            if t >= high { return 0 }
            if t <= mode { return 1 - (t - low) * (t - low) / ((high - low) * (mode - low)) }
            return (high - t) * (high - t) / ((high - low) * (high - mode))
        case .truncatedNormal(let mean, let sd, let low, let high):
            if t < low { return 1 }
            if t >= high { return 0 }
            guard sd > 0 else { return t < mean ? 1 : 0 }
            let (qa, qb) = (tails.upperAlpha, tails.upperBeta)
            guard qa > qb else { return 0 }
            let qt = DoubleMath.normalSurvival((t - mean) / sd)
            return min(max((qt - qb) / (qa - qb), 0), 1)
        case .lognormal(let mu, let sigma):
            guard t > 0 else { return 1 }
            guard sigma > 0 else { return t < exp(mu) ? 1 : 0 }
            return DoubleMath.normalSurvival((log(t) - mu) / sigma)
        case .empirical(let values):
            guard !values.isEmpty else { return 0 }
            return Double(values.count { $0 > t }) / Double(values.count)
        }
    }
}
