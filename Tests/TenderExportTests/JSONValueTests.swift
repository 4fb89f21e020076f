import ExactNumbers
import Foundation
import Testing

@testable import TenderExport

/// Numbers are written from the exact decimal, never through `Double`.
@Suite struct JSONValueTests {
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

    @Test(arguments: ["0", "-0", "1", "-12.5", "0.001", "1e5", "1.5E-3", "123456789012345678901234567890"])
    func validNumbers(text: String) {
        #expect(JSONValue.isNumber(text))
    }

    @Test(arguments: ["", "-", "01", "1.", ".5", "+1", "1e", "1.2.3", "NaN", "Infinity", "0x10", " 1", "1 "])
    func invalidNumbers(text: String) {
        #expect(!JSONValue.isNumber(text))
    }

    @Test func stringsAreEscaped() {
        let value = JSONValue.string("a\"b\\c\nd\re\tf\u{1}g\u{2028}h 中文 é")
        #expect(value.rendered() == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h 中文 é\"\n")
    }

    @Test func objectsKeepTheirOrderAndIndentByTwo() {
        let value = JSONValue.object([
            ("z", .number("1")),
            ("a", .array([.bool(true), .null, .string("x")])),
            ("m", .object([])),
            ("e", .array([])),
        ])
        #expect(
            value.rendered() == """
                {
                  "z": 1,
                  "a": [
                    true,
                    null,
                    "x"
                  ],
                  "m": {},
                  "e": []
                }

                """
        )
    }

    @Test func compactingDropsNilMembers() {
        let value = JSONValue.object(compacting: ["a": .number("1"), "b": nil, "c": .string("x")])
        #expect(value == .object([("a", .number("1")), ("c", .string("x"))]))
    }

    /// The output is JSON any parser reads, with the same values.
    @Test func outputParsesBack() throws {
        let value = JSONValue.object([
            ("amount", .number(try Exact(parsing: "4107872.18"))),
            ("text", .string("控制\u{0}字符 \"quoted\"")),
            ("list", .array([.number(3), .bool(false)])),
        ])
        let parsed = try JSONSerialization.jsonObject(with: Data(value.rendered().utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == "控制\u{0}字符 \"quoted\"")
        #expect((parsed?["amount"] as? NSNumber)?.description == "4107872.18")
        #expect((parsed?["list"] as? [Any])?.count == 2)
    }
}
