internal import CGMP

/// The `mpq_t` a ``BigRational`` holds, wrapped so that the class, which the inlinable fast paths of ``Exact``
/// name, names no GMP type: GMP stays an internal import of this module.
@usableFromInline
struct GMPRational {
    var value: __mpq_struct
}

/// An owned GMP rational (`mpq_t`), immutable once built.
///
/// The `mpq_t` is stored in the object's own allocation, after its header (one allocation per value, not
/// two), and is reached through a raw pointer, so that passing the same value twice to one GMP call
/// (`a + a`) never trips Swift's exclusivity checks. `deinit` clears it.
@usableFromInline
final class BigRational: ManagedBuffer<Void, GMPRational> {
    /// A new rational whose numerator and denominator the caller writes before anything reads them.
    ///
    /// Both parts start empty (`mpz_init` allocates no digits since GMP 6.2), so each gets its digits once,
    /// at the size the first operation writing it needs, rather than one limb now and a reallocation later.
    static func make() -> BigRational {
        let r = unsafeDowncast(create(minimumCapacity: 1) { _ in }, to: BigRational.self)
        __gmpz_init(cgmp_q_num(r.q))
        __gmpz_init(cgmp_q_den(r.q))
        return r
    }

    deinit {
        __gmpq_clear(q)
    }

    /// The rational; valid while `self` is alive (keep it so with `withExtendedLifetime` around GMP calls).
    var q: UnsafeMutablePointer<__mpq_struct> {
        // The element is a `GMPRational`, whose only stored property is the `mpq_t`: memory bound to a struct
        // is bound to its member too.
        withUnsafeMutablePointerToElements { UnsafeMutableRawPointer($0).assumingMemoryBound(to: __mpq_struct.self) }
    }

    /// A canonical rational from a machine fraction; `d` must be positive.
    static func make(_ n: Int64, _ d: Int64) -> BigRational {
        let r = make()
        __gmpq_set_si(r.q, Int(n), UInt(d))
        __gmpq_canonicalize(r.q)
        return r
    }

    /// A canonical rational from two GMP integers; the denominator must be non-zero.
    static func make(numerator: UnsafePointer<__mpz_struct>, denominator: UnsafePointer<__mpz_struct>) -> BigRational {
        let r = make()
        __gmpz_set(cgmp_q_num(r.q), numerator)
        __gmpz_set(cgmp_q_den(r.q), denominator)
        __gmpq_canonicalize(r.q)
        return r
    }

    /// A canonical rational from two GMP integers; the denominator must be non-zero.
    static func make(numerator: BigInteger, denominator: BigInteger) -> BigRational {
        withExtendedLifetime((numerator, denominator)) { make(numerator: numerator.z, denominator: denominator.z) }
    }

    var numerator: BigInteger {
        let r = BigInteger.make()
        withExtendedLifetime(self) { __gmpz_set(r.z, cgmp_q_num(q)) }
        return r
    }

    var denominator: BigInteger {
        let r = BigInteger.make()
        withExtendedLifetime(self) { __gmpz_set(r.z, cgmp_q_den(q)) }
        return r
    }

    var sign: Int { withExtendedLifetime(self) { Int(cgmp_q_sgn(q)) } }

    /// The decimal places of the value when it terminates (its denominator is 2^a × 5^b: max(a, b)), else nil.
    var terminatingPlaces: Int? {
        let rest = denominator
        let five = BigInteger.make(5)
        return withExtendedLifetime((rest, five)) {
            let twos = Int(__gmpz_scan1(rest.z, 0))
            __gmpz_tdiv_q_2exp(rest.z, rest.z, UInt(twos))
            let fives = Int(__gmpz_remove(rest.z, rest.z, five.z))
            return rest.isOne ? max(twos, fives) : nil
        }
    }

    /// The value as a machine fraction when both parts fit in `Int64`.
    var smallParts: (Int64, Int64)? {
        withExtendedLifetime(self) {
            let n = cgmp_q_num(q)
            let d = cgmp_q_den(q)
            guard cgmp_z_fits_slong(n) != 0, cgmp_z_fits_slong(d) != 0 else { return nil }
            return (Int64(__gmpz_get_si(n)), Int64(__gmpz_get_si(d)))
        }
    }

    static func binary(
        _ a: BigRational,
        _ b: BigRational,
        _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) -> BigRational {
        let r = make()
        withExtendedLifetime((a, b)) { op(r.q, a.q, b.q) }
        return r
    }

    /// `a + b`.
    static func sum(_ a: BigRational, _ b: BigRational) -> BigRational { binary(a, b) { __gmpq_add($0, $1, $2) } }

    /// `a − b`.
    static func difference(_ a: BigRational, _ b: BigRational) -> BigRational {
        binary(a, b) { __gmpq_sub($0, $1, $2) }
    }

    /// `a × b`.
    static func product(_ a: BigRational, _ b: BigRational) -> BigRational { binary(a, b) { __gmpq_mul($0, $1, $2) } }

    /// `a / b`; `b` must be non-zero.
    static func quotient(_ a: BigRational, _ b: BigRational) -> BigRational {
        binary(a, b) { __gmpq_div($0, $1, $2) }
    }

    /// `self × p / q` for a machine fraction `p / q` in lowest terms (`q` > 0), without converting it.
    ///
    /// With `n / d` and `p / q` both in lowest terms, `g1 = gcd(n, q)` and `g2 = gcd(p, d)` cancel everything
    /// that can cancel: `(n / g1 × p / g2) / (d / g2 × q / g1)` is in lowest terms, and two machine-sized
    /// gcds replace the gcd of two GMP products that `mpq_mul` computes.
    func multiplied(byNumerator p: Int64, denominator q: Int64) -> BigRational {
        let r = BigRational.make()
        guard p != 0 else {
            __gmpq_set_ui(r.q, 0, 1)
            return r
        }
        withExtendedLifetime(self) {
            let n = cgmp_q_num(self.q)
            let d = cgmp_q_den(self.q)
            let numerator = cgmp_q_num(r.q)
            let denominator = cgmp_q_den(r.q)
            let g1 = __gmpz_gcd_ui(nil, n, UInt(q))
            let g2 = __gmpz_gcd_ui(nil, d, UInt(p.magnitude))
            // Room for one more limb, so that the multiplication does not reallocate.
            __gmpz_realloc2(numerator, UInt(__gmpz_sizeinbase(n, 2)) + 64)
            __gmpz_realloc2(denominator, UInt(__gmpz_sizeinbase(d, 2)) + 64)
            __gmpz_divexact_ui(numerator, n, g1)
            __gmpz_mul_ui(numerator, numerator, UInt(p.magnitude) / g2)
            if p < 0 { __gmpz_neg(numerator, numerator) }
            __gmpz_divexact_ui(denominator, d, g2)
            __gmpz_mul_ui(denominator, denominator, UInt(q) / g1)
        }
        return r
    }

    /// `-1`, `0` or `1` as `self` is less than, equal to or greater than `other`.
    func compare(_ other: BigRational) -> Int {
        withExtendedLifetime((self, other)) { Int(__gmpq_cmp(q, other.q)).signum() }
    }

    func negated() -> BigRational {
        let r = BigRational.make()
        withExtendedLifetime(self) { __gmpq_neg(r.q, q) }
        return r
    }

    func hash(into hasher: inout Hasher) {
        withExtendedLifetime(self) {
            BigInteger.hashLimbs(cgmp_q_num(q), into: &hasher)
            BigInteger.hashLimbs(cgmp_q_den(q), into: &hasher)
        }
    }
}

/// An owned GMP integer (`mpz_t`), used for parsing, rounding and printing; stored like ``BigRational``.
final class BigInteger: ManagedBuffer<Void, __mpz_struct> {
    /// A new integer, 0.
    static func make() -> BigInteger {
        let r = unsafeDowncast(create(minimumCapacity: 1) { _ in }, to: BigInteger.self)
        __gmpz_init(r.z)
        return r
    }

    deinit {
        withUnsafeMutablePointerToElements { __gmpz_clear($0) }
    }

    /// The integer; valid while `self` is alive.
    var z: UnsafeMutablePointer<__mpz_struct> {
        withUnsafeMutablePointerToElements { $0 }
    }

    static func make(_ v: Int64) -> BigInteger {
        let r = make()
        __gmpz_set_si(r.z, Int(v))
        return r
    }

    /// A copy of `value`.
    static func make(copying value: UnsafePointer<__mpz_struct>) -> BigInteger {
        let r = make()
        __gmpz_set(r.z, value)
        return r
    }

    /// The integer whose decimal digits (values 0-9, most significant first) are `digits`.
    static func make(digitValues digits: [UInt8]) -> BigInteger {
        let r = make()
        var text = digits.map { $0 + UInt8(ascii: "0") }
        text.append(0)
        text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = __gmpz_set_str(r.z, $0.baseAddress, 10) }
        }
        return r
    }

    /// `10^exponent`.
    static func powerOfTen(_ exponent: Int) -> BigInteger {
        let r = make()
        __gmpz_ui_pow_ui(r.z, 10, UInt(exponent))
        return r
    }

    var sign: Int { withExtendedLifetime(self) { Int(cgmp_z_sgn(z)) } }

    var isOne: Bool { withExtendedLifetime(self) { cgmp_z_cmp_ui(z, 1) == 0 } }

    /// `self = −self`.
    func negate() { withExtendedLifetime(self) { __gmpz_neg(z, z) } }

    /// Decimal digits of the magnitude.
    var magnitudeDigits: String {
        let abs = BigInteger.make()
        return withExtendedLifetime(self) {
            __gmpz_abs(abs.z, z)
            let capacity = __gmpz_sizeinbase(abs.z, 10) + 2
            var buffer = [CChar](repeating: 0, count: capacity)
            buffer.withUnsafeMutableBufferPointer { _ = __gmpz_get_str($0.baseAddress, 10, abs.z) }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    static func hashLimbs(_ z: UnsafePointer<__mpz_struct>, into hasher: inout Hasher) {
        let size = Int(z.pointee._mp_size)
        hasher.combine(size)
        guard let limbs = z.pointee._mp_d else { return }
        for i in 0..<abs(size) { hasher.combine(limbs[i]) }
    }
}
