/// An exact rational number for money, prices, rates and scores.
///
/// Values are written and read as decimals (`1234.56`, `-0.005`, `12.5%`) and computed exactly: a quotient
/// such as `96 / 112.5` is kept as the fraction it is, and rounding happens only where the caller asks for it
/// (``rounded(places:mode:)``). Nothing passes through `Double`.
///
/// Small values live in two machine integers (numerator and positive denominator, not necessarily
/// reduced) and never touch the heap; an operation whose result does not fit is redone in GMP, and a GMP
/// result that fits again comes back to machine integers. Both paths give identical results.
public struct Exact: @unchecked Sendable {
    /// The two representations, as the slow paths read them (``storage``).
    @usableFromInline
    enum Storage {
        /// `numerator / denominator`, denominator > 0, not necessarily in lowest terms.
        case small(Int64, Int64)
        /// A canonical GMP rational whose reduced parts do not fit in `Int64` (or a test's forced copy).
        case big(BigRational)
    }

    // Stored as two machine integers and an optional reference rather than as the enum: copying a value is
    // then three words and one null-tolerant retain, inline, where copying the enum (whose integer payload
    // leaves no spare bits for the tag) went through the type's value witnesses, and an `Exact?` through
    // Optional's. `@unchecked Sendable`: a ``BigRational`` is never changed once built, but its base class,
    // `ManagedBuffer`, cannot be `Sendable`.

    /// The numerator when ``bigStorage`` is nil; 0 otherwise.
    @usableFromInline
    let numerator64: Int64
    /// The denominator (> 0) when ``bigStorage`` is nil; 1 otherwise.
    @usableFromInline
    let denominator64: Int64
    /// The GMP value, nil on the fast path.
    @usableFromInline
    let bigStorage: BigRational?

    /// The representation, for code that handles both.
    @inlinable
    var storage: Storage {
        @inline(__always) get {
            if let bigStorage { return .big(bigStorage) }
            return .small(numerator64, denominator64)
        }
    }

    @inlinable
    init(storage: Storage) {
        switch storage {
        case .small(let n, let d): self.init(parts: n, d, big: nil)
        case .big(let b): self.init(parts: 0, 1, big: b)
        }
    }

    @inlinable @inline(__always)
    init(parts numerator: Int64, _ denominator: Int64, big: BigRational?) {
        numerator64 = numerator
        denominator64 = denominator
        bigStorage = big
    }

    /// A machine fraction; `denominator` must be positive.
    @inlinable @inline(__always)
    init(small numerator: Int64, _ denominator: Int64) {
        self.init(parts: numerator, denominator, big: nil)
    }

    /// Wraps a GMP result, moving it back to machine integers when it fits.
    @usableFromInline
    init(big: BigRational) {
        if let (n, d) = big.smallParts {
            self.init(small: n, d)
        } else {
            self.init(storage: .big(big))
        }
    }

    /// The integer `value`.
    @inlinable
    public init(_ value: Int) {
        self.init(small: Int64(value), 1)
    }

    /// The fraction `numerator / denominator`.
    ///
    /// - Throws: ``ExactError/divisionByZero`` when `denominator` is zero.
    public init(numerator: Int, denominator: Int) throws(ExactError) {
        guard denominator != 0 else { throw .divisionByZero }
        self = try Exact(numerator) / Exact(denominator)
    }

    // Computed, not stored: a stored static of a type holding a reference is initialized lazily, so every
    // read would first check a once-token; these are three words built in place.
    /// Zero.
    @inlinable
    public static var zero: Exact { Exact(small: 0, 1) }
    /// One.
    @inlinable
    public static var one: Exact { Exact(small: 1, 1) }
    /// One hundred, for percentages.
    @inlinable
    public static var hundred: Exact { Exact(small: 100, 1) }

    /// The value as a GMP rational (a new object for small values).
    @usableFromInline
    var bigValue: BigRational {
        switch storage {
        case .small(let n, let d): return BigRational.make(n, d)
        case .big(let b): return b
        }
    }

    /// The value in lowest terms as machine integers, when it fits.
    @usableFromInline
    var reducedSmallParts: (Int64, Int64)? {
        switch storage {
        case .small(let n, let d):
            let g = Int64(WideMath.gcd(n.magnitude, UInt64(d)))
            return g <= 1 ? (n, d) : (n / g, d / g)
        case .big(let b):
            return b.smallParts
        }
    }

    /// `-1`, `0` or `1`.
    @inlinable
    public var signum: Int {
        switch storage {
        case .small(let n, _): return n == 0 ? 0 : (n < 0 ? -1 : 1)
        case .big(let b): return Exact.bigSign(b)
        }
    }

    @usableFromInline
    static func bigSign(_ b: BigRational) -> Int { b.sign }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool { signum == 0 }

    /// Whether the value is an integer.
    public var isInteger: Bool {
        if let (_, d) = reducedSmallParts { return d == 1 }
        return bigValue.denominator.isOne
    }

    /// The same value held in GMP, to test that both paths agree. Not for production use.
    package func forcingGMP() -> Exact {
        Exact(storage: .big(bigValue))
    }

    /// The value as the machine fraction it is held as (denominator > 0, not necessarily in lowest terms),
    /// nil when it is held in GMP. For hot loops that compare many values without copying them.
    @inlinable
    package var machineFraction: (numerator: Int64, denominator: Int64)? {
        bigStorage == nil ? (numerator64, denominator64) : nil
    }

    /// Whether the value is held in machine integers (the fast path).
    package var isSmall: Bool {
        if case .small = storage { return true }
        return false
    }
}
