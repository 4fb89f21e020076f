/// Text that is not an exact number, with what was expected instead.
public struct ExactParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong with the text.
    public enum Reason: Equatable, Sendable {
        case empty
        case tooLong(limit: Int)
        case notANumber
        case infinite
        case thousandsSeparator(suggestion: String)
        case digitGroupSeparator
        case multipleDecimalPoints
        case hexadecimal
        case exponent
        case whitespace
        case missingDigitBeforePoint(suggestion: String)
        case missingDigitAfterPoint
        case missingDigits
        case missingDenominator
        case unexpectedCharacter(Character, position: Int)
        case zeroDenominator
    }

    /// The text as given.
    public let input: String
    /// What is wrong with it.
    public let reason: Reason

    public init(input: String, reason: Reason) {
        self.input = input
        self.reason = reason
    }

    /// The problem and the expectation, without the input: for diagnostics that show the input elsewhere.
    public var message: String {
        let example = "a decimal number such as 1234.56, -0.005 or 12.5%"
        switch reason {
        case .empty: return "expected \(example), found nothing"
        case .tooLong(let limit): return "a number may have at most \(limit) characters"
        case .notANumber: return "not a number; expected \(example)"
        case .infinite: return "infinity is not allowed; expected a finite decimal such as 1234.56"
        case .thousandsSeparator(let suggestion):
            return "thousands separators are not allowed; write \(suggestion)"
        case .digitGroupSeparator: return "digit separators '_' are not allowed; write the digits only"
        case .multipleDecimalPoints: return "a number has at most one decimal point"
        case .hexadecimal: return "hexadecimal is not allowed; expected decimal digits 0-9"
        case .exponent:
            // Show the digits to write when the text is a plain mantissa and a small exponent: 1e3 → 1000.
            if let digits = Self.expanded(input) {
                return "exponent notation is not accepted; write the digits in full: \(digits)"
            }
            return "exponent notation is not accepted; write the digits in full (1500000, not 1.5e6)"
        case .whitespace:
            // Whatever is left once the spaces go, e.g. `1000` for `1 000`.
            let joined = input.filter { !$0.isWhitespace }
            return "spaces are not allowed in a number" + (joined.isEmpty ? "" : "; write \(joined)")
        case .missingDigitBeforePoint(let suggestion):
            return "expected a digit before the decimal point; write \(suggestion)"
        case .missingDigitAfterPoint:
            // The text has exactly one point, with nothing but an optional `%` after it: `5.` or `5.%`.
            let parts = input.split(separator: ".", omittingEmptySubsequences: false)
            let (integer, padded) = (parts.joined(), parts.joined(separator: ".0"))
            return "expected a digit after the decimal point; write \(integer) or \(padded)"
        case .missingDigits: return "expected \(example), found no digits"
        case .missingDenominator: return "expected a denominator after '/', as in 1/3"
        case .unexpectedCharacter(let c, let position):
            return "unexpected character '\(c)' at position \(position); expected \(example)"
        case .zeroDenominator: return "the denominator of a fraction must not be zero"
        }
    }

    /// `1.5e3` → `1500`, for exponents up to ±30; nil for anything else.
    static func expanded(_ text: String) -> String? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
        guard parts.count == 2, let exponent = Int(parts[1]), abs(exponent) <= 30,
            let mantissa = try? Exact(parsing: String(parts[0]))
        else { return nil }
        var value = mantissa
        for _ in 0..<abs(exponent) {
            value = exponent > 0 ? value * 10 : (try? value / 10) ?? value
        }
        return value.description
    }

    public var description: String {
        let shown = input.count > 40 ? String(input.prefix(37)) + "..." : input
        return "invalid number \"\(shown)\": \(message)"
    }
}
