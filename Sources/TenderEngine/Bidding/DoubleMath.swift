import ExactNumbers

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The floating-point corner of the engine: cost draws and the equilibrium integral are computed in `Double`,
/// and come back as exact whole cents (``DoubleMath/cents(_:)``). From there on everything is exact.
enum DoubleMath {
    /// The largest unit amount a draw may produce (10^13 yuan), so a runaway lognormal stays representable.
    static let largestAmount = 1e13

    /// `value` as the nearest double to it rounded to 12 decimal places (ample for prices and parameters;
    /// ``Exact/nearestDouble``, which does not go through text on machine integers).
    static func double(_ value: Exact) -> Double { value.nearestDouble }

    /// `value` rounded half away from zero to the cent and made exact: `Exact(cents) / 100`.
    /// Negative values and NaN give 0; values above ``largestAmount`` give that amount.
    static func cents(_ value: Double) -> Exact {
        let clamped = value.isNaN ? 0 : min(max(value, 0), largestAmount)
        let cents = (clamped * 100).rounded(.toNearestOrAwayFromZero)
        return exactCents(Int64(cents))
    }

    /// `cents` / 100, exact, built as ``cents(_:)`` builds it.
    static func exactCents(_ cents: Int64) -> Exact { Exact(Int(cents)) * .percent(1) }

    /// `value` rounded half away from zero to 4 decimal places, exact.
    static func fourPlaces(_ value: Double) -> Exact {
        let scaled = (value.isFinite ? value : 0) * 10_000
        let units = scaled.rounded(.toNearestOrAwayFromZero)
        return Exact(Int(min(max(units, -9e15), 9e15))) * .percent(1) * .percent(1)
    }

    /// xʸ, the C library's `pow`.
    static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }

    /// xⁿ for n ≥ 0 by repeated squaring: at most 2 log₂ n multiplications, each rounded once, so within about
    /// 2 log₂ n units in the last place (the C library's `pow` is within one, at several times the cost). The
    /// equilibrium integrand raises a survival ratio to the rivals' number, tens of thousands of times per bid
    /// function.
    @inline(__always)
    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        var base = x
        var exponent = n
        while exponent > 0 {
            if exponent & 1 == 1 { result *= base }
            exponent >>= 1
            if exponent > 0 { base *= base }
        }
        return result
    }

    /// The standard normal CDF Φ(z), accurate in both tails (through `erfc`).
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// The standard normal survival function 1 − Φ(z) = Φ(−z).
    static func normalSurvival(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation refined by one Halley step (relative error
    /// about 1e-15).
    static func inverseNormalCDF(_ p: Double) -> Double {
        guard p > 0 else { return -.infinity }
        guard p < 1 else { return .infinity }
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = normalCDF(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
