extension Exact {
    /// The nearest `Double` to the value rounded half to even at 12 decimal places: exactly what parsing
    /// `formatted(places: 12, mode: .halfEven)` as a `Double` gives (a correctly rounded `strtod`), without
    /// the text. For random draws and statistics only: amounts, prices and scores never become `Double`.
    ///
    /// On machine integers: m = round(n × 10^12 / d) in 128 bits, trailing zeros of m taken off the power of
    /// ten (m / 10^e, e ≤ 12); when |m| ≤ 2^53 both are exact doubles and one IEEE division, correctly
    /// rounded, gives the nearest double to m / 10^e, as `strtod` does. Anything else goes through the text.
    package var nearestDouble: Double {
        if let (n, d) = machineFraction {
            let scaled = Int128(n) * 1_000_000_000_000
            let divisor = Int128(d)
            let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
            var m = quotient
            let twice = remainder.magnitude * 2
            if twice > divisor.magnitude || (twice == divisor.magnitude && quotient & 1 != 0) {
                m += scaled < 0 ? -1 : 1
            }
            if m == 0 { return 0 }  // the text never has a minus sign on zero
            var exponent = 12
            while exponent > 0 && m % 10 == 0 {
                m /= 10
                exponent -= 1
            }
            if m.magnitude <= 1 << 53 {
                var power = 1.0
                for _ in 0..<exponent { power *= 10 }
                return Double(Int64(m)) / power
            }
        }
        return Double(formatted(places: 12, mode: .halfEven)) ?? .nan
    }
}
