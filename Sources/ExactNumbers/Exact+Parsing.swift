extension Exact {
    /// The longest text ``init(parsing:)`` reads: ample for thousands of digits, small enough to refuse
    /// a pasted megabyte quickly.
    public static let maximumTextLength = 100_000

    /// Parses a decimal exactly.
    ///
    /// Accepted: an optional sign, digits, an optional fraction after one `.`, and an optional `%` that
    /// divides by 100 (`1234.56`, `-0.005`, `+7`, `12.5%`); also a fraction in lowest or other terms
    /// (`1/3`, `-22/7`), the form ``description`` prints for non-terminating values. Any number of digits.
    ///
    /// Rejected, each with a reason saying what to write instead: empty text, thousands separators
    /// (`1,234`), `NaN`, infinities, `1.2.3`, hexadecimal (`0x10`), exponent notation (`1e3`: tender
    /// documents write amounts in full, and `1e3` in a scenario file is more often a typo than an amount),
    /// spaces, `.5`, `5.`, `1/` and digits with combining marks.
    ///
    /// - Throws: ``ExactParseError`` naming the problem.
    public init(parsing text: String) throws(ExactParseError) {
        func fail(_ reason: ExactParseError.Reason) -> ExactParseError {
            ExactParseError(input: text, reason: reason)
        }
        let bytes = text.utf8
        if bytes.isEmpty { throw fail(.empty) }
        if bytes.count > Exact.maximumTextLength { throw fail(.tooLong(limit: Exact.maximumTextLength)) }

        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        let word = body.lowercased()
        if word == "nan" || word == ".nan" { throw fail(.notANumber) }
        if ["inf", "infinity", ".inf", "∞"].contains(word) { throw fail(.infinite) }
        if word.hasPrefix("0x") { throw fail(.hexadecimal) }
        if let first = body.first, first.isLetter, first != "e", first != "E" { throw fail(.notANumber) }

        // Scan: integer digits, optional fraction, then an optional '%' or '/denominator'.
        var integerDigits: [UInt8] = []
        var fractionDigits: [UInt8] = []
        var denominatorDigits: [UInt8]?
        var sawPoint = false
        var percent = false
        let signLength = text.count - body.count
        for (offset, character) in body.enumerated() {
            if percent {
                throw fail(.unexpectedCharacter(character, position: signLength + offset + 1))
            }
            switch character {
            // A digit followed by a combining mark (`5\u{301}`) sorts between "0" and "9" but is no digit.
            case "0"..."9" where character.isASCII:
                let digit = character.asciiValue! - UInt8(ascii: "0")
                if denominatorDigits != nil {
                    denominatorDigits!.append(digit)
                } else if sawPoint {
                    fractionDigits.append(digit)
                } else {
                    integerDigits.append(digit)
                }
            case "." where denominatorDigits == nil:
                if sawPoint { throw fail(.multipleDecimalPoints) }
                if integerDigits.isEmpty {
                    // `.5` means 0.5; a point with no digit on either side (`.`, `-.%`) is no number at all.
                    guard let next = body.dropFirst(offset + 1).first, next.isASCII, next.isWholeNumber else {
                        throw fail(.missingDigits)
                    }
                    throw fail(.missingDigitBeforePoint(suggestion: (negative ? "-0" : "0") + body))
                }
                sawPoint = true
            case "%" where denominatorDigits == nil:
                percent = true
            case "/" where !sawPoint && denominatorDigits == nil && !integerDigits.isEmpty:
                denominatorDigits = []
            case ",":
                throw fail(.thousandsSeparator(suggestion: text.filter { $0 != "," }))
            case "_":
                throw fail(.digitGroupSeparator)
            case "e", "E":
                throw fail(.exponent)
            case _ where character.isWhitespace:
                throw fail(.whitespace)
            default:
                throw fail(.unexpectedCharacter(character, position: signLength + offset + 1))
            }
        }
        if sawPoint && fractionDigits.isEmpty { throw fail(.missingDigitAfterPoint) }
        if integerDigits.isEmpty { throw fail(.missingDigits) }

        if let denominator = denominatorDigits {
            if denominator.isEmpty { throw fail(.missingDenominator) }
            if denominator.allSatisfy({ $0 == 0 }) { throw fail(.zeroDenominator) }
            let n = Exact.integer(integerDigits, negative: negative)
            let d = Exact.integer(denominator, negative: false)
            do {
                self = try n / d
            } catch {
                throw fail(.zeroDenominator)
            }
            return
        }
        let scale = fractionDigits.count + (percent ? 2 : 0)
        let digitCount = integerDigits.count + fractionDigits.count
        if digitCount <= 18 && scale <= 18 {
            let value = (integerDigits + fractionDigits).reduce(Int64(0)) { $0 * 10 + Int64($1) }
            self.init(small: negative ? -value : value, Int64(WideMath.powerOfTen(scale)))
            return
        }
        let numerator = Exact.integer(integerDigits + fractionDigits, negative: negative)
        let denominator = BigRational.make(numerator: .powerOfTen(scale), denominator: .make(1))
        self.init(big: BigRational.quotient(numerator.bigValue, denominator))
    }

    /// An integer from digit values 0-9.
    static func integer(_ digits: [UInt8], negative: Bool) -> Exact {
        if digits.count <= 18 {
            let value = digits.reduce(Int64(0)) { $0 * 10 + Int64($1) }
            return Exact(small: negative ? -value : value, 1)
        }
        let n = BigInteger.make(digitValues: digits)
        if negative { n.negate() }
        return Exact(big: BigRational.make(numerator: n, denominator: .make(1)))
    }
}
