extension Exact {
    /// `(a / b × c).rounded(places: places, mode: mode)` in one step: a price score, base / price × points,
    /// rounded as it is published.
    ///
    /// The value is the one the expression gives, found with integer arithmetic only. With `a = an/ad`,
    /// `b = bn/bd` and `c = cn/cd`, the quotient is `N / D` with `N = an·bd·cn` and `D = ad·bn·cd`; `N × 10^places`
    /// is divided by `D` once, and the remainder decides the rounding. No intermediate fraction is built or
    /// reduced: in machine integers when the products fit in 128 bits, else in GMP integers.
    ///
    /// - Throws: ``ExactError/divisionByZero`` when `b` is zero.
    public static func scaledQuotient(
        _ a: Exact,
        dividedBy b: Exact,
        times c: Exact,
        places: Int,
        mode: RoundingMode
    ) throws(ExactError) -> Exact {
        precondition(places >= 0, "rounding places must not be negative")
        if b.isZero { throw .divisionByZero }
        if case .small(let an, let ad) = a.storage, case .small(let bn, let bd) = b.storage,
            case .small(let cn, let cd) = c.storage, places < WideMath.powersOfTenCount - 1,
            let result = smallScaledQuotient(
                numerator: (an, bd, cn),
                denominator: (ad, bn, cd),
                places: places,
                mode: mode
            )
        {
            return result
        }
        return bigScaledQuotient(a, b, c, places: places, mode: mode)
    }

    /// The machine-integer case: nil when a product or the result does not fit.
    static func smallScaledQuotient(
        numerator: (Int64, Int64, Int64),
        denominator: (Int64, Int64, Int64),
        places: Int,
        mode: RoundingMode
    ) -> Exact? {
        func product(_ x: Int64, _ y: Int64, _ z: Int64, scale: Int64) -> Int128? {
            let (xy, o1) = (Int128(x) * Int128(y)).multipliedReportingOverflow(by: Int128(z))
            let (scaled, o2) = xy.multipliedReportingOverflow(by: Int128(scale))
            return o1 || o2 ? nil : scaled
        }
        let scale = Int64(WideMath.powerOfTen(places))
        guard let n = product(numerator.0, numerator.1, numerator.2, scale: scale),
            let d = product(denominator.0, denominator.1, denominator.2, scale: 1)
        else { return nil }
        let negative = (n < 0) != (d < 0)
        let divisor = d.magnitude
        var (kept, remainder) = n.magnitude.quotientAndRemainder(dividingBy: divisor)
        if remainder != 0 {
            // 2 × remainder < 2 × divisor ≤ 2^128: no overflow.
            let twice = remainder << 1
            let cmp = twice < divisor ? -1 : (twice == divisor ? 0 : 1)
            if mode.movesAway(negative: negative, twiceRemainderVersusDivisor: cmp, keptIsOdd: kept & 1 == 1) {
                kept += 1
            }
        }
        guard let k = Int64(exactly: kept) else { return nil }
        return Exact(small: negative ? -k : k, scale)
    }
}
