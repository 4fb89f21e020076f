import ExactNumbers
import Testing

/// `Exact.fraction` on the edges of 64 and 128 bits: every pair of ±2ᵏ−1, ±2ᵏ, ±2ᵏ+1 (k up to 127), Int128's
/// extremes and a few products, against the quotient of the integers parsed from their decimal text; and held
/// as exact arithmetic holds the same value (machine integers exactly when its lowest terms fit in 64 bits).
@Suite struct WideFractionEdgeTests {
    static let values: [Int128] = {
        var values = Set<Int128>()
        for bits in [0, 1, 2, 3, 62, 63, 64, 65, 126, 127] {
            for offset in [-1, 0, 1] {
                for sign in [1, -1] {
                    let magnitude = (UInt128(1) << bits)
                    let v = offset < 0 ? magnitude - 1 : (offset > 0 ? magnitude + 1 : magnitude)
                    if sign > 0 {
                        if let x = Int128(exactly: v) { values.insert(x) }
                    } else if v <= UInt128(1) << 127 {
                        values.insert(v == UInt128(1) << 127 ? .min : -Int128(v))
                    }
                }
            }
        }
        let max64 = Int128(Int64.max)
        values.formUnion([
            .min, .max, 3 << 63, -(3 << 63), 7 * max64, 5 << 63, max64 * max64, -(max64 + 1) * max64,
            Int128(Int64.min) * Int128(Int64.min), 6, -4, 10_000,
        ])
        return values.sorted()
    }()

    static func parsed(_ value: Int128) -> Exact { (try? Exact(parsing: "\(value)"))! }

    @Test func edgesAreTheExactQuotientInItsCanonicalForm() {
        for numerator in Self.values {
            for denominator in Self.values where denominator != 0 {
                let value = Exact.fraction(numerator, denominator)
                let expected = try? Self.parsed(numerator) / Self.parsed(denominator)
                #expect(value == expected, "\(numerator) / \(denominator)")
                #expect(value?.isSmall == expected?.isSmall, "\(numerator) / \(denominator)")
                #expect(value?.description == expected?.description, "\(numerator) / \(denominator)")
                #expect(value.map { $0.hashValue } == expected.map { $0.hashValue }, "\(numerator) / \(denominator)")
            }
        }
        #expect(Exact.fraction(Int128(Int64.min), 1)?.isSmall == true)
        #expect(Exact.fraction(-(Int128(1) << 64), 2)?.description == "-9223372036854775808")
        #expect(Exact.fraction(0, .min) == .zero)
        #expect(Exact.fraction(.min, -1)?.description == "170141183460469231731687303715884105728")
    }
}
