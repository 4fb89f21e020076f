import ExactNumbers
import Testing

@Suite("Parsing decimals and fractions")
struct ParsingTests {
    @Test(
        "Accepted forms",
        arguments: [
            ("1234.56", "1234.56"), ("-0.005", "-0.005"), ("+7", "7"), ("12.5%", "0.125"), ("1/3", "1/3"),
            ("-22/7", "-22/7"), ("2/4", "0.5"), ("6/9", "2/3"), ("0.50", "0.5"), ("-0", "0"), ("+0.000", "0"),
            ("007", "7"), ("100%", "1"), ("0.5%", "0.005"), ("-12.5%", "-0.125"), ("0/7", "0"), ("10/1", "10"),
            ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
            ("9223372036854775808", "9223372036854775808"), ("0.0000000000000000001", "0.0000000000000000001"),
            ("123456789012345678.9", "123456789012345678.9"), ("1.000000000000000000000000", "1"),
            ("99999999999999999999999999999%", "999999999999999999999999999.99"),
        ]
    )
    func accepted(_ text: String, _ description: String) throws {
        let value = try Exact(parsing: text)
        #expect(value.description == description)
        #expect(Exact(text) == value)
        #expect(try Exact(parsing: description) == value)
    }

    @Test("Parsed values are the numbers they spell")
    func parsedValues() throws {
        #expect(try Exact(parsing: "1234.56") == Exact(numerator: 123_456, denominator: 100))
        #expect(try Exact(parsing: "-0.005") == Exact(numerator: -5, denominator: 1000))
        #expect(try Exact(parsing: "+7") == Exact(7))
        #expect(try Exact(parsing: "12.5%") == Exact(numerator: 1, denominator: 8))
        #expect(try Exact(parsing: "1/3") * Exact(3) == Exact.one)
        #expect(try Exact(parsing: "-22/7") == Exact(numerator: 22, denominator: -7))
        #expect(try Exact(parsing: "10%") == Exact(parsing: "0.1"))
    }

    @Test("A 3,000-digit number and a 3,000-digit fraction round-trip through description")
    func thousandsOfDigits() throws {
        var random = SplitMix64(seed: 3_000)
        let whole = random.digits(2_000)
        let fraction = random.digits(999, leadingNonZero: false) + String(random.int(1...9))
        let text = "-" + whole + "." + fraction
        #expect(text.count == 3_002)  // sign, 3,000 digits, point
        let value = try Exact(parsing: text)
        #expect(value.description == text)
        #expect(value.terminatingPlaces == 1_000)
        #expect(try Exact(parsing: value.description) == value)
        #expect(value.forcingGMP().description == text)
        #expect(value + Exact.one - Exact.one == value)

        // Not divisible by 3: the digit sum is not a multiple of 3, so n/3 stays in lowest terms.
        var numerator = random.digits(3_000)
        if numerator.reduce(0, { $0 + Int($1.wholeNumberValue!) }).isMultiple(of: 3) {
            numerator.removeLast()
            numerator.append(numerator.last == "1" ? "2" : "1")
        }
        let third = try Exact(parsing: numerator + "/3")
        #expect(third.description == numerator + "/3")
        #expect(third.terminatingPlaces == nil)
        #expect(try third * Exact(3) == Exact(parsing: numerator))
    }

    @Test("The length limit: 100,000 characters parse, one more is refused")
    func lengthLimit() throws {
        let longest = "1" + String(repeating: "0", count: Exact.maximumTextLength - 1)
        #expect(try Exact(parsing: longest).description == longest)
        let error = #expect(throws: ExactParseError.self) { try Exact(parsing: longest + "0") }
        #expect(error?.reason == .tooLong(limit: 100_000))
        #expect(
            error?.description == "invalid number \"1" + String(repeating: "0", count: 36) + "...\": "
                + "a number may have at most 100000 characters"
        )
    }

    /// What most messages say is expected instead.
    static let example = "a decimal number such as 1234.56, -0.005 or 12.5%"

    static let rejections: [(String, String)] = [
        ("1,234", "thousands separators are not allowed; write 1234"),
        ("NaN", "not a number; expected \(example)"),
        ("inf", "infinity is not allowed; expected a finite decimal such as 1234.56"),
        ("-Infinity", "infinity is not allowed; expected a finite decimal such as 1234.56"),
        ("", "expected \(example), found nothing"),
        ("1.2.3", "a number has at most one decimal point"),
        ("0x10", "hexadecimal is not allowed; expected decimal digits 0-9"),
        ("1e3", "exponent notation is not accepted; write the digits in full: 1000"),
        ("1.5e-3", "exponent notation is not accepted; write the digits in full: 0.0015"),
        ("1e999", "exponent notation is not accepted; write the digits in full (1500000, not 1.5e6)"),
        ("twenty", "not a number; expected a decimal number such as 1234.56, -0.005 or 12.5%"),
        (".5", "expected a digit before the decimal point; write 0.5"),
        ("-.5", "expected a digit before the decimal point; write -0.5"),
        ("5.", "expected a digit after the decimal point; write 5 or 5.0"),
        ("5.%", "expected a digit after the decimal point; write 5% or 5.0%"),
        ("12a", "unexpected character 'a' at position 3; expected \(example)"),
        ("1 000", "spaces are not allowed in a number; write 1000"),
        (" 5", "spaces are not allowed in a number; write 5"),
        ("1/0", "the denominator of a fraction must not be zero"),
        ("1/000", "the denominator of a fraction must not be zero"),
        ("1/", "expected a denominator after '/', as in 1/3"),
        ("-", "expected \(example), found no digits"),
        ("%", "expected \(example), found no digits"),
        (".", "expected \(example), found no digits"),
        ("1_000", "digit separators '_' are not allowed; write the digits only"),
        ("--5", "unexpected character '-' at position 2; expected \(example)"),
        ("1/3%", "unexpected character '%' at position 4; expected \(example)"),
        ("1.5/2", "unexpected character '/' at position 4; expected \(example)"),
        ("５", "unexpected character '５' at position 1; expected \(example)"),
        // A digit with a combining mark, and a keycap: not digits (these used to trap).
        ("5\u{301}", "unexpected character '5\u{301}' at position 1; expected \(example)"),
        ("1\u{FE0F}\u{20E3}", "unexpected character '1\u{FE0F}\u{20E3}' at position 1; expected \(example)"),
    ]

    @Test("Rejected forms and their messages", arguments: rejections)
    func rejected(_ text: String, _ message: String) {
        let error = #expect(throws: ExactParseError.self) { try Exact(parsing: text) }
        #expect(error?.input == text)
        #expect(error?.message == message)
        #expect(error?.description == "invalid number \"\(text)\": \(message)")
        #expect(Exact(text) == nil)
    }

    @Test("Long input is shortened in the description but kept whole in the error")
    func longInputIsShortened() {
        let text = String(repeating: "1", count: 50) + "x"
        let error = #expect(throws: ExactParseError.self) { try Exact(parsing: text) }
        #expect(error?.input == text)
        #expect(error?.reason == .unexpectedCharacter("x", position: 51))
        #expect(
            error?.description.hasPrefix("invalid number \"" + String(repeating: "1", count: 37) + "...\": ") == true
        )
    }

    @Test("Reasons, for callers that react to the kind of mistake")
    func reasons() {
        func reason(_ text: String) -> ExactParseError.Reason? {
            do {
                _ = try Exact(parsing: text)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason("") == .empty)
        #expect(reason("nan") == .notANumber)
        #expect(reason("-inf") == .infinite)
        #expect(reason("1,234.5") == .thousandsSeparator(suggestion: "1234.5"))
        #expect(reason("0X1F") == .hexadecimal)
        #expect(reason("1E3") == .exponent)
        #expect(reason("1\t2") == .whitespace)
        #expect(reason("-.25") == .missingDigitBeforePoint(suggestion: "-0.25"))
        #expect(reason("3.") == .missingDigitAfterPoint)
        #expect(reason("1/0") == .zeroDenominator)
        #expect(reason("2/") == .missingDenominator)
        #expect(reason("12a") == .unexpectedCharacter("a", position: 3))
        #expect(reason("12.5") == nil)
    }
}
