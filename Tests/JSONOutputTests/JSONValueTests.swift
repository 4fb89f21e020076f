import Foundation
import Testing

@testable import JSONOutput

/// The writer's output, byte for byte: escaping, member order, indentation, numbers.
@Suite struct JSONValueTests {
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

    /// U+2028 and U+2029 are escaped by default (the OCDS export) and written as they are on request (the
    /// simulation documents); keys are escaped the same way as values.
    @Test func lineSeparatorsAreEscapedUnlessLiteral() {
        let value = JSONValue.object([("k\u{2029}", .string("a\u{2028}b\u{1f}\u{7f}"))])
        #expect(value.rendered() == "{\n  \"k\\u2029\": \"a\\u2028b\\u001f\u{7f}\"\n}\n")
        #expect(value.rendered(lineSeparators: .escaped) == value.rendered())
        #expect(
            value.rendered(lineSeparators: .literal) == "{\n  \"k\u{2029}\": \"a\u{2028}b\\u001f\u{7f}\"\n}\n"
        )
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

    /// Keys sorted, integral `Double`s as integers, NaN as `null` (the simulation documents).
    @Test func sortedObjectsAndDoublesAreDeterministic() {
        let value = JSONValue.object(sortingKeys: [
            "b": .number(86.66666666666667), "a": .array([.number(1), .number(Double.nan)]),
        ])
        #expect(value.rendered() == "{\n  \"a\": [\n    1,\n    null\n  ],\n  \"b\": 86.66666666666667\n}\n")
        #expect(JSONValue.number(12).rendered() == "12\n")
    }

    @Test(arguments: [
        (12.0, "12"), (-0.0, "0"), (-3.0, "-3"), (0.1, "0.1"), (1.5e-05, "1.5e-05"),
        (9_007_199_254_740_991.0, "9007199254740991"), (9_007_199_254_740_992.0, "9007199254740992.0"),
        (1e16, "1e+16"), (1e300, "1e+300"),
    ])
    func doublesAreWrittenInShortestRoundTripForm(value: Double, expected: String) {
        #expect(JSONValue.number(value) == .number(expected))
    }

    @Test func nonFiniteDoublesAreNull() {
        #expect(JSONValue.number(Double.nan) == .null)
        #expect(JSONValue.number(Double.infinity) == .null)
        #expect(JSONValue.number(-Double.infinity) == .null)
    }

    @Test func compactingDropsNilMembers() {
        let value = JSONValue.object(compacting: ["a": .number("1"), "b": nil, "c": .string("x")])
        #expect(value == .object([("a", .number("1")), ("c", .string("x"))]))
    }

    /// The output is JSON any parser reads, with the same values.
    @Test func outputParsesBack() throws {
        let value = JSONValue.object([
            ("amount", .number("4107872.18")),
            ("text", .string("控制\u{0}字符 \"quoted\"")),
            ("list", .array([.number(3), .bool(false)])),
        ])
        let parsed = try JSONSerialization.jsonObject(with: Data(value.rendered().utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == "控制\u{0}字符 \"quoted\"")
        #expect((parsed?["amount"] as? NSNumber)?.description == "4107872.18")
        #expect((parsed?["list"] as? [Any])?.count == 2)
    }
}
