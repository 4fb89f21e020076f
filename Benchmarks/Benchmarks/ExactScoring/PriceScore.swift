import ExactNumbers
import Foundation

/// `round_half_up(base / bid × points, 2)` exactly, as the simulator computes it.
///
/// `bid` is never zero in the workloads; the `catch` only satisfies the typed throw.
@inline(__always)
func exactPriceScore(base: Exact, bid: Exact, points: Exact) -> Exact {
    do {
        return try (base / bid * points).rounded(places: 2, mode: .halfUp)
    } catch {
        preconditionFailure("a bid of zero")
    }
}

/// The same score with the fused `Exact.scaledQuotient`, as the engine computes a rounded price score.
@inline(__always)
func fusedPriceScore(base: Exact, bid: Exact, points: Exact) -> Exact {
    do {
        return try Exact.scaledQuotient(base, dividedBy: bid, times: points, places: 2, mode: .halfUp)
    } catch {
        preconditionFailure("a bid of zero")
    }
}

/// The same score with `Foundation.Decimal` (38 significant digits, then `NSDecimalRound` with `.plain`,
/// which is half-up for these positive values): the reference the issue compares against.
@inline(__always)
func decimalPriceScore(base: Decimal, bid: Decimal, points: Decimal) -> Decimal {
    var unrounded = base / bid * points
    var rounded = Decimal()
    NSDecimalRound(&rounded, &unrounded, 2, .plain)
    return rounded
}

/// An independent oracle for the machine-sized workload: integer cents, one division, half-up by the
/// remainder. Returns the score in hundredths of a point.
func integerPriceScoreHundredths(baseCents: Int64, bidCents: Int64, points: Int64) -> Int64 {
    let numerator = Int128(baseCents) * Int128(points) * 100
    let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: Int128(bidCents))
    return Int64(2 * remainder >= Int128(bidCents) ? quotient + 1 : quotient)
}
