extension Exact: CustomStringConvertible {
    /// The exact value: a decimal when it terminates (`1234.56`, `-0.005`, `0.125`), otherwise the fraction
    /// in lowest terms (`1/3`, `-22/7`). ``init(parsing:)`` reads both forms back.
    public var description: String {
        if let places = terminatingPlaces {
            return formatted(places: places, mode: .towardZero)
        }
        if let (n, d) = reducedSmallParts { return "\(n)/\(d)" }
        let value = bigValue
        let sign = value.sign < 0 ? "-" : ""
        return sign + value.numerator.magnitudeDigits + "/" + value.denominator.magnitudeDigits
    }

    /// The number of decimal places the value needs, or nil when its decimal expansion does not terminate.
    public var terminatingPlaces: Int? {
        if let (_, d) = reducedSmallParts {
            var rest = UInt64(d)
            let twos = rest.trailingZeroBitCount
            rest >>= twos
            var fives = 0
            while rest % 5 == 0 {
                rest /= 5
                fives += 1
            }
            return rest == 1 ? max(twos, fives) : nil
        }
        return bigValue.terminatingPlaces
    }

    /// The value rounded to exactly `places` decimal places, e.g. `28.80` or `-0.01`; never `-0.00`.
    public func formatted(places: Int, mode: RoundingMode = .halfUp) -> String {
        precondition(places >= 0, "formatting places must not be negative")
        let digits: String
        let isZero: Bool
        switch scaledMagnitude(places: places, mode: mode) {
        case .small(let k):
            digits = String(k)
            isZero = k == 0
        case .big(let k):
            digits = k.magnitudeDigits
            isZero = k.sign == 0
        }
        let sign = signum < 0 && !isZero ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = digits.count <= places ? String(repeating: "0", count: places + 1 - digits.count) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return sign + padded[..<split] + "." + padded[split...]
    }
}

extension Exact: LosslessStringConvertible {
    /// Parses `text` as ``init(parsing:)`` does, or returns nil.
    public init?(_ text: String) {
        guard let value = try? Exact(parsing: text) else { return nil }
        self = value
    }
}

extension Exact: Codable {
    /// Decodes a decimal or fraction string (`"1234.56"`, `"12.5%"`, `"1/3"`) or an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            self.init(small: integer, 1)
            return
        }
        let text = try container.decode(String.self)
        do {
            self = try Exact(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the exact ``description`` as a string, so no digit is lost to a floating-point reader.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
