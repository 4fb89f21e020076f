import ExactNumbers
import Testing

@Suite("Hashable: equal values hash equally whatever their representation")
struct HashingTests {
    @Test("1/2 from parsing, from arithmetic (2/4, unreduced), as 0.5, 50% and in GMP is one Set element")
    func oneHalf() throws {
        let fromArithmetic = try Exact(2) / Exact(4)
        let spellings = try [
            Exact(parsing: "1/2"), Exact(parsing: "2/4"), Exact(parsing: "0.5"), Exact(parsing: "50%"),
            Exact(parsing: "0.500000000000000000000000000"), Exact(numerator: -3, denominator: -6),
            Exact(1) - Exact(parsing: "0.5"), Exact(parsing: "0.25") * Exact(2),
        ]
        let all = [fromArithmetic] + spellings + spellings.map { $0.forcingGMP() }
        for value in all {
            #expect(value == fromArithmetic)
            #expect(value.hashValue == fromArithmetic.hashValue, "\(value)")
        }
        #expect(Set(all).count == 1)
        #expect(try Set(all + [Exact(parsing: "0.51")]).count == 2)
    }

    @Test("Huge values reached by different routes hash equally")
    func hugeValues() throws {
        let parsed = try Exact(parsing: "10000000000000000000000000000000000000000/3")
        var computed = Exact(1)
        for _ in 0..<40 { computed *= Exact(10) }
        let third = try computed / Exact(3)
        let viaSum = third + Exact.one - Exact.one
        #expect(parsed == third && third == viaSum)
        #expect(Set([parsed, third, viaSum, parsed.forcingGMP()]).count == 1)
        #expect(parsed.hashValue == viaSum.hashValue)
    }

    @Test("Values at the Int64 limits: small and GMP-held copies hash equally")
    func limits() throws {
        let values = try [
            "-9223372036854775808", "9223372036854775807", "-9223372036854775808/2", "1/9223372036854775807",
        ]
        .map { try Exact(parsing: $0) }
        for value in values {
            #expect(value.hashValue == value.forcingGMP().hashValue, "\(value)")
        }
        // Int64.min computed as -(2^63 - 1) - 1 and as a negated big 2^63 comes back to machine integers.
        let viaBig = -(try Exact(parsing: "9223372036854775808"))
        let viaSmall = Exact(Int.min + 1) - Exact.one
        #expect(viaBig == viaSmall)
        #expect(viaBig.hashValue == viaSmall.hashValue)
        #expect(Set([viaBig, viaSmall, values[0]]).count == 1)
    }

    @Test("A dictionary keyed by Exact finds a value under any spelling of its key")
    func dictionaryKeys() throws {
        var points: [Exact: String] = [:]
        points[try Exact(parsing: "0.125")] = "one eighth"
        #expect(points[try Exact(parsing: "12.5%")] == "one eighth")
        #expect(points[try Exact(parsing: "2/16").forcingGMP()] == "one eighth")
        #expect(points[try Exact(parsing: "0.126")] == nil)
    }
}
