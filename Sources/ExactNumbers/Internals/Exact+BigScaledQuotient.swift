internal import CGMP

extension Exact {
    /// The GMP case, for operands or products beyond 128 bits.
    @usableFromInline
    static func bigScaledQuotient(_ a: Exact, _ b: Exact, _ c: Exact, places: Int, mode: RoundingMode) -> Exact {
        withIntegers(3) { n in
            let (d, kept) = (n + 1, n + 2)
            // Room for the products and the quotient up front, so that GMP never reallocates them.
            let numeratorBits = a.bits(.numerator) + b.bits(.denominator) + c.bits(.numerator) + 4 * places + 64
            __gmpz_realloc2(n, UInt(numeratorBits))
            __gmpz_realloc2(kept, UInt(numeratorBits))
            __gmpz_realloc2(d, UInt(a.bits(.denominator) + b.bits(.numerator) + c.bits(.denominator)))
            // N = an·bd·cn and D = ad·bn·cd.
            __gmpz_set_si(n, 1)
            a.multiply(n, by: .numerator)
            b.multiply(n, by: .denominator)
            c.multiply(n, by: .numerator)
            __gmpz_set_si(d, 1)
            a.multiply(d, by: .denominator)
            b.multiply(d, by: .numerator)
            c.multiply(d, by: .denominator)
            let negative = cgmp_z_sgn(n) * cgmp_z_sgn(d) < 0
            __gmpz_abs(n, n)
            __gmpz_abs(d, d)
            multiply(n, byPowerOfTen: places)
            __gmpz_tdiv_qr(kept, n, n, d)
            roundAway(kept, remainder: n, divisor: d, negative: negative, mode: mode)
            return scaled(kept, negative: negative, places: places)
        }
    }

    /// The numerator or the denominator of a value, in whatever terms it is held.
    enum Part {
        case numerator
        case denominator
    }

    /// The size in bits of a part, at most.
    func bits(_ part: Part) -> Int {
        switch storage {
        case .small: return 64
        case .big(let q):
            return withExtendedLifetime(q) {
                let z = part == .numerator ? cgmp_q_num(q.q)! : cgmp_q_den(q.q)!
                return Int(z.pointee._mp_size.magnitude) * mp_limb_t.bitWidth
            }
        }
    }

    /// `z × part`, in place.
    func multiply(_ z: UnsafeMutablePointer<__mpz_struct>, by part: Part) {
        switch storage {
        case .small(let n, let d): __gmpz_mul_si(z, z, Int(part == .numerator ? n : d))
        case .big(let q):
            withExtendedLifetime(q) { __gmpz_mul(z, z, part == .numerator ? cgmp_q_num(q.q) : cgmp_q_den(q.q)) }
        }
    }
}
