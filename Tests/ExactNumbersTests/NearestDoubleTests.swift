import ExactNumbers
import Testing

/// `nearestDouble` computes on machine integers what parsing the 12-place half-even text gives; the draws,
/// the equilibrium and the statistics read amounts through it, so any difference would move outputs.
@Suite("Nearest double")
struct NearestDoubleTests {
    private func viaText(_ value: Exact) -> Double { Double(value.formatted(places: 12, mode: .halfEven)) ?? .nan }

    private func check(_ value: Exact) {
        let fast = value.nearestDouble
        let text = viaText(value)
        #expect(fast.bitPattern == text.bitPattern, "\(value): \(fast) vs \(text)")
    }

    @Test func decimalsFractionsAndEdges() throws {
        let texts = [
            "0", "1", "-1", "0.1", "-0.1", "80", "120", "86.67", "1234.56", "0.005", "-0.000000000001",
            "0.0000000000005", "-0.0000000000005", "0.0000000000015", "0.0000000000004", "1/3", "-2/3", "22/7",
            "9007.199254740992", "9007.199254740993", "9007199254740993", "123456789012.34", "-98765432109.87",
            "100000000000000000000", "1/7000000000000", "3/2000000000000", "5/2000000000000", "12.5%", "0.3",
            "4155.00", "3760.01", "5.5505", "0.04",
        ]
        for text in texts { check(try Exact(parsing: text)) }
    }

    @Test func randomFractions() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for i in 0..<20_000 {
            // Numerators and denominators of every size, including ties at the 12th place (d = 2 × 10^12).
            let bits = Int(next() % 63) + 1
            let magnitude = Int(next() >> UInt64(64 - bits))
            let numerator = i % 2 == 0 ? magnitude : -magnitude
            let denominators = [1, 100, 3, 7, 2_000_000_000_000, 1 << 40, 999_983, Int(next() % 1_000_000) + 1]
            let denominator = denominators[Int(next() % UInt64(denominators.count))]
            guard let value = try? Exact(numerator: numerator, denominator: denominator) else { continue }
            check(value)
            check(value.forcingGMP())
        }
    }
}
