/// The price-score workload: deterministic bids, so every run and every machine scores the same numbers.
///
/// A price score is `round_half_up(base / bid × points, 2)`, where `base` (评标基准价) is the lowest valid
/// bid: the lowest bid gets all the points, the others proportionally fewer.
struct Workload {
    /// How many bids are scored per benchmark iteration; the benchmarks' scaling factor is `.kilo`, so
    /// scaled metrics read per score.
    static let bidCount = 1_000

    /// The price points (价格分): 60 is the high end for goods.
    static let points = "60"

    /// The bids as decimal text, each with exactly two decimals.
    let bids: [String]
    /// The lowest bid.
    let base: String

    /// Bids of up to 10^12 yuan with 2 decimals (at most 14 digits of cents): the machine-integer path.
    static func machineSized(seed: UInt64 = 0x7E4D_E12C_0FFE_E001) -> Workload {
        var random = SplitMix64(seed: seed)
        // 10^11 ... 10^12 yuan, in cents: large amounts are the hard case for the fast path.
        let cents = (0..<bidCount).map { _ in random.next(in: 10_000_000_000_000...100_000_000_000_000) }
        return Workload(cents: cents.map { Digits(String($0)) })
    }

    /// Bids of 40 digits (38 integer digits and 2 decimals, about 133 bits): too wide for 128-bit
    /// integers, so every quotient and product is a GMP rational.
    static func gmpSized(seed: UInt64 = 0x6D50_51A7_BEEF_0040) -> Workload {
        var random = SplitMix64(seed: seed)
        let cents = (0..<bidCount).map { _ in
            // A leading digit 1-9 and 39 more random digits: 10^39 ≤ cents < 10^40.
            var text = String(random.next(in: 1...9))
            for _ in 0..<3 { text += String(random.next(in: 0...9_999_999_999_999)).leftPadded(to: 13) }
            return Digits(text)
        }
        return Workload(cents: cents)
    }

    private init(cents: [Digits]) {
        let texts = cents.map(\.asYuan)
        bids = texts
        base = cents.min()!.asYuan
    }
}

/// A non-negative integer of cents as decimal digits (no leading zeros), ordered by value.
private struct Digits: Comparable {
    let text: String
    init(_ text: String) { self.text = text }

    static func < (lhs: Digits, rhs: Digits) -> Bool {
        lhs.text.count != rhs.text.count ? lhs.text.count < rhs.text.count : lhs.text < rhs.text
    }

    /// The amount in yuan with two decimals: `123456` → `1234.56`.
    var asYuan: String {
        let padded = text.leftPadded(to: 3)
        return padded.dropLast(2) + "." + padded.suffix(2)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// A small deterministic generator (SplitMix64), so the workload never depends on a system RNG.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `range`, by rejection so that it is unbiased.
    mutating func next(in range: ClosedRange<UInt64>) -> UInt64 {
        let width = range.upperBound - range.lowerBound
        if width == .max { return next() }
        let span = width + 1
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return range.lowerBound + value % span
    }
}
