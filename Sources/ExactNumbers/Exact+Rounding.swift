extension Exact {
    /// The magnitude of a value scaled by `10^places` and rounded to an integer.
    enum ScaledMagnitude {
        case small(UInt64)
        case big(BigInteger)
    }

    /// Rounds to `places` decimal places (`places` ≥ 0) in `mode`, exactly, ties included.
    ///
    /// `Exact("2.675")!.rounded(places: 2)` is `2.68`; `-0.005` becomes `-0.01` half-up and `0` half-even.
    @inlinable @inline(__always)
    public func rounded(places: Int = 0, mode: RoundingMode = .halfUp) -> Exact {
        precondition(places >= 0, "rounding places must not be negative")
        if case .small(let n, let d) = storage, places < WideMath.powersOfTenCount - 1,
            let k = Exact.roundSmall(n, d, places: places, mode: mode), k <= UInt64(Int64.max)
        {
            let signed = n < 0 ? -Int64(k) : Int64(k)
            return Exact(small: signed, Int64(WideMath.powerOfTen(places)))
        }
        return roundedBig(places: places, mode: mode)
    }

    /// The fast path: the rounded magnitude of `n / d` × `10^places`, or nil when it overflows `UInt64`.
    @inlinable @inline(__always)
    static func roundSmall(_ n: Int64, _ d: Int64, places: Int, mode: RoundingMode) -> UInt64? {
        let divisor = UInt64(d)
        // |n| × 10^places in 128 bits, divided once; the quotient fits in 64 bits exactly when the high half
        // is below the divisor.
        let wide = n.magnitude.multipliedFullWidth(by: WideMath.powerOfTen(places))
        guard wide.high < divisor else { return nil }
        var (kept, remainder) = divisor.dividingFullWidth(wide)
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
        let negative = signum < 0
        return withScaledBig(places: places, mode: mode) { magnitude in
            Exact.scaled(magnitude, negative: negative, places: places)
        }
    }

    /// Sign and rounded magnitude of `self × 10^places`, on whichever path fits.
    func scaledMagnitude(places: Int, mode: RoundingMode) -> ScaledMagnitude {
        if case .small(let n, let d) = storage, places < WideMath.powersOfTenCount - 1,
            let k = Exact.roundSmall(n, d, places: places, mode: mode)
        {
            return .small(k)
        }
        return .big(scaledBig(places: places, mode: mode))
    }
}
