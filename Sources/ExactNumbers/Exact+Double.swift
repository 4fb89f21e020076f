extension Exact {
    /// The nearest `Double` to the value rounded half to even at 12 decimal places: exactly what parsing
    /// `formatted(places: 12, mode: .halfEven)` as a `Double` gives (a correctly rounded `strtod`), without
    /// the text. For random draws and statistics only: amounts, prices and scores never become `Double`.
    ///
    /// On machine integers: m = round(n × 10^12 / d), trailing zeros of m taken off the power of ten
    /// (m / 10^e, e ≤ 12); when |m| ≤ 2^53 both are exact doubles and one IEEE division, correctly rounded,
    /// gives the nearest double to m / 10^e, as `strtod` does. Anything else goes through the text.
    ///
    /// The usual values take shorter roads to the same double: an integer or a decimal of at most 12 places
    /// (d = 10^k) with |n| ≤ 2^53 is n / 10^k in one correctly rounded division (the same rational as m / 10^e,
    /// both operands exact); a small numerator is scaled and divided in 64 bits.
    package var nearestDouble: Double {
        if let (n, d) = machineFraction {
            if n.magnitude <= 1 << 53, let places = Self.decimalPlaces(of: d) {
                return Double(n) / Self.powerOfTen(places)
            }
            if n.magnitude < 9_223_372 {
                // |n| × 10^12 < 2^63: the scaling and the rounding in 64 bits.
                let scaled = n * 1_000_000_000_000
                let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: d)
                var m = quotient
                let twice = remainder.magnitude * 2
                if twice > d.magnitude || (twice == d.magnitude && quotient & 1 != 0) {
                    m += scaled < 0 ? -1 : 1
                }
                if let double = Self.decimalDouble(m) { return double }
                return Double(formatted(places: 12, mode: .halfEven)) ?? .nan
            }
            let scaled = Int128(n) * 1_000_000_000_000
            let divisor = Int128(d)
            let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
            var m = quotient
            let twice = remainder.magnitude * 2
            if twice > divisor.magnitude || (twice == divisor.magnitude && quotient & 1 != 0) {
                m += scaled < 0 ? -1 : 1
            }
            if let small = Int64(exactly: m), let double = Self.decimalDouble(small) { return double }
        }
        return Double(formatted(places: 12, mode: .halfEven)) ?? .nan
    }

    /// m / 10^12 as the nearest double when m with its trailing zeros taken off is at most 2^53; nil otherwise
    /// (the caller goes through the text).
    private static func decimalDouble(_ value: Int64) -> Double? {
        var m = value
        if m == 0 { return 0 }  // the text never has a minus sign on zero
        var exponent = 12
        while exponent > 0 && m % 10 == 0 {
            m /= 10
            exponent -= 1
        }
        return m.magnitude <= 1 << 53 ? Double(m) / powerOfTen(exponent) : nil
    }

    /// k when `d` = 10^k with k ≤ 12, else nil.
    private static func decimalPlaces(of d: Int64) -> Int? {
        switch d {
        case 1: 0
        case 10: 1
        case 100: 2
        case 1000: 3
        case 10_000: 4
        case 100_000: 5
        case 1_000_000: 6
        case 10_000_000: 7
        case 100_000_000: 8
        case 1_000_000_000: 9
        case 10_000_000_000: 10
        case 100_000_000_000: 11
        case 1_000_000_000_000: 12
        default: nil
        }
    }

    /// 10^k for k ≤ 12, an exact double.
    @inline(__always)
    private static func powerOfTen(_ k: Int) -> Double {
        var power = 1.0
        for _ in 0..<k { power *= 10 }
        return power
    }
}
