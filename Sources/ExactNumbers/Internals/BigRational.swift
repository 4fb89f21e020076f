import CGMP

/// An owned GMP rational (`mpq_t`), immutable once built.
///
/// The `mpq_t` lives behind an allocated pointer so that passing the same value twice to one GMP call
/// (`a + a`) never trips Swift's exclusivity checks; `deinit` clears and frees it.
@usableFromInline
final class BigRational: @unchecked Sendable {
    @usableFromInline let q: UnsafeMutablePointer<__mpq_struct>

    init() {
        q = .allocate(capacity: 1)
        __gmpq_init(q)
    }

    deinit {
        __gmpq_clear(q)
        q.deallocate()
    }

    /// A canonical rational from a machine fraction; `d` must be positive.
    convenience init(_ n: Int64, _ d: Int64) {
        self.init()
        __gmpq_set_si(q, Int(n), UInt(d))
        __gmpq_canonicalize(q)
    }

    /// A canonical rational from two GMP integers; the denominator must be non-zero.
    convenience init(numerator: BigInteger, denominator: BigInteger) {
        self.init()
        __gmpz_set(cgmp_q_num(q), numerator.z)
        __gmpz_set(cgmp_q_den(q), denominator.z)
        __gmpq_canonicalize(q)
    }

    var numerator: BigInteger {
        let r = BigInteger()
        __gmpz_set(r.z, cgmp_q_num(q))
        return r
    }

    var denominator: BigInteger {
        let r = BigInteger()
        __gmpz_set(r.z, cgmp_q_den(q))
        return r
    }

    var sign: Int { Int(cgmp_q_sgn(q)) }

    /// The value as a machine fraction when both parts fit in `Int64`.
    var smallParts: (Int64, Int64)? {
        let n = cgmp_q_num(q)
        let d = cgmp_q_den(q)
        guard cgmp_z_fits_slong(n) != 0, cgmp_z_fits_slong(d) != 0 else { return nil }
        return (Int64(__gmpz_get_si(n)), Int64(__gmpz_get_si(d)))
    }

    static func binary(
        _ a: BigRational,
        _ b: BigRational,
        _ op: (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void
    ) -> BigRational {
        let r = BigRational()
        op(r.q, a.q, b.q)
        return r
    }

    /// `-1`, `0` or `1` as `self` is less than, equal to or greater than `other`.
    func compare(_ other: BigRational) -> Int {
        Int(__gmpq_cmp(q, other.q)).signum()
    }

    func negated() -> BigRational {
        let r = BigRational()
        __gmpq_neg(r.q, q)
        return r
    }

    func hash(into hasher: inout Hasher) {
        BigInteger.hashLimbs(cgmp_q_num(q), into: &hasher)
        BigInteger.hashLimbs(cgmp_q_den(q), into: &hasher)
    }
}

/// An owned GMP integer (`mpz_t`), used for parsing, rounding and printing.
final class BigInteger {
    let z: UnsafeMutablePointer<__mpz_struct>

    init() {
        z = .allocate(capacity: 1)
        __gmpz_init(z)
    }

    convenience init(_ v: Int64) {
        self.init()
        __gmpz_set_si(z, Int(v))
    }

    /// The integer whose decimal digits (values 0-9, most significant first) are `digits`.
    convenience init(digitValues digits: [UInt8]) {
        self.init()
        var text = digits.map { $0 + UInt8(ascii: "0") }
        text.append(0)
        text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = __gmpz_set_str(z, $0.baseAddress, 10) }
        }
    }

    /// `10^exponent`.
    static func powerOfTen(_ exponent: Int) -> BigInteger {
        let r = BigInteger()
        __gmpz_ui_pow_ui(r.z, 10, UInt(exponent))
        return r
    }

    deinit {
        __gmpz_clear(z)
        z.deallocate()
    }

    var sign: Int { Int(cgmp_z_sgn(z)) }

    /// Decimal digits of the magnitude.
    var magnitudeDigits: String {
        let abs = BigInteger()
        __gmpz_abs(abs.z, z)
        let capacity = __gmpz_sizeinbase(abs.z, 10) + 2
        var buffer = [CChar](repeating: 0, count: capacity)
        buffer.withUnsafeMutableBufferPointer { _ = __gmpz_get_str($0.baseAddress, 10, abs.z) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func hashLimbs(_ z: UnsafePointer<__mpz_struct>, into hasher: inout Hasher) {
        let size = Int(z.pointee._mp_size)
        hasher.combine(size)
        guard let limbs = z.pointee._mp_d else { return }
        for i in 0..<abs(size) { hasher.combine(limbs[i]) }
    }
}
