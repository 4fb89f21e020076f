import CGMP

extension Exact {
    /// The magnitude of a value scaled by `10^places` and rounded to an integer.
    enum ScaledMagnitude {
        case small(UInt64)
        case big(BigInteger)
    }

    /// Rounds to `places` decimal places (`places` ≥ 0) in `mode`, exactly, ties included.
    ///
    /// `Exact("2.675")!.rounded(places: 2)` is `2.68`; `-0.005` becomes `-0.01` half-up and `0` half-even.
    @inlinable
    public func rounded(places: Int = 0, mode: RoundingMode = .halfUp) -> Exact {
        precondition(places >= 0, "rounding places must not be negative")
        if case .small(let n, let d) = storage, places < WideMath.powersOfTen.count - 1,
            let k = Exact.roundSmall(n, d, places: places, mode: mode), k <= UInt64(Int64.max)
        {
            let signed = n < 0 ? -Int64(k) : Int64(k)
            return Exact(small: signed, Int64(WideMath.powersOfTen[places]))
        }
        return roundedBig(places: places, mode: mode)
    }

    /// The fast path: the rounded magnitude of `n / d` × `10^places`, or nil when it overflows `UInt64`.
    @inlinable
    static func roundSmall(_ n: Int64, _ d: Int64, places: Int, mode: RoundingMode) -> UInt64? {
        let magnitude = n.magnitude
        let divisor = UInt64(d)
        let scale = WideMath.powersOfTen[places]
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        // fraction < divisor, so fraction × scale < divisor × 2^64 and the quotient fits in 64 bits.
        let wide = fraction.multipliedFullWidth(by: scale)
        let (digits, remainder) = divisor.dividingFullWidth((wide.high, wide.low))
        let (scaledWhole, overflow1) = whole.multipliedReportingOverflow(by: scale)
        var (kept, overflow2) = scaledWhole.addingReportingOverflow(digits)
        if overflow1 || overflow2 { return nil }
        if remainder != 0,
            mode.movesAway(negative: n < 0, remainder: remainder, divisor: divisor, keptIsOdd: kept & 1 == 1)
        {
            let (next, overflow) = kept.addingReportingOverflow(1)
            if overflow { return nil }
            kept = next
        }
        return kept
    }

    @usableFromInline
    func roundedBig(places: Int, mode: RoundingMode) -> Exact {
        let scaled = scaledBig(places: places, mode: mode)
        if signum < 0 { __gmpz_neg(scaled.z, scaled.z) }
        return Exact(big: BigRational(numerator: scaled, denominator: .powerOfTen(places)))
    }

    /// The rounded magnitude of `self × 10^places` in GMP.
    func scaledBig(places: Int, mode: RoundingMode) -> BigInteger {
        let value = bigValue
        let scale = BigInteger.powerOfTen(places)
        let quotient = BigInteger()
        let remainder = BigInteger()
        // GMP reads raw pointers: keep every owner alive until the last call.
        withExtendedLifetime((value, scale)) {
            let denominator = cgmp_q_den(value.q)
            __gmpz_abs(remainder.z, cgmp_q_num(value.q))
            __gmpz_mul(remainder.z, remainder.z, scale.z)
            __gmpz_tdiv_qr(quotient.z, remainder.z, remainder.z, denominator)
            guard cgmp_z_sgn(remainder.z) != 0 else { return }
            __gmpz_mul_2exp(remainder.z, remainder.z, 1)
            let cmp = Int(__gmpz_cmp(remainder.z, denominator)).signum()
            let odd = __gmpz_tstbit(quotient.z, 0) == 1
            if mode.movesAway(negative: value.sign < 0, twiceRemainderVersusDivisor: cmp, keptIsOdd: odd) {
                __gmpz_add_ui(quotient.z, quotient.z, 1)
            }
        }
        return quotient
    }

    /// Sign and rounded magnitude of `self × 10^places`, on whichever path fits.
    func scaledMagnitude(places: Int, mode: RoundingMode) -> ScaledMagnitude {
        if case .small(let n, let d) = storage, places < WideMath.powersOfTen.count - 1,
            let k = Exact.roundSmall(n, d, places: places, mode: mode)
        {
            return .small(k)
        }
        return .big(scaledBig(places: places, mode: mode))
    }
}
