internal import CGMP

/// Rounding of GMP values: the scaled quotient on limbs in stack buffers, and the pieces that
/// ``Exact/scaledQuotient(_:dividedBy:times:places:mode:)`` shares with it.
extension Exact {
    /// `±magnitude / 10^places`: machine integers when the magnitude and the power of ten fit in `Int64`
    /// (no GMP rational is built), else a canonical GMP rational.
    static func scaled(_ magnitude: UnsafePointer<__mpz_struct>, negative: Bool, places: Int) -> Exact {
        if places < WideMath.powersOfTenCount - 1, cgmp_z_fits_slong(magnitude) != 0 {
            let k = Int64(__gmpz_get_si(magnitude))
            return Exact(small: negative ? -k : k, Int64(WideMath.powerOfTen(places)))
        }
        let scale = BigInteger.powerOfTen(places)
        let value = withExtendedLifetime(scale) { BigRational.make(numerator: magnitude, denominator: scale.z) }
        if negative { __gmpq_neg(value.q, value.q) }
        return Exact(big: value)
    }

    /// The rounded magnitude of `self × 10^places` in GMP.
    func scaledBig(places: Int, mode: RoundingMode) -> BigInteger {
        withScaledBig(places: places, mode: mode) { BigInteger.make(copying: $0) }
    }

    /// Calls `body` with the rounded magnitude of `self × 10^places`, a GMP integer valid during the call.
    func withScaledBig<Result>(
        places: Int,
        mode: RoundingMode,
        _ body: (UnsafePointer<__mpz_struct>) -> Result
    ) -> Result {
        let value = bigValue
        return withExtendedLifetime(value) {
            let numerator = cgmp_q_num(value.q)!
            let denominator = cgmp_q_den(value.q)!
            let negative = value.sign < 0
            if places < WideMath.powersOfTenCount {
                return Exact.withScaledLimbs(
                    numerator,
                    denominator,
                    places: places,
                    negative: negative,
                    mode: mode,
                    body
                )
            }
            return Exact.withIntegers(2) { quotient in
                let remainder = quotient + 1
                __gmpz_abs(remainder, numerator)
                Exact.multiply(remainder, byPowerOfTen: places)
                __gmpz_tdiv_qr(quotient, remainder, remainder, denominator)
                Exact.roundAway(quotient, remainder: remainder, divisor: denominator, negative: negative, mode: mode)
                return body(quotient)
            }
        }
    }

    /// ``withScaledBig(places:mode:_:)`` for `10^places` within one limb, with GMP's low-level functions on
    /// limbs in stack buffers: nothing is allocated.
    static func withScaledLimbs<Result>(
        _ numerator: UnsafePointer<__mpz_struct>,
        _ denominator: UnsafePointer<__mpz_struct>,
        places: Int,
        negative: Bool,
        mode: RoundingMode,
        _ body: (UnsafePointer<__mpz_struct>) -> Result
    ) -> Result {
        let n = Int(numerator.pointee._mp_size.magnitude)
        let d = Int(denominator.pointee._mp_size)
        let nLimbs = numerator.pointee._mp_d!
        let dLimbs = denominator.pointee._mp_d!
        // Scaled numerator (n + 1 limbs), quotient (n + 2: room for the carry of rounding up), remainder and
        // twice the remainder (d each).
        return withUnsafeTemporaryAllocation(of: mp_limb_t.self, capacity: 2 * n + 3 + 2 * d) { buffer in
            let scaled = buffer.baseAddress!
            let quotient = scaled + n + 1
            let remainder = quotient + n + 2
            let twice = remainder + d
            var scaledCount = 0
            if n > 0 {
                scaled[n] = __gmpn_mul_1(scaled, nLimbs, n, mp_limb_t(WideMath.powerOfTen(places)))
                scaledCount = scaled[n] == 0 ? n : n + 1
            }
            var quotientCount = 0
            if scaledCount < d {
                remainder.update(repeating: 0, count: d)
                remainder.update(from: scaled, count: scaledCount)
            } else {
                __gmpn_tdiv_qr(quotient, remainder, 0, scaled, scaledCount, dLimbs, d)
                quotientCount = scaledCount - d + 1
                while quotientCount > 0 && quotient[quotientCount - 1] == 0 { quotientCount -= 1 }
            }
            if (0..<d).contains(where: { remainder[$0] != 0 }) {
                // Twice the remainder against the divisor: a carry out means it is larger.
                let carry = __gmpn_lshift(twice, remainder, d, 1)
                let cmp = carry != 0 ? 1 : Limbs.compare(twice, dLimbs, count: d)
                let odd = quotientCount > 0 && quotient[0] & 1 == 1
                if mode.movesAway(negative: negative, twiceRemainderVersusDivisor: cmp, keptIsOdd: odd) {
                    quotientCount = Limbs.increment(quotient, count: quotientCount)
                }
            }
            var magnitude = __mpz_struct()
            return body(__gmpz_roinit_n(&magnitude, quotient, quotientCount))
        }
    }

    /// Calls `body` with `count` GMP integers, 0, on the stack (their digits still go to the heap when they
    /// get any); cleared afterwards.
    static func withIntegers<Result>(
        _ count: Int,
        _ body: (UnsafeMutablePointer<__mpz_struct>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: __mpz_struct.self, capacity: count) { buffer in
            let first = buffer.baseAddress!
            for i in 0..<count { __gmpz_init(first + i) }
            defer { for i in 0..<count { __gmpz_clear(first + i) } }
            return body(first)
        }
    }

    /// `z × 10^places`, in place; a machine multiplier when `10^places` fits in one.
    static func multiply(_ z: UnsafeMutablePointer<__mpz_struct>, byPowerOfTen places: Int) {
        if places < WideMath.powersOfTenCount {
            __gmpz_mul_ui(z, z, UInt(WideMath.powerOfTen(places)))
        } else {
            let scale = BigInteger.powerOfTen(places)
            withExtendedLifetime(scale) { __gmpz_mul(z, z, scale.z) }
        }
    }

    /// Adds one to the truncated magnitude `kept` when `mode` rounds the remainder `remainder / divisor`
    /// (0 ≤ remainder < divisor) away from zero; `remainder` is changed.
    static func roundAway(
        _ kept: UnsafeMutablePointer<__mpz_struct>,
        remainder: UnsafeMutablePointer<__mpz_struct>,
        divisor: UnsafePointer<__mpz_struct>,
        negative: Bool,
        mode: RoundingMode
    ) {
        guard cgmp_z_sgn(remainder) != 0 else { return }
        __gmpz_mul_2exp(remainder, remainder, 1)
        let cmp = Int(__gmpz_cmp(remainder, divisor)).signum()
        let odd = __gmpz_tstbit(kept, 0) == 1
        if mode.movesAway(negative: negative, twiceRemainderVersusDivisor: cmp, keptIsOdd: odd) {
            __gmpz_add_ui(kept, kept, 1)
        }
    }
}
