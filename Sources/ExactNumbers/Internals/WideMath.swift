/// Helpers for the machine-integer fast path.
@usableFromInline
enum WideMath {
    /// Powers of ten that fit in `UInt64`: `10^0 ... 10^19`.
    @usableFromInline
    static let powersOfTen: [UInt64] = (0...19).map { e in (0..<e).reduce(UInt64(1)) { r, _ in r * 10 } }

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
