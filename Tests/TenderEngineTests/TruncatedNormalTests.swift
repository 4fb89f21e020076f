import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

/// A truncated normal cost keeps the normal's tail probabilities at its bounds, computed once per distribution
/// (``CostDistribution``). Draws and the survival function must be, bit for bit, what the formulas give when the
/// tails are computed at each call: the inverse CDF through the lower tails when the lower bound is below the
/// mean, through the upper tails otherwise, and 1 − F(t) through the upper tails.
@Suite struct TruncatedNormalTests {
    /// (mean, sd, low, high): symmetric, lower bound at the mean, far in the upper tail (α = 6), beyond the
    /// reach of `Double` (α = 50: both tails underflow), far in the lower tail, a narrow sd, and Daqing's model.
    static let models: [(String, String, String, String)] = [
        ("100", "15", "85", "115"), ("100", "10", "100", "130"), ("100", "5", "130", "131"),
        ("100", "1", "150", "160"), ("100", "1", "40", "60"), ("100", "0.000001", "90", "110"),
        ("324", "8.11", "298", "350"),
    ]

    /// The inverse CDF with the tails computed at the call.
    static func quantile(_ mean: Double, _ sd: Double, _ low: Double, _ high: Double, _ u: Double) -> Double {
        let alpha = (low - mean) / sd
        let beta = (high - mean) / sd
        let z: Double
        if alpha >= 0 {
            let qa = DoubleMath.normalSurvival(alpha)
            let qb = DoubleMath.normalSurvival(beta)
            guard qa > qb else { return min(max(mean, low), high) }
            z = -DoubleMath.inverseNormalCDF(qa - u * (qa - qb))
        } else {
            let pa = DoubleMath.normalCDF(alpha)
            let pb = DoubleMath.normalCDF(beta)
            guard pb > pa else { return min(max(mean, low), high) }
            z = DoubleMath.inverseNormalCDF(pa + u * (pb - pa))
        }
        let x = mean + sd * z
        return x.isFinite ? min(max(x, low), high) : min(max(mean, low), high)
    }

    /// 1 − F(t) with the tails computed at the call.
    static func survival(_ mean: Double, _ sd: Double, _ low: Double, _ high: Double, _ t: Double) -> Double {
        if t < low { return 1 }
        if t >= high { return 0 }
        let qa = DoubleMath.normalSurvival((low - mean) / sd)
        let qb = DoubleMath.normalSurvival((high - mean) / sd)
        guard qa > qb else { return 0 }
        let qt = DoubleMath.normalSurvival((t - mean) / sd)
        return min(max((qt - qb) / (qa - qb), 0), 1)
    }

    @Test func drawsAndSurvivalAreTheFormulasBitForBit() throws {
        for parameters in Self.models {
            let (mean, sd, low, high) = try (
                #require(Double(parameters.0)), #require(Double(parameters.1)), #require(Double(parameters.2)),
                #require(Double(parameters.3))
            )
            let model = try CostModel.truncatedNormal(
                mean: #require(Exact(parameters.0)),
                sd: #require(Exact(parameters.1)),
                low: #require(Exact(parameters.2)),
                high: #require(Exact(parameters.3))
            )
            let distribution = CostDistribution(model)
            var stream = RandomStream(seed: 11, replication: 3, label: "test/\(mean)/\(sd)/\(low)/\(high)")
            for _ in 0..<2_000 {
                var reference = stream
                let expected = Self.quantile(mean, sd, low, high, reference.unit())
                let drawn = distribution.draw(&stream)
                #expect(drawn.bitPattern == expected.bitPattern, "(\(mean), \(sd), \(low), \(high))")
            }
            for step in 0...400 {
                let t = low - 1 + (high - low + 2) * Double(step) / 400
                let expected = Self.survival(mean, sd, low, high, t)
                #expect(distribution.survival(t).bitPattern == expected.bitPattern, "(\(mean), \(sd)) at \(t)")
            }
        }
    }
}
