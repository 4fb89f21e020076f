extension Exact {
    /// A machine fraction from 128-bit parts (`d` > 0), reduced only if it would not fit otherwise.
    ///
    /// Inlined into every operator, with the reduction out of line: most results fit as they are.
    @inlinable @inline(__always)
    static func fitting(_ n: Int128, _ d: Int128) -> Exact? {
        if let sn = Int64(exactly: n), let sd = Int64(exactly: d) {
            return Exact(small: sn, sd)
        }
        return fittingReduced(n, d)
    }

    /// ``fitting(_:_:)`` for parts that do not fit as they are: reduced by their gcd, if that is enough.
    @usableFromInline @inline(never)
    static func fittingReduced(_ n: Int128, _ d: Int128) -> Exact? {
        let g = Int128(WideMath.gcd(n.magnitude, d.magnitude))
        if let sn = Int64(exactly: n / g), let sd = Int64(exactly: d / g) {
            return Exact(small: sn, sd)
        }
        return nil
    }

    /// The sum.
    @inlinable @inline(__always)
    public static func + (lhs: Exact, rhs: Exact) -> Exact {
        if case .small(let an, let ad) = lhs.storage, case .small(let bn, let bd) = rhs.storage {
            if ad == bd {
                let (s, overflow) = an.addingReportingOverflow(bn)
                if !overflow { return Exact(small: s, ad) }
            } else {
                let (n, overflow) = (Int128(an) * Int128(bd)).addingReportingOverflow(Int128(bn) * Int128(ad))
                if !overflow, let r = fitting(n, Int128(ad) * Int128(bd)) { return r }
            }
        }
        return bigAdd(lhs, rhs)
    }

    /// The difference.
    @inlinable @inline(__always)
    public static func - (lhs: Exact, rhs: Exact) -> Exact {
        if case .small(let an, let ad) = lhs.storage, case .small(let bn, let bd) = rhs.storage {
            if ad == bd {
                let (s, overflow) = an.subtractingReportingOverflow(bn)
                if !overflow { return Exact(small: s, ad) }
            } else {
                let (n, overflow) = (Int128(an) * Int128(bd)).subtractingReportingOverflow(Int128(bn) * Int128(ad))
                if !overflow, let r = fitting(n, Int128(ad) * Int128(bd)) { return r }
            }
        }
        return bigSubtract(lhs, rhs)
    }

    /// The product.
    @inlinable @inline(__always)
    public static func * (lhs: Exact, rhs: Exact) -> Exact {
        if case .small(let an, let ad) = lhs.storage, case .small(let bn, let bd) = rhs.storage {
            if let r = fitting(Int128(an) * Int128(bn), Int128(ad) * Int128(bd)) { return r }
        }
        return bigMultiply(lhs, rhs)
    }

    /// The exact quotient.
    ///
    /// - Throws: ``ExactError/divisionByZero`` when `rhs` is zero; GMP is never asked to divide by zero.
    @inlinable @inline(__always)
    public static func / (lhs: Exact, rhs: Exact) throws(ExactError) -> Exact {
        if rhs.isZero { throw .divisionByZero }
        if case .small(let an, let ad) = lhs.storage, case .small(let bn, let bd) = rhs.storage {
            var n = Int128(an) * Int128(bd)
            var d = Int128(ad) * Int128(bn)
            if d < 0 {
                n = -n
                d = -d
            }
            if let r = fitting(n, d) { return r }
        }
        return bigDivide(lhs, rhs)
    }

    /// Adds `rhs` to `lhs`; `a += a` is safe.
    @inlinable
    public static func += (lhs: inout Exact, rhs: Exact) { lhs = lhs + rhs }

    /// Subtracts `rhs` from `lhs`; `a -= a` is safe.
    @inlinable
    public static func -= (lhs: inout Exact, rhs: Exact) { lhs = lhs - rhs }

    /// Multiplies `lhs` by `rhs`; `a *= a` is safe.
    @inlinable
    public static func *= (lhs: inout Exact, rhs: Exact) { lhs = lhs * rhs }

    /// Divides `lhs` by `rhs`.
    ///
    /// - Throws: ``ExactError/divisionByZero`` when `rhs` is zero, leaving `lhs` unchanged.
    @inlinable
    public static func /= (lhs: inout Exact, rhs: Exact) throws(ExactError) { lhs = try lhs / rhs }

    /// The quotient `self / divisor`.
    ///
    /// - Throws: ``ExactError/divisionByZero`` when `divisor` is zero.
    @inlinable
    public func divided(by divisor: Exact) throws(ExactError) -> Exact { try self / divisor }

    /// `1 / self`.
    ///
    /// - Throws: ``ExactError/divisionByZero`` when `self` is zero.
    @inlinable
    public func reciprocal() throws(ExactError) -> Exact { try Exact.one / self }

    /// The additive inverse.
    @inlinable
    public static prefix func - (operand: Exact) -> Exact {
        if case .small(let n, let d) = operand.storage, n != .min { return Exact(small: -n, d) }
        return bigNegate(operand)
    }

    /// The absolute value.
    @inlinable
    public var magnitude: Exact { signum < 0 ? -self : self }

    @usableFromInline
    static func bigNegate(_ a: Exact) -> Exact {
        Exact(big: a.bigValue.negated())
    }

    @usableFromInline
    static func bigAdd(_ a: Exact, _ b: Exact) -> Exact {
        Exact(big: BigRational.sum(a.bigValue, b.bigValue))
    }

    @usableFromInline
    static func bigSubtract(_ a: Exact, _ b: Exact) -> Exact {
        Exact(big: BigRational.difference(a.bigValue, b.bigValue))
    }

    @usableFromInline
    static func bigMultiply(_ a: Exact, _ b: Exact) -> Exact {
        // A GMP value times a machine fraction (a price times its points, say): multiplied without
        // converting the machine fraction to GMP first.
        switch (a.storage, b.storage) {
        case (.big(let x), .small(let n, let d)), (.small(let n, let d), .big(let x)):
            let (p, q) = reduced(n, d)
            return Exact(big: x.multiplied(byNumerator: p, denominator: q))
        default:
            return Exact(big: BigRational.product(a.bigValue, b.bigValue))
        }
    }

    /// `n / d` (`d` > 0) in lowest terms.
    static func reduced(_ n: Int64, _ d: Int64) -> (Int64, Int64) {
        let g = Int64(WideMath.gcd(n.magnitude, UInt64(d)))
        return g <= 1 ? (n, d) : (n / g, d / g)
    }

    /// `b` is non-zero (checked by the caller).
    @usableFromInline
    static func bigDivide(_ a: Exact, _ b: Exact) -> Exact {
        Exact(big: BigRational.quotient(a.bigValue, b.bigValue))
    }
}

extension Sequence where Element == Exact {
    /// The exact sum of the elements (zero for an empty sequence).
    @inlinable
    public func sum() -> Exact { reduce(Exact.zero, +) }
}

extension Exact: SignedNumeric {
    public typealias Magnitude = Exact

    /// The integer `source`, of any size.
    public init?<T: BinaryInteger>(exactly source: T) {
        if let v = Int64(exactly: source) {
            self.init(small: v, 1)
        } else {
            // Wider than 64 bits: go through the decimal text, which GMP reads exactly.
            try? self.init(parsing: String(source))
        }
    }

    @inlinable
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
