import ExactNumbers
import Testing

/// `Exact.fraction` builds the value of a fraction of two 128-bit integers at once: it must be the quotient
/// exact arithmetic gives, in either representation.
@Suite("a fraction of 128-bit integers is the exact quotient")
struct WideFractionTests {
    /// The exact value of a 128-bit integer, built from its two 64-bit halves with exact arithmetic.
    static func exact(_ value: Int128) -> Exact {
        let magnitude = value.magnitude
        let high = Exact(Int(UInt64(truncatingIfNeeded: magnitude >> 64) >> 1)) * 2 + Exact(Int((magnitude >> 64) & 1))
        let low = UInt64(truncatingIfNeeded: magnitude)
        let lowExact = Exact(Int(low >> 1)) * 2 + Exact(Int(low & 1))
        let twoTo64 = Exact(1 << 62) * 4
        let result = high * twoTo64 + lowExact
        return value < 0 ? -result : result
    }

    @Test func fractionsOfWideIntegersAreTheirQuotients() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        func wide() -> Int128 {
            // Widths from a few bits to all 128, both signs, and the extremes.
            let bits = Int(next() % 129)
            let raw = Int128(truncatingIfNeeded: (UInt128(next()) << 64) | UInt128(next()))
            switch next() % 20 {
            case 0: return .min
            case 1: return .max
            case 2: return 0
            default: return bits == 128 ? raw : raw >> (128 - bits)
            }
        }
        var small = 0
        var big = 0
        for _ in 0..<5_000 {
            let numerator = wide()
            var denominator = wide()
            // A common factor, so that reduction matters.
            if next() % 3 == 0, let scaled = Int128(exactly: numerator / 7), scaled != 0 { denominator = scaled * 3 }
            guard denominator != 0 else {
                #expect(Exact.fraction(numerator, 0) == nil)
                continue
            }
            let value = Exact.fraction(numerator, denominator)
            let expected = try? Self.exact(numerator) / Self.exact(denominator)
            #expect(value == expected, "\(numerator) / \(denominator)")
            if value?.isSmall == true { small += 1 } else { big += 1 }
        }
        // Both representations are reached.
        #expect(small > 500)
        #expect(big > 500)
        #expect(Exact.fraction(6, -4) == (try? Exact(numerator: -3, denominator: 2)))
        #expect(Exact.fraction(Int128.min, Int128.min) == 1)
    }
}
