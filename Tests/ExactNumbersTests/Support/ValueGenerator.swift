/// Operand texts for the property tests, spelled so that both `Exact(parsing:)` and Python's `Fraction` read
/// them: decimals (`-1234.56`) and fractions (`-22/7`), never `%`.
///
/// The mix leans on the places where an exact type goes wrong: amounts, values next to the `Int64` limits
/// (where the fast path hands over to GMP), values of 128 bits and more, rounding ties, zeros in several
/// spellings and fractions that are not in lowest terms.
struct ValueGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Any operand, from every family below.
    mutating func value() -> String {
        switch random.below(100) {
        case 0..<25: return amount()
        case 25..<32: return shortDecimal()
        case 32..<40: return smallFraction()
        case 40..<55: return nearInt64Limit()
        case 55..<60: return longFastDecimal()
        case 60..<72: return huge()
        case 72..<79: return tie().text
        case 79..<82: return zero()
        case 82..<86: return terminatingFraction()
        case 86..<90: return unreducedFraction()
        case 90..<94: return demotingLongText()
        default: return random.pick(Self.landmarks)
        }
    }

    /// Values everyone should try: limits of `Int64` and `Int128`, thirds, a cent.
    static let landmarks = [
        "1/3", "2/3", "-22/7", "1", "-1", "0.01", "-0.01", "0.5",
        "9223372036854775807", "-9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1/9223372036854775807", "-1/9223372036854775807", "-9223372036854775808/9223372036854775807",
        "9223372036854775807/9223372036854775806", "3037000499", "3037000500", "-3037000500",
        "0.000000000000000001", "0.0000000000000000001", "-9.223372036854775808", "18446744073709551615",
        "18446744073709551616", "170141183460469231731687303715884105727", "-170141183460469231731687303715884105728",
        "340282366920938463463374607431768211455", "85070591730234615865843651857942052864",
    ]

    /// A money amount with two decimals, up to 10^12 in magnitude.
    mutating func amount(allowNegative: Bool = true) -> String {
        let cents = random.below(Self.powerOfTen(random.int(0...14)) + 1)
        return Self.decimal(String(cents), places: 2, negative: allowNegative && random.chance(25))
    }

    /// A positive money amount with two decimals, from 0.01 up to 10^12.
    mutating func positiveAmount() -> String {
        let cents = 1 + random.below(Self.powerOfTen(random.int(0...14)))
        return Self.decimal(String(cents), places: 2, negative: false)
    }

    /// Another spelling of the same value: trailing zeros, a decimal as a fraction, a fraction times k/k.
    mutating func respelling(of text: String) -> String {
        if let slash = text.firstIndex(of: "/") {
            let numerator = text[..<slash]
            let denominator = text[text.index(after: slash)...]
            if let n = Int128(numerator), let d = Int128(denominator) {
                let k = Int128(random.int(2...999))
                let (kn, overflowN) = n.multipliedReportingOverflow(by: k)
                let (kd, overflowD) = d.multipliedReportingOverflow(by: k)
                if !overflowN && !overflowD { return "\(kn)/\(kd)" }
            }
            return numerator + "/000" + denominator
        }
        let zeros = String(repeating: "0", count: random.int(1...25))
        guard let point = text.firstIndex(of: ".") else {
            return random.chance(50) ? text + "." + zeros : text + "/1" + zeros.dropFirst()
        }
        if random.chance(50) { return text + zeros }
        let fraction = text[text.index(after: point)...]
        return text[..<point] + fraction + "/1" + String(repeating: "0", count: fraction.count)
    }

    /// A decimal with 0 to 6 places and up to 12 digits.
    mutating func shortDecimal() -> String {
        let units = random.below(Self.powerOfTen(random.int(1...12)))
        return Self.decimal(String(units), places: random.int(0...6), negative: random.chance(35))
    }

    /// `n/d` with both parts up to a million.
    mutating func smallFraction() -> String {
        let n = random.int(-1_000_000...1_000_000)
        let d = random.int(1...1_000_000)
        return "\(n)/\(d)"
    }

    /// An integer, fraction or decimal within a little of where 64-bit (or 32-bit, for products) arithmetic
    /// overflows.
    mutating func nearInt64Limit() -> String {
        let r = Int128(random.int(0...999))
        let sign: Int128 = random.chance(40) ? -1 : 1
        let centres: [Int128] = [
            Int128(Int64.max) - r, Int128(Int64.min) + r, (1 << 62) + r, (1 << 62) - r, (1 << 32) + r,
            (1 << 32) - r, 3_037_000_499 + r, 3_037_000_500 - r, (1 << 63) + r, Int128(UInt64.max) - r,
        ]
        let n = random.pick(centres)
        let signed = n == Int128(Int64.min) + r ? n : sign * n
        switch random.below(4) {
        case 0, 1:
            return String(signed)
        case 2:
            let denominators: [Int128] = [
                Int128(Int64.max) - r, (1 << 62) + r, 3_037_000_499 + r, r + 1, (1 << 31) + r,
            ]
            return "\(signed)/\(random.pick(denominators))"
        default:
            let digits = String(n.magnitude)
            return Self.decimal(digits, places: random.int(1...digits.count), negative: signed < 0)
        }
    }

    /// A decimal of 17 to 19 significant digits: the edge of the parser's machine-integer path.
    mutating func longFastDecimal() -> String {
        let count = random.int(17...19)
        return Self.decimal(random.digits(count), places: random.int(0...count), negative: random.chance(35))
    }

    /// An integer, decimal or fraction of 40 to 80 digits (over 128 bits), or one just past 2^64 and 2^128.
    mutating func huge() -> String {
        let negative = random.chance(40)
        switch random.below(5) {
        case 0:
            return (negative ? "-" : "") + random.digits(random.int(40...80))
        case 1:
            let whole = random.digits(random.int(1...60))
            let fraction = random.digits(random.int(1...40), leadingNonZero: false)
            return (negative ? "-" : "") + whole + "." + fraction
        case 2:
            let n = random.digits(random.int(20...80))
            let d = random.chance(50) ? random.digits(random.int(20...80)) : String(random.int(1...999_999))
            return (negative ? "-" : "") + n + "/" + d
        case 3:
            let n = String(random.int(1...999_999))
            return (negative ? "-" : "") + n + "/" + random.digits(random.int(20...80))
        default:
            let r = UInt128(random.int(0...999))
            let edges: [UInt128] = [
                (UInt128(1) << 127) - r, (UInt128(1) << 127) + r, UInt128.max - r, (UInt128(1) << 64) + r,
            ]
            return (negative ? "-" : "") + String(random.pick(edges))
        }
    }

    /// A value exactly halfway between two multiples of `10^-places`, with that `places`.
    mutating func tie() -> (text: String, places: Int) {
        if random.chance(15) { return random.pick(Self.knownTies) }
        let places = random.chance(80) ? random.int(0...6) : random.pick([17, 18, 19, 20, 25])
        let units = random.below(Self.powerOfTen(random.int(0...9)))
        return (Self.decimal(String(units) + "5", places: places + 1, negative: random.chance(40)), places)
    }

    static let knownTies: [(text: String, places: Int)] = [
        ("2.675", 2), ("-0.005", 2), ("0.125", 2), ("0.135", 2), ("-0.125", 2), ("1.005", 2), ("1234.565", 2),
        ("2.5", 0), ("-2.5", 0), ("0.5", 0), ("-0.5", 0), ("1.5", 0), ("-3.5", 0), ("0.0000000000000000005", 18),
        ("9223372036854775807.5", 0), ("-9223372036854775808.5", 0), ("922337203685477580.75", 1),
        ("92233720368547758.075", 2), ("-0.00000000000000000000005", 22), ("1/8", 2), ("-3/8", 2), ("5/16", 3),
    ]

    /// Zero in several spellings.
    mutating func zero() -> String {
        random.pick(["0", "-0", "+0", "0.00", "-0.000", "0/5", "0/9223372036854775807", "0.00000000000000000000000"])
    }

    /// `n / (2^a × 5^b)`: a decimal that terminates, sometimes after more than 18 places.
    mutating func terminatingFraction() -> String {
        let n = random.int(-1_000_000...1_000_000)
        let d: UInt128
        switch random.below(3) {
        case 0: d = UInt128(1) << random.int(1...100)
        case 1: d = Self.power(5, random.int(1...50))
        default: d = (UInt128(1) << random.int(0...40)) * Self.power(5, random.int(0...20))
        }
        return "\(n)/\(d)"
    }

    /// A fraction with a common factor, such as `6/4`, which the fast path keeps unreduced.
    mutating func unreducedFraction() -> String {
        let n = Int128(random.int(-10_000...10_000))
        let d = Int128(random.int(1...10_000))
        let k = random.chance(70) ? Int128(random.int(2...1_000_000_000)) : (1 << 40) + Int128(random.int(0...999))
        return "\(n * k)/\(d * k)"
    }

    /// More than 18 digits that reduce to a machine fraction: trailing or leading zeros, a big common factor.
    mutating func demotingLongText() -> String {
        switch random.below(3) {
        case 0: return amount() + String(repeating: "0", count: random.int(17...30))
        case 1: return String(repeating: "0", count: random.int(17...30)) + amount(allowNegative: false)
        default:
            let zeros = String(repeating: "0", count: random.int(20...40))
            return "\(random.int(-999_999...999_999))\(zeros)/\(random.int(1...999_999))\(zeros)"
        }
    }

    /// `digits` read as an integer count of `10^-places`, written as a decimal.
    static func decimal(_ digits: String, places: Int, negative: Bool) -> String {
        let sign = negative ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = digits.count <= places ? String(repeating: "0", count: places + 1 - digits.count) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return sign + padded[..<split] + "." + padded[split...]
    }

    static func powerOfTen(_ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }

    static func power(_ base: UInt128, _ exponent: Int) -> UInt128 {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }
}
