import ExactNumbers
import JSONOutput
import Testing

@testable import TenderReports

/// Numbers are written from the exact decimal, never through `Double`.
@Suite struct JSONValueExactTests {
    @Test(arguments: [
        ("33956448.60", "33956448.6"),
        ("108", "108"),
        ("97.2", "97.2"),
        ("-0.005", "-0.005"),
        ("0", "0"),
        ("0.1", "0.1"),
        // Beyond Double's 15–17 significant digits: every digit survives.
        ("12345678901234567890.12", "12345678901234567890.12"),
        ("9007199254740993", "9007199254740993"),
        ("0.30000000000000000001", "0.30000000000000000001"),
    ])
    func exactDecimalsAreWrittenDigitForDigit(input: String, expected: String) throws {
        let value = try Exact(parsing: input)
        #expect(JSONValue.number(value).rendered() == expected + "\n")
    }

    @Test func nonTerminatingValuesAreRoundedHalfUp() throws {
        let third = try Exact(numerator: 1, denominator: 3)
        #expect(JSONValue.number(third).rendered() == "0.33\n")
        let twoThirds = try Exact(numerator: 2, denominator: 3)
        #expect(JSONValue.number(twoThirds, places: 4).rendered() == "0.6667\n")
    }
}
