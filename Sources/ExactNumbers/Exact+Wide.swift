internal import CGMP

extension Exact {
    /// The fraction `numerator / denominator` of two 128-bit integers, exactly: a machine fraction in lowest
    /// terms when both reduced parts fit in 64 bits, else a GMP rational. Nil when `denominator` is zero.
    ///
    /// For sums and products taken on 128-bit integers by a caller that knows they do not overflow: the value
    /// is built once, at the end, instead of operation by operation.
    package static func fraction(_ numerator: Int128, _ denominator: Int128) -> Exact? {
        guard denominator != 0 else { return nil }
        let negative = (numerator < 0) != (denominator < 0)
        let g = WideMath.gcd(numerator.magnitude, denominator.magnitude)
        let n = numerator.magnitude / g
        let d = denominator.magnitude / g
        if n <= UInt128(Int64.max), d <= UInt128(Int64.max) {
            return Exact(small: negative ? -Int64(n) : Int64(n), Int64(d))
        }
        let big = BigRational.make(numerator: BigInteger.make(n, negative: negative), denominator: BigInteger.make(d))
        return Exact(big: big)
    }
}

extension BigInteger {
    /// The integer `magnitude`, negated when `negative`.
    static func make(_ magnitude: UInt128, negative: Bool = false) -> BigInteger {
        let r = make()
        __gmpz_set_ui(r.z, UInt(truncatingIfNeeded: magnitude >> 64))
        __gmpz_mul_2exp(r.z, r.z, 64)
        __gmpz_add_ui(r.z, r.z, UInt(truncatingIfNeeded: magnitude))
        if negative { __gmpz_neg(r.z, r.z) }
        return r
    }
}
