import ExactNumbers
import Testing

@Suite("Rounding")
struct RoundingTests {
    /// `(value, places, expected per mode in RoundingMode.allCases order)`:
    /// half-up, half-even, toward zero, away from zero, floor, ceiling.
    static let table: [(String, Int, [String])] = [
        ("2.675", 2, ["2.68", "2.68", "2.67", "2.68", "2.67", "2.68"]),
        ("-0.005", 2, ["-0.01", "0", "0", "-0.01", "-0.01", "0"]),
        ("0.125", 2, ["0.13", "0.12", "0.12", "0.13", "0.12", "0.13"]),
        ("0.135", 2, ["0.14", "0.14", "0.13", "0.14", "0.13", "0.14"]),
        ("-0.125", 2, ["-0.13", "-0.12", "-0.12", "-0.13", "-0.13", "-0.12"]),
        ("2.5", 0, ["3", "2", "2", "3", "2", "3"]),
        ("-2.5", 0, ["-3", "-2", "-2", "-3", "-3", "-2"]),
        ("3.5", 0, ["4", "4", "3", "4", "3", "4"]),
        ("0.5", 0, ["1", "0", "0", "1", "0", "1"]),
        ("2.679", 2, ["2.68", "2.68", "2.67", "2.68", "2.67", "2.68"]),
        ("-2.679", 2, ["-2.68", "-2.68", "-2.67", "-2.68", "-2.68", "-2.67"]),
        ("2.671", 2, ["2.67", "2.67", "2.67", "2.68", "2.67", "2.68"]),
        ("-2.671", 2, ["-2.67", "-2.67", "-2.67", "-2.68", "-2.68", "-2.67"]),
        ("1/3", 2, ["0.33", "0.33", "0.33", "0.34", "0.33", "0.34"]),
        ("-2/3", 0, ["-1", "-1", "0", "-1", "-1", "0"]),
        ("7", 2, ["7", "7", "7", "7", "7", "7"]),
        ("0", 3, ["0", "0", "0", "0", "0", "0"]),
        (
            "0.00000000000000000005", 19,
            [
                "0.0000000000000000001", "0", "0", "0.0000000000000000001", "0", "0.0000000000000000001",
            ]
        ),
        (
            "1/3", 20,
            [
                "0.33333333333333333333", "0.33333333333333333333", "0.33333333333333333333",
                "0.33333333333333333334", "0.33333333333333333333", "0.33333333333333333334",
            ]
        ),
        // Int64.max + 0.5: the rounded value no longer fits in 64 bits, except toward zero.
        (
            "9223372036854775807.5", 0,
            [
                "9223372036854775808", "9223372036854775808", "9223372036854775807", "9223372036854775808",
                "9223372036854775807", "9223372036854775808",
            ]
        ),
        (
            "-9223372036854775808.5", 0,
            [
                "-9223372036854775809", "-9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "-9223372036854775809", "-9223372036854775808",
            ]
        ),
        (
            "123456789012345678901234567890.125", 2,
            [
                "123456789012345678901234567890.13", "123456789012345678901234567890.12",
                "123456789012345678901234567890.12", "123456789012345678901234567890.13",
                "123456789012345678901234567890.12", "123456789012345678901234567890.13",
            ]
        ),
    ]

    @Test("Every mode on ties, near-ties, thirds, limits and huge values", arguments: table)
    func modes(_ text: String, _ places: Int, _ expected: [String]) throws {
        let value = try Exact(parsing: text)
        let results = RoundingMode.allCases.map { value.rounded(places: places, mode: $0).description }
        #expect(results == expected)
        let slow = RoundingMode.allCases.map { value.forcingGMP().rounded(places: places, mode: $0).description }
        #expect(slow == expected)
    }

    @Test("Half-up is the default")
    func defaultMode() throws {
        #expect(try Exact(parsing: "2.675").rounded(places: 2) == Exact(parsing: "2.68"))
        #expect(try Exact(parsing: "-0.005").rounded(places: 2).description == "-0.01")
        #expect(try Exact(parsing: "2.5").rounded() == Exact(3))
    }

    @Test("x.5 at every place from 0 to 30 rounds away from zero half-up and to even half-even")
    func tiesAtManyPlaces() throws {
        for places in 0...30 {
            for (digit, evenDown) in [("2", true), ("3", false)] {
                // digit followed by a 5 at places + 1: e.g. 0.025 at 2 places.
                let zeros = String(repeating: "0", count: places)
                let text = places == 0 ? "1\(digit).5" : "1.\(zeros.dropLast())\(digit)5"
                let value = try Exact(parsing: text)
                let up = value.rounded(places: places, mode: .halfUp)
                let even = value.rounded(places: places, mode: .halfEven)
                let unit = try Exact.one / Exact(parsing: "1" + zeros)
                #expect(up - even == (evenDown ? unit : .zero), "\(text) at \(places)")
                #expect((-value).rounded(places: places, mode: .halfUp) == -up, "-\(text) at \(places)")
                #expect(value.forcingGMP().rounded(places: places, mode: .halfEven) == even, "\(text) at \(places)")
                let half = try unit / Exact(2)
                #expect((value - up).magnitude == half && (value - even).magnitude == half, "\(text) is a tie")
            }
        }
    }

    @Test("Rounding keeps values exact: the result has at most `places` decimals and moves less than one unit")
    func roundedValuesHaveThePlaces() throws {
        var generator = ValueGenerator(seed: 0x20_0D)
        for _ in 0..<500 {
            let value = try Exact(parsing: generator.value())
            let places = generator.random.int(0...25)
            let unit = try Exact.one / Exact(parsing: "1" + String(repeating: "0", count: places))
            for mode in RoundingMode.allCases {
                let rounded = value.rounded(places: places, mode: mode)
                #expect((rounded.terminatingPlaces ?? .max) <= places, "\(value) \(mode) \(places)")
                #expect((rounded - value).magnitude < unit, "\(value) \(mode) \(places)")
                #expect(rounded.rounded(places: places, mode: mode) == rounded, "rounding twice changes \(value)")
            }
            #expect(value.rounded(places: places, mode: .floor) <= value)
            #expect(value.rounded(places: places, mode: .ceiling) >= value)
            #expect(value.rounded(places: places, mode: .towardZero).magnitude <= value.magnitude)
            #expect(value.rounded(places: places, mode: .awayFromZero).magnitude >= value.magnitude)
        }
    }

    @Test("Rounding modes have the spellings scenario files use")
    func modeSpellings() {
        #expect(
            RoundingMode.allCases.map(\.rawValue) == [
                "half-up", "half-even", "toward-zero", "away-from-zero", "floor", "ceiling",
            ]
        )
        #expect(RoundingMode(rawValue: "half-up") == .halfUp)
        #expect(RoundingMode(rawValue: "HALF-UP") == nil)
    }
}
