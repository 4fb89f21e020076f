import ExactNumbers
import Testing

@Suite("Formatting and description")
struct FormattingTests {
    @Test(
        "description: minimal decimals when they terminate, lowest-terms fractions otherwise",
        arguments: [
            ("1234.56", "1234.56"), ("1234.50", "1234.5"), ("-0.005", "-0.005"), ("12.5%", "0.125"), ("3/6", "0.5"),
            ("1/3", "1/3"), ("-22/7", "-22/7"), ("-44/14", "-22/7"), ("10/4", "2.5"), ("0.000", "0"), ("-0", "0"),
            ("1/1024", "0.0009765625"), ("100", "100"), ("1/9223372036854775807", "1/9223372036854775807"),
            ("-9223372036854775808/2", "-4611686018427387904"), ("1/6", "1/6"),
        ]
    )
    func description(_ text: String, _ expected: String) throws {
        let value = try Exact(parsing: text)
        #expect(value.description == expected)
        #expect(value.forcingGMP().description == expected)
        #expect("\(value)" == expected)
    }

    @Test("description of long terminating expansions: 1/2^70 and 1/5^30 print every digit")
    func longExpansions() throws {
        var power = Exact.one
        for _ in 0..<70 { power *= Exact(2) }
        let tiny = try Exact.one / power
        #expect(tiny.terminatingPlaces == 70)
        #expect(tiny.description == "0.0000000000000000000008470329472543003390683225006796419620513916015625")
        #expect(try Exact(parsing: tiny.description) == tiny)
        let fifth = try Exact.one / Exact(5)
        var small = Exact.one
        for _ in 0..<30 { small *= fifth }
        #expect(small.description == "0.000000000000000000001073741824")
        #expect(small.terminatingPlaces == 30)
    }

    @Test(
        "formatted(places:) pads, rounds half-up and never prints -0",
        arguments: [
            ("28.8", 2, "28.80"), ("30", 2, "30.00"), ("0.05", 2, "0.05"), ("0.05", 0, "0"), ("2.675", 2, "2.68"),
            ("-0.004", 2, "0.00"), ("-0.005", 2, "-0.01"), ("-0.0049999", 2, "0.00"), ("324/11", 2, "29.45"),
            ("324/11", 0, "29"), ("-1/3", 4, "-0.3333"), ("1/3", 25, "0.3333333333333333333333333"),
            ("123456789012345678901234567890.005", 2, "123456789012345678901234567890.01"), ("0", 3, "0.000"),
            ("9223372036854775807", 3, "9223372036854775807.000"), ("-0.9", 0, "-1"), ("0.000001", 3, "0.000"),
        ]
    )
    func formatted(_ text: String, _ places: Int, _ expected: String) throws {
        let value = try Exact(parsing: text)
        #expect(value.formatted(places: places) == expected)
        #expect(value.forcingGMP().formatted(places: places) == expected)
    }

    @Test("formatted in other modes keeps the sign only on non-zero results")
    func formattedModes() throws {
        let value = try Exact(parsing: "-0.001")
        #expect(value.formatted(places: 2, mode: .floor) == "-0.01")
        #expect(value.formatted(places: 2, mode: .ceiling) == "0.00")
        #expect(value.formatted(places: 2, mode: .towardZero) == "0.00")
        #expect(value.formatted(places: 2, mode: .awayFromZero) == "-0.01")
    }

    @Test("terminatingPlaces, isInteger, signum and isZero")
    func properties() throws {
        #expect(try Exact(parsing: "1234.560").terminatingPlaces == 2)
        #expect(try Exact(parsing: "1/3").terminatingPlaces == nil)
        #expect(Exact(7).terminatingPlaces == 0)
        #expect(try Exact(parsing: "4/2").isInteger)
        #expect(try Exact(parsing: "4/2").forcingGMP().isInteger)
        #expect(try !Exact(parsing: "0.5").isInteger)
        #expect(try Exact(parsing: "123456789012345678901234567890").isInteger)
        #expect(try !Exact(parsing: "123456789012345678901234567890.1").isInteger)
        #expect(try Exact(parsing: "-0.000").signum == 0)
        #expect(try Exact(parsing: "-0.000").isZero)
        #expect(try Exact(parsing: "-123456789012345678901234567890").signum == -1)
        #expect(try Exact(parsing: "1/123456789012345678901234567890").signum == 1)
    }
}
