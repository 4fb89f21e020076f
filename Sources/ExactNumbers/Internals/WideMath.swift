/// Helpers for the machine-integer fast path.
@usableFromInline
enum WideMath {
    /// How many powers of ten fit in `UInt64`: `10^0 ... 10^19`.
    @usableFromInline
    static let powersOfTenCount = 20

    /// `10^exponent`, for `exponent` in `0..<powersOfTenCount`. Computed rather than read from a global
    /// table: a global array is initialized lazily, so every read of it checks a once-token first.
    @inlinable
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<exponent { power &*= 10 }
        return power
    }

    /// Greatest common divisor by the binary method.
    @inlinable
    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var a = a
        var b = b
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        a >>= a.trailingZeroBitCount
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return a << shift
    }

    /// Greatest common divisor by the binary method.
    @inlinable
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var a = a
        var b = b
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        a >>= a.trailingZeroBitCount
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return a << shift
    }
}
